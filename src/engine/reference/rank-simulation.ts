/**
 * Rank uncertainty by simulation (method.md → Ranking). In each of `draws` draws every ranked
 * unit's index is drawn independently from Normal(estimate, se), and the units are ranked within
 * the draw, highest first (`1 + #{others drawn strictly higher}`). From the `draws` simulated
 * ranks of a unit:
 * - `p_first` = share of draws with rank 1; `p_top[k]` = share of draws with rank ≤ k.
 * - `rank_low` / `rank_high` = 2.5th / 97.5th percentile by the nearest-rank definition: the
 *   P-th percentile is the smallest rank r such that at least ⌈P/100 · draws⌉ draws have rank ≤ r.
 *   Why nearest-rank: it is always a rank that occurred, never a fraction like 2.35.
 *
 * Draws come from one seeded stream per unit, keyed `<streamKey>|<unit_code>`, so the same
 * inputs and seed give the same output, and a unit's draws do not depend on the other units.
 */
import { seededStream } from './seeded-random.ts';

export interface SimulationUnit {
  unit_code: string;
  /** Index estimate, percentage points. */
  estimate: number;
  /** Standard error, percentage points. */
  se: number;
}

export interface SimulatedRank {
  rank_low: number;
  rank_high: number;
  p_first: number;
  /** P(rank ≤ k) for each requested k. */
  p_top: Map<number, number>;
}

export interface SimulationOptions {
  draws: number;
  seed: number;
  /** Names the group being ranked, e.g. `sipas|2024`. */
  streamKey: string;
  ks: readonly number[];
}

/** Smallest rank r with at least ⌈perMille/1000 · draws⌉ of the draws at rank ≤ r. */
export function percentileRank(rankCounts: ArrayLike<number>, draws: number, perMille: number): number {
  // Integer arithmetic: 0.025 · 10000 in floating point is not exactly 250.
  const needed = Math.max(1, Math.ceil((draws * perMille) / 1000));
  let cumulative = 0;
  for (let rank = 1; rank < rankCounts.length; rank++) {
    cumulative += rankCounts[rank] ?? 0;
    if (cumulative >= needed) return rank;
  }
  return rankCounts.length - 1;
}

export function simulateRanks(units: readonly SimulationUnit[], options: SimulationOptions): Map<string, SimulatedRank> {
  const { draws, seed, streamKey, ks } = options;
  if (!Number.isInteger(draws) || draws < 1) {
    throw new Error(`rank_simulation.draws must be a whole number ≥ 1 (site.json), got ${draws}`);
  }
  const m = units.length;
  const drawn = units.map((unit) => {
    const stream = seededStream(seed, `${streamKey}|${unit.unit_code}`);
    const values = new Float64Array(draws);
    for (let d = 0; d < draws; d++) values[d] = unit.estimate + unit.se * stream.normal();
    return values;
  });
  // counts[i][r] = draws in which unit i had rank r (r = 1..m; index 0 unused).
  const counts = units.map(() => new Uint32Array(m + 1));
  const inDraw = new Float64Array(m);
  // A draw's values sorted (ascending, the typed array's own numeric sort): a unit's rank
  // `1 + #{others strictly higher}` is 1 + the count of sorted values above its own, found by
  // binary search. m log m per draw rather than comparing every pair (m²), so 65 communes on
  // every element stay quick; the ranks are the same.
  const sorted = new Float64Array(m);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < m; i++) inDraw[i] = drawn[i]?.[d] ?? 0;
    sorted.set(inDraw);
    sorted.sort();
    for (let i = 0; i < m; i++) {
      const mine = inDraw[i] ?? 0;
      // First position holding a value > mine.
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] ?? 0) > mine) hi = mid;
        else lo = mid + 1;
      }
      const rank = 1 + m - lo;
      const unitCounts = counts[i];
      if (unitCounts) unitCounts[rank] = (unitCounts[rank] ?? 0) + 1;
    }
  }
  const result = new Map<string, SimulatedRank>();
  units.forEach((unit, i) => {
    const unitCounts = counts[i] ?? new Uint32Array(m + 1);
    const p_top = new Map<number, number>();
    for (const k of ks) {
      let within = 0;
      for (let r = 1; r <= Math.min(k, m); r++) within += unitCounts[r] ?? 0;
      p_top.set(k, within / draws);
    }
    result.set(unit.unit_code, {
      rank_low: percentileRank(unitCounts, draws, 25),
      rank_high: percentileRank(unitCounts, draws, 975),
      p_first: (unitCounts[1] ?? 0) / draws,
      p_top,
    });
  });
  return result;
}
