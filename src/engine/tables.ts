/**
 * Row shapes of the computed tables, one interface per published file of
 * ../shared/spec/data-contract.md → Outputs. Field order here IS the published column order.
 * Numbers are kept at full precision; rounding to 2 decimals happens only when written.
 */

export type Breakdown = 'all' | 'field' | 'channel' | 'respondent_type' | 'agency';
/**
 * Where a row's numbers come from (method.md → Units that change): `direct` from the responses of
 * the unit version itself, `back-cast` pooled from the old units that lie wholly in it, for
 * periods before the version existed.
 */
export type Basis = 'direct' | 'back-cast';
export type IndicatorLevel = 'overall' | 'element' | 'item';
/**
 * The release flag of a result row (publish/revisions.ts sets it; the engine leaves it unset):
 * `p` provisional, `r` revised since the previous release, null/absent = neither (empty cell).
 */
export type ReleaseFlag = 'p' | 'r';

export interface IndexRow {
  survey: string;
  /** `2024`, `2024-Q1` or `2024-03`. */
  period: string;
  unit_code: string;
  breakdown: Breakdown;
  /** `*` when breakdown is `all`. */
  breakdown_value: string;
  indicator: string;
  level: IndicatorLevel;
  n: number;
  /** Items only; null for elements and overall. */
  satisfied: number | null;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  status: 'ok' | 'suppressed';
  /** Standard error of `value` (percentage points); not in the contract's required columns. */
  se: number | null;
  /** First day of the unit version the row belongs to: a code may be reused by a new unit. */
  unit_valid_from: string;
  basis: Basis;
  /** Release flag, last column: see ReleaseFlag. */
  flag?: ReleaseFlag | null;
}

export interface RankingRow {
  survey: string;
  period: string;
  unit_level: string;
  unit_code: string;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  rank: number | null;
  rank_low: number | null;
  rank_high: number | null;
  p_first: number | null;
  k: number | null;
  p_top_k: number | null;
  status: 'ranked' | 'not_ranked';
  unit_valid_from: string;
  basis: Basis;
  /** The province the units are ranked within. */
  parent_code: string;
  /** Release flag, last column: see ReleaseFlag. */
  flag?: ReleaseFlag | null;
}

/** element-rankings.csv: a ranking on one element (rankings.csv's columns, then the element). */
export interface ElementRankingRow extends RankingRow {
  /** The element ranked on (indicators.csv, level `element`). */
  indicator: string;
}

export interface TrendRow {
  survey: string;
  period: string;
  previous_period: string;
  unit_code: string;
  breakdown: Breakdown;
  breakdown_value: string;
  indicator: string;
  value: number | null;
  previous_value: number | null;
  change: number | null;
  change_ci_low: number | null;
  change_ci_high: number | null;
  significant: boolean | null;
  method_break: boolean;
  /** The previous period's cell is a back-cast and this one direct (or the reverse): no change. */
  boundary_break: boolean;
  unit_valid_from: string;
  basis: Basis;
  /** Release flag, last column: see ReleaseFlag. */
  flag?: ReleaseFlag | null;
}

/**
 * One row of comparisons.csv (method.md → Comparing units): two unit versions ranked together
 * (same survey, yearly period, level and province version), one indicator, `unit_a` before
 * `unit_b` by code then version start. Value columns are empty for a suppressed cell.
 */
export interface ComparisonRow {
  survey: string;
  period: string;
  unit_a: string;
  unit_b: string;
  indicator: string;
  value_a: number | null;
  value_b: number | null;
  /** value_a − value_b (percentage points); null when either cell is suppressed. */
  difference: number | null;
  diff_ci_low: number | null;
  diff_ci_high: number | null;
  /** The 95 % interval of the difference excludes 0; null when there is no interval. */
  significant: boolean | null;
  unit_a_valid_from: string;
  unit_b_valid_from: string;
  /** Release flag, last column: see ReleaseFlag. */
  flag?: ReleaseFlag | null;
}

export interface CoverageRow {
  survey: string;
  period: string;
  unit_code: string;
  agencies_registered: number;
  agencies_measured: number;
  coverage: number | null;
  unit_valid_from: string;
  /** Release flag, last column: see ReleaseFlag. */
  flag?: ReleaseFlag | null;
}

export interface TargetRow {
  plan: string;
  target: string;
  survey: string;
  unit_code: string;
  period: string;
  indicator: string;
  breakdown: Breakdown;
  breakdown_value: string;
  comparator: string;
  threshold: number;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  gap: number | null;
  status: 'met' | 'not_met' | 'no_data' | 'too_few' | 'unit_ended';
  certainty: 'clear' | 'uncertain' | null;
  unit_valid_from: string;
  /** For `unit_ended`: the codes of the unit versions its territory went to, `;`-separated. */
  successor_units: string | null;
  /** Release flag, last column: see ReleaseFlag. */
  flag?: ReleaseFlag | null;
}

export interface IndicatorRow {
  survey: string;
  indicator: string;
  level: IndicatorLevel;
  element: string | null;
  name_vi: string;
  name_en: string;
  question_vi: string | null;
  question_en: string | null;
  method_version: string;
}

/** Everything the engine computes, handed to the publisher and the pages. */
export interface ComputedTables {
  indices: IndexRow[];
  rankings: RankingRow[];
  elementRankings: ElementRankingRow[];
  trends: TrendRow[];
  comparisons: ComparisonRow[];
  coverage: CoverageRow[];
  targets: TargetRow[];
  indicators: IndicatorRow[];
}
