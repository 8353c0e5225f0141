/**
 * A chart embedded the way a reader would: the snippet copied from a built page, pasted into a
 * page served from another origin (another port), loaded in Chromium. The framed page loads, is
 * allowed to be framed, shows one drawing that fits, makes no request to any host but the site,
 * and axe-core finds no violation in it. Also: each chart's snippet names its own embed page.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlText } from '../../src/images/page-figures.ts';
import { embedPath } from '../../src/site/chart-images.ts';
import { absoluteUrl } from '../../src/site/routes.ts';
import { siteConfig } from '../../src/site/site-config.ts';
import { launchChromium } from './chromium.ts';
import { resolveFile, serveStatic, type RunningServer } from './static-server.ts';
import { DIST } from './site-pages.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PAGE = '/don-vi/585-ninh-son/';

let site: RunningServer;
let host: { origin: string; server: Server; html: string };
let browser: Browser;
let baseUrl: string;

/** Each chart of a built page with the snippet it offers (textarea text, entities decoded). */
function snippets(path: string): { id: string; snippet: string }[] {
  const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  return [...html.matchAll(/<figure class="chart" id="([^"]+)"[\s\S]*?<textarea id="\1-embed"[^>]*>([^<]*)<\/textarea>/g)].map((m) => ({ id: m[1] ?? '', snippet: htmlText(m[2] ?? '') }));
}

beforeAll(async () => {
  baseUrl = (await siteConfig()).base_url;
  site = await serveStatic(DIST);
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(host.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('host server did not start');
  host = { origin: `http://127.0.0.1:${address.port}`, server, html: '' };
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => host?.server.close(resolve));
});

describe('embed snippets', () => {
  test('every chart of a page offers a snippet whose iframe is its own embed page, which exists', () => {
    const found = snippets(PAGE);
    expect(found.length).toBeGreaterThan(3);
    for (const { id, snippet } of found) {
      const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1];
      expect(src).toBe(absoluteUrl(embedPath(id, 'vi'), baseUrl));
      expect(snippet).toMatch(/ width="100%" height="\d+" loading="lazy" style="border:0"><\/iframe>$/);
      expect(resolveFile(DIST, embedPath(id, 'vi')), `${id}: embed page`).not.toBeNull();
    }
  });
});

describe('a chart framed by a page of another origin', () => {
  test('loads, shows one drawing, requests nothing from another host, passes axe', async () => {
    const [first] = snippets(PAGE);
    if (!first) throw new Error(`no snippet on ${PAGE}`);
    // The snippet as published, pointed at the local copy of the site.
    host.html = `<!doctype html><html lang="en"><head><title>Host</title></head><body><main><h1>A report</h1>${first.snippet.replace(baseUrl, `${site.origin}/`)}</main></body></html>`;
    expect(host.origin).not.toBe(site.origin);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(host.origin, { waitUntil: 'load' });
    // A lazy iframe loads after the host's load event: wait for its document.
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no frame for the iframe');
    await frame.waitForLoadState('load');
    await frame.locator('h1').waitFor();
    expect(frame.url()).toBe(`${site.origin}/nhung/${first.id}/`);
    expect(await frame.locator('h1').textContent()).toBeTruthy();
    const shown = await frame.$$eval('svg[data-layout]', (svgs) =>
      svgs.filter((s) => getComputedStyle(s).display !== 'none').map((s) => ({ layout: s.getAttribute('data-layout'), width: s.getBoundingClientRect().width })),
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]?.layout).toBe('wide');
    expect(shown[0]?.width).toBeGreaterThan(600);
    const foreign = requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith(host.origin) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.some((url) => url.startsWith(`${site.origin}/nhung/`))).toBe(true);
    expect(errors).toEqual([]);
    await frame.evaluate(AXE_SOURCE);
    const violations = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  test('fits a phone-wide iframe: the phone drawing, nothing wider than the frame', async () => {
    const [first] = snippets(PAGE);
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}${embedPath(first?.id ?? '', 'en')}`, { waitUntil: 'load' });
    const layout = await page.$$eval('svg[data-layout]', (svgs) => svgs.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getAttribute('data-layout')));
    expect(layout).toEqual(['phone']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  }, 60_000);
});
