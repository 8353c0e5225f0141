/**
 * A PublishedData (src/site/published-data.ts) over rows given in the test, with the same lookups
 * as the real one, so the page selections can be tested without the published files.
 */
import type { IndexRow, IndicatorRow, RankingRow, TrendRow } from '../../src/engine/tables.ts';
import type { PublishedData } from '../../src/site/published-data.ts';

export function publishedFixture(tables: { indices?: IndexRow[]; rankings?: RankingRow[]; trends?: TrendRow[]; indicators?: IndicatorRow[] }): PublishedData {
  const indices = tables.indices ?? [];
  return {
    indices,
    rankings: tables.rankings ?? [],
    trends: tables.trends ?? [],
    coverage: [],
    targets: [],
    indicators: tables.indicators ?? [],
    cell: (survey, period, unit, indicator, breakdown = 'all', value = '*') =>
      indices.find(
        (r) => r.survey === survey && r.period === period && r.unit_code === unit && r.indicator === indicator && r.breakdown === breakdown && r.breakdown_value === value,
      ),
    ofUnit: (survey, unit) => indices.filter((r) => r.survey === survey && r.unit_code === unit),
    overallTrend: (survey, period, unit) =>
      (tables.trends ?? []).find((t) => t.survey === survey && t.period === period && t.unit_code === unit && t.breakdown === 'all' && t.indicator === 'overall'),
  };
}

/** An index cell; `value` null makes it suppressed. Interval = value ± 3. */
export function cell(over: Partial<IndexRow> & { period: string; unit_code: string }, value: number | null, n: number): IndexRow {
  return {
    survey: 'sipas',
    breakdown: 'all',
    breakdown_value: '*',
    indicator: 'overall',
    level: 'overall',
    satisfied: null,
    se: null,
    unit_valid_from: '2020-01-01',
    basis: 'direct',
    ...over,
    n,
    value,
    ci_low: value === null ? null : value - 3,
    ci_high: value === null ? null : value + 3,
    status: value === null ? 'suppressed' : 'ok',
  };
}

export function indicator(survey: string, code: string, level: IndicatorRow['level'], element: string | null = null): IndicatorRow {
  return { survey, indicator: code, level, element, name_vi: `${code} vi`, name_en: `${code} en`, question_vi: null, question_en: null, method_version: 'v1' };
}
