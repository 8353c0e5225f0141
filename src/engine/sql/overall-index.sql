-- Overall (SIPAS) index and its Taylor-linearisation interval (method.md → Indices 3,
-- Uncertainty), one row per cell:
--   I   = 100 · Σ_e omega_e Σ_{c∈e} w_c p_c   the weighted mean of the element indices with data
--                                           (omega_e, w_c from element-weights.sql; equal
--                                           weights unless the instrument declares others)
--   n   = respondents who answered at least one item
--   Var = n / (n − 1) · Σ_r z_r²              (Σ_r z_r² from taylor-variance.sql)
--   se  = 100 · √Var;  interval = 100 · (I/100 ± z · √Var), clipped to [0, 100]
-- Same choices as element-index.sql: n = 1 → value without interval or se; n = 0 → suppressed row.
CREATE OR REPLACE TEMP TABLE overall_row AS
WITH overall_estimate AS (
  SELECT
    c.cell_key,
    c.respondents_all AS n,
    {{#elements| + }}w.omega_{{e}} * ({{#items| + }}w.w_{{i}} * CASE WHEN c.answers_{{i}} > 0 THEN c.satisfied_{{i}} / c.answers_{{i}} ELSE 0.0 END{{/items}}){{/elements}} AS theta,
    v.sum_z2_all AS sum_z2
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
  FROM overall_estimate
)
SELECT
  cell_key,
  'overall' AS indicator,
  0 AS indicator_order,
  'overall' AS level,
  n,
  NULL::INTEGER AS satisfied,
  CASE WHEN is_published THEN 100 * theta END AS value,
  CASE WHEN is_published AND variance IS NOT NULL THEN greatest(0, 100 * (theta - {{z}}::DOUBLE * sqrt(variance))) END AS ci_low,
  CASE WHEN is_published AND variance IS NOT NULL THEN least(100, 100 * (theta + {{z}}::DOUBLE * sqrt(variance))) END AS ci_high,
  CASE WHEN is_published THEN 'ok' ELSE 'suppressed' END AS status,
  CASE WHEN is_published THEN 100 * sqrt(variance) END AS se
FROM published;
