-- The register of administrative units (data/units.csv) as a table: one row per code and validity
-- range. The same code may appear twice with non-overlapping validity (22741 Phường Phước Mỹ until
-- 2025-06-30, Phường Bảo An from 2025-07-01), so a unit VERSION is its code AND valid_from, and a
-- unit is looked up by its code AND the date (method.md → Units that change).
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

-- Back-cast links (crosswalk-2025.csv, `whole` rows only): all of old unit version
-- (old_code, old_valid_from) lies in new unit version (new_code, new_valid_from), so the old unit's
-- responses count in the new unit's back-cast series. Split (`part`) units are not here: they are
-- left out of every back-cast. The first VALUES row only types the columns and is filtered out,
-- so a data folder without a crosswalk gets an empty table.
CREATE OR REPLACE TEMP TABLE backcast_link AS
SELECT *
FROM (VALUES (NULL::VARCHAR, NULL::DATE, NULL::VARCHAR, NULL::DATE){{#backcast_links}}, ({{old_code}}, {{old_valid_from}}::DATE, {{new_code}}, {{new_valid_from}}::DATE){{/backcast_links}})
  AS b(old_code, old_valid_from, new_code, new_valid_from)
WHERE old_code IS NOT NULL;
