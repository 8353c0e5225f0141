/**
 * Difference between two units in the same period (method.md → Comparing units):
 *   difference = I_a − I_b,  SE = √(SE_a² + SE_b²)  (units of one pooled sample are treated as
 *   independent samples, as for trends), 95 % interval = difference ± 1.96 · SE, significant when
 *   the interval excludes 0. A suppressed cell gives no difference (the row stays, its numbers
 *   empty, as trends.csv keeps a row whose previous cell is suppressed).
 * Same formulas as sql/unit-difference.sql, which computes the published table; the arithmetic is
 * that of a change between two periods, so it is changeBetween's, read across units.
 */
import type { IndexRow } from '../tables.ts';
import { changeBetween } from './trend-change.ts';

export interface DifferenceEstimate {
  value_a: number | null;
  value_b: number | null;
  difference: number | null;
  diff_ci_low: number | null;
  diff_ci_high: number | null;
  significant: boolean | null;
}

/** The difference of cell `a` minus cell `b` with its 95 % interval; nulls where a cell is suppressed. */
export function differenceBetween(a: IndexRow, b: IndexRow): DifferenceEstimate {
  const shown = (row: IndexRow) => (row.status === 'ok' ? { value: row.value, se: row.se } : { value: null, se: null });
  const one = shown(a);
  const other = shown(b);
  const change = changeBetween(one, other);
  return {
    value_a: one.value,
    value_b: other.value,
    difference: change.change,
    diff_ci_low: change.change_ci_low,
    diff_ci_high: change.change_ci_high,
    significant: change.significant,
  };
}
