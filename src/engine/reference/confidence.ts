/**
 * The normal quantile used by every 95 % interval the site publishes (method.md → Uncertainty).
 * Rounded to 1.96 as the method writes it, so a reader can redo any interval by hand.
 */
export const Z_95 = 1.96;

/**
 * The normal quantile of the funnel plot's outer limits (method.md → Comparing units, "99.8 %
 * limits"): two-sided 99.8 % leaves 0.1 % in each tail, so z = Φ⁻¹(1 − 0.002 / 2) = Φ⁻¹(0.999)
 * = 3.0902323…, rounded to 3.09 the way Z_95 is rounded to 1.96 (tests/engine/funnel-limits.test.ts
 * checks Φ(3.09) against 0.999 by numerical integration).
 */
export const Z_998 = 3.09;
