-- Change between two periods of the same kind (2023 → 2024, 2023-Q4 → 2024-Q1, 2024-02 → 2024-03):
--   change = I₂ − I₁,  SE = √(SE₁² + SE₂²),  interval = change ± z · SE (z = 1.96, reference/confidence.ts),
--   significant = the interval excludes 0.
-- method_break = the two periods' start dates fall under different method versions;
-- boundary_break = one cell is a back-cast and the other direct (method.md → Units that change:
-- the old communes pooled are not the new unit, so no change is computed across 2025-07-01).
-- Either way the change columns are empty. A suppressed cell has no value, so its change is empty too.
-- Same formulas as reference/trend-change.ts.
-- Inputs (integer keys, so that no text crosses between JavaScript and the engine — that
-- transfer, not the arithmetic, was the cost):
--   trend_cells(ord, series, period_id, value, se, ok, back_cast) — the index cells, ord = their
--     order in the indices table, series = one id per survey × unit version × breakdown × value ×
--     indicator, ok = status is 'ok', back_cast = basis is 'back-cast';
--   trend_periods(period_id, previous_period_id, method_version) — one row per period.
-- Output: one row per cell that has a previous period of the same kind, in the order of the cells.
WITH pairs AS (
  SELECT
    cur.ord,
    prev.ord AS previous_ord,
    CASE WHEN cur.ok THEN cur.value END AS value,
    CASE WHEN prev.ok THEN prev.value END AS previous_value,
    CASE WHEN cur.ok THEN cur.se END AS se,
    CASE WHEN prev.ok THEN prev.se END AS previous_se,
    cp.method_version IS DISTINCT FROM pp.method_version AS method_break,
    cur.back_cast <> prev.back_cast AS boundary_break
  FROM trend_cells AS cur
  JOIN trend_periods AS cp ON cp.period_id = cur.period_id
  JOIN trend_cells AS prev
    ON prev.series = cur.series
   AND prev.period_id = cp.previous_period_id
  JOIN trend_periods AS pp ON pp.period_id = prev.period_id
),
changes AS (
  SELECT
    *,
    CASE WHEN NOT (method_break OR boundary_break) THEN value - previous_value END AS change,
    CASE WHEN NOT (method_break OR boundary_break) THEN sqrt(se * se + previous_se * previous_se) END AS change_se
  FROM pairs
),
intervals AS (
  SELECT
    *,
    change - {{z}} * change_se AS change_ci_low,
    change + {{z}} * change_se AS change_ci_high
  FROM changes
)
SELECT
  ord,
  previous_ord,
  value,
  previous_value,
  change,
  change_ci_low,
  change_ci_high,
  CASE WHEN change_ci_low IS NULL THEN NULL ELSE change_ci_low > 0 OR change_ci_high < 0 END AS significant,
  method_break,
  boundary_break
FROM intervals
ORDER BY ord
