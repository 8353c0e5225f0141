-- Weights that turn item proportions into element and overall indices, per cell
-- (method.md → Indices 2–3, Uncertainty):
--   w_c     = 1 / k_e if N_c > 0, else 0      k_e = items of element e with N_c > 0
--             so the element index is I_e = 100 · Σ_{c∈e} w_c p_c, the mean of its answered items
--   omega_e = W_e / Σ_{f with data} W_f if n_e > 0, else 0
--             W_e = the element's weight in the instrument (1 each when it declares none), so the
--             overall index is I = Σ_e omega_e I_e and, item by item, w_c(overall) = omega_e · w_c
--             (= 1 / (E · k_e) with equal weights, as method.md writes it).
CREATE OR REPLACE TEMP TABLE cell_weight AS
WITH with_data AS (
  SELECT
    cell_key,
    {{#elements|,
    }}({{#items| + }}(answers_{{i}} > 0)::INTEGER{{/items}}) AS items_with_data_{{e}}{{/elements}},
    ({{#elements| + }}(respondents_{{e}} > 0)::INTEGER * {{weight}}::DOUBLE{{/elements}}) AS weight_with_data
  FROM cell_count
)
SELECT
  c.cell_key,
  {{#elements|,
  }}{{#items|, }}CASE WHEN c.answers_{{i}} > 0 THEN 1.0 / d.items_with_data_{{e}} ELSE 0.0 END AS w_{{i}}{{/items}},
  CASE WHEN c.respondents_{{e}} > 0 THEN {{weight}}::DOUBLE / d.weight_with_data ELSE 0.0 END AS omega_{{e}}{{/elements}}
FROM cell_count c
JOIN with_data d USING (cell_key);
