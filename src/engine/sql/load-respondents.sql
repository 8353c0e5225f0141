-- One compact row per response (method.md → Notation), everything later formulas need:
--   path_id, commune_idx, district_idx, province_idx, backcast_idx, country_idx
--        the unit and its ancestors valid at the response date, and the new unit whose back-cast
--        the response's old commune feeds (unit-tree.sql; NULL where the chain has no such level,
--        e.g. no commune above a district-level response, or no back-cast for a split commune)
--   year_key, quarter_key, month_key
--        the periods the date falls in: 2024-03-31 → 2024, 20241 (2024-Q1), 202403 (2024-03)
--   field_idx, channel_idx, type_idx, agency_idx
--        breakdown values (load-breakdown-values.sql), NULL if not recorded
--   unknown_value  a recorded breakdown value that is not in the registers (an error)
--   response_date  the date itself, for the agency days coverage needs (agency-days.sql), so that
--        coverage does not read the responses a second time
--   v_c  the answer to item c as one signed number: +1 satisfied (y_rc = 1), −1 answered but not
--        satisfied, 0 not answered (a_rc = 0). So a_rc = |v_rc| and y_rc = (v_rc + |v_rc|) / 2.
--        One TINYINT per item instead of two flags: half the memory, and the variance pass
--        (taylor-variance.sql) reads half the columns. Computed with two bit masks, where bit
--        s + 1 stands for the answer s and a missing answer reads as bit 0 (set in neither):
--          v = 2 · bit(satisfied_mask) − bit(scale_mask)
--        (measured about five times cheaper than a CASE over 19 columns).
-- A response whose unit resolves to no span keeps path_id NULL here; compute-indices.ts stops the
-- build on it, as on unknown_value.
--
-- The table lives in an attached in-memory database, with the COMPRESS option for a large survey
-- (compute-indices.ts → COMPRESS_FROM_BYTES decides). Uncompressed, like a TEMP table, it takes
-- one 256 KB block per column per 122 880 rows: about 150 bytes a response here; compressed
-- (bit-packed v's, constant validity) it keeps about 20. It is written uncompressed and compressed
-- when the statement ends, so the peak is the same, but the gigabyte or so freed at 10 million
-- responses goes back to DuckDB for every later step, while the wasm heap itself never shrinks.
-- Below the threshold the memory is small and the time is not: at 1 M responses, compressing cost
-- 1–2 s of the load and of its later reads (the bit-unpacking in every scan) to keep 0.15 GB.
ATTACH IF NOT EXISTS ':memory:' AS respondent_store {{store_options}};

-- The joins run in the order written, each small table (unit_span, breakdown_value) as the
-- hash-join build side and the file streaming past them. Left to itself the optimizer guesses a
-- CSV at ~42 rows and builds the hash table on the file instead: 10 million responses held in
-- memory at once (3.7 GB measured). compute-indices.ts resets the setting even on failure.
-- Every join keeps the response (LEFT): a response whose unit matches no span keeps path_id NULL,
-- and one whose breakdown value is not in the registers gets unknown_value; compute-indices.ts
-- counts both and stops the build, so no response is ever dropped unseen.
SET disabled_optimizers = 'join_order,build_side_probe_side';

CREATE OR REPLACE TABLE respondent_store.respondent AS
SELECT
  s.path_id,
  s.commune_idx,
  s.district_idx,
  s.province_idx,
  s.backcast_idx,
  s.country_idx,
  year(r.date)::INTEGER AS year_key,
  (year(r.date) * 10 + quarter(r.date))::INTEGER AS quarter_key,
  (year(r.date) * 100 + month(r.date))::INTEGER AS month_key,
  r.date AS response_date,
  bf.bd_idx AS field_idx,
  bc.bd_idx AS channel_idx,
  bt.bd_idx AS type_idx,
  ba.bd_idx AS agency_idx,
  (r.field IS NOT NULL AND bf.bd_idx IS NULL)
    OR (r.channel IS NOT NULL AND bc.bd_idx IS NULL)
    OR (r.respondent_type IS NOT NULL AND bt.bd_idx IS NULL)
    OR (r.agency_code IS NOT NULL AND ba.bd_idx IS NULL) AS unknown_value,
  {{#items|,
  }}(2 * (({{satisfied_mask}}::BIGINT >> coalesce(r.answer_{{i}} + 1, 0)) & 1)
    - (({{scale_mask}}::BIGINT >> coalesce(r.answer_{{i}} + 1, 0)) & 1))::TINYINT AS v_{{i}}{{/items}}
FROM response_csv r
LEFT JOIN unit_span s ON s.leaf_code = r.unit_code AND r.date BETWEEN s.span_from AND s.span_to
LEFT JOIN breakdown_value bf ON bf.breakdown = 'field' AND bf.value = r.field
LEFT JOIN breakdown_value bc ON bc.breakdown = 'channel' AND bc.value = r.channel
LEFT JOIN breakdown_value bt ON bt.breakdown = 'respondent_type' AND bt.value = r.respondent_type
LEFT JOIN breakdown_value ba ON ba.breakdown = 'agency' AND ba.value = r.agency_code;

RESET disabled_optimizers;
