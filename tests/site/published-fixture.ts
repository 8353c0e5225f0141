/**
 * A PublishedData (src/site/published-data.ts) over rows given in the test, with the same lookups
 * as the real one, so the page selections can be tested without the published files. Like the real
 * one it looks rows up by unit VERSION id (`585@2020-01-01`, unit-versions.ts), never by code alone.
 */
import type { ComparisonRow, ElementRankingRow, IndexRow, IndicatorRow, RankingRow, TrendRow } from '../../src/engine/tables.ts';
import type { PublishedData } from '../../src/site/published-data.ts';
import { rowVersionId } from '../../src/site/unit-versions.ts';

export function publishedFixture(tables: {
  indices?: IndexRow[];
  rankings?: RankingRow[];
  elementRankings?: ElementRankingRow[];
  trends?: TrendRow[];
  indicators?: IndicatorRow[];
  comparisons?: ComparisonRow[];
}): PublishedData {
  const indices = tables.indices ?? [];
  return {
    indices,
    rankings: tables.rankings ?? [],
    elementRankings: tables.elementRankings ?? [],
    trends: tables.trends ?? [],
    coverage: [],
    targets: [],
    indicators: tables.indicators ?? [],
    cell: (survey, period, unit, indicator, breakdown = 'all', value = '*') =>
      indices.find(
        (r) => r.survey === survey && r.period === period && rowVersionId(r) === unit && r.indicator === indicator && r.breakdown === breakdown && r.breakdown_value === value,
      ),
    ofUnit: (survey, unit) => indices.filter((r) => r.survey === survey && rowVersionId(r) === unit),
    overallTrend: (survey, period, unit) =>
      (tables.trends ?? []).find((t) => t.survey === survey && t.period === period && rowVersionId(t) === unit && t.breakdown === 'all' && t.indicator === 'overall'),
    comparisons: (survey) => (tables.comparisons ?? []).filter((r) => r.survey === survey),
  };
}

/**
 * An index cell; `value` null makes it suppressed. Interval = value ± 3. By default a direct row of
 * a unit version valid from 2020-01-01 (every unit of the old map, data/units.csv).
 */
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
