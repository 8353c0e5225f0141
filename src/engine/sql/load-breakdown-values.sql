-- The breakdown values present in the responses (method.md → Indices 4: field, channel,
-- respondent type; data-contract.md adds agency), from ONE read of the file grouped by the four
-- columns together (far cheaper than four separate distincts):
--   breakdown_combo  each combination of (field, channel, respondent_type, agency_code) that
--                    occurs, with its keys; load-respondents.sql joins it once per response
--   breakdown_value  each (breakdown, value) ↔ a small integer bd_idx used inside cell keys
--                    (cell-key.sql); 0 is kept for the breakdown `all`
--   response_total   rows in the file, to check later that every row found its unit
-- A NULL value (not recorded) is not a breakdown value: such a response counts in `all` but in no
-- cell of that breakdown.
CREATE OR REPLACE TEMP TABLE breakdown_combo AS
SELECT field, channel, respondent_type, agency_code, count(*) AS responses
FROM response_csv
GROUP BY field, channel, respondent_type, agency_code;

CREATE OR REPLACE TEMP TABLE breakdown_value AS
SELECT
  breakdown,
  value,
  (row_number() OVER (ORDER BY breakdown_order, value))::INTEGER AS bd_idx
FROM (
  SELECT DISTINCT 'field' AS breakdown, 1 AS breakdown_order, field AS value FROM breakdown_combo
  UNION ALL
  SELECT DISTINCT 'channel', 2, channel FROM breakdown_combo
  UNION ALL
  SELECT DISTINCT 'respondent_type', 3, respondent_type FROM breakdown_combo
  UNION ALL
  SELECT DISTINCT 'agency', 4, agency_code FROM breakdown_combo
)
WHERE value IS NOT NULL;

CREATE OR REPLACE TEMP TABLE breakdown_combo_key AS
SELECT
  c.field,
  c.channel,
  c.respondent_type,
  c.agency_code,
  bf.bd_idx AS field_idx,
  bc.bd_idx AS channel_idx,
  bt.bd_idx AS type_idx,
  ba.bd_idx AS agency_idx
FROM breakdown_combo c
LEFT JOIN breakdown_value bf ON bf.breakdown = 'field' AND bf.value = c.field
LEFT JOIN breakdown_value bc ON bc.breakdown = 'channel' AND bc.value = c.channel
LEFT JOIN breakdown_value bt ON bt.breakdown = 'respondent_type' AND bt.value = c.respondent_type
LEFT JOIN breakdown_value ba ON ba.breakdown = 'agency' AND ba.value = c.agency_code;

CREATE OR REPLACE TEMP TABLE response_total AS
SELECT coalesce(sum(responses), 0)::BIGINT AS responses FROM breakdown_combo;
