/**
 * Taylor-linearisation variance of an index θ = Σ_c w_c p_c (method.md → Uncertainty):
 *   z_r = Σ_c w_c (y_rc − p_c a_rc) / N_c,   Var(θ) = n / (n − 1) · Σ_r z_r²
 * where a_rc = 1 if respondent r answered item c, y_rc = 1 if that answer counts as satisfied,
 * N_c = Σ_r a_rc, p_c = Σ_r y_rc / N_c, and n = respondents who answered at least one item.
 * Items nobody answered carry no weight (their w_c must be 0; they are skipped either way).
 * For one item with no missing answers this is p(1 − p)/(n − 1).
 *
 * θ is a proportion here (0–1); multiply √Var by 100 for percentage points.
 */
import { Z_95 } from './confidence.ts';
import type { Interval } from './wilson.ts';

/** One respondent's answers to the index's items: null = not answered, true = satisfied. */
export type ItemAnswers = (boolean | null)[];

export interface TaylorVariance {
  /** Respondents who answered at least one item. */
  n: number;
  /** Var(θ); null when n < 2 (n / (n − 1) is undefined for one respondent). */
  variance: number | null;
}

export function taylorVariance(respondents: ItemAnswers[], weights: number[]): TaylorVariance {
  const items = weights.length;
  const answers = new Array<number>(items).fill(0);
  const satisfied = new Array<number>(items).fill(0);
  let n = 0;
  for (const row of respondents) {
    let answeredAny = false;
    for (let c = 0; c < items; c++) {
      const answer = row[c] ?? null;
      if (answer === null) continue;
      answeredAny = true;
      answers[c]! += 1;
      if (answer) satisfied[c]! += 1;
    }
    if (answeredAny) n++;
  }
  if (n < 2) return { n, variance: null };
  let sumOfSquares = 0;
  for (const row of respondents) {
    let z = 0;
    for (let c = 0; c < items; c++) {
      const answer = row[c] ?? null;
      const count = answers[c]!;
      if (answer === null || count === 0) continue;
      const p = satisfied[c]! / count;
      z += (weights[c]! * ((answer ? 1 : 0) - p)) / count;
    }
    sumOfSquares += z * z;
  }
  return { n, variance: (n / (n - 1)) * sumOfSquares };
}

/** 95 % interval in percent: 100 · (θ ± z · √Var), clipped to [0, 100]. */
export function taylorInterval(theta: number, variance: number, z: number = Z_95): Interval {
  const half = z * Math.sqrt(variance);
  return { low: Math.max(0, 100 * (theta - half)), high: Math.min(100, 100 * (theta + half)) };
}
