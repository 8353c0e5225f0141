-- Change between two periods of the same kind (2023 → 2024, 2023-Q4 → 2024-Q1, 2024-02 → 2024-03):
--   change = I₂ − I₁,  SE = √(SE₁² + SE₂²),  interval = change ± 1.96 · SE,
--   significant = the interval excludes 0.
-- method_break = the two periods' start dates fall under different method versions; the change
-- columns are then empty. A suppressed cell has no value, so its change is empty too.
-- Same formulas as reference/trend-change.ts.
-- Inputs: trend_cells(ord, survey, period, unit_code, breakdown, breakdown_value, indicator,
--   value, se, status) — the index cells, ord = their order in the indices table;
--   trend_periods(period, previous_period, method_version) — one row per period of trend_cells.
WITH pairs AS (
  SELECT
    cur.ord,
    cur.survey,
    cur.period,
    cp.previous_period,
    cur.unit_code,
    cur.breakdown,
    cur.breakdown_value,
    cur.indicator,
    CASE WHEN cur.status = 'ok' THEN cur.value END AS value,
    CASE WHEN prev.status = 'ok' THEN prev.value END AS previous_value,
    CASE WHEN cur.status = 'ok' THEN cur.se END AS se,
    CASE WHEN prev.status = 'ok' THEN prev.se END AS previous_se,
    cp.method_version IS DISTINCT FROM pp.method_version AS method_break
  FROM trend_cells AS cur
  JOIN trend_periods AS cp ON cp.period = cur.period
  JOIN trend_cells AS prev
    ON prev.survey = cur.survey
   AND prev.period = cp.previous_period
   AND prev.unit_code = cur.unit_code
   AND prev.breakdown = cur.breakdown
   AND prev.breakdown_value = cur.breakdown_value
   AND prev.indicator = cur.indicator
  JOIN trend_periods AS pp ON pp.period = prev.period
),
changes AS (
  SELECT
    *,
    CASE WHEN NOT method_break THEN value - previous_value END AS change,
    CASE WHEN NOT method_break THEN sqrt(se * se + previous_se * previous_se) END AS change_se
  FROM pairs
),
intervals AS (
  SELECT
    *,
    change - 1.96 * change_se AS change_ci_low,
    change + 1.96 * change_se AS change_ci_high
  FROM changes
)
SELECT
  survey,
  period,
  previous_period,
  unit_code,
  breakdown,
  breakdown_value,
  indicator,
  value,
  previous_value,
  change,
  change_ci_low,
  change_ci_high,
  CASE WHEN change_ci_low IS NULL THEN NULL ELSE change_ci_low > 0 OR change_ci_high < 0 END AS significant,
  method_break
FROM intervals
ORDER BY ord
