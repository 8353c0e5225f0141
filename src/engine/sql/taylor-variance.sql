-- Taylor-linearisation variance of the element and overall indices (method.md → Uncertainty).
-- With θ = Σ_c w_c p_c (weights from element-weights.sql), respondent r's influence is
--   z_r = Σ_c w_c (y_rc − p_c a_rc) / N_c,   Var(θ) = n / (n − 1) · Σ_r z_r².
-- This file computes Σ_r z_r² per cell; element-index.sql and overall-index.sql apply n / (n − 1)
-- with their own n.
--   z_e,r  the influence on element e (its items, w_c within the element)
--   z_r    the influence on the overall index = Σ_e omega_e · z_e,r
--
-- With the signed answer v_rc (+1 satisfied, −1 not satisfied, 0 not answered;
-- load-respondents.sql), one item's term w_c (y_rc − p_c a_rc) / N_c is
--   v · (alpha_c + v · beta_c),  alpha_c = w_c / (2 N_c),  beta_c = w_c (1 − 2 p_c) / (2 N_c):
--   v = +1 → alpha + beta = w (1 − p) / N;  v = −1 → −alpha + beta = −w p / N;  v = 0 → 0.
-- Respondents who answered none of an indicator's items have z = 0 and add nothing.
--
-- Only cells that will be published need it (n ≥ min_n_publish, and n ≥ 2 since n / (n − 1) is
-- undefined for one respondent). Each respondent is joined to each of its cells by one equality on
-- the cell key: one branch per cell kind (compute-indices.ts → cellKinds), each probing a hash
-- table of only that kind's cells and summing its own squares by the dense cell_order
-- (cell-labels.sql); nothing of size respondents × cells is ever stored.
CREATE OR REPLACE TEMP TABLE taylor_coefficient AS
SELECT
  c.cell_key,
  l.cell_order,
  c.kind,
  {{#items|,
  }}CASE WHEN c.answers_{{i}} > 0 THEN w.w_{{i}} / (2 * c.answers_{{i}}) ELSE 0.0 END AS alpha_{{i}},
  CASE WHEN c.answers_{{i}} > 0 THEN w.w_{{i}} * (1 - 2 * c.satisfied_{{i}} / c.answers_{{i}}) / (2 * c.answers_{{i}}) ELSE 0.0 END AS beta_{{i}}{{/items}},
  {{#elements|, }}w.omega_{{e}}{{/elements}}
FROM cell_count c
JOIN cell_weight w USING (cell_key)
JOIN cell_label l USING (cell_key)
WHERE c.respondents_all >= greatest({{min_n_publish}}, 2);

CREATE OR REPLACE TEMP TABLE cell_variance AS
{{#memberships|
UNION ALL
}}SELECT
  cell_order,
  {{#elements|, }}sum(z_{{e}} * z_{{e}}) AS sum_z2_{{e}}{{/elements}},
  sum(z_all * z_all) AS sum_z2_all
FROM (
  SELECT cell_order, {{#elements|, }}z_{{e}}{{/elements}}, {{#elements| + }}omega_{{e}} * z_{{e}}{{/elements}} AS z_all
  FROM (
    SELECT
      k.cell_order,
      {{#elements|,
      }}({{#items| + }}v_{{i}} * (k.alpha_{{i}} + v_{{i}} * k.beta_{{i}}){{/items}}) AS z_{{e}},
      k.omega_{{e}}{{/elements}}
    FROM respondent_store.respondent
    JOIN taylor_coefficient k ON k.kind = {{kind}} AND k.cell_key = cell_key({{unit}}, {{period}}, {{breakdown}})
  )
)
GROUP BY cell_order{{/memberships}};
