import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_CHARTS, PHONE_WIDTH } from './fixture-charts.ts';
import { markGroups, normaliseSvg, parseSvg, texts } from './svg-helpers.ts';

/** Mark groups whose elements may carry <title> tooltips: the data marks. */
const DATA_MARKS = new Set(['dot', 'bar']);

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(Object.entries(FIXTURE_CHARTS))('%s', (name, draw) => {
  it('matches its committed snapshot', async () => {
    await expect(normaliseSvg(draw().svg)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
  });

  it('is drawn without Plot warnings, identically twice', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = draw();
    expect(draw().svg).toBe(first.svg);
    expect(warn).not.toHaveBeenCalled();
  });

  it('is one accessible image: role, name = description, every inner label hidden', () => {
    const chart = draw();
    const root = parseSvg(chart.svg);
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(root.getAttribute('role')).toBe('img');
    expect(chart.description.length).toBeGreaterThan(20);
    expect(root.getAttribute('aria-label')).toBe(chart.description);
    for (const g of root.querySelectorAll('[aria-label]')) {
      if (g !== root) expect(g.getAttribute('aria-hidden')).toBe('true');
    }
  });

  it('has a fixed width with a viewBox, and no style attribute (the CSP forbids them)', () => {
    const root = parseSvg(draw().svg);
    const width = name.endsWith('-phone') ? PHONE_WIDTH : 640;
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${width} \\d+$`));
    expect(root.querySelectorAll('[style]').length).toBe(0);
    expect(root.hasAttribute('style')).toBe(false);
  });

  it('has a visible caption of one or two sentences, shorter than its full description', () => {
    const { caption, description } = draw();
    // A sentence ends with . ! or ? followed by a space or the end ("84.00%" is not an end).
    const sentences = caption.split(/(?<=[.!?])(?:\s+|$)/).filter((s) => s.trim() !== '');
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(caption.length).toBeLessThan(description.length);
  });

  it('never cuts a label with "…"', () => {
    for (const text of texts(parseSvg(draw().svg))) expect(text).not.toContain('…');
  });

  it('puts <title> tooltips only on data marks', () => {
    const root = parseSvg(draw().svg);
    // The nearest labelled group: the mark's (a faceted chart puts one group per panel in between).
    const holders = [...root.querySelectorAll('title')].map((t) => t.parentElement?.closest('g[aria-label]')?.getAttribute('aria-label'));
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders) expect(DATA_MARKS.has(holder ?? '')).toBe(true);
    expect(markGroups(root, 'tip').length).toBe(0);
  });
});

describe('every chart asked to draw no rows', () => {
  it('says so in words instead of drawing empty axes', async () => {
    const { rankingChart } = await import('../../src/charts/ranking-chart.ts');
    const { trendChart } = await import('../../src/charts/trend-chart.ts');
    const { elementChart } = await import('../../src/charts/element-chart.ts');
    const { bulletChart } = await import('../../src/charts/bullet-chart.ts');
    const { rankBulletChart } = await import('../../src/charts/rank-bullet-chart.ts');
    const empties = [
      rankingChart([], { lang: 'vi', unitName: (code) => code }),
      trendChart([], { lang: 'vi', seriesLabel: 'x' }),
      elementChart([], { lang: 'vi', label: () => 'x' }),
      bulletChart([], { lang: 'vi', label: () => 'x' }),
      rankBulletChart([], { lang: 'en', label: () => 'x', unitCount: 7, k: 3 }),
    ];
    for (const chart of empties.slice(0, 4)) {
      expect(chart.description).toBe('Không có dữ liệu để vẽ biểu đồ.');
      expect(chart.rows).toEqual([]);
      expect(parseSvg(chart.svg).querySelector('text')?.textContent).toBe('Không có dữ liệu để vẽ biểu đồ.');
    }
    expect(empties[4]!.description).toBe('No data to chart.');
  });
});
