/**
 * Rank with ties, highest value first: `rank(u) = 1 + #{v : h(v) > h(u)}`, where `h` is the value
 * in whole hundredths as published (see published-rounding.ts). Units whose published values are
 * equal share the better rank, and the next rank is skipped: 1, 2, 2, 4.
 *
 * Why compare published values: a reader who sees 90.00 twice must see the same rank twice, even
 * when the full-precision values were 90.004 and 89.996. Same formula as sql/rank-with-ties.sql.
 */
import { publishedHundredths } from './published-rounding.ts';

export interface RankCandidate {
  unit_code: string;
  value: number;
}

/** Rank of each candidate (one group: one survey × period), keyed by unit code. */
export function rankWithTies(candidates: readonly RankCandidate[]): Map<string, number> {
  const hundredths = candidates.map((c) => publishedHundredths(c.value));
  const ranks = new Map<string, number>();
  candidates.forEach((candidate, i) => {
    const mine = hundredths[i] ?? 0;
    const better = hundredths.filter((h) => h > mine).length;
    ranks.set(candidate.unit_code, 1 + better);
  });
  return ranks;
}
