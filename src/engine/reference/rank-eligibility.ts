/**
 * Who may be ranked (method.md → Ranking, Suppression): a unit is ranked only when its overall
 * index is published (`status = ok`), it has at least `min_n_rank` respondents, and it has a
 * standard error, which the rank simulation needs (a single respondent has none).
 */
import type { IndexRow } from '../tables.ts';

export type RankEligibility = 'ranked' | 'no_data' | 'suppressed' | 'too_few' | 'no_standard_error';

export function rankEligibility(cell: IndexRow | undefined, minNRank: number): RankEligibility {
  if (!cell || cell.n === 0) return 'no_data';
  if (cell.status === 'suppressed' || cell.value === null) return 'suppressed';
  if (cell.n < minNRank) return 'too_few';
  if (cell.se === null) return 'no_standard_error';
  return 'ranked';
}
