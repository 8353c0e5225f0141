-- Diagnostics, run only when a response matched no unit span or the spans of one code overlap: the
-- (unit_code, date) pairs that match no span of the unit tree, or more than one (two rows of
-- units.csv with the same code and overlapping validity). Intake should have quarantined the
-- former; the latter is a register error. Either way the numbers would be wrong, so the build stops.
SELECT r.unit_code, strftime(r.date, '%Y-%m-%d') AS date, count(s.leaf_code)::INTEGER AS matches
FROM (SELECT DISTINCT unit_code, date FROM response_csv) r
LEFT JOIN unit_span s ON s.leaf_code = r.unit_code AND r.date BETWEEN s.span_from AND s.span_to
GROUP BY r.unit_code, r.date
HAVING count(s.leaf_code) <> 1
ORDER BY r.unit_code, r.date
LIMIT 5;
