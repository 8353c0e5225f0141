-- The unit tree over time (method.md → Notation: a response counts for its unit and for every
-- unit above it in the tree valid at the response date; → Units that change: and, before the
-- reorganisation, for the back-cast of the new unit its old commune lies wholly in).
--
-- unit_key   each unit VERSION and basis ↔ a small integer, used inside cell keys (cell-key.sql):
--            (code, valid_from, 'direct') for every row of the register, and
--            (code, valid_from, 'back-cast') for every new unit version that some old unit lies
--            wholly in (backcast_link). The two bases of one version are two series: the direct
--            one from its own responses, the back-cast one pooled from the old units before it.
-- unit_path  each distinct chain (commune, district, province, back-cast unit, country) ↔ a small
--            integer path_id, so counts can be grouped by one integer instead of five (item-counts.sql).
--            The country is a unit only on a national site (units.csv level `country`, the parent of
--            the provinces); elsewhere its column is NULL and it gets no cell.
--            A level the chain does not have (no commune above a district-level response) is NULL.
-- unit_span  for each unit code and each stretch of dates on which its chain of ancestors stays
--            the same, that chain. The chain is followed parent by parent; each step keeps only
--            the dates on which both rows are valid:
--              span = [max(child.valid_from, parent.valid_from), min(child.valid_to, parent.valid_to)].
-- A chain that cannot reach a unit without parent yields no span, so responses on those dates do
-- not resolve, and the engine stops with an error naming them (load-unresolved-units.sql).
CREATE OR REPLACE TEMP TABLE unit_key AS
SELECT code AS unit_code, valid_from, basis, (row_number() OVER (ORDER BY code, valid_from, basis DESC))::INTEGER AS unit_idx
FROM (
  SELECT DISTINCT code, valid_from, 'direct' AS basis FROM unit_register
  UNION
  SELECT DISTINCT new_code, new_valid_from, 'back-cast' FROM backcast_link
);

CREATE OR REPLACE TEMP TABLE unit_chain AS
WITH RECURSIVE chain(leaf_code, span_from, span_to, member_codes, member_froms, member_levels, next_parent) AS (
  SELECT code, valid_from, valid_to, [code], [valid_from], [level], parent_code
  FROM unit_register
  UNION ALL
  SELECT
    c.leaf_code,
    greatest(c.span_from, p.valid_from),
    least(c.span_to, p.valid_to),
    list_append(c.member_codes, p.code),
    list_append(c.member_froms, p.valid_from),
    list_append(c.member_levels, p.level),
    p.parent_code
  FROM chain c
  JOIN unit_register p
    ON p.code = c.next_parent AND p.valid_from <= c.span_to AND p.valid_to >= c.span_from
  -- A cycle of parent codes in a broken register must not recurse forever.
  WHERE len(c.member_codes) < 10
),
member AS (
  SELECT
    leaf_code, span_from, span_to,
    member_codes[list_position(member_levels, 'commune')] AS commune_code,
    member_froms[list_position(member_levels, 'commune')] AS commune_from,
    member_codes[list_position(member_levels, 'district')] AS district_code,
    member_froms[list_position(member_levels, 'district')] AS district_from,
    member_codes[list_position(member_levels, 'province')] AS province_code,
    member_froms[list_position(member_levels, 'province')] AS province_from,
    member_codes[list_position(member_levels, 'country')] AS country_code,
    member_froms[list_position(member_levels, 'country')] AS country_from
  FROM chain
  WHERE next_parent IS NULL
)
SELECT
  m.leaf_code,
  m.span_from,
  m.span_to,
  kc.unit_idx AS commune_idx,
  kd.unit_idx AS district_idx,
  kp.unit_idx AS province_idx,
  kb.unit_idx AS backcast_idx,
  kx.unit_idx AS country_idx
FROM member m
LEFT JOIN unit_key kc ON kc.unit_code = m.commune_code AND kc.valid_from = m.commune_from AND kc.basis = 'direct'
LEFT JOIN unit_key kd ON kd.unit_code = m.district_code AND kd.valid_from = m.district_from AND kd.basis = 'direct'
LEFT JOIN unit_key kp ON kp.unit_code = m.province_code AND kp.valid_from = m.province_from AND kp.basis = 'direct'
LEFT JOIN backcast_link b ON b.old_code = m.commune_code AND b.old_valid_from = m.commune_from
LEFT JOIN unit_key kb ON kb.unit_code = b.new_code AND kb.valid_from = b.new_valid_from AND kb.basis = 'back-cast'
LEFT JOIN unit_key kx ON kx.unit_code = m.country_code AND kx.valid_from = m.country_from AND kx.basis = 'direct';

CREATE OR REPLACE TEMP TABLE unit_path AS
SELECT
  (row_number() OVER (ORDER BY commune_idx NULLS FIRST, district_idx NULLS FIRST, province_idx NULLS FIRST, backcast_idx NULLS FIRST, country_idx NULLS FIRST))::INTEGER AS path_id,
  commune_idx,
  district_idx,
  province_idx,
  backcast_idx,
  country_idx
FROM (SELECT DISTINCT commune_idx, district_idx, province_idx, backcast_idx, country_idx FROM unit_chain);

CREATE OR REPLACE TEMP TABLE unit_span AS
SELECT c.leaf_code, c.span_from, c.span_to, p.path_id, p.commune_idx, p.district_idx, p.province_idx, p.backcast_idx, p.country_idx
FROM unit_chain c
JOIN unit_path p
  ON p.commune_idx IS NOT DISTINCT FROM c.commune_idx
  AND p.district_idx IS NOT DISTINCT FROM c.district_idx
  AND p.province_idx IS NOT DISTINCT FROM c.province_idx
  AND p.backcast_idx IS NOT DISTINCT FROM c.backcast_idx
  AND p.country_idx IS NOT DISTINCT FROM c.country_idx;
