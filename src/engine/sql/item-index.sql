-- Item index with its Wilson score interval (method.md → Indices 1 and Uncertainty), one row per
-- cell × item:
--   I_c = 100 · S_c / N_c                                   (n = N_c, satisfied = S_c)
--   Wilson 95 %:  100 · (S + z²/2 ∓ z · √(S (N − S) / N + z²/4)) / (N + z²)
--                 (the usual (p̂ + z²/2N ∓ z √(p̂(1−p̂)/N + z²/4N²)) / (1 + z²/N), times N/N)
--   se = 100 · √(p (1 − p) / (N − 1)): the Taylor linearisation of taylor-variance.sql applied to
--        one item, so an item's se means the same as an element's (trends use it).
-- Choices: N = 1 keeps its Wilson interval (defined for any N ≥ 1) but has no se (N − 1 = 0).
-- A cell where nobody answered the item still gets a row, with n = 0 and status suppressed, so
-- tables can say "no responses"; element and overall indices ignore that item.
-- Suppressed (n < min_n_publish, or n = 0): value, interval, se AND satisfied are empty — the
-- contract keeps only n, and satisfied with n would give the value back.
CREATE OR REPLACE TEMP TABLE item_row AS
WITH item_count AS (
  SELECT
    cell_key,
    unnest([{{#items|, }}{indicator: {{code}}, indicator_order: {{order}}, answers: answers_{{i}}, satisfied: satisfied_{{i}}}{{/items}}], recursive := true)
  FROM cell_count
),
published AS (
  SELECT *, answers > 0 AND answers >= {{min_n_publish}} AS is_published, satisfied::DOUBLE / answers AS p
  FROM item_count
),
wilson AS (
  SELECT
    *,
    ({{z}}::DOUBLE * {{z}}::DOUBLE) AS z2,
    {{z}}::DOUBLE * sqrt(satisfied::DOUBLE * (answers - satisfied) / answers + {{z}}::DOUBLE * {{z}}::DOUBLE / 4) AS spread
  FROM published
)
SELECT
  cell_key,
  indicator,
  indicator_order,
  'item' AS level,
  answers AS n,
  CASE WHEN is_published THEN satisfied END AS satisfied,
  CASE WHEN is_published THEN 100 * p END AS value,
  CASE WHEN is_published THEN 100 * (satisfied + z2 / 2 - spread) / (answers + z2) END AS ci_low,
  CASE WHEN is_published THEN 100 * (satisfied + z2 / 2 + spread) / (answers + z2) END AS ci_high,
  CASE WHEN is_published THEN 'ok' ELSE 'suppressed' END AS status,
  CASE WHEN is_published AND answers > 1 THEN 100 * sqrt(p * (1 - p) / (answers - 1)) END AS se
FROM wilson;
