/**
 * Tables on a phone (360 × 740 and 390 × 844), on one page of each page type: no table is wider
 * than the screen unless it scrolls inside its wrapper under a visible "scroll sideways" hint; a
 * reflowed table labels each value with its column's heading; and no table makes the page itself
 * scroll sideways. On a 1,366 px screen no table scrolls at all (the plan's table of every target
 * used to be 1,325 px wide).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';
import { DIST, sitemapPaths } from './site-pages.ts';

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];

/**
 * One page of each type, found in the sitemap so that the test follows the data; the district is
 * Ninh Sơn when present, whose page also carries its plan's targets.
 */
const PAGE_TYPES: Record<string, RegExp> = {
  home: /^\/$/,
  ranking: /^\/xep-hang\/\d{4}\/$/,
  trends: /^\/xu-huong\/$/,
  province: /^\/don-vi\/\d{2}-[^/]+\/$/,
  district: /^\/don-vi\/(585-ninh-son|\d{3}-[^/]+)\/$/,
  commune: /^\/don-vi\/\d{5}-[^/]+\/$/,
  plan: /^\/ke-hoach\/[^/]+\/$/,
  data: /^\/du-lieu\/$/,
  official: /^\/ket-qua-chinh-thuc\/$/,
  comparePair: /^\/so-sanh\/\d+-[^/]+-va-\d+-[^/]+\/$/,
  compareUnit: /^\/so-sanh\/\d{5}-[^/]+\/$/,
};

const paths = sitemapPaths();
const PREFERRED = new Set(['/don-vi/585-ninh-son/']);
const pages = Object.entries(PAGE_TYPES).map(([type, pattern]) => {
  const matching = paths.filter((p) => pattern.test(p));
  return { type, path: matching.find((p) => PREFERRED.has(p)) ?? matching[0] ?? '' };
});

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface TableReport {
  /** Tables wider than the screen without a visible scroll hint. */
  unannounced: string[];
  /** Reflowed cells whose label differs from their column heading. */
  mislabelled: string[];
  /** Tables that scroll under a hint: their count, so the hint itself is exercised. */
  hinted: number;
  tables: number;
  pageWidth: number;
}

test('every page type is in the sitemap', () => {
  expect(pages.filter((p) => p.path === '').map((p) => p.type)).toEqual([]);
});

describe.each(VIEWPORTS)('at $width × $height', (viewport) => {
  test.each(pages)('$type ($path): tables fit or say they scroll', async ({ path }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const report: TableReport = await page.evaluate(() => {
      const screen = document.documentElement.clientWidth;
      const visible = (el: Element | null): boolean =>
        el !== null && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility !== 'hidden';
      const unannounced: string[] = [];
      const mislabelled: string[] = [];
      let hinted = 0;
      const tables = [...document.querySelectorAll('table')].filter((table) => visible(table));
      for (const table of tables) {
        const name = table.id || table.querySelector('caption')?.textContent || 'table';
        const wrap = table.closest('.table-wrap');
        const box = (wrap ?? table).getBoundingClientRect();
        const tableWidth = Math.max(table.scrollWidth, table.getBoundingClientRect().width);
        const overflows = box.right > screen + 0.5 || tableWidth > box.width + 0.5;
        if (overflows) {
          // Allowed only inside a wrapper that scrolls, that fits the screen, under a visible hint.
          const describedBy = wrap?.getAttribute('aria-describedby');
          const hint = describedBy ? document.getElementById(describedBy) : null;
          const scrolls = wrap !== null && getComputedStyle(wrap).overflowX === 'auto';
          if (scrolls && box.right <= screen + 0.5 && visible(hint) && /Kéo ngang|Scroll sideways/.test(hint?.textContent ?? '')) hinted++;
          else unannounced.push(`${name}: ${Math.round(tableWidth)} px, screen ${screen} px`);
        }
        if (wrap?.classList.contains('table-reflow')) {
          const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
          for (const row of table.querySelectorAll('tbody tr')) {
            [...row.children].forEach((cell, i) => {
              if (cell.tagName === 'TD' && cell.getAttribute('data-label') !== headings[i]) {
                mislabelled.push(`${name}, column ${i + 1}: "${cell.getAttribute('data-label')}" under "${headings[i]}"`);
              }
              const label = getComputedStyle(cell, '::before').content;
              if (cell.tagName === 'TD' && !label.includes(headings[i] ?? '\u0000')) {
                mislabelled.push(`${name}, column ${i + 1}: shows ${label}`);
              }
            });
          }
        }
      }
      return { unannounced, mislabelled, hinted, tables: tables.length, pageWidth: document.documentElement.scrollWidth };
    });
    await context.close();
    expect(report.tables).toBeGreaterThan(0);
    expect(report.unannounced).toEqual([]);
    expect(report.mislabelled).toEqual([]);
    expect(report.pageWidth).toBeLessThanOrEqual(viewport.width);
  });
});

test('the heat table scrolls under its hint on a phone, and the hint is gone on a wide screen', async () => {
  const ranking = pages.find((p) => p.type === 'ranking')?.path ?? '';
  const hintShown = async (width: number): Promise<{ hint: boolean; scrolls: boolean }> => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.origin + ranking, { waitUntil: 'load' });
    const result = await page.$eval('.table-scroll', (wrap) => {
      const hint = document.getElementById(wrap.getAttribute('aria-describedby') ?? '');
      return { hint: hint !== null && hint.getBoundingClientRect().height > 0, scrolls: wrap.scrollWidth > wrap.clientWidth };
    });
    await context.close();
    return result;
  };
  expect(await hintShown(390)).toEqual({ hint: true, scrolls: true });
  expect(await hintShown(1366)).toEqual({ hint: false, scrolls: false });
});

test.each(pages)('on a 1,366 px screen no table of $type ($path) needs sideways scrolling', async ({ path }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.origin + path, { waitUntil: 'load' });
  const scrolling = await page.$$eval('.table-wrap', (wraps) =>
    wraps.filter((wrap) => wrap.scrollWidth > wrap.clientWidth).map((wrap) => `${wrap.querySelector('table')?.id}: ${wrap.scrollWidth} px in ${wrap.clientWidth} px`),
  );
  await context.close();
  expect(scrolling).toEqual([]);
});
