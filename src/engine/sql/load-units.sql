-- The register of administrative units (data/units.csv) as a table: one row per code and validity
-- range. The same code may appear twice with non-overlapping validity (a commune that moved to
-- another parent), so a unit is identified by its code AND the date it is looked up on.
-- An empty valid_to (still valid) becomes 9999-12-31 so that date ranges compare simply.
CREATE OR REPLACE TEMP TABLE unit_register AS
SELECT
  code::VARCHAR AS code,
  level::VARCHAR AS level,
  parent_code::VARCHAR AS parent_code,
  valid_from::DATE AS valid_from,
  coalesce(valid_to::DATE, DATE '9999-12-31') AS valid_to
FROM (VALUES {{#units|, }}({{code}}, {{level}}, {{parent_code}}, {{valid_from}}, {{valid_to}}){{/units}})
  AS u(code, level, parent_code, valid_from, valid_to);
