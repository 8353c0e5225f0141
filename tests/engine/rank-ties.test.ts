/**
 * Rank with ties: SQL (sql/rank-with-ties.sql) against the reference (reference/rank-ties.ts).
 * Arithmetic in tests/fixtures/engine-d2/README.md ("Ties").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankInSql, rankKey } from '../../src/engine/compute-rankings.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { publishedHundredths, roundHalfAwayFromZero } from '../../src/engine/reference/published-rounding.ts';
import { rankWithTies } from '../../src/engine/reference/rank-ties.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine();
});
afterAll(() => engine?.close());

const groups: Record<string, { unit_code: string; value: number }[]> = {
  // 90.004 · 100 = 9000.4 → 9000; 89.996 · 100 = 8999.6 → 9000: both 90.00, shared rank 2.
  '2024': [
    { unit_code: '582', value: 92.5 },
    { unit_code: '584', value: 90.004 },
    { unit_code: '585', value: 89.996 },
    { unit_code: '586', value: 88 },
  ],
  // 90.005 · 100 = 9000.5 in doubles → 9001 (90.01) beats 90.004 (90.00): no tie. Three 70s share rank 3.
  '2023': [
    { unit_code: '582', value: 90.005 },
    { unit_code: '584', value: 90.004 },
    { unit_code: '585', value: 70 },
    { unit_code: '586', value: 70 },
    { unit_code: '587', value: 70 },
    { unit_code: '588', value: 69.99 },
  ],
  // The edge where floor(y + 0.5) and round(y) differ: 0.004999999999999999 · 100 =
  // 0.49999999999999994, and 0.49999999999999994 + 0.5 = 1 in doubles; round gives 0, like 0.
  '2022': [
    { unit_code: '582', value: 0.005 },
    { unit_code: '584', value: 0.004999999999999999 },
    { unit_code: '585', value: 0 },
  ],
};

describe('rounding as published', () => {
  it('rounds half away from zero on hundredths', () => {
    expect(publishedHundredths(90.004)).toBe(9000);
    expect(publishedHundredths(89.996)).toBe(9000);
    expect(publishedHundredths(90.005)).toBe(9001);
    // 84.995 is stored as 84.99499999999999…; |x|·100 rounds to 8499, but the files print
    // "85.00", and decisions must follow what is printed.
    expect(publishedHundredths(84.995)).toBe(8500);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(publishedHundredths(-2.5)).toBe(-250);
    expect(roundHalfAwayFromZero(0.125, 2)).toBe(0.13);
    expect(roundHalfAwayFromZero(-0.125, 2)).toBe(-0.13);
    expect(roundHalfAwayFromZero(0.9499, 3)).toBe(0.95);
  });
});

describe('rank with ties', () => {
  it('shares the better rank between values equal as published: 1, 2, 2, 4', () => {
    const ranks = rankWithTies(groups['2024'] ?? []);
    expect(['582', '584', '585', '586'].map((u) => ranks.get(u))).toEqual([1, 2, 2, 4]);
  });

  it('skips ranks after a three-way tie: 1, 2, 3, 3, 3, 6', () => {
    const ranks = rankWithTies(groups['2023'] ?? []);
    expect(['582', '584', '585', '586', '587', '588'].map((u) => ranks.get(u))).toEqual([1, 2, 3, 3, 3, 6]);
  });

  it('rounds the product, not the sum with 0.5: 1, 2, 2 at the edge', () => {
    const ranks = rankWithTies(groups['2022'] ?? []);
    expect(['582', '584', '585'].map((u) => ranks.get(u))).toEqual([1, 2, 2]);
  });

  it('gives the same ranks in SQL as in the reference', () => {
    const candidates = Object.entries(groups).flatMap(([period, rows]) =>
      rows.map((r) => ({ survey: 'sipas', period, ...r })),
    );
    const fromSql = rankInSql(engine, candidates);
    const fromReference = new Map<string, number>();
    for (const [period, rows] of Object.entries(groups)) {
      for (const [unit, rank] of rankWithTies(rows)) fromReference.set(rankKey('sipas', period, unit), rank);
    }
    expect(fromSql).toEqual(fromReference);
    expect(fromSql.size).toBe(13);
  });

  it('ranks nothing without candidates', () => {
    expect(rankInSql(engine, []).size).toBe(0);
  });
});
