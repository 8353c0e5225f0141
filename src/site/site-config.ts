/**
 * The publisher's settings (`site.json` or `site.yaml` of the data folder) as the pages need
 * them, checked by the intake's own validator so the site and the pipeline read the file the
 * same way. The data folder is `DATA_DIR` when set (so a publisher can build the site from their
 * own folder), else `data/` of the project. Read once per build.
 */
import { join, resolve } from 'node:path';
import { loadSiteConfig } from '../intake/load-site-config.ts';
import type { SiteConfig } from '../intake/types.ts';

/**
 * The folder holding `site.json`, `units.csv`, `published/` … Resolved from the working directory
 * (the project root under `astro build`), not from a module's URL, which points into Astro's
 * bundle during a build.
 */
export function dataDir(): string {
  const fromEnv = process.env.DATA_DIR?.trim();
  return fromEnv ? resolve(process.cwd(), fromEnv) : join(process.cwd(), 'data');
}

let cached: Promise<SiteConfig> | undefined;

export function siteConfig(): Promise<SiteConfig> {
  cached ??= loadSiteConfig(dataDir(), (message) => console.warn(message));
  return cached;
}
