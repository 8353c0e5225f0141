-- One compact row per response (method.md → Notation), everything later formulas need:
--   path_id, commune_idx, district_idx, province_idx
--        the unit and its ancestors valid at the response date (unit-tree.sql; NULL where the
--        chain has no such level, e.g. no commune above a district-level response)
--   year_key, quarter_key, month_key
--        the periods the date falls in: 2024-03-31 → 2024, 20241 (2024-Q1), 202403 (2024-03)
--   field_idx, channel_idx, type_idx, agency_idx
--        breakdown values (load-breakdown-values.sql), NULL if not recorded
--   v_c  the answer to item c as one signed number: +1 satisfied (y_rc = 1), −1 answered but not
--        satisfied, 0 not answered (a_rc = 0). So a_rc = |v_rc| and y_rc = (v_rc + |v_rc|) / 2.
--        One TINYINT per item instead of two flags: half the memory, and the variance pass
--        (taylor-variance.sql) reads half the columns. Computed with two bit masks, where bit
--        s + 1 stands for the answer s and a missing answer reads as bit 0 (set in neither):
--          v = 2 · bit(satisfied_mask) − bit(scale_mask)
--        (measured several times faster than a CASE over 19 columns).
--   answered_e, answered_any
--        1 if the respondent answered at least one item of element e / at all (counts n_e, n):
--        the bitwise OR of the v's is non-zero exactly when one of them is
-- Responses whose unit resolves to no span are left out here and reported by compute-indices.ts.
CREATE OR REPLACE TEMP TABLE respondent AS
SELECT
  *,
  {{#elements|,
  }}(({{#items| | }}v_{{i}}{{/items}}) <> 0)::UTINYINT AS answered_{{e}}{{/elements}},
  (({{#items| | }}v_{{i}}{{/items}}) <> 0)::UTINYINT AS answered_any
FROM (
  SELECT
    s.path_id,
    s.commune_idx,
    s.district_idx,
    s.province_idx,
    year(r.date)::INTEGER AS year_key,
    (year(r.date) * 10 + quarter(r.date))::INTEGER AS quarter_key,
    (year(r.date) * 100 + month(r.date))::INTEGER AS month_key,
    b.field_idx,
    b.channel_idx,
    b.type_idx,
    b.agency_idx,
    {{#items|,
    }}(2 * (({{satisfied_mask}}::BIGINT >> coalesce(r.answer_{{i}} + 1, 0)) & 1)
      - (({{scale_mask}}::BIGINT >> coalesce(r.answer_{{i}} + 1, 0)) & 1))::TINYINT AS v_{{i}}{{/items}}
  FROM response_csv r
  JOIN unit_span s ON s.leaf_code = r.unit_code AND r.date BETWEEN s.span_from AND s.span_to
  JOIN breakdown_combo_key b
    ON b.field IS NOT DISTINCT FROM r.field
    AND b.channel IS NOT DISTINCT FROM r.channel
    AND b.respondent_type IS NOT DISTINCT FROM r.respondent_type
    AND b.agency_code IS NOT DISTINCT FROM r.agency_code
);
