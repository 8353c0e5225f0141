-- Counts per cell (method.md → Notation), for every cell with at least one response:
--   answers_c        N_c = Σ_r a_rc = Σ_r |v_rc|           respondents who answered item c
--   satisfied_c      S_c = Σ_r y_rc = (Σ_r v_rc + N_c) / 2  of whom satisfied (v: load-respondents.sql)
--   respondents_e    n_e = Σ_r max_{c∈e} a_rc              answered at least one item of element e
--   respondents_all  n   = Σ_r max_c a_rc                  answered at least one item
--                    (max_c a_rc = 1 exactly when the bitwise OR of the respondent's v's is non-zero)
--   responses        rows in the cell, answered or not
--   kind             which cell kind (compute-indices.ts → cellKinds) the cell is
-- All are sums over respondents, so a district or the province pools the respondents below it;
-- it is never a mean of lower-level indices.
--
-- Two steps, because sums are additive. First ONE scan of the respondents into two sets of
-- partial sums that every cell is a union of:
--   month_field   by unit path × month × field    (→ year/quarter/month cells; yearly field cells)
--   year_other    by unit path × year × channel × respondent type × agency  (→ the other breakdowns)
-- then each cell kind adds up the few thousand partial rows it covers. (Measured: one grouping
-- set per cell kind, or a copy of each respondent per cell, is several times slower.)
CREATE OR REPLACE TEMP TABLE cell_part AS
SELECT
  CASE WHEN GROUPING(month_key) = 0 THEN 'month_field' ELSE 'year_other' END AS part,
  path_id, year_key, quarter_key, month_key, field_idx, channel_idx, type_idx, agency_idx,
  count(*)::DOUBLE AS responses,
  {{#items|,
  }}sum(abs(v_{{i}})::DOUBLE) AS answers_{{i}},
  sum(v_{{i}}::DOUBLE) AS balance_{{i}}{{/items}},
  {{#elements|,
  }}sum((({{#items| | }}v_{{i}}{{/items}}) <> 0)::DOUBLE) AS respondents_{{e}}{{/elements}},
  sum((({{#items| | }}v_{{i}}{{/items}}) <> 0)::DOUBLE) AS respondents_all
FROM respondent_store.respondent
GROUP BY GROUPING SETS (
  -- year and quarter follow from the month; grouping by them too only keeps them in the result
  (path_id, year_key, quarter_key, month_key, field_idx),
  (path_id, year_key, channel_idx, type_idx, agency_idx)
);

CREATE OR REPLACE TEMP TABLE cell_count AS
SELECT
  cell_key,
  any_value(kind) AS kind,
  sum(responses)::INTEGER AS responses,
  {{#items|,
  }}sum(answers_{{i}})::INTEGER AS answers_{{i}},
  ((sum(balance_{{i}}) + sum(answers_{{i}})) / 2)::INTEGER AS satisfied_{{i}}{{/items}},
  {{#elements|,
  }}sum(respondents_{{e}})::INTEGER AS respondents_{{e}}{{/elements}},
  sum(respondents_all)::INTEGER AS respondents_all
FROM (
  {{#memberships|
  UNION ALL
  }}SELECT cell_key({{unit}}, {{period}}, {{breakdown}}) AS cell_key, {{kind}} AS kind, c.*
  FROM cell_part c JOIN unit_path USING (path_id)
  WHERE c.part = {{part}}{{/memberships}}
)
WHERE cell_key IS NOT NULL
GROUP BY cell_key;
