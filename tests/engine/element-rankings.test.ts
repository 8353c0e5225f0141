/**
 * computeElementRankings on hand-made element cells: the ranking of rankings.csv (groups,
 * eligibility, ties, simulation) applied to each element, in its own seeded streams, leaving the
 * overall ranking as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeElementRankings, computeRankings } from '../../src/engine/compute-rankings.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { simulateRanks } from '../../src/engine/reference/rank-simulation.ts';
import type { ElementRankingRow, IndexRow } from '../../src/engine/tables.ts';
import { ENGINE_SITE } from './engine-site.ts';
import type { Unit, UnitLevel } from '../../src/intake/types.ts';

const site = ENGINE_SITE;

const unit = (code: string, level: UnitLevel, parent: string | null): Unit => ({
  code,
  name_vi: code,
  name_en: code,
  level,
  parent_code: parent,
  valid_from: '2020-01-01',
  valid_to: '2025-06-30',
});
const DISTRICTS = ['582', '584', '585', '586', '587', '588', '589'];
const units: Unit[] = [unit('58', 'province', null), ...DISTRICTS.map((c) => unit(c, 'district', '58'))];

function cell(period: string, unit_code: string, indicator: string, value: number | null, se: number | null, n: number): IndexRow {
  return {
    survey: 'sipas',
    period,
    unit_code,
    breakdown: 'all',
    breakdown_value: '*',
    indicator,
    level: indicator === 'overall' ? 'overall' : 'element',
    n,
    satisfied: null,
    value,
    ci_low: value === null || se === null ? null : value - 1.96 * se,
    ci_high: value === null || se === null ? null : value + 1.96 * se,
    status: value === null ? 'suppressed' : 'ok',
    se,
    unit_valid_from: '2020-01-01',
    basis: 'direct',
  };
}

// The overall index: the ranking groups are the years that have one (2024 only).
const overall = DISTRICTS.map((u, i) => cell('2024', u, 'overall', 80 + i, 1, 500));
const elements: IndexRow[] = [
  // TC: 586 first; 584 and 585 are 90.00 both as published (90.004, 89.996), so they share rank 2
  // and the next rank is 4 (1, 2, 2, 4); 587 has 80 respondents (< min_n_rank 100): not ranked,
  // value kept; 588 is suppressed; 589 has no TC cell at all.
  cell('2024', '586', 'TC', 95, 0.5, 500),
  cell('2024', '584', 'TC', 90.004, 0.5, 500),
  cell('2024', '585', 'TC', 89.996, 0.5, 500),
  cell('2024', '582', 'TC', 70, 0.5, 500),
  cell('2024', '587', 'TC', 99, 0.5, 80),
  cell('2024', '588', 'TC', null, null, 20),
  // TV: 582 95, 584 80, 585 60, 586 50 with SE 0.5: every gap (≥ 10 points) is ≥ 14 SE of a
  // difference (√(0.5² + 0.5²) = 0.71), so every draw ranks them 1, 2, 3, 4: intervals [r, r],
  // P(first) 1 for 582 and 0 for the others.
  cell('2024', '582', 'TV', 95, 0.5, 500),
  cell('2024', '584', 'TV', 80, 0.5, 500),
  cell('2024', '585', 'TV', 60, 0.5, 500),
  cell('2024', '586', 'TV', 50, 0.5, 500),
  // 2023 has elements but no overall index: no ranking group, so no rows.
  cell('2023', '582', 'TC', 90, 0.5, 500),
  cell('2023', '584', 'TC', 80, 0.5, 500),
  // A breakdown cell is not ranked.
  { ...cell('2024', '589', 'TC', 99, 0.5, 500), breakdown: 'field', breakdown_value: 'dat-dai' },
];
const indices = [...overall, ...elements];

let engine: Engine;
let rows: ElementRankingRow[];
beforeAll(async () => {
  engine = await openEngine();
  rows = computeElementRankings(engine, indices, { survey: 'sipas', units, site, ks: [3] });
});
afterAll(() => engine?.close());

const of = (indicator: string) => rows.filter((r) => r.indicator === indicator);

describe('computeElementRankings', () => {
  it('ranks each element in the groups of the overall ranking, elements in the order first met', () => {
    expect([...new Set(rows.map((r) => r.indicator))]).toEqual(['TC', 'TV']);
    expect([...new Set(rows.map((r) => `${r.period} ${r.parent_code} ${r.unit_level}`))]).toEqual(['2024 58 district']);
    // Every district of the group, on every element: 2 elements × 7 districts × 1 k.
    expect(rows).toHaveLength(2 * 7);
  });

  it('ranks with ties on the published value and the same eligibility rules', () => {
    expect(of('TC').map((r) => [r.unit_code, r.rank, r.status, r.value, r.n])).toEqual([
      ['586', 1, 'ranked', 95, 500],
      ['584', 2, 'ranked', 90.004, 500],
      ['585', 2, 'ranked', 89.996, 500],
      ['582', 4, 'ranked', 70, 500],
      ['587', null, 'not_ranked', 99, 80],
      ['588', null, 'not_ranked', null, 20],
      ['589', null, 'not_ranked', null, 0],
    ]);
  });

  it('gives certain ranks to well-separated units', () => {
    expect(of('TV').slice(0, 4).map((r) => [r.unit_code, r.rank, r.rank_low, r.rank_high, r.p_first, r.p_top_k])).toEqual([
      ['582', 1, 1, 1, 1, 1],
      ['584', 2, 2, 2, 0, 1],
      ['585', 3, 3, 3, 0, 1],
      ['586', 4, 4, 4, 0, 0],
    ]);
  });

  it('draws each element from its own stream, survey|period|indicator', () => {
    const ranked = of('TC').filter((r) => r.status === 'ranked');
    const own = simulateRanks(
      ranked.map((r) => ({ unit_code: r.unit_code, estimate: r.value ?? 0, se: 0.5 })),
      { draws: site.rank_simulation.draws, seed: site.rank_simulation.seed, streamKey: 'sipas|2024|TC', ks: [3] },
    );
    for (const r of ranked) {
      const sim = own.get(r.unit_code);
      expect([r.rank_low, r.rank_high, r.p_first, r.p_top_k]).toEqual([sim?.rank_low, sim?.rank_high, sim?.p_first, sim?.p_top.get(3)]);
    }
    // 584 and 585 are 0.008 apart with SE 0.5: close to even odds of being second, not certain.
    const [a, b] = ['584', '585'].map((u) => ranked.find((r) => r.unit_code === u));
    expect([a?.rank_low, a?.rank_high, b?.rank_low, b?.rank_high]).toEqual([2, 3, 2, 3]);
  });

  it('leaves the overall ranking exactly as it is without elements', () => {
    const withElements = computeRankings(engine, indices, { survey: 'sipas', units, site, ks: [3] });
    const without = computeRankings(engine, overall, { survey: 'sipas', units, site, ks: [3] });
    expect(JSON.stringify(withElements)).toBe(JSON.stringify(without));
    expect(withElements.map((r) => r.unit_code)).toEqual(['589', '588', '587', '586', '585', '584', '582']);
  });
});
