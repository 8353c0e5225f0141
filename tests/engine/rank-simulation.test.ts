/** Rank simulation properties; see tests/fixtures/engine-d2/README.md ("Rank simulation"). */
import { describe, expect, it } from 'vitest';
import { percentileRank, simulateRanks } from '../../src/engine/reference/rank-simulation.ts';

const options = { draws: 10000, seed: 20240227, streamKey: 'sipas|2024', ks: [1, 2, 3] };

describe('percentile of simulated ranks (nearest rank)', () => {
  it('is the smallest rank reaching ⌈P · draws⌉ draws', () => {
    // 1000 draws: 2.5 % needs 25 draws, 97.5 % needs 975. Counts by rank 1, 2, 3:
    // 30 / 940 / 30 → cumulative 30 ≥ 25 at rank 1; 970 < 975 ≤ 1000 at rank 3 → [1, 3].
    const wide = [0, 30, 940, 30];
    expect(percentileRank(wide, 1000, 25)).toBe(1);
    expect(percentileRank(wide, 1000, 975)).toBe(3);
    // 20 / 960 / 20 → cumulative 20 < 25 ≤ 980 at rank 2; 980 ≥ 975 at rank 2 → [2, 2].
    const narrow = [0, 20, 960, 20];
    expect(percentileRank(narrow, 1000, 25)).toBe(2);
    expect(percentileRank(narrow, 1000, 975)).toBe(2);
  });
});

describe('simulateRanks', () => {
  it('gives certain ranks to well-separated units', () => {
    // 95, 80, 60 with SE 0.5: the gaps are 15 and 20 points, ≥ 21 SE of a difference (0.71).
    const sim = simulateRanks(
      [
        { unit_code: 'A', estimate: 95, se: 0.5 },
        { unit_code: 'B', estimate: 80, se: 0.5 },
        { unit_code: 'C', estimate: 60, se: 0.5 },
      ],
      options,
    );
    expect(sim.get('A')).toEqual({ rank_low: 1, rank_high: 1, p_first: 1, p_top: new Map([[1, 1], [2, 1], [3, 1]]) });
    expect(sim.get('B')).toEqual({ rank_low: 2, rank_high: 2, p_first: 0, p_top: new Map([[1, 0], [2, 1], [3, 1]]) });
    expect(sim.get('C')).toEqual({ rank_low: 3, rank_high: 3, p_first: 0, p_top: new Map([[1, 0], [2, 0], [3, 1]]) });
  });

  it('splits first place about evenly between two identical units', () => {
    // P(first) = 0.5 each; with 10,000 draws its SE is √(0.25/10000) = 0.005, so ±0.02 is 4 SE.
    const sim = simulateRanks(
      [
        { unit_code: 'X', estimate: 85, se: 2 },
        { unit_code: 'Y', estimate: 85, se: 2 },
      ],
      options,
    );
    const x = sim.get('X');
    const y = sim.get('Y');
    expect(Math.abs((x?.p_first ?? 0) - 0.5)).toBeLessThanOrEqual(0.02);
    expect((x?.p_first ?? 0) + (y?.p_first ?? 0)).toBeCloseTo(1, 12);
    expect([x?.rank_low, x?.rank_high]).toEqual([1, 2]);
  });

  it('gives exactly k units a place in the top k in every draw', () => {
    const units = [
      { unit_code: 'P', estimate: 86, se: 1.5 },
      { unit_code: 'Q', estimate: 85, se: 1.5 },
      { unit_code: 'R', estimate: 84, se: 2.5 },
      { unit_code: 'S', estimate: 83, se: 1 },
      { unit_code: 'T', estimate: 78, se: 3 },
    ];
    const sim = simulateRanks(units, options);
    for (const k of [1, 2, 3]) {
      const total = units.reduce((s, u) => s + (sim.get(u.unit_code)?.p_top.get(k) ?? 0), 0);
      expect(total).toBeCloseTo(k, 10);
    }
  });

  it('is deterministic: the same seed gives the same output, another seed another', () => {
    const units = [
      { unit_code: 'X', estimate: 85, se: 2 },
      { unit_code: 'Y', estimate: 85, se: 2 },
      { unit_code: 'Z', estimate: 84, se: 2 },
    ];
    expect(simulateRanks(units, options)).toEqual(simulateRanks(units, options));
    const other = simulateRanks(units, { ...options, seed: 1 });
    expect(other.get('X')?.p_first).not.toBe(simulateRanks(units, options).get('X')?.p_first);
  });

  it("does not move a unit's draws when another unit joins", () => {
    // Streams are per unit: with a unit far below added, X and Y keep exactly the same draws,
    // so their first-place shares are unchanged.
    const two = simulateRanks(
      [
        { unit_code: 'X', estimate: 85, se: 2 },
        { unit_code: 'Y', estimate: 85, se: 2 },
      ],
      options,
    );
    const three = simulateRanks(
      [
        { unit_code: 'W', estimate: 10, se: 0.1 },
        { unit_code: 'X', estimate: 85, se: 2 },
        { unit_code: 'Y', estimate: 85, se: 2 },
      ],
      options,
    );
    expect(three.get('X')?.p_first).toBe(two.get('X')?.p_first);
  });

  it('refuses a draw count that is not a whole number', () => {
    expect(() => simulateRanks([], { ...options, draws: 0 })).toThrow(/draws must be a whole number/);
  });
});
