/**
 * Rounding "as published": the engine takes the decisions a reader checks against the published
 * tables (rank ties, target status) on the values exactly as the files print them. So there is one
 * rounding, the publisher's (src/publish/round.ts: half away from zero on the number's shortest
 * decimal form, so 84.995 prints 85.00 and 1.005 prints 1.01), and this module only names it for
 * the engine. All other arithmetic stays in full precision.
 */
import { roundHalfAwayFromZero as roundAsWritten } from '../../publish/round.ts';

/** `x` rounded to `decimals` places as the published files write it. */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  return roundAsWritten(x, decimals);
}

/** Whole hundredths of `x` as published with 2 decimals (90.004 → 9000, 84.995 → 8500). */
export function publishedHundredths(x: number): number {
  return Math.round(roundAsWritten(x, 2) * 100);
}
