/**
 * The 1 July 2025 reorganisation on a small data folder run as the pipeline runs it (intake →
 * indices → trends → rankings → targets): tests/fixtures/reorganisation. Every expected number
 * is worked out by hand in that folder's README; the short working is repeated here.
 * Instrument `mini`: two elements of one item each, TC (TC1) and CC (CC1); 4 and 5 are satisfied;
 * overall = (TC + CC) / 2. Thresholds: min_n_publish 1 (every value shown), min_n_rank 2.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdownValuesOf, computeIndices, elementWeights } from '../../src/engine/compute-indices.ts';
import { computeRankings, rankGroups } from '../../src/engine/compute-rankings.ts';
import { computeTargets, ksNamedByPlans } from '../../src/engine/compute-targets.ts';
import { computeTrends } from '../../src/engine/compute-trends.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { buildRegisters } from '../../src/intake/registers.ts';
import { cellIndices } from '../../src/engine/reference/cell-indices.ts';
import { cellsOfResponse } from '../../src/engine/reference/cells-of-response.ts';
import { periodBounds } from '../../src/engine/reference/period-calendar.ts';
import { referenceTrends } from '../../src/engine/reference/trend-change.ts';
import type { IndexRow, RankingRow, TargetRow, TrendRow } from '../../src/engine/tables.ts';
import type { Unit, ValidatedResponse } from '../../src/intake/types.ts';
import { loadReorganisation, type Reorganisation } from '../fixtures/reorganisation/load.ts';

let engine: Engine;
let data: Reorganisation;
let units: Unit[];
let indices: IndexRow[];
let trends: TrendRow[];
let rankings: RankingRow[];
let targets: TargetRow[];

beforeAll(async () => {
  engine = await openEngine();
  data = await loadReorganisation();
  units = [...data.registers.units];
  indices = computeIndices(engine, {
    survey: data.instrument,
    validatedCsvPath: data.validatedCsv,
    units,
    crosswalk: data.registers.crosswalk,
    breakdownValues: breakdownValuesOf(data.registers),
    site: data.site,
  });
  trends = computeTrends(engine, indices, data.instrument);
  rankings = computeRankings(engine, indices, { survey: 'mini', units, site: data.site, ks: ksNamedByPlans(data.plans) });
  targets = computeTargets(data.plans, indices, rankings, [], data.site, data.registers);
});
afterAll(() => engine?.close());

/** Overall index cells of a unit version (`code@valid_from`) and basis. */
function overall(version: string, basis: IndexRow['basis'] = 'direct'): Map<string, IndexRow> {
  const [code, validFrom] = version.split('@');
  const rows = indices.filter(
    (r) => r.unit_code === code && r.unit_valid_from === validFrom && r.basis === basis && r.indicator === 'overall' && r.breakdown === 'all',
  );
  return new Map(rows.map((r) => [r.period, r]));
}
const OLD = '2020-01-01';
const NEW = '2025-07-01';
const years = (cells: Map<string, IndexRow>): string[] => [...cells.keys()].filter((p) => /^\d{4}$/.test(p)).sort();
const quarters = (cells: Map<string, IndexRow>): string[] => [...cells.keys()].filter((p) => p.includes('-Q')).sort();

describe('a reused code: the old and the new 22810 are two unit versions', () => {
  it('keeps a cell for each version, each with its own responses', () => {
    // 22810 Thị trấn Tân Sơn (…2025-06-30): 2024 = b1 (TC1 4, CC1 4) → 100; 2025 = b2 (5, 2) → (100 + 0)/2 = 50.
    const tanSon = overall(`22810@${OLD}`);
    expect(years(tanSon)).toEqual(['2024', '2025']);
    expect(tanSon.get('2024')).toMatchObject({ n: 1, value: 100 });
    expect(tanSon.get('2025')).toMatchObject({ n: 1, value: 50 });
    // 22810 Xã Ninh Sơn (from 2025-07-01): 2025 = c1 (3, 5), c3 (4, 4): TC1 1/2, CC1 2/2 → 75;
    // z = ½(y₁ − ½)/2 + ½(y₂ − 1)/2 = ∓1/8, Var = 2 · 2/64 = 1/16, se 25, 75 ± 49 → [26, 100].
    // 2026 = c2 (4, 5) → 100.
    const ninhSon = overall(`22810@${NEW}`);
    expect(years(ninhSon)).toEqual(['2025', '2026']);
    expect(ninhSon.get('2025')).toMatchObject({ n: 2, value: 75, se: 25, ci_high: 100 });
    expect(ninhSon.get('2025')?.ci_low).toBeCloseTo(26, 9);
    expect(ninhSon.get('2026')).toMatchObject({ n: 1, value: 100 });
  });

  it('puts 2025-06-30 in the old version, district and province, and 2025-07-01 in the new ones', () => {
    // b2 (2025-06-30) is Tân Sơn's Q2 and June; c1 (2025-07-01) is Ninh Sơn's Q3 and July.
    expect(quarters(overall(`22810@${OLD}`))).toEqual(['2024-Q2', '2025-Q2']);
    expect(overall(`22810@${OLD}`).get('2025-06')).toMatchObject({ n: 1, value: 50 });
    expect(quarters(overall(`22810@${NEW}`))).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(overall(`22810@${NEW}`).get('2025-07')).toMatchObject({ n: 1, value: 50 }); // c1: TC1 3, CC1 5
    // District 585 in 2025 (Jan–Jun) = b5 (3, 3) and b2 (5, 2): TC1 1/2, CC1 0/2 → 25; no July.
    expect(overall(`585@${OLD}`).get('2025')).toMatchObject({ n: 2, value: 25 });
    expect(overall(`585@${OLD}`).has('2025-07')).toBe(false);
    expect(overall(`585@${OLD}`).get('2025-06')).toMatchObject({ n: 1 });
    // Province 58 in 2025 = a6, a7, b5, b2: TC1 2/4, CC1 2/4 → 50. Province 56 in 2025 = c1, e1,
    // e4, e5, e2, c3, e6: TC1 4/7, CC1 6/7 → (400/7 + 600/7)/2 = 500/7 = 71.4286.
    expect(overall(`58@${OLD}`).get('2025')).toMatchObject({ n: 4, value: 50 });
    expect(overall(`58@${OLD}`).has('2025-07')).toBe(false);
    expect(overall(`56@${OLD}`).get('2025')?.n).toBe(7);
    expect(overall(`56@${OLD}`).get('2025')?.value).toBeCloseTo(500 / 7, 9);
    expect(overall(`56@${OLD}`).get('2025-07')).toMatchObject({ n: 1 }); // c1
    expect(overall(`56@${OLD}`).has('2025-06')).toBe(false);
    // Khánh Hòa (56, registered from 2020) had no responses before 2025-07-01: no 2024 cell.
    expect(overall(`56@${OLD}`).has('2024')).toBe(false);
  });
});

describe('the back-cast of 22741 Phường Bảo An: three old communes pooled', () => {
  it('pools 22741 Phước Mỹ, 22744 Bảo An and 22774 Thành Hải in 2024: 55 with the Taylor interval worked by hand', () => {
    // a1–a5: TC1 N 5, S 3 → 60; CC1 N 4 (a4 blank), S 2 → 50; overall (60 + 50)/2 = 55, n 5.
    // z_r = (y₁ − 0.6)/10 + (y₂ − 0.5 a₂)/8: a1 0.1025, a2 0.0025, a3 −0.0225, a4 0.04, a5 −0.1225;
    // Σz² = 0.027625; Var = 5/4 · 0.027625 = 0.03453125; se = 18.582586; 55 ± 36.421869.
    const cell = overall(`22741@${NEW}`, 'back-cast').get('2024');
    expect(cell).toMatchObject({ n: 5, basis: 'back-cast', unit_valid_from: '2025-07-01', status: 'ok' });
    expect(cell?.value).toBeCloseTo(55, 9);
    expect(cell?.se).toBeCloseTo(100 * Math.sqrt(0.03453125), 9);
    expect(cell?.se).toBeCloseTo(18.582586, 6);
    expect(cell?.ci_low).toBeCloseTo(55 - 1.96 * 100 * Math.sqrt(0.03453125), 9);
    expect(cell?.ci_high).toBeCloseTo(55 + 1.96 * 100 * Math.sqrt(0.03453125), 9);
    expect([cell?.ci_low, cell?.ci_high].map((x) => x?.toFixed(4))).toEqual(['18.5781', '91.4219']);
    // Elements: TC 60 (TC1 3/5), CC 50 (CC1 2/4); items satisfied 3 and 2.
    const element = (code: string) => indices.find((r) => r.unit_code === '22741' && r.basis === 'back-cast' && r.period === '2024' && r.indicator === code);
    expect([element('TC')?.value, element('CC')?.value, element('TC1')?.satisfied, element('CC1')?.n]).toEqual([60, 50, 3, 4]);
  });

  it('pools the respondents, not the communes: the mean of 75, 50 and 25 would be 50', () => {
    expect(overall(`22741@${OLD}`).get('2024')).toMatchObject({ n: 2, value: 75 }); // a1, a2
    expect(overall(`22744@${OLD}`).get('2024')).toMatchObject({ n: 1, value: 50 }); // a3
    expect(overall(`22774@${OLD}`).get('2024')).toMatchObject({ n: 2, value: 25 }); // a4, a5
  });

  it('has back-cast quarters up to 2025-Q2 but no back-cast year 2025 (the year straddles 2025-07-01)', () => {
    const backCast = overall(`22741@${NEW}`, 'back-cast');
    expect(years(backCast)).toEqual(['2024']);
    expect(quarters(backCast)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(backCast.get('2025-Q1')).toMatchObject({ n: 1, value: 100 }); // a6 (22744): 4, 4
    expect(backCast.get('2025-Q2')).toMatchObject({ n: 1, value: 50 }); // a7 (22741 Phước Mỹ): 3, 4
    // The new ward's 2025 is its direct Jul–Dec cell: e1 (5, 5), e2 (2, 2) → TC1 1/2, CC1 1/2 → 50.
    expect(overall(`22741@${NEW}`).get('2025')).toMatchObject({ n: 2, value: 50, basis: 'direct' });
    // No back-cast cell's period reaches the new version's start, in any period kind.
    const back = indices.filter((r) => r.basis === 'back-cast');
    expect(back.length).toBeGreaterThan(0);
    expect(back.filter((r) => periodBounds(r.period).end >= r.unit_valid_from)).toEqual([]);
  });

  it('has yearly breakdowns in the back-cast 2024, none in 2025', () => {
    // Field dat-dai is recorded on a1, a3 (2024), a6 (2025, 22744) and c1 (2025, new 22810).
    // Back-cast 22741 2024, dat-dai = a1 (5, 4), a3 (4, 3): TC1 2/2, CC1 1/2 → (100 + 50)/2 = 75.
    const fields = indices.filter((r) => r.breakdown === 'field' && r.indicator === 'overall');
    const of = (code: string, validFrom: string, basis: IndexRow['basis'], period: string) =>
      fields.find((r) => r.unit_code === code && r.unit_valid_from === validFrom && r.basis === basis && r.period === period);
    expect(of('22741', NEW, 'back-cast', '2024')).toMatchObject({ n: 2, value: 75, breakdown_value: 'dat-dai' });
    // a6 is in old 22744's 2025 field cell, but breakdowns are yearly and 2025 has no back-cast.
    expect(of('22744', OLD, 'direct', '2025')).toMatchObject({ n: 1, value: 100 });
    expect(fields.filter((r) => r.basis === 'back-cast').map((r) => `${r.unit_code} ${r.period}`)).toEqual(['22741 2024']);
    // c1 (2025-07-01) is in the new 22810's field cell.
    expect(of('22810', NEW, 'direct', '2025')).toMatchObject({ n: 1, value: 50 });
  });

  it('is not ranked and not used for targets: only direct rows are', () => {
    expect(rankings.every((r) => r.basis === 'direct')).toBe(true);
    expect(rankings.some((r) => r.period === '2024' && r.unit_level === 'commune')).toBe(false);
  });
});

describe('a split commune is left out of every back-cast', () => {
  it('counts 22768 Phường Đông Hải (split) in its own cells, but in no back-cast', () => {
    // d1 (22768, 2024-06-06: 5, 5) → 100 in 22768, and in 582 and 58.
    expect(overall(`22768@${OLD}`).get('2024')).toMatchObject({ n: 1, value: 100 });
    // 582 in 2024 = a1–a5, d1, d2 (7); 58 = those and b1, b3, b4 (10).
    expect(overall(`582@${OLD}`).get('2024')?.n).toBe(7);
    expect(overall(`58@${OLD}`).get('2024')?.n).toBe(10);
  });

  it('gives 22780 Phường Đông Hải a back-cast of 22771 Mỹ Đông alone: n 1, value 0 (with 22768 it would be n 2, 50)', () => {
    const dongHai = overall(`22780@${NEW}`, 'back-cast');
    expect(dongHai.get('2024')).toMatchObject({ n: 1, value: 0 }); // d2: 1, 1
    expect(dongHai.has('2024-Q2')).toBe(false); // d1's quarter: d1 is not in it
    // 22888 Xã Phước Dinh got only a piece of 22768: no back-cast at all.
    expect(indices.filter((r) => r.unit_code === '22888' && r.basis === 'back-cast')).toEqual([]);
  });
});

describe('SQL = TypeScript reference on every cell, unit versions and bases included', () => {
  it('finds the same cells with the same numbers', () => {
    const items = data.instrument.elements.flatMap((e) => e.items.map((item) => item.column));
    const parsed = Papa.parse<Record<string, string>>(readFileSync(data.validatedCsv, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const responses: ValidatedResponse[] = parsed.map((row) => ({
      response_id: row.response_id!,
      date: row.date!,
      unit_code: row.unit_code!,
      agency_code: row.agency_code || null,
      field: row.field || null,
      channel: row.channel || null,
      respondent_type: row.respondent_type || null,
      answers: items.map((c) => (row[c] ? Number(row[c]) : null)),
    }));
    expect(responses).toHaveLength(23);
    const keyOf = (c: { unit_code: string; unit_valid_from: string; basis: string; period: string; breakdown: string; breakdown_value: string }) =>
      [c.unit_code, c.unit_valid_from, c.basis, c.period, c.breakdown, c.breakdown_value].join('|');
    const cells = new Map<string, (number | null)[][]>();
    for (const response of responses) {
      for (const cell of cellsOfResponse(response, units, data.registers.crosswalk)) cells.set(keyOf(cell), [...(cells.get(keyOf(cell)) ?? []), response.answers]);
    }
    expect([...new Set(indices.map(keyOf))].sort()).toEqual([...cells.keys()].sort());
    const weights = elementWeights(data.instrument);
    for (const row of indices) {
      const reference = cellIndices(cells.get(keyOf(row))!, data.instrument, weights, data.site.thresholds.min_n_publish).find((r) => r.indicator === row.indicator)!;
      for (const field of ['n', 'satisfied', 'status'] as const) expect(row[field], `${keyOf(row)} ${row.indicator} ${field}`).toBe(reference[field]);
      for (const field of ['value', 'ci_low', 'ci_high', 'se'] as const) {
        if (reference[field] === null) expect(row[field], `${keyOf(row)} ${row.indicator} ${field}`).toBeNull();
        else expect(Math.abs(row[field]! - reference[field]), `${keyOf(row)} ${row.indicator} ${field}`).toBeLessThan(1e-9);
      }
    }
  });
});

describe('trends across 1 July 2025', () => {
  const trend = (version: string, period: string): TrendRow | undefined => {
    const [code, validFrom] = version.split('@');
    return trends.find((t) => t.unit_code === code && t.unit_valid_from === validFrom && t.period === period && t.indicator === 'overall' && t.breakdown === 'all');
  };

  it('marks back-cast 2024 → direct 2025 a boundary break, with empty change columns', () => {
    // 22741 Phường Bảo An: 55 (back-cast, a1–a5) → 50 (direct, e1 e2).
    expect(trend(`22741@${NEW}`, '2025')).toMatchObject({
      previous_period: '2024',
      value: 50,
      change: null,
      change_ci_low: null,
      change_ci_high: null,
      significant: null,
      method_break: false,
      boundary_break: true,
      basis: 'direct',
      unit_valid_from: '2025-07-01',
    });
    expect(trend(`22741@${NEW}`, '2025')?.previous_value).toBeCloseTo(55, 9);
    // And between the quarters either side of the day: 2025-Q2 (back-cast a7, 50) → 2025-Q3 (direct e1, 100).
    expect(trend(`22741@${NEW}`, '2025-Q3')).toMatchObject({ previous_value: 50, value: 100, change: null, boundary_break: true });
  });

  it('computes changes within one basis: back-cast 2025-Q1 → Q2, direct 2025 → 2026', () => {
    // 2025-Q1 (a6, 100) → 2025-Q2 (a7, 50): −50; one respondent each, so no SE and no interval.
    expect(trend(`22741@${NEW}`, '2025-Q2')).toMatchObject({ basis: 'back-cast', change: -50, change_ci_low: null, boundary_break: false });
    // 2025 (50) → 2026 (e3, 100): +50.
    expect(trend(`22741@${NEW}`, '2026')).toMatchObject({ basis: 'direct', change: 50, boundary_break: false });
  });

  it('never pairs the old version with the new one of the same code', () => {
    // Phước Mỹ (old 22741): 2024 (a1 a2, 75) → 2025 (a7, 50) = −25, its own series.
    expect(trend(`22741@${OLD}`, '2025')).toMatchObject({ previous_value: 75, value: 50, change: -25, boundary_break: false });
    expect(trends.filter((t) => t.unit_code === '22741' && t.indicator === 'overall' && t.breakdown === 'all' && t.period === '2025')).toHaveLength(2);
  });

  it('agrees with the TypeScript reference', () => {
    expect(trends).toEqual(referenceTrends(indices, data.instrument));
  });
});

describe('rankings: the units directly below each province version, per year', () => {
  const ranked = (period: string) =>
    rankings.filter((r) => r.period === period).map((r) => [r.parent_code, r.unit_level, r.unit_code, r.unit_valid_from, r.n, r.rank, r.status]);

  it('groups 2025 into the old districts (Jan–Jun) and the new communes (Jul–Dec)', () => {
    expect(rankGroups(units, '2025', data.site.rankings).map((g) => [g.parent_code, g.level, g.members.map((u) => `${u.code}@${u.valid_from}`)])).toEqual([
      ['58', 'district', [`582@${OLD}`, `585@${OLD}`]],
      ['56', 'commune', ['22738', '22741', '22780', '22810', '22813', '22888'].map((c) => `${c}@${NEW}`)],
    ]);
    expect(rankGroups(units, '2024', data.site.rankings).map((g) => g.parent_code)).toEqual(['58']);
    expect(rankGroups(units, '2026', data.site.rankings).map((g) => g.parent_code)).toEqual(['56']);
  });

  it('ranks each group on its own: 582 75 over 585 25; Ninh Sơn 75 over Bảo An 50', () => {
    // 582 2025 = a6 (4, 4), a7 (3, 4) → TC1 1/2, CC1 2/2 → 75; 585 = 25 (above).
    // Communes (min_n_rank 2): 22810 Ninh Sơn 75 (n 2), 22741 Bảo An 50 (n 2); 22780, 22813,
    // 22888 have one respondent (too few), 22738 Đô Vinh none.
    expect(ranked('2025')).toEqual([
      ['58', 'district', '582', OLD, 2, 1, 'ranked'],
      ['58', 'district', '585', OLD, 2, 2, 'ranked'],
      ['56', 'commune', '22810', NEW, 2, 1, 'ranked'],
      ['56', 'commune', '22741', NEW, 2, 2, 'ranked'],
      ['56', 'commune', '22738', NEW, 0, null, 'not_ranked'],
      ['56', 'commune', '22780', NEW, 1, null, 'not_ranked'],
      ['56', 'commune', '22813', NEW, 1, null, 'not_ranked'],
      ['56', 'commune', '22888', NEW, 1, null, 'not_ranked'],
    ]);
    // Each group's simulation has one first per draw.
    for (const parent of ['58', '56']) {
      const sum = rankings.filter((r) => r.period === '2025' && r.parent_code === parent).reduce((s, r) => s + (r.p_first ?? 0), 0);
      expect(sum).toBeCloseTo(1, 9);
    }
  });

  it('ranks the districts in 2024: 585 83.33 over 582 53.57', () => {
    expect(ranked('2024')).toEqual([
      ['58', 'district', '585', OLD, 3, 1, 'ranked'],
      ['58', 'district', '582', OLD, 7, 2, 'ranked'],
    ]);
  });

  it('does not rank a one-unit group: without Ninh Sơn district, Ninh Thuận has one district below it', () => {
    const withoutNinhSon = units.filter((u) => u.code !== '585' && u.parent_code !== '585');
    const rows = computeRankings(engine, indices, { survey: 'mini', units: withoutNinhSon, site: data.site, ks: [3] });
    expect(rows.filter((r) => r.unit_level === 'district')).toEqual([]);
    // The communes of 2025 are still ranked, in the same order.
    expect(rows.filter((r) => r.period === '2025' && r.status === 'ranked').map((r) => [r.unit_code, r.rank])).toEqual([
      ['22810', 1],
      ['22741', 2],
    ]);
  });
});

describe('a plan target for 2024 and the following years on district 585 (ended 2025-06-30)', () => {
  const row = (period: string) => targets.find((t) => t.period === period);

  it('gives one row per year up to the last year with data', () => {
    expect(targets.map((t) => [t.target, t.period, t.status, t.unit_valid_from])).toEqual([
      ['overall', '2024', 'met', OLD],
      ['overall', '2025', 'not_met', OLD],
      ['overall', '2026', 'unit_ended', OLD],
    ]);
  });

  it('assesses 2024 on the full year: 83.33 [50.67, 100] ≥ 80 is met, within the margin of error', () => {
    // b1 (4, 4), b3 (2, 4), b4 (5, 4): TC1 2/3, CC1 3/3 → (66.67 + 100)/2 = 83.33, n 3.
    // z = (y₁ − 2/3)/6: 1/18, −2/18, 1/18; Σz² = 6/324; Var = 3/2 · 6/324 = 1/36; se 16.67;
    // 83.33 ± 32.67 → [50.67, 116] → [50.67, 100]; 50.67 < 80 → uncertain.
    const y2024 = row('2024');
    expect([y2024?.status, y2024?.certainty, y2024?.ci_high, y2024?.successor_units]).toEqual(['met', 'uncertain', 100, null]);
    expect(y2024?.value).toBeCloseTo(250 / 3, 9);
    expect(y2024?.ci_low).toBeCloseTo(152 / 3, 9);
    expect(y2024?.gap).toBeCloseTo(10 / 3, 9);
  });

  it('assesses 2025 on the part year the district lived (Jan–Jun): 25 [0, 74] is clearly not met', () => {
    // b5 (3, 3), b2 (5, 2): TC1 1/2, CC1 0/2 → 25; z = ±1/8, Var = 2 · 2/64 = 1/16, se 25; 25 ± 49 → [0, 74].
    expect(row('2025')).toMatchObject({ value: 25, ci_low: 0, ci_high: 74, gap: -55, status: 'not_met', certainty: 'clear', successor_units: null });
  });

  it('gives 2026 the status unit_ended and names the new communes its communes went to, in code order', () => {
    // 585's communes: 22813 Lâm Sơn → 22813; 22810 Tân Sơn and 22819 Quảng Sơn → 22810; 22831 Nhơn
    // Sơn → 22738 Đô Vinh. Sorted: 22738, 22810, 22813 (the crosswalk lists them 22813 first).
    expect(row('2026')).toMatchObject({ value: null, ci_low: null, ci_high: null, gap: null, status: 'unit_ended', certainty: null, successor_units: '22738;22810;22813' });
    const district = units.find((u) => u.code === '585')!;
    expect(data.registers.successorsOf(district).map((u) => u.code)).toEqual(['22738', '22810', '22813']);
    // A commune's own successors: 22768 Phường Đông Hải was split between 22780 and 22888.
    const dongHai = units.find((u) => u.code === '22768')!;
    expect(data.registers.successorsOf(dongHai).map((u) => u.code)).toEqual(['22780', '22888']);
  });

  it('names the successors of a province through its districts and their communes', () => {
    // The same target on province 58: 2024 = the 10 responses of 2024, 63.33 (TC1 6/10, CC1 6/9);
    // 2025 = a6, a7, b5, b2, 50; 2026 = unit_ended, with every new commune that 582's and 585's
    // communes went to (22768's two pieces included).
    const [plan] = data.plans;
    const onProvince = { ...plan!, unit_code: '58', targets: plan!.targets.map((t) => ({ ...t, unit_code: '58' })) };
    const rows = computeTargets([onProvince], indices, rankings, [], data.site, data.registers);
    expect(rows.map((t) => [t.period, t.status, t.successor_units])).toEqual([
      ['2024', 'not_met', null],
      ['2025', 'not_met', null],
      ['2026', 'unit_ended', '22738;22741;22780;22810;22813;22888'],
    ]);
    expect(rows[0]?.value).toBeCloseTo((60 + 200 / 3) / 2, 9);
    expect(rows[1]?.value).toBe(50);
  });

  it('leaves successor_units empty when the crosswalk knows no successor', () => {
    const rows = computeTargets(data.plans, indices, rankings, [], data.site, buildRegisters(units, [], []));
    expect(rows.map((t) => [t.period, t.status, t.successor_units])).toEqual([
      ['2024', 'met', null],
      ['2025', 'not_met', null],
      ['2026', 'unit_ended', null],
    ]);
  });
});
