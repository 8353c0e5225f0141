-- Difference between two units in the same period (method.md → Comparing units):
--   difference = I_a − I_b,  SE = √(SE_a² + SE_b²),  interval = difference ± z · SE
--   (z = 1.96, reference/confidence.ts), significant = the interval excludes 0.
-- A suppressed cell has no value, so the difference, its interval and `significant` are empty.
-- Same formulas as reference/unit-difference.ts.
-- Inputs (integer keys, as for trend-change.sql: no text crosses between JavaScript and the engine):
--   comparison_cells(ord, value, se, ok) — the index cells of the units compared, ok = status is 'ok';
--   comparison_pairs(pair_ord, a_ord, b_ord) — one row per published row, in published order.
-- Output: one row per pair, in pair_ord order.
WITH pairs AS (
  SELECT
    p.pair_ord,
    CASE WHEN a.ok THEN a.value END AS value_a,
    CASE WHEN b.ok THEN b.value END AS value_b,
    CASE WHEN a.ok THEN a.se END AS se_a,
    CASE WHEN b.ok THEN b.se END AS se_b
  FROM comparison_pairs AS p
  JOIN comparison_cells AS a ON a.ord = p.a_ord
  JOIN comparison_cells AS b ON b.ord = p.b_ord
),
differences AS (
  SELECT
    *,
    value_a - value_b AS difference,
    sqrt(se_a * se_a + se_b * se_b) AS diff_se
  FROM pairs
),
intervals AS (
  SELECT
    *,
    difference - {{z}} * diff_se AS diff_ci_low,
    difference + {{z}} * diff_se AS diff_ci_high
  FROM differences
)
SELECT
  pair_ord,
  value_a,
  value_b,
  difference,
  diff_ci_low,
  diff_ci_high,
  CASE WHEN diff_ci_low IS NULL THEN NULL ELSE diff_ci_low > 0 OR diff_ci_high < 0 END AS significant
FROM intervals
ORDER BY pair_ord
