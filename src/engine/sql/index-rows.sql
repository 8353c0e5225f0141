-- The numbers of indices.csv (data-contract.md → Outputs): one row per cell × indicator, in the
-- published order (cell_order from cell-labels.sql; inside a cell: overall, elements, items in
-- instrument order), with status as a flag. Only numbers cross into JavaScript here: turning
-- Arrow text into JavaScript strings row by row is what makes large results slow, so the cell
-- labels come once per cell from index-cells.sql and compute-indices.ts puts the two together.
SELECT
  l.cell_order,
  r.indicator_order,
  r.n::INTEGER AS n,
  r.satisfied::INTEGER AS satisfied,
  r.value::DOUBLE AS value,
  r.ci_low::DOUBLE AS ci_low,
  r.ci_high::DOUBLE AS ci_high,
  r.se::DOUBLE AS se,
  r.status = 'ok' AS published
FROM (
  SELECT * FROM overall_row
  UNION ALL
  SELECT * FROM element_row
  UNION ALL
  SELECT * FROM item_row
) r
JOIN cell_label l USING (cell_key)
ORDER BY l.cell_order, r.indicator_order;
