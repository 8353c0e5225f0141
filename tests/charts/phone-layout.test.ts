/**
 * The phone drawing of each chart (CHART_WIDTHS.phone) and the captions: on a phone the words sit
 * above their marks across the whole width, the marks a reader must see carry `data-key`, and the
 * visible caption makes the chart's point in at most two sentences (the numbers are in the table).
 * Browser geometry (fit, overlaps) is checked in tests/browser/phone-charts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chartDrawings } from '../../src/charts/chart-drawings.ts';
import { CHART_WIDTHS, isNarrow } from '../../src/charts/render-svg.ts';
import { drawBulletVi, drawRankBulletVi, drawRankingEn, drawRankingVi, drawTrendYearlyVi, PHONE_WIDTH } from './fixture-charts.ts';
import { markGroups, parseSvg, texts } from './svg-helpers.ts';

/** The y of an element: the sum of its own and its ancestors' `translate(x,y)`. */
function absoluteY(element: Element | null | undefined): number {
  let y = 0;
  for (let e = element ?? null; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement) {
    const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (match) y += Number(match[2]);
  }
  return y;
}

/** The mark groups tagged `data-key="<key>"`. */
function keyed(root: Element, key: string): Element[] {
  return [...root.querySelectorAll(`[data-key="${key}"]`)];
}

describe('the widths', () => {
  it('draws the phone chart at the phone width in the stacked layout, the page and wide ones with side labels', () => {
    expect(PHONE_WIDTH).toBe(CHART_WIDTHS.phone);
    expect(isNarrow(CHART_WIDTHS.phone)).toBe(true);
    expect(isNarrow(CHART_WIDTHS.page)).toBe(false);
    expect(isNarrow(CHART_WIDTHS.wide)).toBe(false);
    const drawn = chartDrawings((width) => drawRankingVi(width));
    expect(parseSvg(drawn.drawings.phone).getAttribute('width')).toBe(String(CHART_WIDTHS.phone));
    expect(parseSvg(drawn.drawings.page).getAttribute('width')).toBe(String(CHART_WIDTHS.page));
    expect(parseSvg(drawn.drawings.wide).getAttribute('width')).toBe(String(CHART_WIDTHS.wide));
    expect(drawn.svg).toBe(drawn.drawings.wide);
    expect(drawn.caption).toBe(drawRankingVi(CHART_WIDTHS.phone).caption);
  });
});

describe('ranking on a phone', () => {
  const root = parseSvg(drawRankingVi(PHONE_WIDTH).svg);

  it('writes name and rank together, left-aligned above the dot', () => {
    const all = texts(root);
    expect(all).toContain('Huyện Ninh Sơn — hạng 3 (2–5), n\u00a0=\u00a0540');
    const labels = [...root.querySelectorAll('text')].filter((t) => t.textContent?.includes('hạng') || t.textContent?.includes('xếp hạng'));
    expect(labels.length).toBe(7);
    for (const label of labels) expect(label.closest('g')?.getAttribute('text-anchor')).toBe('start');
    // The own unit's words end (baseline) above its diamond's top (r ≈ 7.8), within the same row.
    const own = keyed(root, 'own');
    const nameY = absoluteY(own.find((g) => g.getAttribute('aria-label') === 'text')?.querySelector('text'));
    const diamondY = absoluteY(own.find((g) => g.getAttribute('aria-label') === 'dot')?.querySelector('path'));
    expect(nameY).toBeLessThan(diamondY - 8);
    expect(diamondY - nameY).toBeLessThan(30);
  });

  it('tags the own unit: its diamond and its bold name', () => {
    const own = keyed(root, 'own');
    expect(own.map((g) => g.getAttribute('aria-label')).sort()).toEqual(['dot', 'text']);
    expect(own.flatMap((g) => [...g.querySelectorAll('path')]).length).toBe(1);
    expect(own.find((g) => g.getAttribute('aria-label') === 'text')?.getAttribute('font-weight')).toBe('bold');
  });
});

describe('targets on a phone', () => {
  const root = parseSvg(drawBulletVi(PHONE_WIDTH).svg);

  it('writes every verdict on one line under the target name, tagged as the verdict', () => {
    const verdicts = keyed(root, 'verdict').flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
    expect(verdicts.sort()).toEqual(['Chưa đạt, chắc chắn', 'Chưa đạt, trong biên sai số', 'Đạt', 'Đạt, trong biên sai số']);
  });

  it('draws the threshold as a tick in each target row, its label under the bar', () => {
    expect(texts(root).filter((t) => t.startsWith('Mục tiêu')).length).toBe(4);
    expect(markGroups(root, 'rule').every((g) => g.getAttribute('stroke-dasharray') === null)).toBe(true);
  });
});

describe('trend on a phone', () => {
  const root = parseSvg(drawTrendYearlyVi(PHONE_WIDTH).svg);

  it('tags the latest point and names the series with its latest value, wrapped to the margin', () => {
    const latest = keyed(root, 'latest');
    expect(latest.map((g) => g.getAttribute('aria-label')).sort()).toEqual(['dot', 'text']);
    expect(latest.find((g) => g.getAttribute('aria-label') === 'dot')?.querySelector('title')?.textContent).toMatch(/^Huyện Ninh Sơn, 2024:/);
    expect(texts(root)).toContain('Huyện Ninh\nSơn\n84,00\u00a0%');
  });

  it('puts fewer year ticks than years when the frame is narrow', () => {
    const years = texts(root).filter((t) => /^20\d\d$/.test(t));
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(years.length).toBeLessThanOrEqual(6);
  });
});

describe('rank target on a phone', () => {
  it('writes verdict and chance above the track, tagged as the verdict, and tags the diamond', () => {
    const root = parseSvg(drawRankBulletVi(PHONE_WIDTH).svg);
    const verdict = keyed(root, 'verdict').flatMap((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
    expect(verdict).toEqual(['Đạt, trong biên sai số61\u00a0% khả năng trong nhóm 3 đứng đầu']);
    expect(keyed(root, 'own').flatMap((g) => [...g.querySelectorAll('path')]).length).toBe(1);
  });
});

describe('captions', () => {
  it('ranking: the highest and lowest unit, and the own unit with its plausible ranks', () => {
    expect(drawRankingVi().caption).toBe(
      'Thành phố Phan Rang-Tháp Chàm cao nhất và Huyện Thuận Nam thấp nhất trong 5 đơn vị được xếp hạng. ' +
        'Huyện Ninh Sơn đứng hạng 3, có thể từ hạng 2 đến 5.',
    );
    expect(drawRankingEn().caption).toBe('Phan Rang-Thap Cham city is highest and Thuan Nam district lowest of 5 ranked units.');
  });

  it('targets: names the targets not met, counts the uncertain and the missing', () => {
    expect(drawBulletVi().caption).toBe(
      'Chưa đạt: Tỷ lệ hài lòng chung; Lĩnh vực xây dựng. 2 kết quả nằm trong biên sai số (chưa chắc chắn); 2 mục không đủ số liệu.',
    );
  });

  it('trend: what is drawn over which years, and that a method change splits it', () => {
    expect(drawTrendYearlyVi().caption).toBe(
      'Tỷ lệ hài lòng của Huyện Ninh Sơn theo năm, 2019–2024. ' +
        'Phương pháp đo thay đổi từ 2023, nên không so sánh trực tiếp hai bên vạch đứt nét.',
    );
  });

  it('keeps the numbers out of the caption but in the description', () => {
    const chart = drawBulletVi();
    expect(chart.caption).not.toMatch(/%/);
    expect(chart.description).toMatch(/%/);
  });
});
