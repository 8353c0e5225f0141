-- A cell is one unit × one period × one breakdown value (method.md → Notation). Its key packs
-- three small integers into one BIGINT so that the heavy join of respondents to their cells
-- (taylor-variance.sql) compares one number instead of three columns:
--   cell_key = (unit_idx · 10^6 + period_key) · 10^5 + breakdown_idx
-- period_key: year 2024 → 2024, quarter 2024-Q1 → 20241, month 2024-03 → 202403 (the three kinds
-- cannot collide: 4, 5 and 6 digits). breakdown_idx: 0 for `all`, else breakdown_value.bd_idx.
-- compute-indices.ts checks the bounds (unit_idx < 90 000, bd_idx < 100 000) before use.
-- A NULL part (no commune above a district-level response; no field recorded) gives a NULL key,
-- which matches no cell: such a response is simply not in that cell.
CREATE OR REPLACE TEMP MACRO cell_key(unit_idx, period_key, bd_idx) AS
  (unit_idx::BIGINT * 1000000 + period_key) * 100000 + bd_idx;
