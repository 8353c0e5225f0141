/**
 * computeRankings on hand-made overall index cells; see tests/fixtures/engine-d2/README.md
 * ("Rankings").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRankings } from '../../src/engine/compute-rankings.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import type { IndexRow, RankingRow } from '../../src/engine/tables.ts';
import { ENGINE_SITE } from './engine-site.ts';
import type { Unit, UnitLevel } from '../../src/intake/types.ts';

const site = ENGINE_SITE;

const unit = (code: string, level: UnitLevel, parent: string | null, from: string, to: string | null): Unit => ({
  code,
  name_vi: code,
  name_en: code,
  level,
  parent_code: parent,
  valid_from: from,
  valid_to: to,
});
const units: Unit[] = [
  unit('58', 'province', null, '2020-01-01', '2025-06-30'),
  ...['582', '584', '585', '586', '587', '588', '589'].map((c) => unit(c, 'district', '58', '2020-01-01', '2025-06-30')),
  unit('599', 'district', '58', '2015-01-01', '2019-12-31'),
  unit('22738', 'commune', '582', '2020-01-01', '2025-06-30'),
];

function overall(period: string, unit_code: string, value: number | null, se: number | null, n: number): IndexRow {
  return {
    survey: 'sipas',
    period,
    unit_code,
    breakdown: 'all',
    breakdown_value: '*',
    indicator: 'overall',
    level: 'overall',
    n,
    satisfied: null,
    value,
    ci_low: value === null || se === null ? null : value - 1.96 * se,
    ci_high: value === null || se === null ? null : value + 1.96 * se,
    status: value === null ? 'suppressed' : 'ok',
    se,
    // The cell of the code's only version in the register (599's if it is 599).
    unit_valid_from: units.find((u) => u.code === unit_code)?.valid_from ?? '2020-01-01',
    basis: 'direct',
  };
}

const indices: IndexRow[] = [
  overall('2024', '582', 92.5, 1, 500),
  overall('2024', '584', 90.004, 1, 500),
  overall('2024', '585', 89.996, 1, 500),
  overall('2024', '586', 88, 1, 500),
  overall('2024', '587', 95, 4, 80),
  overall('2024', '588', null, null, 20),
  overall('2024', '22738', 99, 0.5, 500),
  overall('2024', '599', 99, 0.5, 500),
  overall('2024', '58', 90, 0.4, 3000),
  // An element and a breakdown are not ranked.
  { ...overall('2024', '589', 99, 0.5, 500), indicator: 'TC', level: 'element' },
  { ...overall('2024', '589', 99, 0.5, 500), breakdown: 'field', breakdown_value: 'dat-dai' },
  // Quarters are not ranked.
  overall('2024-Q1', '582', 70, 1, 200),
  // 2023: well separated, and one unit without a standard error.
  overall('2023', '582', 95, 0.5, 400),
  overall('2023', '584', 80, 0.5, 400),
  overall('2023', '585', 60, 0.5, 400),
  overall('2023', '586', 85, null, 150),
  // Another survey.
  { ...overall('2024', '582', 10, 1, 500), survey: 'y-te' },
];

let engine: Engine;
let rows: RankingRow[];
beforeAll(async () => {
  engine = await openEngine();
  rows = computeRankings(engine, indices, { survey: 'sipas', units, site, ks: [3, 1, 3] });
});
afterAll(() => engine?.close());

const pick = (period: string, k: number): RankingRow[] => rows.filter((r) => r.period === period && r.k === k);

describe('computeRankings', () => {
  it('lists the districts valid in each year, one row per k, ranked first then not ranked', () => {
    expect(pick('2024', 3).map((r) => [r.unit_code, r.rank, r.status])).toEqual([
      ['582', 1, 'ranked'],
      ['584', 2, 'ranked'],
      ['585', 2, 'ranked'],
      ['586', 4, 'ranked'],
      ['587', null, 'not_ranked'],
      ['588', null, 'not_ranked'],
      ['589', null, 'not_ranked'],
    ]);
    expect([...new Set(rows.map((r) => r.period))]).toEqual(['2023', '2024']);
    expect([...new Set(rows.map((r) => r.k))]).toEqual([1, 3]);
    expect(rows).toHaveLength(2 * 7 + 2 * 7);
    // One group per year: the districts directly below province 58, each the version valid from
    // 2020-01-01; the commune 22738 (below district 582) and the province itself are in no group.
    expect([...new Set(rows.map((r) => `${r.parent_code} ${r.unit_level} ${r.unit_valid_from} ${r.basis}`))]).toEqual(['58 district 2020-01-01 direct']);
  });

  it('keeps the published value of a unit with too few respondents to rank, not of a suppressed one', () => {
    const [tooFew, suppressed, missing] = ['587', '588', '589'].map((u) => pick('2024', 3).find((r) => r.unit_code === u));
    expect([tooFew?.value, tooFew?.n, tooFew?.rank_low, tooFew?.p_first, tooFew?.p_top_k]).toEqual([95, 80, null, null, null]);
    expect([suppressed?.value, suppressed?.ci_low, suppressed?.n]).toEqual([null, null, 20]);
    expect([missing?.value, missing?.n, missing?.status]).toEqual([null, 0, 'not_ranked']);
  });

  it('does not rank a unit without a standard error', () => {
    const row = pick('2023', 1).find((r) => r.unit_code === '586');
    expect([row?.status, row?.rank, row?.value]).toEqual(['not_ranked', null, 85]);
  });

  it('adds the simulated rank interval and probabilities', () => {
    // 2023: 95, 80, 60 with SE 0.5 are far apart: ranks are certain.
    expect(pick('2023', 1).slice(0, 3).map((r) => [r.unit_code, r.rank, r.rank_low, r.rank_high, r.p_first, r.p_top_k])).toEqual([
      ['582', 1, 1, 1, 1, 1],
      ['584', 2, 2, 2, 0, 0],
      ['585', 3, 3, 3, 0, 0],
    ]);
    // 2024: every draw has one first and three in the top 3.
    const top3 = pick('2024', 3).filter((r) => r.status === 'ranked');
    expect(top3.reduce((s, r) => s + (r.p_first ?? 0), 0)).toBeCloseTo(1, 10);
    expect(top3.reduce((s, r) => s + (r.p_top_k ?? 0), 0)).toBeCloseTo(3, 10);
    // k = 1: P(top 1) is P(first).
    for (const r of pick('2024', 1).filter((x) => x.status === 'ranked')) expect(r.p_top_k).toBe(r.p_first);
    // The tied pair are 0.008 apart with SE 1 each: nearly even odds, wide intervals.
    const [a, b] = ['584', '585'].map((u) => top3.find((r) => r.unit_code === u));
    expect(Math.abs((a?.p_top_k ?? 0) - (b?.p_top_k ?? 0))).toBeLessThan(0.03);
    expect(a?.rank_low).toBeLessThan(a?.rank_high ?? 0);
  });

  it('gives byte-identical output for the same inputs and seed', () => {
    const again = computeRankings(engine, indices, { survey: 'sipas', units, site, ks: [1, 3] });
    expect(JSON.stringify(again)).toBe(JSON.stringify(rows));
  });

  it('uses k = 3 when no plan names one', () => {
    const byDefault = computeRankings(engine, indices, { survey: 'sipas', units, site, ks: [] });
    expect([...new Set(byDefault.map((r) => r.k))]).toEqual([3]);
    expect(() =>
      computeRankings(engine, indices, { survey: 'sipas', units, site, ks: [0] }),
    ).toThrow(/whole number ≥ 1/);
  });
});
