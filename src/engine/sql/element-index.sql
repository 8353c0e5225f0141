-- Element index and its Taylor-linearisation interval (method.md → Indices 2, Uncertainty), one
-- row per cell × element:
--   I_e = 100 · Σ_{c∈e} w_c p_c      the mean of p_c over the element's items with N_c > 0
--                                   (w_c from element-weights.sql)
--   n   = n_e                        respondents who answered at least one item of e
--   Var = n / (n − 1) · Σ_r z_e,r²    (Σ_r z_e,r² from taylor-variance.sql)
--   se  = 100 · √Var;  interval = 100 · (I/100 ± z · √Var), clipped to [0, 100]
-- Choices: n = 1 → Var is undefined, so interval and se are empty while the value is still shown
-- if the cell is published (only possible with min_n_publish ≤ 1). n = 0 (nobody answered the
-- element) → a suppressed row with n = 0, like an unanswered item.
-- Suppressed (n < min_n_publish, or n = 0): value, interval and se are empty; n is kept.
-- (greatest/least skip NULLs in DuckDB, hence the explicit "variance IS NOT NULL".)
CREATE OR REPLACE TEMP TABLE element_row AS
WITH element_estimate AS (
  SELECT
    c.cell_key,
    unnest([{{#elements|, }}{
      indicator: {{code}},
      indicator_order: {{order}},
      n: c.respondents_{{e}},
      theta: {{#items| + }}w.w_{{i}} * CASE WHEN c.answers_{{i}} > 0 THEN c.satisfied_{{i}} / c.answers_{{i}} ELSE 0.0 END{{/items}},
      sum_z2: v.sum_z2_{{e}}
    }{{/elements}}], recursive := true)
  FROM cell_count c
  JOIN cell_weight w USING (cell_key)
  JOIN cell_label l USING (cell_key)
  LEFT JOIN cell_variance v USING (cell_order)
),
published AS (
  SELECT
    *,
    n > 0 AND n >= {{min_n_publish}} AS is_published,
    CASE WHEN n > 1 THEN n / (n - 1) * sum_z2 END AS variance
  FROM element_estimate
)
SELECT
  cell_key,
  indicator,
  indicator_order,
  'element' AS level,
  n,
  NULL::INTEGER AS satisfied,
  CASE WHEN is_published THEN 100 * theta END AS value,
  CASE WHEN is_published AND variance IS NOT NULL THEN greatest(0, 100 * (theta - {{z}}::DOUBLE * sqrt(variance))) END AS ci_low,
  CASE WHEN is_published AND variance IS NOT NULL THEN least(100, 100 * (theta + {{z}}::DOUBLE * sqrt(variance))) END AS ci_high,
  CASE WHEN is_published THEN 'ok' ELSE 'suppressed' END AS status,
  CASE WHEN is_published THEN 100 * sqrt(variance) END AS se
FROM published;
