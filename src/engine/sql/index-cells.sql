-- The labels of each cell of indices.csv, by cell_order (cell-labels.sql): the text half of the
-- published rows, fetched once per cell rather than once per indicator (see index-rows.sql).
SELECT cell_order, period, unit_code, unit_valid_from, basis, breakdown, breakdown_value
FROM cell_label
ORDER BY cell_order;
