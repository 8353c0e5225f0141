/**
 * A national site (site.json → rankings: provinces within the country, communes within each
 * province) on hand-made index cells: the provinces are ranked against each other in one group
 * per year (parent_code ''), by the rules of every ranking (eligibility, ties, rank interval,
 * simulation), and the communes within their own province as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonPairs } from '../../src/engine/comparison-pairs.ts';
import { computeElementRankings, computeRankings, rankGroups } from '../../src/engine/compute-rankings.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { simulateRanks } from '../../src/engine/reference/rank-simulation.ts';
import type { ElementRankingRow, IndexRow, RankingRow } from '../../src/engine/tables.ts';
import type { RankingLevel, SiteConfig, SurveyInstrument, Unit, UnitLevel } from '../../src/intake/types.ts';
import { ENGINE_SITE } from './engine-site.ts';

const NATIONAL: RankingLevel[] = [
  { level: 'province', within: 'country', compare: 'elements' },
  { level: 'commune', within: 'province', compare: 'elements' },
];
const site: SiteConfig = { ...ENGINE_SITE, rankings: NATIONAL };
const NEW = '2025-07-01';

const unit = (code: string, level: UnitLevel, parent: string | null, from = NEW, to: string | null = null): Unit => ({
  code,
  name_vi: code,
  name_en: code,
  level,
  parent_code: parent,
  valid_from: from,
  valid_to: to,
});
const units: Unit[] = [
  unit('01', 'province', null),
  unit('02', 'province', null),
  unit('04', 'province', null),
  unit('06', 'province', null),
  // Gone before 2025: in no group of 2025 or 2026.
  unit('99', 'province', null, '2020-01-01', '2024-12-31'),
  unit('00001', 'commune', '01'),
  unit('00002', 'commune', '01'),
  // The only commune of 02: a group of one is not ranked.
  unit('00003', 'commune', '02'),
  unit('00004', 'commune', '04'),
  unit('00005', 'commune', '04'),
];

function cell(period: string, unit_code: string, indicator: string, value: number, se: number, n: number): IndexRow {
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
    ci_low: value - 1.96 * se,
    ci_high: value + 1.96 * se,
    status: 'ok',
    se,
    unit_valid_from: units.find((u) => u.code === unit_code)?.valid_from ?? NEW,
    basis: 'direct',
  };
}

const indices: IndexRow[] = [
  // 2025, provinces: 01 90 and 04 90.004 are both 90.00 as published, so they share rank 1 and 02
  // (80) is third (1, 1, 3); 06 has 80 respondents (< min_n_rank 100): not ranked, value kept.
  cell('2025', '01', 'overall', 90, 0.5, 500),
  cell('2025', '04', 'overall', 90.004, 0.5, 500),
  cell('2025', '02', 'overall', 80, 0.5, 500),
  cell('2025', '06', 'overall', 97, 1, 80),
  // 2025, communes: within 01, 00002 75 over 00001 70; within 04, a tie at 60 (1, 1).
  cell('2025', '00001', 'overall', 70, 1, 200),
  cell('2025', '00002', 'overall', 75, 1, 200),
  cell('2025', '00003', 'overall', 99, 1, 200),
  cell('2025', '00004', 'overall', 60, 1, 200),
  cell('2025', '00005', 'overall', 60, 1, 200),
  // 2026: 02 95, 01 85, 04 75 with SE 0.5: each gap (10 points) is 14 SE of a difference
  // (√(0.5² + 0.5²) = 0.71), so every draw ranks them 1, 2, 3. 06 has no cell.
  cell('2026', '02', 'overall', 95, 0.5, 500),
  cell('2026', '01', 'overall', 85, 0.5, 500),
  cell('2026', '04', 'overall', 75, 0.5, 500),
  // The element TC in 2025: 02 88 first, 01 85 and 04 85.001 share rank 2 (1, 2, 2); 06 has none.
  cell('2025', '02', 'TC', 88, 0.5, 500),
  cell('2025', '01', 'TC', 85, 0.5, 500),
  cell('2025', '04', 'TC', 85.001, 0.5, 500),
];

let engine: Engine;
let rows: RankingRow[];
let elementRows: ElementRankingRow[];
beforeAll(async () => {
  engine = await openEngine();
  rows = computeRankings(engine, indices, { survey: 'sipas', units, site, ks: [2] });
  elementRows = computeElementRankings(engine, indices, { survey: 'sipas', units, site, ks: [2] });
});
afterAll(() => engine?.close());

const ofYear = (list: RankingRow[], period: string) => list.filter((r) => r.period === period);
const sim = (period: string, streamKey: string, codes: string[]) =>
  simulateRanks(
    codes.map((code) => {
      const c = indices.find((r) => r.period === period && r.unit_code === code && r.indicator === (streamKey.endsWith('|TC') ? 'TC' : 'overall'));
      return { unit_code: code, estimate: c?.value ?? 0, se: c?.se ?? 0 };
    }),
    { draws: site.rank_simulation.draws, seed: site.rank_simulation.seed, streamKey, ks: [2] },
  );

describe('rankGroups with provinces ranked within the country', () => {
  it('makes one group of every province valid in the year, then each province’s communes', () => {
    const groups = (period: string, rankings: readonly RankingLevel[]) =>
      rankGroups(units, period, rankings).map((g) => [g.parent_code, g.level, g.members.map((u) => u.code)]);
    expect(groups('2025', NATIONAL)).toEqual([
      ['', 'province', ['01', '02', '04', '06']],
      ['01', 'commune', ['00001', '00002']],
      ['02', 'commune', ['00003']],
      ['04', 'commune', ['00004', '00005']],
    ]);
    expect(groups('2024', NATIONAL)).toEqual([['', 'province', ['99']]]);
    // Without rankings in site.json: the communes within each province, no group of provinces.
    expect(groups('2025', ENGINE_SITE.rankings).map((g) => g[0])).toEqual(['01', '02', '04']);
    // Communes within the country: all five in one group.
    expect(groups('2025', [{ level: 'commune', within: 'country', compare: 'elements' }])).toEqual([['', 'commune', ['00001', '00002', '00003', '00004', '00005']]]);
  });

  it('refuses a code with two versions in the country in one year: its rows could not be told apart', () => {
    const split = [unit('01', 'province', null, '2020-01-01', '2025-06-30'), unit('01', 'province', null, NEW, null)];
    expect(() => rankGroups(split, '2025', NATIONAL)).toThrow('units.csv: unit 01 has two versions in the whole country in 2025; rankings cannot tell them apart');
  });
});

describe('computeRankings with provinces ranked within the country', () => {
  it('ranks the provinces first (parent_code empty), then the communes of each province, with ties sharing the better rank', () => {
    expect(ofYear(rows, '2025').map((r) => [r.unit_level, r.parent_code, r.unit_code, r.rank, r.status])).toEqual([
      ['province', '', '01', 1, 'ranked'],
      ['province', '', '04', 1, 'ranked'],
      ['province', '', '02', 3, 'ranked'],
      ['province', '', '06', null, 'not_ranked'],
      ['commune', '01', '00002', 1, 'ranked'],
      ['commune', '01', '00001', 2, 'ranked'],
      ['commune', '04', '00004', 1, 'ranked'],
      ['commune', '04', '00005', 1, 'ranked'],
    ]);
    const tooFew = ofYear(rows, '2025').find((r) => r.unit_code === '06');
    expect([tooFew?.value, tooFew?.n, tooFew?.rank_low, tooFew?.p_first, tooFew?.p_top_k]).toEqual([97, 80, null, null, null]);
  });

  it('simulates the provinces’ ranks in a stream of their own (sipas|2025||province)', () => {
    const provinces = ofYear(rows, '2025').filter((r) => r.status === 'ranked' && r.unit_level === 'province');
    // 02 is 14 SE of a difference below the tied pair: always third, never in the top 2. The
    // pair are 0.004 apart with SE 0.5 each: each first in about half the draws, always top 2.
    expect(provinces.map((r) => [r.unit_code, r.rank_low, r.rank_high, r.p_top_k])).toEqual([
      ['01', 1, 2, 1],
      ['04', 1, 2, 1],
      ['02', 3, 3, 0],
    ]);
    const [p01, p04, p02] = provinces.map((r) => r.p_first ?? NaN);
    expect(p02).toBe(0);
    expect((p01 ?? 0) + (p04 ?? 0)).toBeCloseTo(1, 10);
    expect(Math.abs((p01 ?? 0) - 0.5)).toBeLessThan(0.03);
    const own = sim('2025', 'sipas|2025||province', ['01', '04', '02']);
    for (const r of provinces) {
      const drawn = own.get(r.unit_code);
      expect([r.rank_low, r.rank_high, r.p_first, r.p_top_k]).toEqual([drawn?.rank_low, drawn?.rank_high, drawn?.p_first, drawn?.p_top.get(2)]);
    }
  });

  it('ranks each year on its own: 2026 well separated, 1, 2, 3 with certain intervals', () => {
    expect(ofYear(rows, '2026').filter((r) => r.unit_level === 'province').map((r) => [r.unit_code, r.rank, r.rank_low, r.rank_high, r.p_first, r.p_top_k, r.n])).toEqual([
      ['02', 1, 1, 1, 1, 1, 500],
      ['01', 2, 2, 2, 0, 1, 500],
      ['04', 3, 3, 3, 0, 0, 500],
      ['06', null, null, null, null, null, 0],
    ]);
  });

  it('ranks the provinces on each element too, in the element’s own stream', () => {
    const tc = elementRows.filter((r) => r.period === '2025' && r.unit_level === 'province' && r.indicator === 'TC');
    expect(tc.map((r) => [r.parent_code, r.unit_code, r.rank, r.status])).toEqual([
      ['', '02', 1, 'ranked'],
      ['', '01', 2, 'ranked'],
      ['', '04', 2, 'ranked'],
      ['', '06', null, 'not_ranked'],
    ]);
    const own = sim('2025', 'sipas|2025||province|TC', ['02', '01', '04']);
    for (const r of tc.filter((x) => x.status === 'ranked')) {
      const drawn = own.get(r.unit_code);
      expect([r.rank_low, r.rank_high, r.p_first, r.p_top_k]).toEqual([drawn?.rank_low, drawn?.rank_high, drawn?.p_first, drawn?.p_top.get(2)]);
    }
    expect(tc.find((r) => r.unit_code === '02')?.rank_high).toBe(1);
  });
});

describe('comparisonPairs with provinces ranked within the country', () => {
  const instrument: SurveyInstrument = {
    id: 'sipas',
    title: { vi: 'SIPAS', en: 'SIPAS' },
    method_versions: [],
    legal_basis: [],
    scale: { min: 1, max: 5, labels: [], satisfied: [4, 5] },
    elements: [],
  };

  it('sets every two provinces against each other, and every two communes of one province', () => {
    const pairs = comparisonPairs(indices, instrument, units, NATIONAL).filter((p) => p.a.period === '2025');
    expect(pairs.map((p) => `${p.a.unit_code}–${p.b.unit_code}`)).toEqual(['00001–00002', '00004–00005', '01–02', '01–04', '01–06', '02–04', '02–06', '04–06']);
  });
});
