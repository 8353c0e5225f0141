/**
 * What the compare pages show, before any wording (method.md → Comparing units; the numbers are
 * comparisons.csv's, the pages only pick and order them):
 * - which pages exist: a page per pair of units for the small groups (Ninh Thuận's 7 districts:
 *   21 pairs), and for the communes (65 in one group: 2,080 pairs a year) a page per commune that
 *   lists its difference with every other commune of its group;
 * - a pair page: each year both units have (latest first), the two units' overall index and
 *   elements side by side with the comparison row, and the chart of the latest year;
 * - a commune page: each year, the commune's overall index against every other commune's,
 *   turned so that the difference is always "this commune minus the other".
 */
import type { ComparisonRow, IndexRow } from '../engine/tables.ts';
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { indicatorOrder, MAIN_SURVEY } from './index-selections.ts';
import { pageInventory, type UnitListing } from './page-inventory.ts';
import { publishedData, type PublishedData } from './published-data.ts';
import { versionId } from './unit-versions.ts';

export type ComparisonDataset = Extract<ChartDataset, { table: 'comparisons' }>;

const idA = (row: ComparisonRow): string => versionId(row.unit_a, row.unit_a_valid_from);
const idB = (row: ComparisonRow): string => versionId(row.unit_b, row.unit_b_valid_from);

/** One indicator of one year of a pair: both cells (value, interval, n) and the comparison. */
export interface PairIndicator {
  indicator: string;
  a: IndexRow | undefined;
  b: IndexRow | undefined;
  comparison: ComparisonRow;
}

export interface PairYear {
  period: string;
  /** Overall index first, then the elements in instrument order. */
  indicators: PairIndicator[];
}

export interface PairContent {
  survey: string;
  a: UnitListing;
  b: UnitListing;
  /** Latest first. */
  years: PairYear[];
  /** The differences of the latest year, as drawn and downloadable; null without any year. */
  chart: ComparisonDataset | null;
}

/** A pair's page content from the published rows (exported for its unit test). */
export function pairContentOf(data: PublishedData, survey: string, a: UnitListing, b: UnitListing): PairContent {
  const order = indicatorOrder(data, survey);
  const rows = data.comparisons(survey).filter((r) => idA(r) === a.id && idB(r) === b.id);
  const periods = [...new Set(rows.map((r) => r.period))].sort().reverse();
  const years = periods.map((period): PairYear => ({
    period,
    indicators: rows
      .filter((r) => r.period === period)
      .sort((x, y) => (order.get(x.indicator) ?? Infinity) - (order.get(y.indicator) ?? Infinity))
      .map((comparison) => ({
        indicator: comparison.indicator,
        a: data.cell(survey, period, a.id, comparison.indicator),
        b: data.cell(survey, period, b.id, comparison.indicator),
        comparison,
      })),
  }));
  const latest = years[0];
  return {
    survey,
    a,
    b,
    years,
    chart: latest
      ? { id: chartId('compare', survey, a.chartKey, b.chartKey, latest.period), table: 'comparisons', rows: latest.indicators.map((i) => i.comparison) }
      : null,
  };
}

const pairCache = new Map<string, PairContent>();

/** The content of the page of the pair `a`–`b` (main survey), built once per build. */
export function pairContent(a: UnitListing, b: UnitListing): PairContent {
  const key = `${a.id}|${b.id}`;
  let content = pairCache.get(key);
  if (!content) {
    content = pairContentOf(publishedData(), MAIN_SURVEY, a, b);
    pairCache.set(key, content);
  }
  return content;
}

/** One other unit of the group, seen from the page's unit: difference = this unit − the other. */
export interface UnitVersus {
  /** The other unit's version id and code (a listing when it has a page). */
  other: { id: string; code: string; valid_from: string };
  own: IndexRow | undefined;
  theirs: IndexRow | undefined;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  significant: boolean | null;
}

export interface UnitYear {
  period: string;
  /** Largest difference first (the units this one is most clearly above), then the rows without one. */
  versus: UnitVersus[];
}

export interface UnitCompareContent {
  survey: string;
  unit: UnitListing;
  /** Latest first. */
  years: UnitYear[];
}

/**
 * A row of comparisons.csv seen from `unitId`: when the unit is `unit_b`, the difference and its
 * interval change sign (b − a = −(a − b); the interval [low, high] becomes [−high, −low]).
 */
export function fromSide(row: ComparisonRow, unitId: string): Pick<UnitVersus, 'difference' | 'ci_low' | 'ci_high' | 'significant'> & { otherId: string; otherCode: string; otherFrom: string } {
  if (idA(row) === unitId) {
    return { difference: row.difference, ci_low: row.diff_ci_low, ci_high: row.diff_ci_high, significant: row.significant, otherId: idB(row), otherCode: row.unit_b, otherFrom: row.unit_b_valid_from };
  }
  const negate = (v: number | null) => (v === null ? null : -v);
  return { difference: negate(row.difference), ci_low: negate(row.diff_ci_high), ci_high: negate(row.diff_ci_low), significant: row.significant, otherId: idA(row), otherCode: row.unit_a, otherFrom: row.unit_a_valid_from };
}

/**
 * The overall index's rows of each unit version, indexed once per survey: 65 communes × 2 pages
 * would otherwise each scan the survey's 25,000 rows.
 */
const overallIndex = new WeakMap<PublishedData, Map<string, Map<string, ComparisonRow[]>>>();
function overallRowsOf(data: PublishedData, survey: string): Map<string, ComparisonRow[]> {
  let bySurvey = overallIndex.get(data);
  if (!bySurvey) {
    bySurvey = new Map();
    overallIndex.set(data, bySurvey);
  }
  let byUnit = bySurvey.get(survey);
  if (!byUnit) {
    byUnit = new Map();
    for (const row of data.comparisons(survey)) {
      if (row.indicator !== 'overall') continue;
      for (const id of [idA(row), idB(row)]) {
        const list = byUnit.get(id);
        if (list) list.push(row);
        else byUnit.set(id, [row]);
      }
    }
    bySurvey.set(survey, byUnit);
  }
  return byUnit;
}

/** A commune page's content from the published rows (exported for its unit test). */
export function unitCompareContentOf(data: PublishedData, survey: string, unit: UnitListing): UnitCompareContent {
  const rows = overallRowsOf(data, survey).get(unit.id) ?? [];
  const periods = [...new Set(rows.map((r) => r.period))].sort().reverse();
  const years = periods.map((period): UnitYear => ({
    period,
    versus: rows
      .filter((r) => r.period === period)
      .map((row): UnitVersus => {
        const seen = fromSide(row, unit.id);
        return {
          other: { id: seen.otherId, code: seen.otherCode, valid_from: seen.otherFrom },
          own: data.cell(survey, period, unit.id, 'overall'),
          theirs: data.cell(survey, period, seen.otherId, 'overall'),
          difference: seen.difference,
          ci_low: seen.ci_low,
          ci_high: seen.ci_high,
          significant: seen.significant,
        };
      })
      .sort((x, y) => (y.difference ?? -Infinity) - (x.difference ?? -Infinity) || (x.other.code < y.other.code ? -1 : 1)),
  }));
  return { survey, unit, years };
}

/** The content of a commune's compare page (main survey). */
export function unitCompareContent(unit: UnitListing): UnitCompareContent {
  return unitCompareContentOf(publishedData(), MAIN_SURVEY, unit);
}

/** The chart datasets of the compare pages (one per pair page), for the CSV endpoint. */
export async function compareDatasets(): Promise<ChartDataset[]> {
  return (await pageInventory()).compare.pairs.flatMap(({ a, b }) => {
    const chart = pairContent(a, b).chart;
    return chart ? [chart] : [];
  });
}

/**
 * The anchor of another unit's row on a commune's compare page: `so-voi-22750` in the latest
 * year's table (where the compare form leads), `so-voi-22750-2025` in an older year's. Within a
 * group a code names one unit (compute-rankings.ts → rankGroups), so the code is enough.
 */
export function versusAnchor(code: string, lang: 'vi' | 'en', olderPeriod?: string): string {
  const prefix = lang === 'vi' ? 'so-voi' : 'versus';
  return olderPeriod ? `${prefix}-${code}-${olderPeriod}` : `${prefix}-${code}`;
}
