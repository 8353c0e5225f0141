/**
 * Where a frozen release's Astro output goes in the site (data-contract.md → Releases): the
 * Vietnamese pages and every file (data, scripts, icons) under `/phat-hanh/<id>/`, the English
 * pages under `/en/releases/<id>/`. Left behind: what belongs to the live site alone (the
 * calendar, the sitemap, robots.txt, the 404 page).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FROZEN_ROOT } from '../site/frozen-release.ts';

/** Top-level entries of a frozen build that the live site alone has. */
const LIVE_ONLY = new Set(['sitemap.xml', 'robots.txt', '404.html', FROZEN_ROOT.vi]);
/** The calendar's English folder (`/en/releases/`), inside `en/`. */
const LIVE_ONLY_EN = new Set(['releases']);

/** Renames that put a frozen build's output (`out`) into the site (`dist`). */
export function frozenOutputMoves(out: string, dist: string, version: string): { from: string; to: string }[] {
  const moves: { from: string; to: string }[] = [];
  for (const entry of readdirSync(out)) {
    if (LIVE_ONLY.has(entry)) continue;
    if (entry === 'en') {
      for (const page of readdirSync(join(out, 'en'))) {
        if (!LIVE_ONLY_EN.has(page)) moves.push({ from: join(out, 'en', page), to: join(dist, FROZEN_ROOT.en, version, page) });
      }
    } else {
      moves.push({ from: join(out, entry), to: join(dist, FROZEN_ROOT.vi, version, entry) });
    }
  }
  return moves;
}
