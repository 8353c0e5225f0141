import { describe, expect, it } from 'vitest';
import { rankingChart } from '../../src/charts/ranking-chart.ts';
import { trendChart } from '../../src/charts/trend-chart.ts';
import { elementChart } from '../../src/charts/element-chart.ts';
import type { RankingRow } from '../../src/engine/tables.ts';
import type { SurveyInstrument } from '../../src/intake/types.ts';
import {
  anyPublished,
  breakdownCells,
  elementCells,
  methodBreakPeriods,
  overallSeries,
  rankingDrawingOrder,
  rankingRows,
} from '../../src/site/index-selections.ts';
import { NINH_SON_YEARS, PROVINCE_YEARS, RANKINGS_2024 } from '../charts/fixtures.ts';
import { cell, indicator, publishedFixture } from './published-fixture.ts';


// The pages look rows up by unit version (unit-versions.ts): Huyện Ninh Sơn's one version.
const NINH_SON_VERSION = '585@2020-01-01';

describe('rankingDrawingOrder', () => {
  it('lists rows exactly as the ranking chart draws them (so the CSV matches the table twin)', () => {
    const drawn = rankingChart(RANKINGS_2024, { lang: 'vi', unitName: (c) => c }).rows;
    expect(rankingDrawingOrder(RANKINGS_2024)).toEqual(drawn);
    // By hand: ranked by value 88.1 (582), 86.4 (586), 84.0 (585 and 587, tie → code order),
    // 81.2 (589); then 584 (value, not ranked); then 588 (no value).
    expect(drawn.map((r) => r.unit_code)).toEqual(['582', '586', '585', '587', '589', '584', '588']);
  });
});

describe('rankingRows', () => {
  const base = RANKINGS_2024.find((r) => r.unit_code === '585') as RankingRow;
  // rankings.csv holds one row per unit and k: 585 with k = 3 and k = 2; 588 not ranked (k empty).
  const rows: RankingRow[] = [
    { ...base, k: 3, p_top_k: 0.612 },
    { ...base, k: 2, p_top_k: 0.2 },
    { ...base, unit_code: '586', value: 86.4, k: 3, p_top_k: 0.934 },
    { ...base, unit_code: '586', value: 86.4, k: 2, p_top_k: 0.7 },
    { ...base, unit_code: '588', value: null, rank: null, status: 'not_ranked', k: null, p_top_k: null },
    { ...base, period: '2023', k: 3 },
  ];
  const data = publishedFixture({ rankings: rows });

  it('takes one row per unit, for the k asked for', () => {
    const picked = rankingRows(data, 'sipas', '2024', 'district', 3);
    expect(picked.map((r) => [r.unit_code, r.k])).toEqual([['586', 3], ['585', 3], ['588', null]]);
  });

  it('falls back to the smallest k when none is asked for or the k is absent', () => {
    expect(rankingRows(data, 'sipas', '2024', 'district').map((r) => r.k)).toEqual([2, 2, null]);
    expect(rankingRows(data, 'sipas', '2024', 'district', 5).map((r) => r.k)).toEqual([2, 2, null]);
  });
});

describe('overallSeries and the trend chart', () => {
  const data = publishedFixture({
    indices: [
      ...NINH_SON_YEARS,
      cell({ period: '2024-Q1', unit_code: '585' }, 80, 130),
      cell({ period: '2024', unit_code: '585', indicator: 'TC', level: 'element' }, 81, 500),
    ].reverse(),
  });

  it('keeps one unit’s whole-unit overall index of one period kind, oldest first', () => {
    expect(overallSeries(data, 'sipas', NINH_SON_VERSION, 'year').map((r) => r.period)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(overallSeries(data, 'sipas', NINH_SON_VERSION, 'quarter').map((r) => r.period)).toEqual(['2024-Q1']);
  });

  it('gives rows (unit, then comparison) in the order the trend chart returns them', () => {
    const own = overallSeries(data, 'sipas', NINH_SON_VERSION, 'year');
    const drawn = trendChart(own, { lang: 'en', seriesLabel: 'Ninh Sơn', comparison: { rows: PROVINCE_YEARS, label: 'Province' } }).rows;
    expect(drawn).toEqual([...own, ...PROVINCE_YEARS]);
  });
});

describe('methodBreakPeriods', () => {
  // Two versions as in data/surveys/sipas/survey.json: the old one to 2022-12-31, the new from 2023-01-01.
  const instrument = {
    method_versions: [
      { version: 'old', valid_from: '2017-01-01', valid_to: '2022-12-31' },
      { version: 'new', valid_from: '2023-01-01', valid_to: null },
    ],
  } as unknown as SurveyInstrument;

  it('marks the first period of the new version, for each period kind', () => {
    expect(methodBreakPeriods(instrument, ['2024', '2021', '2022', '2023', '2023'])).toEqual(['2023']);
    expect(methodBreakPeriods(instrument, ['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2'])).toEqual(['2023-Q1']);
    expect(methodBreakPeriods(instrument, ['2022-12', '2023-01'])).toEqual(['2023-01']);
    expect(methodBreakPeriods(instrument, ['2023', '2024'])).toEqual([]);
  });

  it('never marks the first period of a series (nothing before it to compare)', () => {
    // An instrument valid only from 2021: 2020 has no version, yet 2021 starts the series.
    const recent = { method_versions: [{ version: 'v', valid_from: '2021-01-01', valid_to: null }] } as unknown as SurveyInstrument;
    expect(methodBreakPeriods(recent, ['2021', '2022'])).toEqual([]);
    expect(methodBreakPeriods(instrument, ['2023'])).toEqual([]);
  });
});

describe('elementCells and breakdownCells', () => {
  const indicators = [indicator('sipas', 'overall', 'overall'), indicator('sipas', 'TC', 'element'), indicator('sipas', 'TC1', 'item', 'TC'), indicator('sipas', 'TT', 'element')];
  const at = (over: Omit<Parameters<typeof cell>[0], 'period'>, value: number | null) => cell({ ...over, period: '2024' }, value, 100);
  const data = publishedFixture({
    indicators,
    indices: [
      at({ unit_code: '585', indicator: 'TT', level: 'element' }, 80),
      at({ unit_code: '585', indicator: 'TC1', level: 'item' }, 82),
      at({ unit_code: '585', indicator: 'TC', level: 'element' }, 85),
      at({ unit_code: '585' }, 83),
      at({ unit_code: '585', breakdown: 'field', breakdown_value: 'xay-dung' }, 79),
      at({ unit_code: '585', breakdown: 'field', breakdown_value: 'khac' }, null),
      at({ unit_code: '585', breakdown: 'field', breakdown_value: 'dat-dai' }, 77),
      at({ unit_code: '585', breakdown: 'field', breakdown_value: 'dat-dai', indicator: 'TC', level: 'element' }, 70),
    ],
  });

  it('puts the overall index first, then elements in instrument order, without items', () => {
    expect(elementCells(data, 'sipas', NINH_SON_VERSION, '2024').map((r) => r.indicator)).toEqual(['overall', 'TC', 'TT']);
  });

  it('orders a breakdown by the register, unknown values last; only the overall index', () => {
    const rows = breakdownCells(data, 'sipas', NINH_SON_VERSION, '2024', 'field', ['dat-dai', 'xay-dung']);
    expect(rows.map((r) => r.breakdown_value)).toEqual(['dat-dai', 'xay-dung', 'khac']);
    // elementChart keeps the given order, so these rows are also the CSV's rows in order.
    expect(elementChart(rows, { lang: 'vi', label: (r) => r.breakdown_value }).rows).toEqual(rows);
  });

  it('anyPublished is false only when every cell is suppressed', () => {
    const rows = breakdownCells(data, 'sipas', NINH_SON_VERSION, '2024', 'field');
    expect(anyPublished(rows)).toBe(true);
    expect(anyPublished(rows.filter((r) => r.status === 'suppressed'))).toBe(false);
    expect(anyPublished([])).toBe(false);
  });
});
