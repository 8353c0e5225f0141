/**
 * Wilson score interval for a proportion (method.md → Uncertainty, items), in percent:
 *   100 · (S + z²/2 ∓ z · √(S (N − S) / N + z²/4)) / (N + z²)
 * which is the textbook (p̂ + z²/2N ∓ z √(p̂(1−p̂)/N + z²/4N²)) / (1 + z²/N) multiplied through by
 * N. Defined for every N ≥ 1 (also S = 0 or S = N, where the Wald interval collapses).
 */
import { Z_95 } from './confidence.ts';

export interface Interval {
  low: number;
  high: number;
}

export function wilsonInterval(satisfied: number, answers: number, z: number = Z_95): Interval | null {
  if (answers <= 0) return null;
  const z2 = z * z;
  const spread = z * Math.sqrt((satisfied * (answers - satisfied)) / answers + z2 / 4);
  return {
    low: (100 * (satisfied + z2 / 2 - spread)) / (answers + z2),
    high: (100 * (satisfied + z2 / 2 + spread)) / (answers + z2),
  };
}
