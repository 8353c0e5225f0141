import { describe, expect, it } from 'vitest';
import { rankBulletChart } from '../../src/charts/rank-bullet-chart.ts';
import { drawBulletVi, drawBulletZoomedEn, drawRankBulletVi, RANK_BULLET_ROWS } from './fixture-charts.ts';
import { KH95_TARGETS } from './fixtures.ts';
import { markGroups, parseSvg, texts, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const targets = drawBulletVi();
const zoomed = drawBulletZoomedEn();
const rank = drawRankBulletVi();

/** <rect>s of the value bars: the bar mark that carries the <title> tooltips. */
function valueBars(root: Element): Element[] {
  return markGroups(root, 'bar').flatMap((g) => [...g.querySelectorAll('rect')]).filter((r) => r.querySelector('title'));
}

describe('bulletChart', () => {
  it('draws a bar only for targets with a value; the others say why', () => {
    const root = parseSvg(targets.svg);
    // overall, land, construction, coverage have values; investment (too few) and education (no data) do not.
    expect(valueBars(root).length).toBe(4);
    expect(titles(root).some((t) => t.startsWith('Lĩnh vực đầu tư') || t.startsWith('Đơn vị sự nghiệp'))).toBe(false);
    expect(texts(root)).toEqual(expect.arrayContaining(['quá ít phản hồi (n = 12)', 'không có dữ liệu']));
  });

  it('states status and certainty in words', () => {
    const all = texts(parseSvg(targets.svg));
    expect(all).toEqual(expect.arrayContaining(['Chưa đạt\nchắc chắn', 'Đạt\ntrong biên sai số', 'Chưa đạt\ntrong biên sai số', 'Đạt']));
    expect(texts(parseSvg(zoomed.svg))).toEqual(expect.arrayContaining(['Not met\nclear', 'Met\nwithin margin of error']));
  });

  it('draws whiskers for the three estimates with intervals, none for coverage (a count)', () => {
    const root = parseSvg(targets.svg);
    expect(markGroups(root, 'rule').flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(3);
    // A threshold tick on each of the 4 valued rows, plus two caps on each of the 3 whiskers.
    expect(markGroups(root, 'tick').flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(4 + 6);
    expect(texts(root)).toContain('Mục tiêu ≥ 100\u00a0%');
  });

  it('zooms to the given range', () => {
    const ticks = texts(parseSvg(zoomed.svg));
    expect(ticks).toEqual(expect.arrayContaining(['60', '100']));
    expect(ticks).not.toContain('0');
  });

  it('describes every target in words', () => {
    expect(zoomed.description).toBe(
      '3 targets. Tỷ lệ hài lòng chung ≥ 90%: 84.00% (95% confidence interval: 80.90%–87.10%), Not met, clear. ' +
        'Lĩnh vực đất đai ≥ 85%: 86.20% (95% confidence interval: 82.10%–90.30%), Met, within margin of error. ' +
        'Lĩnh vực xây dựng ≥ 85%: 83.00% (95% confidence interval: 75.60%–90.40%), Not met, within margin of error.',
    );
    expect(targets.rows).toBe(KH95_TARGETS);
  });
});

describe('rankBulletChart', () => {
  it('marks the top-k zone and the rank interval, and prints the chance of the top k', () => {
    const root = parseSvg(rank.svg);
    expect(texts(root)).toEqual(
      expect.arrayContaining(['nhóm 3 đứng đầu', 'Đạt, trong biên sai số\n61\u00a0% khả năng trong\nnhóm 3 đứng đầu']),
    );
    const tickX = (label: string) =>
      Number([...root.querySelectorAll('text')].find((t) => t.textContent === label && t.closest('g')?.getAttribute('aria-label') === 'x-axis tick label')
        ?.getAttribute('transform')?.match(/translate\(([-\d.]+)/)?.[1]);
    const kRule = markGroups(root, 'tick').find((g) => g.getAttribute('stroke-dasharray') === '5,4')?.querySelector('line');
    // The k tick sits at rank 3.5, halfway between ticks 3 and 4.
    expect(Number(kRule?.getAttribute('x1'))).toBeCloseTo((tickX('3') + tickX('4')) / 2, 1);
  });

  it('draws a single diamond, for the one ranked unit; the others say why', () => {
    const root = parseSvg(rank.svg);
    expect(markGroups(root, 'dot').flatMap((g) => [...g.querySelectorAll('path')]).length).toBe(1);
    expect(texts(root)).toEqual(expect.arrayContaining(['không xếp hạng (n = 80)', 'quá ít phản hồi (n = 12)']));
  });

  it('refuses a k outside 1…unitCount', () => {
    expect(() => rankBulletChart(RANK_BULLET_ROWS, { lang: 'en', label: () => '', unitCount: 7, k: 8 })).toThrow('k = 8 is not between 1 and 7');
  });
});
