/**
 * The funnel plot's formulas (method.md → Comparing units, "Funnel plot"):
 *
 *   "each unit's index against its n, with 95 % and 99.8 % limits around the province value p₀:
 *    p₀ ± z · √(p₀ (1 − p₀) / n) scaled by the design effect of the overall index
 *    (Var_taylor / Var_binomial at province level). A unit outside the 99.8 % limits is 'clearly
 *    above/below the province'; inside, 'consistent with the province'."
 *
 * One formula per function: the design effect, the limits at one n, the classification of a unit.
 * Values are proportions (0–1) inside the formulas and percent (0–100) at the edges, as in
 * taylor-variance.ts: the published cells and the charts are in percent.
 */
import { Z_95, Z_998 } from './confidence.ts';
import type { Interval } from './wilson.ts';

export { Z_95, Z_998 };

/** The province's published overall cell: value and se in percent / percentage points, as in IndexRow. */
export interface ProvinceCell {
  value: number | null;
  se: number | null;
  n: number;
}

/**
 * Design effect of the overall index at province level:
 *   deff = Var_taylor / Var_binomial,  Var_taylor = (se / 100)²,  Var_binomial = p₀ (1 − p₀) / n,
 * with p₀ = value / 100 and n the province cell's respondents.
 *
 * Not floored at 1. The overall index averages many items per respondent, so its variance is
 * normally well *below* that of one yes/no answer: the bundled SIPAS province cells give
 * deff ≈ 0.26–0.31 (2021–2024). Flooring at 1 would widen the limits by √(1 / 0.26) ≈ 2 and hide
 * units that do differ; the method's "scaled by the design effect" means the ratio as it is.
 *
 * Null (undefined) when the province has no value or se (suppressed), when p₀ is 0 or 1 (the
 * binomial variance is 0) or when n < 2 (the Taylor variance is undefined for one respondent).
 * A published se of 0 gives deff = 0: limits collapse onto p₀, which is what such a cell says.
 * The published se has 2 decimals, so deff carries its rounding: se = 0.20 stands for 0.195–0.205,
 * deff ± 5 %, limits ± 2.5 %; a reader redoing the plot from indices.csv gets the same numbers.
 */
export function designEffect(province: ProvinceCell): number | null {
  const { value, se, n } = province;
  if (value === null || se === null || !Number.isFinite(value) || !Number.isFinite(se) || n < 2) return null;
  const p0 = value / 100;
  if (p0 <= 0 || p0 >= 1) return null;
  const varTaylor = (se / 100) ** 2;
  const varBinomial = (p0 * (1 - p0)) / n;
  return varTaylor / varBinomial;
}

/**
 * The funnel limits for a unit of n respondents, in percent:
 *   100 · (p₀ ± z · √(deff · p₀ (1 − p₀) / n)), clipped to [0, 100].
 * `p0` is the province value as a proportion (0–1); z is Z_95 or Z_998. Null when n < 1.
 */
export function funnelLimits(p0: number, deff: number, n: number, z: number): Interval | null {
  if (!(n >= 1)) return null;
  const half = z * Math.sqrt((deff * p0 * (1 - p0)) / n);
  return { low: Math.max(0, 100 * (p0 - half)), high: Math.min(100, 100 * (p0 + half)) };
}

/** Where a unit lies against the 99.8 % limits (method.md's three phrases). */
export type FunnelClass = 'above' | 'below' | 'consistent';

/**
 * "above" when the unit's value (percent) is above the upper 99.8 % limit at its n, "below" when it
 * is under the lower one, "consistent" otherwise (a value exactly on a limit is inside). A unit with
 * no value (suppressed) is not classified: null.
 */
export function funnelClass(value: number | null, limits998: Interval): FunnelClass | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (value > limits998.high) return 'above';
  if (value < limits998.low) return 'below';
  return 'consistent';
}
