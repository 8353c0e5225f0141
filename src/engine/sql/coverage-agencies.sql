-- Coverage of agencies per unit and period:
--   coverage = 100 · measured / registered  (NULL when registered = 0)
-- per unit VERSION (code, valid_from: a reused code is another unit; method.md → Units that change).
-- registered: agencies with has_procedures that, on some day of the period, are active and belong
--   to the unit or to a unit below it in the unit tree valid that day;
-- measured: those with ≥ 1 response dated in the period on a day when the agency was active and
--   belonged to the unit or below. Same rules as reference/coverage.ts.
-- Inputs: coverage_units(code, parent_code, valid_from, valid_to), coverage_agencies(code,
--   unit_code, has_procedures, valid_from, valid_to), coverage_periods(period, start_date,
--   end_date), coverage_responses(date, agency_code). Empty valid_to = still valid.
WITH RECURSIVE
units AS (
  SELECT code, parent_code, valid_from, coalesce(valid_to, DATE '9999-12-31') AS valid_to
  FROM coverage_units
),
-- ancestry: `descendant` lies in the version of `ancestor` that starts on ancestor_from (itself
-- included) from valid_from to valid_to.
ancestry(descendant, ancestor, ancestor_from, valid_from, valid_to, depth) AS (
  SELECT code, code, valid_from, valid_from, valid_to, 0 FROM units
  UNION ALL
  SELECT a.descendant, p.code, p.valid_from, greatest(a.valid_from, p.valid_from), least(a.valid_to, p.valid_to), a.depth + 1
  FROM ancestry AS a
  JOIN units AS u
    ON u.code = a.ancestor
   AND u.valid_from = a.ancestor_from
   AND u.parent_code IS NOT NULL
  JOIN units AS p
    ON p.code = u.parent_code
   AND p.valid_from <= a.valid_to
   AND a.valid_from <= p.valid_to
  WHERE a.depth < 10
),
agencies AS (
  SELECT code, unit_code, valid_from, coalesce(valid_to, DATE '9999-12-31') AS valid_to
  FROM coverage_agencies
  WHERE has_procedures
),
registered AS (
  SELECT DISTINCT p.period, an.ancestor AS unit_code, an.ancestor_from AS unit_valid_from, ag.code AS agency_code
  FROM agencies AS ag
  JOIN ancestry AS an ON an.descendant = ag.unit_code
  JOIN coverage_periods AS p
    ON greatest(ag.valid_from, an.valid_from, p.start_date) <= least(ag.valid_to, an.valid_to, p.end_date)
),
measured AS (
  SELECT DISTINCT p.period, an.ancestor AS unit_code, an.ancestor_from AS unit_valid_from, ag.code AS agency_code
  FROM coverage_responses AS r
  JOIN agencies AS ag
    ON ag.code = r.agency_code
   AND r.date BETWEEN ag.valid_from AND ag.valid_to
  JOIN ancestry AS an
    ON an.descendant = ag.unit_code
   AND r.date BETWEEN an.valid_from AND an.valid_to
  JOIN coverage_periods AS p ON r.date BETWEEN p.start_date AND p.end_date
),
listed AS (
  SELECT DISTINCT p.period, u.code AS unit_code, u.valid_from AS unit_valid_from
  FROM units AS u
  JOIN coverage_periods AS p ON u.valid_from <= p.end_date AND p.start_date <= u.valid_to
),
registered_counts AS (
  SELECT period, unit_code, unit_valid_from, count(*) AS agencies FROM registered GROUP BY ALL
),
measured_counts AS (
  SELECT period, unit_code, unit_valid_from, count(*) AS agencies FROM measured GROUP BY ALL
)
SELECT
  l.period,
  l.unit_code,
  strftime(l.unit_valid_from, '%Y-%m-%d') AS unit_valid_from,
  CAST(coalesce(g.agencies, 0) AS INTEGER) AS agencies_registered,
  CAST(coalesce(m.agencies, 0) AS INTEGER) AS agencies_measured,
  CASE WHEN g.agencies > 0 THEN 100 * CAST(coalesce(m.agencies, 0) AS DOUBLE) / CAST(g.agencies AS DOUBLE) END AS coverage
FROM listed AS l
LEFT JOIN registered_counts AS g ON g.period = l.period AND g.unit_code = l.unit_code AND g.unit_valid_from = l.unit_valid_from
LEFT JOIN measured_counts AS m ON m.period = l.period AND m.unit_code = l.unit_code AND m.unit_valid_from = l.unit_valid_from
ORDER BY l.period, l.unit_code, l.unit_valid_from
