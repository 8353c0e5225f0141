-- Rank with ties, highest first, within each survey × period:
--   rank(u) = 1 + #{v : h(v) > h(u)},  h(x) = sign(x) · round(|x| · 100)  (whole hundredths as
--   published, half away from zero; round of a DOUBLE to 0 decimals is C's round, like Math.round
--   on a non-negative number)
-- Equal published values share the better rank and the next is skipped (1, 2, 2, 4): that is
-- exactly what rank() does. Same formula as reference/rank-ties.ts.
-- Input: rank_candidates(survey, period, unit_code, value DOUBLE), only units that may be ranked.
SELECT
  survey,
  period,
  unit_code,
  CAST(rank() OVER (
    PARTITION BY survey, period
    ORDER BY sign(value) * round(abs(value) * 100) DESC
  ) AS INTEGER) AS rank
FROM rank_candidates
ORDER BY survey, period, rank, unit_code
