import { describe, expect, it } from 'vitest';
import { differenceChart, differenceDomain, formatDifferenceInterval } from '../../src/charts/difference-chart.ts';
import { drawDifferenceEn, drawDifferenceVi, PHONE_WIDTH } from './fixture-charts.ts';
import { BAC_AI_NINH_SON_2024 } from './difference-fixtures.ts';
import { markGroups, parseSvg, texts, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const vi = drawDifferenceVi();
const en = drawDifferenceEn();

describe('differenceChart', () => {
  it('fills the dots of significant differences and leaves the others hollow', () => {
    const root = parseSvg(vi.svg);
    const dots = markGroups(root, 'dot');
    const filled = dots.filter((g) => g.getAttribute('fill') !== 'white').flatMap((g) => [...g.querySelectorAll('circle')]);
    const hollow = dots.filter((g) => g.getAttribute('fill') === 'white').flatMap((g) => [...g.querySelectorAll('circle')]);
    // TT [−14.1, −3.7] and CC [1.9, 11.3] exclude 0; overall, TC and KQ contain it; PA has no dot.
    expect(filled.length).toBe(2);
    expect(hollow.length).toBe(3);
    expect(titles(root).filter((t) => t.includes('khác biệt có ý nghĩa thống kê')).map((t) => t.split(':')[0])).toEqual([
      'Thủ tục hành chính',
      'Công chức trực tiếp giải quyết công việc',
    ]);
  });

  it('writes the difference and its interval in the tooltip, with a true minus sign', () => {
    // TT: 74.3 − 83.2 = −8.9 points, interval −14.1 to −3.7.
    expect(titles(parseSvg(vi.svg))).toContain('Thủ tục hành chính: -8,90 điểm % (khoảng tin cậy 95\u00a0%: −14,10 đến −3,70), khác biệt có ý nghĩa thống kê');
    expect(titles(parseSvg(en.svg))).toContain('CC: +6.60 pp (95% confidence interval: 1.90 to 11.30), a statistically significant difference');
  });

  it('says which side is which, draws the zero line, and notes the suppressed row', () => {
    // Each side's words may wrap onto two lines above the frame.
    const all = texts(parseSvg(vi.svg)).map((t) => t.replaceAll('\n', ' '));
    expect(all).toEqual(expect.arrayContaining(['← Huyện Ninh Sơn cao hơn', 'Huyện Bác Ái cao hơn →', 'quá ít phản hồi']));
    const zero = markGroups(parseSvg(vi.svg), 'tick').filter((g) => g.getAttribute('stroke-dasharray') === '5,4');
    expect(zero.flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(6);
    // Whiskers only for the 5 rows with an interval.
    expect(markGroups(parseSvg(vi.svg), 'rule').flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(5);
  });

  it('is symmetric around 0 and holds every interval', () => {
    // Widest bound |−14.1|: 28.2 / 8 ticks ≈ 3.5 → a step of 5, so nice(−14.1, 14.1) = [−15, 15].
    expect(differenceDomain(BAC_AI_NINH_SON_2024)).toEqual([-15, 15]);
    // Small differences still get ±5 (so ±1 does not look large).
    expect(differenceDomain(BAC_AI_NINH_SON_2024.slice(0, 0))).toEqual([-5, 5]);
  });

  it('keeps the given rows in order and captions the count of significant differences', () => {
    expect(vi.rows.map((r) => r.indicator)).toEqual(['overall', 'TC', 'TT', 'CC', 'KQ', 'PA']);
    expect(vi.caption.startsWith('2/5 chênh lệch')).toBe(true);
    expect(en.caption.startsWith('2 of 5 differences')).toBe(true);
  });

  it('wraps long unit names above the frame on a phone instead of cutting them', () => {
    const phone = differenceChart(BAC_AI_NINH_SON_2024, {
      lang: 'vi', label: (r) => r.indicator, unitA: 'Thành phố Phan Rang - Tháp Chàm', unitB: 'Huyện Ninh Sơn', width: PHONE_WIDTH,
    });
    const side = texts(parseSvg(phone.svg)).find((t) => t.startsWith('Thành phố'));
    expect(side?.split('\n').length).toBeGreaterThan(1);
    expect(side?.replaceAll('\n', ' ')).toBe('Thành phố Phan Rang - Tháp Chàm cao hơn →');
  });

  it('formats an interval of differences in words', () => {
    expect(formatDifferenceInterval(-7.734, 0.11, 'vi')).toBe('−7,73 đến 0,11');
    expect(formatDifferenceInterval(1.9, 11.3, 'en')).toBe('1.90 to 11.30');
  });
});
