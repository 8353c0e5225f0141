/**
 * Status and certainty of one plan target (method.md → Targets).
 *
 * Status: `met` / `not_met` by the point estimate and the comparator; `no_data` when the metric
 * has no responses; `too_few` when the cell is suppressed (n < min_n_publish) or, for a rank
 * target, the unit is not ranked.
 *
 * Certainty: `clear` when the whole 95 % interval lies on the status's side of the threshold,
 * else `uncertain`. A side of a threshold is a half-line, so the interval lies on one side exactly
 * when both its ends do: clear ⇔ test(ci_low) = test(ci_high) = test(value), where test is the
 * comparator. Hence at an end equal to the threshold: for `>` 85, met-clear needs ci_low > 85 and
 * not_met-clear needs ci_high ≤ 85; for `>=` 85, met-clear needs ci_low ≥ 85 and not_met-clear
 * needs ci_high < 85 (and mirrored for `<`, `<=`).
 *
 * Values are tested as published (2 decimals, probabilities 3 decimals): a reader who sees 85.00
 * next to "≥ 85" must see "met". The gap is value − threshold in full precision.
 */
import type { Comparator } from '../../intake/types.ts';
import type { CoverageRow, IndexRow, RankingRow } from '../tables.ts';
import { roundHalfAwayFromZero } from './published-rounding.ts';

/** `unit_ended`: the period starts after the target's unit ceased to exist (compute-targets.ts). */
export type TargetStatus = 'met' | 'not_met' | 'no_data' | 'too_few' | 'unit_ended';
export type TargetCertainty = 'clear' | 'uncertain' | null;

export interface TargetAssessment {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  gap: number | null;
  status: TargetStatus;
  certainty: TargetCertainty;
}

/** Certainty of a rank target: P(top k) at least this (met) or at most 1 − this (not met). */
export const RANK_CLEAR_PROBABILITY = 0.95;

export function satisfies(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

const asPublished = (x: number): number => roundHalfAwayFromZero(x, 2);

const without = (status: TargetStatus): TargetAssessment => ({
  value: null,
  ci_low: null,
  ci_high: null,
  gap: null,
  status,
  certainty: null,
});

/** A target on an index cell (overall, element, item; any breakdown). */
export function assessIndexTarget(
  cell: IndexRow | undefined,
  comparator: Comparator,
  threshold: number,
  minNPublish: number,
): TargetAssessment {
  if (!cell || cell.n === 0) return without('no_data');
  if (cell.status === 'suppressed' || cell.value === null || cell.n < minNPublish) return without('too_few');
  const met = satisfies(asPublished(cell.value), comparator, threshold);
  // Without an interval the estimate cannot be shown to be clear of the threshold.
  const clear =
    cell.ci_low !== null &&
    cell.ci_high !== null &&
    satisfies(asPublished(cell.ci_low), comparator, threshold) === met &&
    satisfies(asPublished(cell.ci_high), comparator, threshold) === met;
  return {
    value: cell.value,
    ci_low: cell.ci_low,
    ci_high: cell.ci_high,
    gap: cell.value - threshold,
    status: met ? 'met' : 'not_met',
    certainty: clear ? 'clear' : 'uncertain',
  };
}

/** A coverage target: a count, so no interval and no certainty. */
export function assessCoverageTarget(
  row: CoverageRow | undefined,
  comparator: Comparator,
  threshold: number,
): TargetAssessment {
  if (!row || row.agencies_registered === 0 || row.coverage === null) return without('no_data');
  return {
    value: row.coverage,
    ci_low: null,
    ci_high: null,
    gap: row.coverage - threshold,
    status: satisfies(asPublished(row.coverage), comparator, threshold) ? 'met' : 'not_met',
    certainty: null,
  };
}

/**
 * A rank target ("top k": rank ≤ k, written `<=` k). value = rank, ci_low/ci_high =
 * rank_low/rank_high (the 95 % rank interval, best end first); gap = rank − threshold, so for
 * `<=` a gap ≤ 0 means met (lower ranks are better, the opposite sign of index targets).
 * Certainty reads P(top k) of `row`, the unit's ranking row for the k the target names.
 */
export function assessRankTarget(row: RankingRow | undefined, comparator: Comparator, threshold: number): TargetAssessment {
  if (!row || row.n === 0) return without('no_data');
  if (row.status !== 'ranked' || row.rank === null) return without('too_few');
  const met = satisfies(row.rank, comparator, threshold);
  const p = row.p_top_k === null ? null : roundHalfAwayFromZero(row.p_top_k, 3);
  const clear = p !== null && (met ? p >= RANK_CLEAR_PROBABILITY : p <= 1 - RANK_CLEAR_PROBABILITY);
  return {
    value: row.rank,
    ci_low: row.rank_low,
    ci_high: row.rank_high,
    gap: row.rank - threshold,
    status: met ? 'met' : 'not_met',
    certainty: clear ? 'clear' : 'uncertain',
  };
}

/**
 * The "all of them" row of a target naming several breakdown values:
 * - status: met when every part is met; not_met when any part is not met (one failure decides,
 *   whatever the others); otherwise too_few when any part has too few responses, else no_data.
 * - certainty: met → clear only when every part is clearly met; not_met → clear when some part
 *   is clearly not met (that part alone settles it); otherwise empty.
 * - value: the binding part's value — the lowest for `>`/`>=`, the highest for `<`/`<=` — so
 *   gap = value − threshold is the shortfall (or margin) of the weakest part. No interval: the
 *   parts' intervals do not combine into one.
 */
export function assessAllOfThem(parts: readonly TargetAssessment[], comparator: Comparator, threshold: number): TargetAssessment {
  const statuses = parts.map((p) => p.status);
  let status: TargetStatus;
  if (parts.length > 0 && statuses.every((s) => s === 'met')) status = 'met';
  else if (statuses.includes('not_met')) status = 'not_met';
  else if (statuses.includes('too_few')) status = 'too_few';
  else status = 'no_data';
  if (status === 'too_few' || status === 'no_data') return without(status);

  let certainty: TargetCertainty;
  if (status === 'met') certainty = parts.every((p) => p.certainty === 'clear') ? 'clear' : 'uncertain';
  else certainty = parts.some((p) => p.status === 'not_met' && p.certainty === 'clear') ? 'clear' : 'uncertain';

  const values = parts.map((p) => p.value).filter((v): v is number => v !== null);
  const higherIsBetter = comparator === '>' || comparator === '>=';
  const value = higherIsBetter ? Math.min(...values) : Math.max(...values);
  return { value, ci_low: null, ci_high: null, gap: value - threshold, status, certainty };
}
