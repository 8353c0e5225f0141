/**
 * The built site in real Chromium: every page of the sitemap loads with status 200 and no console
 * error or request to another host; every internal link and download resolves; each chart's
 * download is the promised CSV (BOM, parses, as many rows as its table twin) with an XLSX in the
 * page's language (opens, same number of rows, a notes sheet); pages read with
 * JavaScript off; axe-core finds no violation; the language switch lands on the same page;
 * search folds diacritics, fetching one shard of its index, and its A–Z pages work without JavaScript.
 *
 * axe-core runs on every page except unit pages, where it runs on a fixed sample (AXE_UNITS plus
 * every AXE_STRIDE-th other unit page): the 2026 map has ~250 unit pages from one layout, axe costs
 * 0.4–2.6 s a unit page (7 s on a 65-commune ranking page), and running it on all of them took
 * this file to 12 minutes. The sample names each kind of unit page (province before and after
 * 1/7/2025, district, old commune, new commune with and without a back-cast, one with a split
 * commune); every other check here still visits every page. The compare pages are sampled the
 * same way (AXE_COMPARE, in both languages, and the compare index): 170 pages from two layouts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { resolveFile, serveStatic, type RunningServer } from './static-server.ts';
import { DIST, sitemapPaths } from './site-pages.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
const paths = sitemapPaths();

interface PageVisit {
  path: string;
  status: number;
  consoleErrors: string[];
  foreignRequests: string[];
  links: string[];
  downloads: { href: string; xlsx: string; tableRows: number }[];
  violations: string[];
}
const visits = new Map<string, PageVisit>();

/** Unit pages axe always checks, in both languages: one of each kind (see the module comment). */
const AXE_UNITS = [
  '58-ninh-thuan', '56-khanh-hoa-2025', '585-ninh-son', '582-phan-rang-thap-cham', '22810-tan-son',
  '22810-ninh-son', '22738-do-vinh-2025', '22780-dong-hai', '22366-nha-trang',
];
const AXE_STRIDE = 12;
const isUnitPage = (path: string) => /^\/(en\/units|don-vi)\//.test(path);
const unitPages = paths.filter(isUnitPage);
/** Compare pages axe checks: a pair of districts and a commune against the others, in both languages. */
const AXE_COMPARE = ['/so-sanh/584-bac-ai-va-585-ninh-son/', '/en/compare/584-bac-ai-and-585-ninh-son/', '/so-sanh/22741-bao-an/', '/en/compare/22741-bao-an/'];
const isComparePage = (path: string) => /^\/(en\/compare|so-sanh)\/[^/]+\/$/.test(path);
const comparePages = paths.filter(isComparePage);
const axePaths = new Set(
  paths.filter((path) =>
    isComparePage(path)
      ? AXE_COMPARE.includes(path)
      : !isUnitPage(path) || AXE_UNITS.some((u) => path.endsWith(`/${u}/`)) || unitPages.indexOf(path) % AXE_STRIDE === 0,
  ),
);

async function visit(page: Page, path: string, runAxe: boolean): Promise<PageVisit> {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.origin) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  const response = await page.goto(server.origin + path, { waitUntil: 'load' });
  const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const downloads = await page.$$eval('figure[data-chart]', (figures) =>
    figures.map((f) => ({
      href: (f.querySelector('a[data-download]') as HTMLAnchorElement | null)?.href ?? '',
      xlsx: (f.querySelector('a[data-download][href$=".xlsx"]') as HTMLAnchorElement | null)?.href ?? '',
      tableRows: f.querySelectorAll('table tbody tr').length,
    })),
  );
  let violations: string[] = [];
  if (runAxe) {
    await page.evaluate(AXE_SOURCE);
    violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
  }
  return { path, status: response?.status() ?? 0, consoleErrors, foreignRequests, links, downloads, violations };
}

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
  withJs = await browser.newContext({ bypassCSP: false });
  withoutJs = await browser.newContext({ javaScriptEnabled: false });
  // One pass over every page collects what the tests below check.
  const page = await withJs.newPage();
  for (const path of paths) {
    page.removeAllListeners();
    visits.set(path, await visit(page, path, axePaths.has(path)));
  }
  await page.close();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every page of the sitemap', () => {
  test('the sitemap lists pages in both languages', () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.some((p) => p.startsWith('/en/'))).toBe(true);
    expect(paths).toContain('/');
    expect(paths).toContain('/en/');
  });

  test('loads with status 200, no console error and no request to another host', () => {
    const problems = [...visits.values()].flatMap((v) => [
      ...(v.status === 200 ? [] : [`${v.path}: status ${v.status}`]),
      ...v.consoleErrors.map((e) => `${v.path}: console: ${e}`),
      ...v.foreignRequests.map((u) => `${v.path}: request to ${u}`),
    ]);
    expect(problems).toEqual([]);
  });

  test('axe-core finds no violation (every page but unit and compare pages, and a sample of each kind of those)', () => {
    for (const u of AXE_UNITS) expect(paths, `unit page ${u} is in the sitemap`).toContain(`/don-vi/${u}/`);
    for (const p of ['/xu-huong/', '/en/trends/']) expect(axePaths.has(p), `axe checks ${p}`).toBe(true);
    for (const c of AXE_COMPARE) expect(paths, `compare page ${c} is in the sitemap`).toContain(c);
    expect(axePaths.size).toBeGreaterThan(paths.length - unitPages.length - comparePages.length + 2 * AXE_UNITS.length + AXE_COMPARE.length - 1);
    const problems = [...visits.values()].flatMap((v) => v.violations.map((x) => `${v.path}: ${x}`));
    expect(problems).toEqual([]);
  });

  test('every internal link and download link resolves to a file in the build', () => {
    const broken = new Set<string>();
    for (const v of visits.values()) {
      for (const href of v.links) {
        const url = new URL(href);
        if (url.origin !== server.origin) continue;
        if (!resolveFile(DIST, url.pathname)) broken.add(`${v.path} → ${url.pathname}`);
      }
    }
    expect([...broken]).toEqual([]);
  });
});

describe('chart downloads', () => {
  test('each chart offers a CSV with BOM that parses to as many rows as its table twin', async () => {
    const checked = new Set<string>();
    const problems: string[] = [];
    let charts = 0;
    for (const v of visits.values()) {
      for (const d of v.downloads) {
        charts += 1;
        if (!d.href) {
          problems.push(`${v.path}: a chart without a download link`);
          continue;
        }
        const key = `${d.href}|${d.tableRows}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const res = await fetch(d.href);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200) problems.push(`${v.path}: ${d.href} → ${res.status}`);
        if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) problems.push(`${d.href}: no UTF-8 BOM`);
        const parsed = Papa.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
        if (parsed.errors.length) problems.push(`${d.href}: ${parsed.errors[0]?.message}`);
        if (parsed.data.length !== d.tableRows) {
          problems.push(`${v.path}: ${d.href} has ${parsed.data.length} rows, the table shows ${d.tableRows}`);
        }
      }
    }
    expect(charts).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  test('each chart offers an XLSX in the page’s language that downloads and holds the table twin’s rows', async () => {
    const problems: string[] = [];
    const read = new Set<string>();
    let charts = 0;
    for (const v of visits.values()) {
      const english = v.path.startsWith('/en/');
      for (const d of v.downloads) {
        charts += 1;
        if (!d.xlsx) {
          problems.push(`${v.path}: a chart without an XLSX link`);
          continue;
        }
        if (english !== d.xlsx.endsWith('.en.xlsx')) problems.push(`${v.path}: ${d.xlsx} is not the ${english ? 'English' : 'Vietnamese'} XLSX`);
        // Every link resolves (above); the files themselves are opened for one chart in ten.
        if (read.has(d.xlsx) || charts % 10 !== 1) continue;
        read.add(d.xlsx);
        const res = await fetch(d.xlsx);
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200) problems.push(`${v.path}: ${d.xlsx} → ${res.status}`);
        if (bytes.readUInt32LE(0) !== 0x04034b50) problems.push(`${d.xlsx}: not a zip (XLSX) file`);
        const [data, notes] = await readXlsxFile(bytes);
        if ((data?.data.length ?? 0) - 1 !== d.tableRows) problems.push(`${d.xlsx}: ${(data?.data.length ?? 0) - 1} rows, the table shows ${d.tableRows}`);
        if (notes?.sheet !== (english ? 'Notes' : 'Ghi chú')) problems.push(`${d.xlsx}: no notes sheet`);
      }
    }
    expect(read.size).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('with JavaScript off', () => {
  test('charts and their tables are in the page', async () => {
    const page = await withoutJs.newPage();
    const problems: string[] = [];
    let seen = 0;
    for (const path of paths) {
      const expected = visits.get(path)?.downloads.length ?? 0;
      if (expected === 0) continue;
      await page.goto(server.origin + path);
      const counts = await page.$$eval('figure[data-chart]', (fs) =>
        fs.map((f) => ({ svg: f.querySelectorAll('svg').length, table: f.querySelectorAll('table').length })),
      );
      seen += counts.length;
      if (counts.length !== expected) problems.push(`${path}: ${counts.length} charts without JS, ${expected} with`);
      counts.forEach((c, i) => {
        if (c.svg === 0 && c.table === 0) problems.push(`${path}: chart ${i} empty without JS`);
        if (c.table === 0) problems.push(`${path}: chart ${i} has no table twin`);
      });
    }
    await page.close();
    expect(seen).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('language switch', () => {
  test.each([
    ['/', '/en/'],
    ['/xep-hang/2024/', '/en/ranking/2024/'],
    ['/xu-huong/', '/en/trends/'],
    ['/don-vi/585-ninh-son/', '/en/units/585-ninh-son/'],
    ['/ke-hoach/kh-95-2024/', '/en/plans/kh-95-2024/'],
    ['/du-lieu/', '/en/data/'],
    ['/phuong-phap/', '/en/methodology/'],
  ])('%s ⇄ %s', async (vi, en) => {
    const page = await withJs.newPage();
    await page.goto(server.origin + vi);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.click('a[data-lang-switch]');
    expect(new URL(page.url()).pathname).toBe(en);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('a[data-lang-switch]');
    expect(new URL(page.url()).pathname).toBe(vi);
    await page.close();
  });
});

describe('search', () => {
  test('"do vinh" finds Phường Đô Vinh and "ninh son" finds Huyện Ninh Sơn, each from one shard of the index', async () => {
    const page = await withJs.newPage();
    const shards: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/search-index')) shards.push(path);
    });
    await page.goto(server.origin + '/tim-kiem/');
    const input = page.locator('input[type="search"]');
    const results = page.locator('[data-search-results]');
    await input.fill('do vinh');
    await expect.poll(() => results.innerText()).toContain('Đô Vinh');
    // The list holds what matches, not merely what the shard holds: Bác Ái is not a "do".
    expect(await results.innerText()).not.toContain('Bác Ái');
    await input.fill('ninh son');
    await expect.poll(() => results.innerText()).toContain('Huyện Ninh Sơn');
    expect(await results.innerText()).not.toContain('Đô Vinh');
    await expect.poll(() => page.locator('[data-search-results] a', { hasText: 'Huyện Ninh Sơn' }).first().getAttribute('href')).toBe('/don-vi/585-ninh-son/');
    // Typing on within a word keeps the shard it has: one request per key, none for the whole list.
    await input.fill('ninh s');
    await input.fill('Ninh Sơn');
    await expect.poll(() => results.innerText()).toContain('Huyện Ninh Sơn');
    expect(shards).toEqual(['/search-index/vi/do.json', '/search-index/vi/ni.json']);
    await page.close();
  });

  test('finds a unit by its code, asks for two letters, and says when nothing matches', async () => {
    const page = await withJs.newPage();
    await page.goto(server.origin + '/en/search/');
    const input = page.locator('input[type="search"]');
    const results = page.locator('[data-search-results]');
    const status = page.locator('#search-status');
    await input.fill('585');
    await expect.poll(() => results.innerText()).toContain('Ninh Sơn District');
    await input.fill('n');
    await expect.poll(() => status.innerText()).toBe('Type at least two letters of the name.');
    expect(await results.isHidden()).toBe(true);
    await input.fill('qqq');
    await expect.poll(() => status.innerText()).toBe('Nothing found.');
    await page.close();
  });

  test('runs the query of the address (?q=)', async () => {
    const page = await withJs.newPage();
    await page.goto(server.origin + '/tim-kiem/?q=ninh+son');
    await expect.poll(() => page.locator('[data-search-results]').innerText()).toContain('Huyện Ninh Sơn');
    await page.close();
  });

  test('without JavaScript, the A–Z pages reach every unit: N lists Huyện Ninh Sơn, D Phường Đô Vinh', async () => {
    const page = await withoutJs.newPage();
    await page.goto(server.origin + '/tim-kiem/');
    expect(await page.locator('#search-form').isHidden()).toBe(true);
    await page.click('.letter-index a[href="/tim-kiem/n/"]');
    expect(new URL(page.url()).pathname).toBe('/tim-kiem/n/');
    expect(await page.locator('.search-results a', { hasText: 'Huyện Ninh Sơn' }).getAttribute('href')).toBe('/don-vi/585-ninh-son/');
    await page.goto(server.origin + '/en/search/d/');
    const list = await page.locator('.search-results').innerText();
    expect(list).toContain('Đô Vinh Ward — Phan Rang - Tháp Chàm City, until 30 Jun 2025');
    expect(list).not.toContain('Ninh Sơn District —');
    await page.close();
  });
});
