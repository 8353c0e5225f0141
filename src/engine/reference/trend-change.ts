/**
 * Change between two periods (method.md → Uncertainty, "Change between two periods"):
 *   change = I₂ − I₁,  SE = √(SE₁² + SE₂²)  (independent samples),
 *   95 % interval = change ± 1.96 · SE,  significant when the interval excludes 0.
 * No change across a method break (two periods whose start dates fall under different method
 * versions of the instrument) nor across a boundary break (a back-cast cell and a direct one of the
 * same unit version: method.md → Units that change). Suppressed cells give no change.
 * Same formulas as sql/trend-change.sql, which computes the published table.
 */
import type { SurveyInstrument } from '../../intake/types.ts';
import type { IndexRow, TrendRow } from '../tables.ts';
import { Z_95 } from './confidence.ts';
import { periodBounds, previousPeriod } from './period-calendar.ts';

/**
 * The method version in force on `date` (ISO), or null when no version covers it. Two periods
 * with the same version (null included, e.g. an instrument that lists none) are comparable.
 */
export function methodVersionOn(instrument: SurveyInstrument, date: string): string | null {
  const version = instrument.method_versions.find(
    (v) => v.valid_from <= date && (v.valid_to === null || date <= v.valid_to),
  );
  return version ? version.version : null;
}

export interface ChangeEstimate {
  change: number | null;
  change_ci_low: number | null;
  change_ci_high: number | null;
  significant: boolean | null;
}

interface Estimate {
  value: number | null;
  se: number | null;
}

/** Change from `previous` to `current` with its interval; nulls where an input is missing. */
export function changeBetween(current: Estimate, previous: Estimate): ChangeEstimate {
  if (current.value === null || previous.value === null) {
    return { change: null, change_ci_low: null, change_ci_high: null, significant: null };
  }
  const change = current.value - previous.value;
  if (current.se === null || previous.se === null) {
    return { change, change_ci_low: null, change_ci_high: null, significant: null };
  }
  const se = Math.sqrt(current.se * current.se + previous.se * previous.se);
  const change_ci_low = change - Z_95 * se;
  const change_ci_high = change + Z_95 * se;
  return { change, change_ci_low, change_ci_high, significant: change_ci_low > 0 || change_ci_high < 0 };
}

/**
 * Key of a cell without its period: the same indicator of the same unit version and breakdown. A
 * version has back-cast cells only before it starts and direct ones only after, so the basis
 * need not be in the key.
 */
export const cellKey = (row: IndexRow, period: string): string =>
  [row.survey, period, row.unit_code, row.unit_valid_from, row.breakdown, row.breakdown_value, row.indicator].join('\u0000');

/** The whole trends table, in the order of the current cells in `indices` (reference version). */
export function referenceTrends(indices: readonly IndexRow[], instrument: SurveyInstrument): TrendRow[] {
  const cells = indices.filter((row) => row.survey === instrument.id);
  const byKey = new Map(cells.map((row) => [cellKey(row, row.period), row]));
  const versionOf = (period: string): string | null => methodVersionOn(instrument, periodBounds(period).start);
  const rows: TrendRow[] = [];
  for (const current of cells) {
    const previous_period = previousPeriod(current.period);
    const previous = byKey.get(cellKey(current, previous_period));
    if (!previous) continue;
    const method_break = versionOf(current.period) !== versionOf(previous_period);
    const boundary_break = current.basis !== previous.basis;
    const shown = (row: IndexRow): Estimate =>
      row.status === 'ok' ? { value: row.value, se: row.se } : { value: null, se: null };
    const now = shown(current);
    const before = shown(previous);
    const change = method_break || boundary_break
      ? { change: null, change_ci_low: null, change_ci_high: null, significant: null }
      : changeBetween(now, before);
    rows.push({
      survey: current.survey,
      period: current.period,
      previous_period,
      unit_code: current.unit_code,
      breakdown: current.breakdown,
      breakdown_value: current.breakdown_value,
      indicator: current.indicator,
      value: now.value,
      previous_value: before.value,
      ...change,
      method_break,
      boundary_break,
      unit_valid_from: current.unit_valid_from,
      basis: current.basis,
    });
  }
  return rows;
}
