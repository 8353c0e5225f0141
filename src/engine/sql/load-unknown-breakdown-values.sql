-- Diagnostics, run only when load-respondents.sql flagged a response with unknown_value: up to
-- five recorded breakdown values that the registers (breakdown_value) do not list.
SELECT breakdown, value
FROM (
  SELECT 'field' AS breakdown, field AS value FROM response_csv
  UNION
  SELECT 'channel', channel FROM response_csv
  UNION
  SELECT 'respondent_type', respondent_type FROM response_csv
  UNION
  SELECT 'agency', agency_code FROM response_csv
) recorded
WHERE value IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM breakdown_value b WHERE b.breakdown = recorded.breakdown AND b.value = recorded.value)
ORDER BY breakdown, value
LIMIT 5;
