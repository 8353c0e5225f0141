/**
 * Which build this is: the live site (the latest release at `/` and `/en/`), or the frozen copy of
 * one release (`/phat-hanh/<id>/`, `/en/releases/<id>/`: scripts/build-releases.ts runs one Astro
 * build per release with these variables set). Read once: a build is one or the other throughout.
 */
export interface FrozenBuild {
  /** The release id, e.g. `2026.1`. */
  version: string;
  /** Whether a later release exists (the frozen pages then say so in their banner). */
  superseded: boolean;
}

const version = process.env.SIPAS_FROZEN_RELEASE?.trim();
const FROZEN: FrozenBuild | null = version ? { version, superseded: process.env.SIPAS_FROZEN_SUPERSEDED === '1' } : null;

/** The frozen release this build renders, or null for the live site. */
export function frozenBuild(): FrozenBuild | null {
  return FROZEN;
}

/** First path segments of a release's frozen copy, per language (data-contract.md → Releases). */
export const FROZEN_ROOT = { vi: 'phat-hanh', en: 'en/releases' } as const;
