/**
 * Pages on paper: the plan page, a district page and the home page printed by Chromium to A4 PDF
 * (print media, as "Save as PDF" does), their text read back with pdfjs-dist. Page 1 carries the
 * title, the page's address and the data release; a plan's summary of every target, with each
 * verdict as targets.csv states it, fits page 1; folded table twins print open; no text runs past
 * the printable area; the page counts stay within the bounds measured when the print styles were
 * written (before them: plan 4 pages, Ninh Sơn 11 with its folded tables missing, home 5).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { statusWords } from '../../src/charts/bullet-chart.ts';
import type { TargetRow } from '../../src/engine/tables.ts';
import { formatDate } from '../../src/site/format.ts';
import { siteConfig } from '../../src/site/site-config.ts';
import { targetValueCell } from '../../src/site/table-cells.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';
import { DIST, sitemapPaths } from './site-pages.ts';

/** A4 in PDF points, and the side margin of site.css's `@page` (10 mm). */
const A4_WIDTH_PT = 595.28;
const SIDE_MARGIN_PT = (10 / 25.4) * 72;
/** A4's printable width at 96 px per inch: 210 mm − 2 × 10 mm. */
const PRINTABLE_WIDTH_PX = Math.floor((190 / 25.4) * 96);

const paths = sitemapPaths();
const planPath = paths.find((p) => /^\/ke-hoach\/[^/]+\/$/.test(p)) ?? '';
const planId = planPath.split('/')[2] ?? '';
const UNIT_PATH = '/don-vi/585-ninh-son/';
const HOME_PATH = '/';

/**
 * Page counts printed (measured on the sample data): plan 4 (before: 4 with page 1 mostly blank;
 * now the summary and every target fill page 1, the words' notes, the plan's document and the
 * charts follow; 5 since the plan also has a section for each following year: 2025 until Huyện
Ninh Sơn ended on 30/06/2025, 2026 with the units its territory went to), Ninh Sơn 15 (its folded
twins, monthly chart and communes now print), home 5. The upper
 * bounds are those counts (plus one where the page lists more than its own unit); the lower
 * bounds catch content that silently stops printing.
 */
const PAGE_BOUNDS: Record<string, { min: number; max: number }> = {
  [planPath]: { min: 2, max: 5 },
  [UNIT_PATH]: { min: 8, max: 16 },
  [HOME_PATH]: { min: 3, max: 6 },
};

interface TextItem {
  str: string;
  x: number;
  width: number;
}

interface Printed {
  /** Each page's text, items joined by spaces, whitespace collapsed. */
  pages: string[];
  /** Items that end right of the printable area, with their page. */
  overflowing: string[];
  canonical: string;
  title: string;
  /** Caption and last row's cells of each table folded in a closed <details>. */
  foldedTables: { caption: string; lastRow: string[] }[];
}

let server: RunningServer;
let browser: Browser;
const printed = new Map<string, Printed>();

const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function pdfText(pdf: Buffer): Promise<{ pages: string[]; overflowing: string[] }> {
  const task = getDocument({ data: new Uint8Array(pdf) });
  const doc = await task.promise;
  const pages: string[] = [];
  const overflowing: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const items: TextItem[] = content.items.flatMap((item) =>
      'str' in item ? [{ str: item.str, x: Number(item.transform[4]), width: item.width }] : [],
    );
    pages.push(squash(items.map((item) => item.str).join(' ')));
    for (const item of items) {
      // Half a point of tolerance for rounding in glyph widths.
      if (item.str.trim() && item.x + item.width > A4_WIDTH_PT - SIDE_MARGIN_PT + 0.5) overflowing.push(`p${i}: "${item.str}"`);
    }
  }
  await task.destroy();
  return { pages, overflowing };
}

async function print(page: Page, path: string): Promise<Printed> {
  await page.goto(server.origin + path, { waitUntil: 'load' });
  const facts = await page.evaluate(() => ({
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
    title: document.querySelector('h1')?.textContent ?? '',
    foldedTables: [...document.querySelectorAll('details:not([open]) table')].map((table) => ({
      caption: table.querySelector('caption')?.textContent ?? '',
      lastRow: [...(table.querySelector('tbody tr:last-child')?.children ?? [])].map((cell) => cell.textContent ?? ''),
    })),
  }));
  const { pages, overflowing } = await pdfText(await page.pdf({ format: 'A4', printBackground: false }));
  return {
    pages,
    overflowing,
    canonical: facts.canonical,
    title: squash(facts.title),
    foldedTables: facts.foldedTables.map((t) => ({ caption: squash(t.caption), lastRow: t.lastRow.map(squash) })),
  };
}

beforeAll(async () => {
  expect(planPath, 'the sitemap lists a plan page').not.toBe('');
  server = await serveStatic(DIST);
  browser = await launchChromium();
  const page = await (await browser.newContext()).newPage();
  for (const path of [planPath, UNIT_PATH, HOME_PATH]) printed.set(path, await print(page, path));
  await page.close();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function get(path: string): Printed {
  const p = printed.get(path);
  if (!p) throw new Error(`${path} was not printed`);
  return p;
}

const blankToNull = <T,>(v: T | '' | null | undefined): T | null => (v === '' || v === undefined ? null : v);

/** The text with every space removed: an address may be broken across lines on paper. */
const compact = (s: string): string => s.replace(/\s+/g, '');

describe.each([planPath, UNIT_PATH, HOME_PATH])('printed %s', (path) => {
  test('page count within its bounds', () => {
    const bounds = PAGE_BOUNDS[path];
    expect(bounds).toBeDefined();
    expect(get(path).pages.length).toBeGreaterThanOrEqual(bounds?.min ?? Infinity);
    expect(get(path).pages.length).toBeLessThanOrEqual(bounds?.max ?? 0);
  });

  test('page 1 carries the title, the address and the release', async () => {
    const site = await siteConfig();
    const { pages, canonical, title } = get(path);
    const first = pages[0] ?? '';
    expect(canonical).toMatch(/^https?:\/\//);
    expect(compact(first)).toContain(compact(canonical));
    expect(compact(first)).toContain(compact(title));
    expect(first).toContain(formatDate(site.release.date, 'vi'));
    expect(first).toContain(site.release.version);
  });

  test('no text runs past the printable width', () => {
    expect(get(path).overflowing).toEqual([]);
  });
});

describe('printed plan page', () => {
  test('page 1 holds the summary: every target of targets.csv in the plan’s year with its value and verdict', () => {
    const csv = readFileSync(join(DIST, 'data', 'targets.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<TargetRow>(csv, { header: true, dynamicTyping: true, skipEmptyLines: true }).data
      .filter((row) => row.plan === planId)
      // The summary is of the plan's own year (its earliest period); the following years (KH 95:
      // "2024 and the following years") have their own sections, checked below.
      .filter((row, _, all) => String(row.period) === String(Math.min(...all.map((r) => Number(r.period)))))
      // An empty CSV field is a missing value (Papa keeps it as "").
      .map((row) => ({ ...row, value: blankToNull(row.value), certainty: blankToNull(row.certainty) }));
    expect(rows.length).toBeGreaterThan(0);
    const first = get(planPath).pages[0] ?? '';
    const verdicts = new Map<string, number>();
    for (const row of rows) {
      // squash: the PDF's text has plain spaces where the page has no-break ones.
      const verdict = squash(statusWords(row.status, row.certainty, 'vi').join(', '));
      verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
      expect(first).toContain(squash(targetValueCell(row, 'vi')));
    }
    // Each verdict as often on page 1 as the plan has it (the summary may not lose a row).
    for (const [verdict, count] of verdicts) {
      const onPage = first.split(verdict).length - 1;
      expect(onPage, verdict).toBeGreaterThanOrEqual(count);
    }
    for (const heading of ['Chỉ tiêu', 'Kết quả', 'Khoảng tin cậy 95 %', 'Đánh giá (độ chắc chắn)', 'Số người trả lời (n)']) {
      expect(first).toContain(squash(heading));
    }
  });
});

describe('printed plan page, following years', () => {
  test('the sections of 2025 and 2026 print, with the units that took over the territory', () => {
    const all = get(planPath).pages.join(' ');
    expect(all).toContain(squash('Năm 2025 (đến 30/06/2025, khi Huyện Ninh Sơn còn tồn tại)'));
    expect(all).toContain(squash('Huyện Ninh Sơn không còn từ ngày 01/07/2025'));
    for (const successor of ['Phường Đô Vinh', 'Xã Ninh Sơn', 'Xã Lâm Sơn', 'Xã Mỹ Sơn', 'Xã Anh Dũng']) expect(all).toContain(successor);
  });
});

describe('printed unit page', () => {
  test('tables folded on screen print open, with their last row', () => {
    const { pages, foldedTables } = get(UNIT_PATH);
    expect(foldedTables.length).toBeGreaterThan(0);
    const all = pages.join(' ');
    for (const table of foldedTables) {
      const at = all.indexOf(table.caption);
      expect(at, table.caption).toBeGreaterThanOrEqual(0);
      // The last row's cells in order after the caption: the whole table printed, not its toggle.
      let from = at + table.caption.length;
      for (const cell of table.lastRow) {
        const next = all.indexOf(cell, from);
        expect(next, `${table.caption}: "${cell}"`).toBeGreaterThanOrEqual(from);
        from = next + cell.length;
      }
    }
  });
});

describe('tables in print layout', () => {
  test.each([planPath, UNIT_PATH, HOME_PATH, '/xep-hang/2024/', '/du-lieu/', '/ket-qua-chinh-thuc/'])(
    'every table of %s fits the printable width',
    async (path) => {
      const context = await browser.newContext({ viewport: { width: PRINTABLE_WIDTH_PX, height: 1000 } });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(server.origin + path, { waitUntil: 'load' });
      const tooWide = await page.$$eval('table', (tables) =>
        tables.flatMap((table) => {
          const box = (table.parentElement ?? table).getBoundingClientRect();
          const width = Math.max(table.scrollWidth, table.getBoundingClientRect().width);
          return width > box.width + 0.5 || width > document.documentElement.clientWidth
            ? [`${table.id || table.querySelector('caption')?.textContent}: ${Math.round(width)} px in ${Math.round(box.width)} px`]
            : [];
        }),
      );
      await context.close();
      expect(tooWide).toEqual([]);
    },
  );
});
