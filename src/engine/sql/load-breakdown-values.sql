-- The values each breakdown can take (method.md → Indices 4: field, channel, respondent type;
-- data-contract.md adds agency), from the registers the caller passes (fields.csv, agencies.csv,
-- the fixed lists of channels and respondent types), each ↔ a small integer bd_idx used inside
-- cell keys (cell-key.sql); 0 is kept for the breakdown `all`.
-- From the registers rather than from a first pass over the responses: that pass read the whole
-- file once more (about 1–3 s per million responses) only to learn which values occur. A value
-- with no responses simply gets no cell; a response whose value is not listed is caught by
-- compute-indices.ts (load-respondents.sql flags it), never silently left out.
CREATE OR REPLACE TEMP TABLE breakdown_value AS
SELECT
  breakdown,
  value,
  (row_number() OVER (ORDER BY breakdown_order, value))::INTEGER AS bd_idx
FROM (
  SELECT DISTINCT breakdown, breakdown_order, value
  FROM (VALUES {{#breakdown_values|, }}({{breakdown}}, {{order}}, {{value}}){{/breakdown_values}}) AS listed(breakdown, breakdown_order, value)
);
