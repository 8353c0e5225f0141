/**
 * No page that only search reaches: following links from the home pages (both languages, with the
 * header navigation every page carries) through the built HTML reaches every page of the
 * sitemap. The search pages (the search and its A–Z pages) lead only to each other: they list every
 * unit by design, so following them to units would prove nothing about browsing. Reads dist/ only;
 * no browser, well under a second.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/site/i18n.ts';
import { parsePath, pathOf } from '../../src/site/routes.ts';
import { DIST, sitemapPaths } from '../browser/site-pages.ts';

const ORIGIN = 'http://site.invalid';
const START = LANGS.map((lang) => pathOf({ key: 'home' }, lang));
/** The search and its A–Z pages: followed only to one another. */
const isSearchPage = (path: string): boolean => ['search', 'searchLetter'].includes(parsePath(path)?.route.key ?? '');

/** The built HTML file of a page path (`/don-vi/585-ninh-son/` → dist/don-vi/585-ninh-son/index.html). */
function htmlFile(path: string): string | undefined {
  const file = join(DIST, decodeURIComponent(path), 'index.html');
  return existsSync(file) ? file : undefined;
}

/** Same-site page paths a page links to (`<a href>`), without query or fragment. */
function linkedPaths(html: string, from: string): string[] {
  const paths: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const url = new URL((match[1] ?? '').replace(/&amp;/g, '&'), ORIGIN + from);
    if (url.origin === ORIGIN) paths.push(url.pathname);
  }
  return paths;
}

/** Every page reached from `start` by following links, search pages stepping only to search pages. */
function crawl(start: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (reached.has(path)) continue;
    const file = htmlFile(path);
    if (!file) continue;
    reached.add(path);
    for (const next of linkedPaths(readFileSync(file, 'utf8'), path)) {
      if (!reached.has(next) && (!isSearchPage(path) || isSearchPage(next))) queue.push(next);
    }
  }
  return reached;
}

describe('every page is reachable without search', () => {
  const pages = sitemapPaths();
  const reached = crawl(START);

  it('the crawl reads real pages (the sitemap lists both languages)', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((p) => p.startsWith('/en/')).length).toBe(pages.length / 2);
    expect(linkedPaths('<a class="x" href="../xep-hang/2024/#top">x</a><a href="https://example.org/">y</a>', '/don-vi/585-ninh-son/')).toEqual([
      '/don-vi/xep-hang/2024/',
    ]);
  });

  it('links from the home pages reach every page of the sitemap', () => {
    expect(pages.filter((p) => !reached.has(p))).toEqual([]);
  });
});
