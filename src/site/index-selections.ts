/**
 * Selections of published rows that the data pages draw: one unit's series over time, the
 * elements or items of one cell, one breakdown, the ranking of one period. Each returns rows in
 * the order the chart draws them (see chart-datasets.ts), so a chart's table twin and its CSV
 * list the same rows in the same order.
 */
import { periodBounds, previousPeriod } from '../engine/reference/period-calendar.ts';
import { methodVersionOn } from '../engine/reference/trend-change.ts';
import type { IndexRow, RankingRow } from '../engine/tables.ts';
import type { SurveyInstrument } from '../intake/types.ts';
import { parsePeriod, type ParsedPeriod } from './format.ts';
import type { PublishedData } from './published-data.ts';

export type PeriodKind = ParsedPeriod['kind'];

/**
 * The survey whose overall index ranks the units and fills the home page. The health and
 * education surveys appear beside it (unit pages, plan targets) but are not ranked here.
 */
export const MAIN_SURVEY = 'sipas';

export const periodKind = (period: string): PeriodKind => parsePeriod(period).kind;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Yearly periods with any published cell of `survey`, oldest first. */
export function surveyYears(data: PublishedData, survey: string): string[] {
  const years = new Set<string>();
  for (const row of data.indices) if (row.survey === survey && /^\d{4}$/.test(row.period)) years.add(row.period);
  return [...years].sort(byText);
}

/**
 * " (đến hết tháng 11/2026)" when `year` is the last year with data and its data stop before
 * December (the sample reaches November 2026): a year so far, not a whole one. Empty otherwise.
 */
export function yearSoFarNote(data: PublishedData, survey: string, year: string, lang: 'vi' | 'en'): string {
  const last = lastMonth(data, survey);
  if (!last.startsWith(`${year}-`) || last.endsWith('-12')) return '';
  const month = Number(last.slice(5, 7));
  const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November'];
  return lang === 'vi' ? ` (đến hết tháng ${month}/${year})` : ` (to the end of ${EN[month - 1]} ${year})`;
}

const lastMonths = new WeakMap<PublishedData, Map<string, string>>();

/** The last month with any cell of `survey` (`2026-11`), read once per build. */
function lastMonth(data: PublishedData, survey: string): string {
  let bySurvey = lastMonths.get(data);
  if (!bySurvey) {
    bySurvey = new Map();
    for (const row of data.indices) {
      if (/^\d{4}-\d{2}$/.test(row.period) && row.period > (bySurvey.get(row.survey) ?? '')) bySurvey.set(row.survey, row.period);
    }
    lastMonths.set(data, bySurvey);
  }
  return bySurvey.get(survey) ?? '';
}

/** The whole-unit overall index of one unit over periods of one kind, oldest first. */
export function overallSeries(data: PublishedData, survey: string, unit: string, kind: PeriodKind): IndexRow[] {
  return data
    .ofUnit(survey, unit)
    .filter((r) => r.breakdown === 'all' && r.indicator === 'overall' && periodKind(r.period) === kind)
    .sort((a, b) => byText(a.period, b.period));
}

/**
 * The periods among `periods` that are the first measured with a new method version, e.g. `2023`,
 * `2023-Q1`, `2023-01` for the 2023 change of SIPAS instrument. Decided as the engine decides
 * trends.csv's `method_break` (the version in force on each period's first day, compared with the
 * previous period's, within the series), with the engine's own functions, so the pages need not
 * parse trends.csv.
 */
export function methodBreakPeriods(instrument: SurveyInstrument, periods: readonly string[]): string[] {
  const versionOf = (period: string) => methodVersionOn(instrument, periodBounds(period).start);
  const sorted = [...new Set(periods)].sort(byText);
  const first = sorted[0];
  // The first period has nothing before it to compare with (trends.csv has no row for it either).
  return sorted.filter((p) => first !== undefined && previousPeriod(p) >= first && versionOf(p) !== versionOf(previousPeriod(p)));
}

/** Position of each indicator of `survey` in the instrument (indicators.csv is in instrument order). */
export function indicatorOrder(data: PublishedData, survey: string): Map<string, number> {
  const order = new Map<string, number>();
  for (const row of data.indicators) if (row.survey === survey) order.set(row.indicator, order.size);
  return order;
}

/** Overall index then each element of one unit and period (whole unit), in instrument order. */
export function elementCells(data: PublishedData, survey: string, unit: string, period: string): IndexRow[] {
  const order = indicatorOrder(data, survey);
  return data
    .ofUnit(survey, unit)
    .filter((r) => r.period === period && r.breakdown === 'all' && (r.level === 'overall' || r.level === 'element'))
    .sort((a, b) => (order.get(a.indicator) ?? Infinity) - (order.get(b.indicator) ?? Infinity));
}

/** Every item of one unit and period (whole unit), in instrument order. */
export function itemCells(data: PublishedData, survey: string, unit: string, period: string): IndexRow[] {
  const order = indicatorOrder(data, survey);
  return data
    .ofUnit(survey, unit)
    .filter((r) => r.period === period && r.breakdown === 'all' && r.level === 'item')
    .sort((a, b) => (order.get(a.indicator) ?? Infinity) - (order.get(b.indicator) ?? Infinity));
}

/**
 * The overall index of each value of one breakdown (field, channel, respondent type, agency) for
 * one unit and period, in `valueOrder` (register order), unknown values last by code.
 */
export function breakdownCells(
  data: PublishedData,
  survey: string,
  unit: string,
  period: string,
  breakdown: IndexRow['breakdown'],
  valueOrder: readonly string[] = [],
): IndexRow[] {
  const position = (value: string): number => {
    const i = valueOrder.indexOf(value);
    return i === -1 ? valueOrder.length : i;
  };
  return data
    .ofUnit(survey, unit)
    .filter((r) => r.period === period && r.breakdown === breakdown && r.indicator === 'overall')
    .sort((a, b) => position(a.breakdown_value) - position(b.breakdown_value) || byText(a.breakdown_value, b.breakdown_value));
}

/** Whether any row has a published value (not every cell suppressed): a chart worth drawing. */
export function anyPublished(rows: readonly { status: string; value: number | null }[]): boolean {
  return rows.some((r) => r.status !== 'suppressed' && r.value !== null);
}

/**
 * The ranking of one period: one row per unit of `level` (below province `parent`, when given).
 * rankings.csv holds one row per unit and k (top-k probabilities for each k a plan names); the
 * rows of `k` are taken, or of the smallest k when `k` is not given or absent. Units that are not
 * ranked have k empty and appear once.
 */
export function rankingRows(data: PublishedData, survey: string, period: string, level: string, k?: number, parent?: string): RankingRow[] {
  const rows = data.rankings.filter(
    (r) => r.survey === survey && r.period === period && r.unit_level === level && (parent === undefined || r.parent_code === parent),
  );
  const ks = [...new Set(rows.map((r) => r.k).filter((x): x is number => x !== null))].sort((a, b) => a - b);
  const chosen = k !== undefined && ks.includes(k) ? k : ks[0];
  const seen = new Set<string>();
  const picked: RankingRow[] = [];
  for (const row of rows) {
    if (row.k !== null && row.k !== chosen) continue;
    if (seen.has(row.unit_code)) continue;
    seen.add(row.unit_code);
    picked.push(row);
  }
  return rankingDrawingOrder(picked);
}

type RankKind = 0 | 1 | 2;

/** Ranked first, then not ranked with a value, then suppressed (what ranking-chart.ts draws). */
function rankKind(row: RankingRow): RankKind {
  if (row.value === null || !Number.isFinite(row.value)) return 2;
  return row.status === 'ranked' && row.rank !== null ? 0 : 1;
}

/**
 * The order of src/charts/ranking-chart.ts: ranked units by value (highest first), then units not
 * ranked, then suppressed ones; equal values in unit-code order. Repeated here so that the CSV of
 * a ranking lists its rows as the chart and its table do (a test holds the two together).
 */
export function rankingDrawingOrder(rows: readonly RankingRow[]): RankingRow[] {
  return [...rows].sort(
    (a, b) =>
      rankKind(a) - rankKind(b) ||
      (b.value ?? -Infinity) - (a.value ?? -Infinity) ||
      byText(a.unit_code, b.unit_code),
  );
}
