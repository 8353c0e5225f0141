-- The published names of each counted cell, decoded from its key (cell-key.sql):
--   unit_idx = key // 10^11, period_key = (key // 10^5) mod 10^6, bd_idx = key mod 10^5
--   period: 2024 → '2024', 20241 → '2024-Q1', 202403 → '2024-03'
-- unit_idx names a unit version and basis (unit-tree.sql → unit_key): its code, valid_from and
-- 'direct' or 'back-cast'.
-- cell_order numbers the cells in the published row order (breakdowns in contract order, then
-- years before quarters before months, each in time order, then unit code, unit version, direct
-- before back-cast, then breakdown value),
-- so the same inputs always give the same file; being a dense integer, it is also the cheapest key
-- to group the variance pass by (taylor-variance.sql).
-- A back-cast cell is kept only for a period that ends before its unit version starts: the year
-- 2025 of a unit from 2025-07-01 is its direct Jul–Dec cell, never the old communes' Jan–Jun
-- (method.md → Units that change). period_last bounds the period's last day from above as
-- YYYYMMDD with day 31, which is enough to compare with a real start date.
CREATE OR REPLACE TEMP TABLE cell_label AS
WITH decoded AS (
  SELECT
    cell_key,
    (cell_key // 100000000000)::INTEGER AS unit_idx,
    ((cell_key // 100000) % 1000000)::INTEGER AS period_key,
    (cell_key % 100000)::INTEGER AS bd_idx
  FROM cell_count
),
bounded AS (
  SELECT
    *,
    CASE
      WHEN period_key < 10000 THEN period_key * 10000 + 1231
      WHEN period_key < 100000 THEN (period_key // 10) * 10000 + (period_key % 10) * 300 + 31
      ELSE period_key * 100 + 31
    END AS period_last
  FROM decoded
)
SELECT
  *,
  (row_number() OVER (ORDER BY breakdown_order, period_kind_order, period_key, unit_code, unit_valid_from, basis DESC, breakdown_value) - 1)::INTEGER AS cell_order
FROM (
  SELECT
    d.cell_key,
    u.unit_code,
    strftime(u.valid_from, '%Y-%m-%d') AS unit_valid_from,
    u.basis,
    CASE
      WHEN d.period_key < 10000 THEN d.period_key::VARCHAR
      WHEN d.period_key < 100000 THEN (d.period_key // 10)::VARCHAR || '-Q' || (d.period_key % 10)::VARCHAR
      ELSE (d.period_key // 100)::VARCHAR || '-' || lpad((d.period_key % 100)::VARCHAR, 2, '0')
    END AS period,
    coalesce(b.breakdown, 'all') AS breakdown,
    coalesce(b.value, '*') AS breakdown_value,
    CASE coalesce(b.breakdown, 'all')
      WHEN 'all' THEN 0 WHEN 'field' THEN 1 WHEN 'channel' THEN 2 WHEN 'respondent_type' THEN 3 ELSE 4
    END AS breakdown_order,
    CASE WHEN d.period_key < 10000 THEN 0 WHEN d.period_key < 100000 THEN 1 ELSE 2 END AS period_kind_order,
    d.period_key
  FROM bounded d
  JOIN unit_key u ON u.unit_idx = d.unit_idx
  LEFT JOIN breakdown_value b ON b.bd_idx = d.bd_idx
  WHERE u.basis = 'direct' OR d.period_last < (year(u.valid_from) * 10000 + month(u.valid_from) * 100 + day(u.valid_from))
);
