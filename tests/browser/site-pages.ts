/**
 * The list of pages to test: every URL in the built sitemap, mapped from the public base URL to a
 * path on the local server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = join(process.cwd(), 'dist');

export function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  return urls.map((u) => new URL(u).pathname).sort();
}
