-- The unit tree over time (method.md → Notation: a response counts for its unit and for every
-- unit above it in the tree valid at the response date).
--
-- unit_key   each unit code ↔ a small integer, used inside cell keys (cell-key.sql).
-- unit_path  each distinct chain (commune, district, province) ↔ a small integer path_id, so
--            counts can be grouped by one integer instead of three (item-counts.sql). A level the
--            chain does not have (no commune above a district-level response) is NULL.
-- unit_span  for each unit code and each stretch of dates on which its chain of ancestors stays
--            the same, that chain. The chain is followed parent by parent; each step keeps only
--            the dates on which both rows are valid:
--              span = [max(child.valid_from, parent.valid_from), min(child.valid_to, parent.valid_to)].
-- A chain that cannot reach a unit without parent yields no span, so responses on those dates do
-- not resolve, and the engine stops with an error naming them (load-unresolved-units.sql).
CREATE OR REPLACE TEMP TABLE unit_key AS
SELECT code AS unit_code, (row_number() OVER (ORDER BY code))::INTEGER AS unit_idx
FROM (SELECT DISTINCT code FROM unit_register);

CREATE OR REPLACE TEMP TABLE unit_chain AS
WITH RECURSIVE chain(leaf_code, span_from, span_to, member_codes, member_levels, next_parent) AS (
  SELECT code, valid_from, valid_to, [code], [level], parent_code
  FROM unit_register
  UNION ALL
  SELECT
    c.leaf_code,
    greatest(c.span_from, p.valid_from),
    least(c.span_to, p.valid_to),
    list_append(c.member_codes, p.code),
    list_append(c.member_levels, p.level),
    p.parent_code
  FROM chain c
  JOIN unit_register p
    ON p.code = c.next_parent AND p.valid_from <= c.span_to AND p.valid_to >= c.span_from
  -- A cycle of parent codes in a broken register must not recurse forever.
  WHERE len(c.member_codes) < 10
)
SELECT
  c.leaf_code,
  c.span_from,
  c.span_to,
  kc.unit_idx AS commune_idx,
  kd.unit_idx AS district_idx,
  kp.unit_idx AS province_idx
FROM chain c
LEFT JOIN unit_key kc ON kc.unit_code = c.member_codes[list_position(c.member_levels, 'commune')]
LEFT JOIN unit_key kd ON kd.unit_code = c.member_codes[list_position(c.member_levels, 'district')]
LEFT JOIN unit_key kp ON kp.unit_code = c.member_codes[list_position(c.member_levels, 'province')]
WHERE c.next_parent IS NULL;

CREATE OR REPLACE TEMP TABLE unit_path AS
SELECT
  (row_number() OVER (ORDER BY commune_idx NULLS FIRST, district_idx NULLS FIRST, province_idx NULLS FIRST))::INTEGER AS path_id,
  commune_idx,
  district_idx,
  province_idx
FROM (SELECT DISTINCT commune_idx, district_idx, province_idx FROM unit_chain);

CREATE OR REPLACE TEMP TABLE unit_span AS
SELECT c.leaf_code, c.span_from, c.span_to, p.path_id, p.commune_idx, p.district_idx, p.province_idx
FROM unit_chain c
JOIN unit_path p
  ON p.commune_idx IS NOT DISTINCT FROM c.commune_idx
  AND p.district_idx IS NOT DISTINCT FROM c.district_idx
  AND p.province_idx IS NOT DISTINCT FROM c.province_idx;
