/**
 * The compare pages' selections (compare-pages.ts, compare-content.ts) and words
 * (compare-words.ts) on hand-made published rows: which pages exist, a pair's years and indicators
 * in order, a commune's differences turned to "this unit minus the other", and the verdict.
 */
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/engine/tables.ts';
import type { UnitListing } from '../../src/site/page-inventory.ts';
import { fromSide, pairContentOf, unitCompareContentOf, versusAnchor } from '../../src/site/compare-content.ts';
import { compareInventoryOf } from '../../src/site/compare-pages.ts';
import { differenceCell, differenceSentence, verdictCell, verdictText } from '../../src/site/compare-words.ts';
import { datasetTerms } from '../../src/site/term-explanations.ts';
import { cell, indicator, publishedFixture } from './published-fixture.ts';

const listing = (code: string, level: UnitListing['level'], valid_from = '2020-01-01'): UnitListing => ({
  id: `${code}@${valid_from}`, code, name_vi: `Đơn vị ${code}`, name_en: `Unit ${code}`, level, valid_from, valid_to: null, slug: `u${code}`, chartKey: code,
});
const NEW = '2025-07-01';
const d584 = listing('584', 'district');
const d585 = listing('585', 'district');
const c22741 = listing('22741', 'commune', NEW);
const c22750 = listing('22750', 'commune', NEW);

function row(period: string, a: string, b: string, ind: string, diff: number | null, low: number | null, high: number | null, aFrom = '2020-01-01', bFrom = '2020-01-01'): ComparisonRow {
  return {
    survey: 'sipas', period, unit_a: a, unit_b: b, indicator: ind, value_a: diff === null ? null : 80 + diff, value_b: diff === null ? null : 80,
    difference: diff, diff_ci_low: low, diff_ci_high: high, significant: low === null || high === null ? null : low > 0 || high < 0,
    unit_a_valid_from: aFrom, unit_b_valid_from: bFrom,
  };
}

const comparisons: ComparisonRow[] = [
  row('2023', '584', '585', 'overall', -2, -5, 1),
  row('2023', '584', '585', 'TC', 1, -2, 4),
  row('2024', '584', '585', 'TC', -6, -9, -3),
  row('2024', '584', '585', 'overall', -4, -8.9, 0.9),
  // 2026: 22366 < 22741 < 22750 by code; 22741's differences as the file holds them.
  row('2026', '22366', '22741', 'overall', -3, -5.5, -0.5, NEW, NEW), // 22741 is 3 points above 22366
  row('2026', '22741', '22750', 'overall', 2, -1, 5, NEW, NEW),
  row('2026', '22741', '22750', 'TC', 9, 1, 17, NEW, NEW),
  row('2026', '22366', '22750', 'overall', null, null, null, NEW, NEW),
  row('2025', '22741', '22750', 'overall', 1, -4, 6, NEW, NEW),
];
const data = publishedFixture({
  comparisons,
  indices: [cell({ period: '2024', unit_code: '584' }, 76, 300), cell({ period: '2024', unit_code: '585' }, 80, 320), cell({ period: '2024', unit_code: '585', indicator: 'TC', level: 'element' }, 81, 320)],
  indicators: [indicator('sipas', 'overall', 'overall'), indicator('sipas', 'TC', 'element')],
});

describe('which compare pages exist', () => {
  it('gives districts a page per pair and communes a page each, only for units with a page', () => {
    const inventory = compareInventoryOf(comparisons, [d584, d585, c22741, c22750]);
    expect(inventory.pairs.map(({ a, b }) => `${a.code}-${b.code}`)).toEqual(['584-585']);
    // 22366 has no unit page (not in the listings): no compare page of its own either.
    expect(inventory.units.map((u) => u.code)).toEqual(['22741', '22750']);
  });
});

describe('a pair page', () => {
  const content = pairContentOf(data, 'sipas', d584, d585);

  it('lists the years latest first, the overall index before the elements, with both cells', () => {
    expect(content.years.map((y) => y.period)).toEqual(['2024', '2023']);
    expect(content.years[0]?.indicators.map((i) => i.indicator)).toEqual(['overall', 'TC']);
    expect(content.years[0]?.indicators[0]?.a?.value).toBe(76);
    expect(content.years[0]?.indicators[0]?.b?.value).toBe(80);
    expect(content.years[0]?.indicators[1]?.b?.value).toBe(81);
  });

  it('draws the latest year, with its own chart id', () => {
    expect(content.chart?.id).toBe('compare-sipas-584-585-2024');
    expect(content.chart?.rows.map((r) => r.indicator)).toEqual(['overall', 'TC']);
    // Its notes: the interval of each difference; no suppressed cell.
    expect(datasetTerms(content.chart ? [content.chart] : [])).toEqual(['ci']);
  });
});

describe('a commune page', () => {
  it('turns each difference to "this unit minus the other": −(a − b), interval [−high, −low]', () => {
    // 22366 − 22741 = −3, interval [−5.5, −0.5] → 22741 − 22366 = +3, interval [0.5, 5.5].
    expect(fromSide(comparisons[4] as ComparisonRow, c22741.id)).toMatchObject({ difference: 3, ci_low: 0.5, ci_high: 5.5, significant: true, otherCode: '22366' });
    expect(fromSide(comparisons[5] as ComparisonRow, c22741.id)).toMatchObject({ difference: 2, ci_low: -1, ci_high: 5, significant: false, otherCode: '22750' });
  });

  it('lists every other unit of each year, overall index only, largest difference first', () => {
    const content = unitCompareContentOf(data, 'sipas', c22750);
    expect(content.years.map((y) => y.period)).toEqual(['2026', '2025']);
    // 22750 − 22741 = −2; 22750 − 22366: suppressed (no difference), last.
    expect(content.years[0]?.versus.map((v) => [v.other.code, v.difference])).toEqual([['22741', -2], ['22366', null]]);
    expect(content.years[1]?.versus.map((v) => [v.other.code, v.difference])).toEqual([['22741', -1]]);
  });

  it('anchors each row at the other unit, with the year on older years', () => {
    expect(versusAnchor('22366', 'vi')).toBe('so-voi-22366');
    expect(versusAnchor('22366', 'en', '2025')).toBe('versus-22366-2025');
  });
});

describe('the verdict', () => {
  it('says "significant" only when the interval excludes 0', () => {
    expect(verdictText(true, 'vi')).toBe('khác biệt có ý nghĩa thống kê');
    expect(verdictText(false, 'vi')).toBe('chưa đủ bằng chứng để nói đơn vị nào hơn');
    expect(verdictText(false, 'en')).toBe('not enough evidence to say which unit is better');
    expect(verdictText(null, 'en')).toBeNull();
    expect(verdictCell(null, 'vi')).toEqual({ text: 'quá ít phản hồi để so sánh', className: 'suppressed' });
  });

  it('writes the difference signed with a true minus sign', () => {
    expect(differenceCell(-3.81, 'vi')).toBe('\u22123,81');
    expect(differenceCell(6.6, 'en')).toBe('+6.60');
  });

  it('states one difference in a sentence with both values and the interval', () => {
    const sentence = differenceSentence(comparisons[3] as ComparisonRow, { a: 'Huyện Bác Ái', b: 'Huyện Ninh Sơn', subject: 'chỉ số SIPAS chung' }, 'vi');
    expect(sentence).toBe(
      'Chỉ số SIPAS chung của Huyện Bác Ái (76,00\u00a0%) thấp hơn của Huyện Ninh Sơn (80,00\u00a0%) 4,00 điểm phần trăm ' +
        '(khoảng tin cậy 95\u00a0% của chênh lệch: \u22128,90 đến 0,90): chưa đủ bằng chứng để nói đơn vị nào hơn.',
    );
    const en = differenceSentence(comparisons[2] as ComparisonRow, { a: 'Bác Ái', b: 'Ninh Sơn', subject: 'access element' }, 'en');
    expect(en).toBe('The access element of Bác Ái (74.00%) is 6.00 points lower than that of Ninh Sơn (80.00%) (95% confidence interval of the difference: \u22129.00 to \u22123.00): a statistically significant difference.');
  });
});
