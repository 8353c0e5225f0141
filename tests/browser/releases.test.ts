/**
 * Releases in Chromium (issue 14): a frozen page of release 2026.1 in both languages (status, the
 * banner and its link to the live page, the numbers of 2026.1, axe, no sideways scroll on a phone,
 * every internal link resolving in the build, JavaScript off), and the changes page and calendar of
 * the live site against revisions.csv and site.json. The frozen pages are not in the sitemap (they
 * are archives, `noindex`), so site.test.ts does not visit them: this file does.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { resolveFile, serveStatic, type RunningServer } from './static-server.ts';
import { DIST } from './site-pages.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let browser: Browser;

type Row = Record<string, string>;
const revisions = Papa.parse<Row>(readFileSync(join(DIST, 'data', 'revisions.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

const FROZEN = [
  { path: '/phat-hanh/2026.1/don-vi/585-ninh-son/', live: '/don-vi/585-ninh-son/', banner: 'Bản phát hành 2026.1 (01/12/2026) — đã có bản mới hơn' },
  { path: '/en/releases/2026.1/units/585-ninh-son/', live: '/en/units/585-ninh-son/', banner: 'Release 2026.1 (1 Dec 2026) — a newer release exists' },
  { path: '/phat-hanh/2026.1/xep-hang/2024/', live: '/xep-hang/2024/', banner: 'Bản phát hành 2026.1' },
  { path: '/phat-hanh/2026.1/thay-doi/', live: '/thay-doi/', banner: 'Bản phát hành 2026.1' },
  { path: '/en/releases/2026.1/', live: '/en/', banner: 'Release 2026.1' },
];

describe('a frozen page of release 2026.1', () => {
  test.each(FROZEN)('$path: loads, says which release it is, links to the live page, passes axe, every link resolves', async ({ path, live, banner }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const response = await page.goto(server.origin + path);
    expect(response?.status()).toBe(200);
    const note = page.locator('.release-banner');
    expect(await note.innerText()).toContain(banner);
    expect(await note.locator('a').getAttribute('href')).toBe(live);
    expect(resolveFile(DIST, live), `${live} exists`).toBeTruthy();
    expect(await page.locator('footer').innerText()).toContain('2026.1');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const broken = links.map((href) => new URL(href)).filter((u) => u.origin === server.origin && !resolveFile(DIST, u.pathname)).map((u) => u.pathname);
    expect(broken).toEqual([]);
    // A frozen copy stays inside its release, except the banner's live page, the calendar, the
    // release's own files and the language switch to the same release.
    const outside = links
      .map((href) => new URL(href))
      .filter((u) => u.origin === server.origin && !/^\/(phat-hanh|en\/releases)\/2026\.1\//.test(u.pathname) && !['/phat-hanh/', '/en/releases/', live].includes(u.pathname));
    expect(outside.map((u) => u.pathname)).toEqual([]);
    await context.close();
    const withJs = await browser.newPage();
    await withJs.goto(server.origin + path);
    expect(await axeViolations(withJs)).toEqual([]);
    expect(errors).toEqual([]);
    await withJs.close();
  });

  test('shows release 2026.1\'s number: Huyện Ninh Sơn ranked 2 of 2024, 3 on the live page', async () => {
    const page = await browser.newPage();
    const rankOf = async (path: string) => {
      await page.goto(server.origin + path);
      const rows = await page.locator('#ranking-sipas-2024 table tbody tr').allInnerTexts();
      return rows.findIndex((r) => r.includes('Huyện Ninh Sơn')) + 1;
    };
    expect(await rankOf('/phat-hanh/2026.1/xep-hang/2024/')).toBe(2);
    expect(await rankOf('/xep-hang/2024/')).toBe(3);
    await page.close();
  });
});

describe('the changes page', () => {
  test('lists both reasons, the counts of revisions.csv, and Huyện Ninh Hải first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/thay-doi/`);
    const reasons = await page.locator('#reasons + ul li').allInnerTexts();
    expect(reasons.map((r) => r.split(':')[0])).toEqual(['sửa đổi do có thêm số liệu', 'đính chính lỗi']);
    // The counts table against the file: every file's corrections.
    for (const file of ['indices.csv', 'rankings.csv']) {
      const row = page.locator('#counts-table tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${file.replace('.', '\\.')}$`) }) });
      const cells = await row.locator('td').allInnerTexts();
      const count = (kind: string) => revisions.filter((r) => r.file === file && r.kind === kind).length.toLocaleString('vi-VN');
      expect(cells).toEqual([count('revision'), count('correction'), count('new'), count('withdrawn')]);
    }
    const units = await page.locator('#by-unit ~ h3, #by-unit + p ~ h3').allInnerTexts();
    expect(units[0]).toBe('Huyện Ninh Hải');
    // Ninh Hải's overall index of 2024, as revisions.csv has it.
    const overall = revisions.find((r) => r.file === 'indices.csv' && r.key === 'sipas|2024|586|2020-01-01|all|*|overall' && r.column === 'value');
    const table = await page.locator('[id^="changes-586-"] tbody').innerText();
    expect(table).toContain(`${overall?.previous_value?.replace('.', ',')}\u00a0%`);
    expect(table).toContain(`${overall?.value?.replace('.', ',')}\u00a0%`);
    const download = await page.locator('a[href="/data/revisions.csv"]').count();
    expect(download).toBe(1);
    await page.close();
  });

  test('the calendar lists both releases with their frozen copies and the planned one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/en/releases/`);
    const rows = await page.locator('#releases-table tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\s/)[0])).toEqual(['2026.2', '2026.1']);
    expect(await page.locator('#releases-table a[href="/en/releases/2026.1/"]').count()).toBe(1);
    expect(await page.locator('#planned-table').innerText()).toContain('2027.1');
    await page.close();
  });
});
