/**
 * Rounding "as published": half away from zero, `sign(x) · round(|x| · 10^d) / 10^d`, where
 * `round` of a non-negative number goes half up (Math.round; C's round in DuckDB).
 *
 * Why a formula rather than `toFixed`: the same expression is written in SQL
 * (`sql/rank-with-ties.sql`), so the engine and its TypeScript reference break ties identically,
 * bit for bit. It rounds the product |x|·10^d, not the exact binary value: 90.005 (stored as
 * 90.00499999…) gives 90.01 here, where `toFixed(2)` would print 90.00. Files must therefore be
 * written with this function too. Decisions a reader checks against the published table (rank
 * ties, target status) are taken on these values; all other arithmetic stays in full precision.
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
}

/** Whole hundredths of `x` as published with 2 decimals (90.004 → 9000, 89.996 → 9000). */
export function publishedHundredths(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100);
}
