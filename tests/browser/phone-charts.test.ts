/**
 * Charts on a phone (issue 11, "charts that fit"): at 360 × 740 and 390 × 844, on one page of each
 * page type, every chart shows one drawing that fits the screen with no label cut at its edge, the
 * marks a chart exists for (the latest point, the page's own unit, each verdict: `data-key` in the
 * SVG) are inside the screen, and no two labels overlap, nor a label and an interval, target or
 * reference line. The tablet (and printed page) drawing is checked the same way at 800 × 1000, the
 * desktop drawing at 1366 × 900.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveStatic, type RunningServer } from './static-server.ts';
import { DIST } from './site-pages.ts';

type Key = 'latest' | 'own' | 'verdict';

/** One page of each page type, and the key marks it must show. */
const PAGES: { path: string; keys: Key[] }[] = [
  // Since the 2025 reorganisation the home page leads with Khánh Hòa's communes (a funnel plot, no
  // own unit) and the province's trend; the district ranking and KH 95's verdicts are one click away.
  { path: '/', keys: ['latest'] },
  // The pages of the new map: a new commune's trend with its back-cast and boundary rule, and the
  // funnel plot of the 65 communes.
  { path: '/don-vi/22810-ninh-son/', keys: ['latest'] },
  { path: '/xep-hang/2026/', keys: [] },
  { path: '/xep-hang/2024/', keys: [] },
  // Small multiples: every district's panel stacked on a phone (trends and rank history).
  { path: '/xu-huong/', keys: [] },
  { path: '/don-vi/585-ninh-son/', keys: ['latest', 'own'] },
  { path: '/don-vi/22738-do-vinh/', keys: ['latest'] },
  { path: '/ke-hoach/kh-95-2024/', keys: ['own', 'verdict'] },
  { path: '/en/units/585-ninh-son/', keys: ['latest', 'own'] },
  { path: '/en/plans/kh-95-2024/', keys: ['own', 'verdict'] },
  // Two districts' differences: names wrapped above the frame, the zero line through every row.
  { path: '/so-sanh/584-bac-ai-va-585-ninh-son/', keys: [] },
];

const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];
const TABLET = { width: 800, height: 1000 };
const DESKTOP = { width: 1366, height: 900 };

/** Half a pixel: rounding of text boxes, not a visible overlap. */
const EPSILON = 0.5;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface ChartReport {
  figure: string;
  /** How many of the figure's SVGs are displayed (must be 1). */
  shown: number;
  box: Box;
  keys: { key: string; box: Box }[];
  texts: { text: string; box: Box }[];
  /** Rule and tick lines other than grid and axis ticks: intervals, thresholds, reference lines. */
  lines: { mark: string; box: Box }[];
}

/** What the page's displayed charts are made of, measured in the browser. */
async function measureCharts(page: Page): Promise<ChartReport[]> {
  return page.$$eval('figure[data-chart]', (figures) =>
    figures
      .filter((figure) => figure.getClientRects().length > 0)
      .map((figure) => {
        const boxOf = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const shown = [...figure.querySelectorAll(':scope > svg')].filter((s) => s.getClientRects().length > 0);
        const svg = shown[0];
        if (!svg) return { figure: figure.id, shown: 0, box: { left: 0, right: 0, top: 0, bottom: 0 }, keys: [], texts: [], lines: [] };
        const skip = /grid|axis/;
        return {
          figure: figure.id,
          shown: shown.length,
          box: boxOf(svg),
          keys: [...svg.querySelectorAll('[data-key]')].map((e) => ({ key: e.getAttribute('data-key') ?? '', box: boxOf(e) })),
          texts: [...svg.querySelectorAll('text')]
            .filter((t) => (t.textContent ?? '').trim() !== '')
            .map((t) => ({ text: t.textContent ?? '', box: boxOf(t) })),
          lines: [...svg.querySelectorAll('line')]
            .filter((l) => !skip.test(l.closest('g[aria-label]')?.getAttribute('aria-label') ?? ''))
            .map((l) => ({ mark: l.closest('g[aria-label]')?.getAttribute('aria-label') ?? '', box: boxOf(l) })),
        };
      }),
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right - EPSILON && b.left < a.right - EPSILON && a.top < b.bottom - EPSILON && b.top < a.bottom - EPSILON;
}

/** Every pair of overlapping labels, and every label crossed by a line, in words. */
function collisions(chart: ChartReport): string[] {
  const found: string[] = [];
  chart.texts.forEach((a, i) => {
    for (const b of chart.texts.slice(i + 1)) {
      if (overlaps(a.box, b.box)) found.push(`"${a.text}" overlaps "${b.text}"`);
    }
    for (const line of chart.lines) {
      if (overlaps(a.box, line.box)) found.push(`"${a.text}" is crossed by a ${line.mark} line`);
    }
  });
  return found;
}

let server: RunningServer;
let browser: Browser;
const measured = new Map<string, ChartReport[]>();
const viewports = [...PHONES, TABLET, DESKTOP];
const label = (v: { width: number; height: number }, path: string) => `${v.width}×${v.height} ${path}`;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchChromium();
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport });
    for (const { path } of PAGES) {
      await page.goto(server.origin + path, { waitUntil: 'load' });
      measured.set(label(viewport, path), await measureCharts(page));
    }
    await page.close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(viewports)('charts at $width × $height', (viewport) => {
  test.each(PAGES)('$path: one drawing per chart, inside the screen, no label cut at its edge', ({ path }) => {
    const charts = measured.get(label(viewport, path)) ?? [];
    expect(charts.length, 'charts on the page').toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.shown, `${chart.figure}: SVGs displayed`).toBe(1);
      expect(chart.box.left, `${chart.figure}: left edge`).toBeGreaterThanOrEqual(0);
      expect(chart.box.right, `${chart.figure}: right edge`).toBeLessThanOrEqual(viewport.width);
      // No label is cut at the drawing's edge (as the ranking's first name was).
      const cut = chart.texts.filter((t) => t.box.left < chart.box.left - 1 || t.box.right > chart.box.right + 1).map((t) => t.text);
      expect(cut, `${chart.figure}: labels reaching outside the chart`).toEqual([]);
    }
  });

  test.each(PAGES)('$path: the latest point, the own unit and every verdict are in view', ({ path, keys }) => {
    const charts = measured.get(label(viewport, path)) ?? [];
    const all = charts.flatMap((c) => c.keys.map((k) => ({ ...k, figure: c.figure })));
    for (const key of keys) expect(all.some((k) => k.key === key), `a "${key}" mark on ${path}`).toBe(true);
    for (const { key, box, figure } of all) {
      expect(box.right - box.left, `${figure} ${key}: drawn`).toBeGreaterThan(0);
      expect(box.left, `${figure} ${key}: left edge`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${figure} ${key}: right edge`).toBeLessThanOrEqual(viewport.width);
    }
  });

  test.each(PAGES)('$path: no label overlaps another label or a line', ({ path }) => {
    const charts = measured.get(label(viewport, path)) ?? [];
    const found = charts.flatMap((chart) => collisions(chart).map((c) => `${chart.figure}: ${c}`));
    expect(found).toEqual([]);
  });
});

describe('the overlap check', () => {
  test('sees overlapping boxes and lets touching ones pass', () => {
    const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });
    expect(overlaps(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBe(true);
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(false);
    expect(collisions({ figure: 'f', shown: 1, box: box(0, 0, 1, 1), keys: [], texts: [{ text: 'a', box: box(0, 0, 20, 12) }], lines: [{ mark: 'rule', box: box(10, -5, 0, 30) }] }))
      .toEqual(['"a" is crossed by a rule line']);
  });
});
