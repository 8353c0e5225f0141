/**
 * The compare pages in Chromium (issue 13, "Compare"): a district pair page states the verdict and
 * the numbers of comparisons.csv; the compare index leads to a commune's comparison with JavaScript
 * off (its list of links) and on (its form, which lands on the other commune's row); and no compare
 * page is wider than a 360 px phone. axe runs on these pages in site.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';
import { DIST } from './site-pages.ts';

let server: RunningServer;
let browser: Browser;

type Row = Record<string, string>;
const comparisons = Papa.parse<Row>(readFileSync(join(DIST, 'data', 'comparisons.csv'), 'utf8').replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: true,
}).data;

/** The published row of two units' overall SIPAS index in their latest common year. */
function latestOverall(a: string, b: string): Row {
  const rows = comparisons.filter((r) => r.survey === 'sipas' && r.unit_a === a && r.unit_b === b && r.indicator === 'overall');
  const row = rows.sort((x, y) => ((x.period ?? '') < (y.period ?? '') ? 1 : -1))[0];
  if (!row) throw new Error(`comparisons.csv has no row for ${a} and ${b}`);
  return row;
}

/** `-6.74` → vi `−6,74`: the published 2-decimal number as the page writes it. */
const viNumber = (text: string | undefined): string => {
  const value = Number(text);
  const digits = Math.abs(value).toFixed(2).replace('.', ',');
  return value < 0 ? `\u2212${digits}` : value > 0 ? `+${digits}` : digits;
};
const viBound = (text: string | undefined): string => viNumber(text).replace(/^\+/, '');

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a pair page', () => {
  test('shows the verdict and the numbers of comparisons.csv', async () => {
    const row = latestOverall('584', '585');
    const verdict = row.significant === 'true' ? 'khác biệt có ý nghĩa thống kê' : 'chưa đủ bằng chứng để nói đơn vị nào hơn';
    const page = await browser.newPage();
    await page.goto(`${server.origin}/so-sanh/584-bac-ai-va-585-ninh-son/`);
    const lede = await page.locator('p.lede').innerText();
    expect(lede).toContain(`Năm ${row.period}`);
    expect(lede).toContain(verdict);
    expect(lede).toContain(`${viBound(row.diff_ci_low)} đến ${viBound(row.diff_ci_high)}`);
    // The table twin's overall row: difference, its interval and the verdict, as published.
    const cells = await page.locator('figure[data-chart] table tbody tr').first().locator('th, td').allInnerTexts();
    expect(cells[3]).toBe(viNumber(row.difference));
    expect(cells[4]).toBe(`${viBound(row.diff_ci_low)} đến ${viBound(row.diff_ci_high)}`);
    expect(cells[5]).toBe(verdict);
    expect(cells[1]).toContain(Number(row.value_a).toFixed(2).replace('.', ','));
    expect(cells[2]).toContain(Number(row.value_b).toFixed(2).replace('.', ','));
    await page.close();
  });
});

describe('a commune comparison', () => {
  test('is reached from the compare page with JavaScript off, through its list of links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/so-sanh/`);
    expect(await page.locator('#compare-form').isVisible()).toBe(false);
    await page.locator('.compare-units a', { hasText: 'Phường Bảo An' }).click();
    expect(new URL(page.url()).pathname).toBe('/so-sanh/22741-bao-an/');
    // Its row for Phường Nha Trang (22366): the published difference, turned to "Bảo An minus Nha Trang".
    const row = latestOverall('22366', '22741');
    const cells = await page.locator('#so-voi-22366').locator('th, td').allInnerTexts();
    expect(cells[0]).toBe('Phường Nha Trang');
    expect(cells[2]).toBe(viNumber(String(-Number(row.difference))));
    expect(cells[3]).toBe(`${viBound(String(-Number(row.diff_ci_high)))} đến ${viBound(String(-Number(row.diff_ci_low)))}`);
    await context.close();
  });

  test('is reached through the form with JavaScript on, at the second unit’s row', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/so-sanh/`);
    await page.locator('#compare-a').selectOption({ label: 'Phường Bảo An' });
    await page.locator('#compare-b').selectOption({ label: 'Phường Nha Trang' });
    await page.locator('#compare-form button').click();
    await page.waitForURL(/\/so-sanh\/22741-bao-an\/#so-voi-22366$/);
    expect(await page.locator('#so-voi-22366 th').innerText()).toBe('Phường Nha Trang');
    // The same unit twice leads nowhere and says why.
    await page.goto(`${server.origin}/so-sanh/`);
    await page.locator('#compare-a').selectOption({ label: 'Phường Bảo An' });
    await page.locator('#compare-b').selectOption({ label: 'Phường Bảo An' });
    await page.locator('#compare-form button').click();
    expect(await page.locator('#compare-status').innerText()).toBe('Hãy chọn hai đơn vị khác nhau.');
    expect(new URL(page.url()).pathname).toBe('/so-sanh/');
    await page.close();
  });
});

describe('on a 360 px phone', () => {
  test.each(['/so-sanh/', '/so-sanh/584-bac-ai-va-585-ninh-son/', '/so-sanh/22741-bao-an/', '/en/compare/582-phan-rang-thap-cham-and-584-bac-ai/'])(
    '%s is no wider than the screen',
    async (path) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(server.origin + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await page.close();
    },
  );
});
