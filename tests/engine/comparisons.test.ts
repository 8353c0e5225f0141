/**
 * comparisons.csv on hand-made index cells (method.md → Comparing units): which pairs are
 * compared, and the difference with its interval. The SQL (sql/unit-difference.sql) and the
 * reference (reference/unit-difference.ts) must give the same table. Every expected number is
 * worked out by hand next to its assertion:
 *   difference = I_a − I_b,  SE = √(SE_a² + SE_b²),  interval = difference ± 1.96 · SE,
 *   significant when the interval excludes 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeComparisons, referenceComparisons } from '../../src/engine/compute-comparisons.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { differenceBetween } from '../../src/engine/reference/unit-difference.ts';
import { ENGINE_SITE } from './engine-site.ts';
import type { ComparisonRow, IndexRow } from '../../src/engine/tables.ts';
import type { SurveyInstrument, Unit, UnitLevel } from '../../src/intake/types.ts';

const instrument: SurveyInstrument = {
  id: 'sipas',
  title: { vi: 'SIPAS', en: 'SIPAS' },
  method_versions: [],
  legal_basis: [],
  scale: { min: 1, max: 5, labels: [], satisfied: [4, 5] },
  elements: [{ code: 'TC', name_vi: 'Tiếp cận', name_en: 'Access', items: [] }],
};

const unit = (code: string, level: UnitLevel, parent: string | null, from: string, to: string | null): Unit => ({
  code, name_vi: code, name_en: code, level, parent_code: parent, valid_from: from, valid_to: to,
});
const NEW = '2025-07-01';
const units: Unit[] = [
  unit('58', 'province', null, '2020-01-01', '2025-06-30'),
  unit('584', 'district', '58', '2020-01-01', '2025-06-30'),
  unit('585', 'district', '58', '2020-01-01', '2025-06-30'),
  unit('586', 'district', '58', '2020-01-01', '2025-06-30'),
  // A commune below a district: never in a group of its own province.
  unit('22738', 'commune', '584', '2020-01-01', '2025-06-30'),
  unit('56', 'province', null, NEW, null),
  unit('22750', 'commune', '56', NEW, null),
  unit('22741', 'commune', '56', NEW, null),
];

function cell(period: string, unit_code: string, indicator: string, value: number | null, se: number | null, extra: Partial<IndexRow> = {}): IndexRow {
  return {
    survey: 'sipas',
    period,
    unit_code,
    breakdown: 'all',
    breakdown_value: '*',
    indicator,
    level: indicator === 'overall' ? 'overall' : indicator.length === 2 ? 'element' : 'item',
    n: value === null ? 12 : 400,
    satisfied: null,
    value,
    ci_low: value === null ? null : value - 3,
    ci_high: value === null ? null : value + 3,
    status: value === null ? 'suppressed' : 'ok',
    se,
    unit_valid_from: unit_code.length === 5 && period >= '2025' ? NEW : '2020-01-01',
    basis: 'direct',
    ...extra,
  };
}

const cells: IndexRow[] = [
  cell('2024', '585', 'overall', 84, 2),
  cell('2024', '584', 'overall', 80, 1.5),
  cell('2024', '586', 'overall', 74, 2),
  cell('2024', '584', 'TC', 70, 3),
  cell('2024', '585', 'TC', null, null), // suppressed (n = 12)
  // 586 has no TC cell at all: no TC row for its pairs.
  cell('2024', '22738', 'overall', 50, 2), // below a district: not compared
  cell('2024', '584', 'TC1', 71, 3), // an item: not compared
  cell('2024', '585', 'TC1', 60, 3),
  cell('2024', '584', 'overall', 90, 3, { breakdown: 'field', breakdown_value: 'dat-dai' }), // a breakdown: not compared
  cell('2024', '585', 'overall', 70, 3, { breakdown: 'field', breakdown_value: 'dat-dai' }),
  cell('2024-Q1', '584', 'overall', 81, 2), // a quarter: not compared
  cell('2024-Q1', '585', 'overall', 83, 2),
  cell('2024', '22741', 'overall', 66, 3, { unit_valid_from: NEW, basis: 'back-cast' }), // a back-cast: not compared
  cell('2024', '22750', 'overall', 61, 3, { unit_valid_from: NEW, basis: 'back-cast' }),
  cell('2024', '584', 'overall', 60, 2, { survey: 'y-te' }), // another survey
  cell('2024', '585', 'overall', 70, 2, { survey: 'y-te' }),
  // 2025: the districts over January–June, the new communes over July–December.
  cell('2025', '584', 'overall', 82, 1.2),
  cell('2025', '585', 'overall', 79, 1.6),
  cell('2025', '22750', 'overall', 60, 3),
  cell('2025', '22741', 'overall', 68, 4),
];

let engine: Engine;
let fromSql: ComparisonRow[];
beforeAll(async () => {
  engine = await openEngine();
  fromSql = computeComparisons(engine, cells, { instrument, units, rankings: ENGINE_SITE.rankings });
});
afterAll(() => engine?.close());

const find = (rows: ComparisonRow[], period: string, a: string, b: string, indicator = 'overall') =>
  rows.find((r) => r.period === period && r.unit_a === a && r.unit_b === b && r.indicator === indicator);

describe('difference between two units', () => {
  it('is value_a − value_b with SE = √(SE_a² + SE_b²) and a 1.96·SE interval', () => {
    // 80 − 84 = −4; SE = √(1.5² + 2²) = √6.25 = 2.5; −4 ± 4.9 → [−8.9, 0.9], contains 0.
    const d = differenceBetween(cell('2024', '584', 'overall', 80, 1.5), cell('2024', '585', 'overall', 84, 2));
    expect(d.difference).toBeCloseTo(-4, 12);
    expect(d.diff_ci_low).toBeCloseTo(-8.9, 12);
    expect(d.diff_ci_high).toBeCloseTo(0.9, 12);
    expect(d.significant).toBe(false);
  });

  it('gives no difference for a suppressed cell, but keeps the other value', () => {
    expect(differenceBetween(cell('2024', '584', 'TC', 70, 3), cell('2024', '585', 'TC', null, null))).toEqual({
      value_a: 70, value_b: null, difference: null, diff_ci_low: null, diff_ci_high: null, significant: null,
    });
  });
});

describe('computeComparisons (SQL) on the fixture', () => {
  it('pairs the units ranked together, a before b by code, overall then elements', () => {
    expect(fromSql.map((r) => `${r.period} ${r.unit_a}@${r.unit_a_valid_from}–${r.unit_b}@${r.unit_b_valid_from} ${r.indicator}`)).toEqual([
      '2024 584@2020-01-01–585@2020-01-01 overall',
      '2024 584@2020-01-01–585@2020-01-01 TC',
      '2024 584@2020-01-01–586@2020-01-01 overall',
      '2024 585@2020-01-01–586@2020-01-01 overall',
      // Codes compare as text: "22741" < "584". Each 2025 group is paired within itself only.
      '2025 22741@2025-07-01–22750@2025-07-01 overall',
      '2025 584@2020-01-01–585@2020-01-01 overall',
    ]);
    expect(fromSql.every((r) => r.survey === 'sipas')).toBe(true);
  });

  it('computes a non-significant difference', () => {
    // 584 − 585 = 80 − 84 = −4; SE = √(1.5² + 2²) = 2.5; −4 ± 4.9 → [−8.9, 0.9], contains 0.
    const r = find(fromSql, '2024', '584', '585');
    expect([r?.value_a, r?.value_b]).toEqual([80, 84]);
    expect(r?.difference).toBeCloseTo(-4, 12);
    expect(r?.diff_ci_low).toBeCloseTo(-8.9, 12);
    expect(r?.diff_ci_high).toBeCloseTo(0.9, 12);
    expect(r?.significant).toBe(false);
  });

  it('computes significant differences, either way round', () => {
    // 584 − 586 = 80 − 74 = 6; SE = √(1.5² + 2²) = 2.5; 6 ± 4.9 → [1.1, 10.9], excludes 0.
    const up = find(fromSql, '2024', '584', '586');
    expect(up?.difference).toBeCloseTo(6, 12);
    expect(up?.diff_ci_low).toBeCloseTo(1.1, 12);
    expect(up?.diff_ci_high).toBeCloseTo(10.9, 12);
    expect(up?.significant).toBe(true);
    // 585 − 586 = 84 − 74 = 10; SE = √(2² + 2²) = √8 = 2.8284271247; 1.96 · 2.8284271247 = 5.5437171645;
    // 10 ± 5.5437171645 → [4.4562828355, 15.5437171645].
    const wide = find(fromSql, '2024', '585', '586');
    expect(wide?.difference).toBeCloseTo(10, 12);
    expect(wide?.diff_ci_low).toBeCloseTo(4.4562828355, 9);
    expect(wide?.diff_ci_high).toBeCloseTo(15.5437171645, 9);
    expect(wide?.significant).toBe(true);
  });

  it('keeps the row of a suppressed cell with its numbers empty', () => {
    // 585's TC has n = 12 (suppressed): 584's value is shown, nothing else.
    expect(find(fromSql, '2024', '584', '585', 'TC')).toMatchObject({
      value_a: 70, value_b: null, difference: null, diff_ci_low: null, diff_ci_high: null, significant: null,
    });
  });

  it('compares the part-year groups of 2025 each within itself', () => {
    // 584 − 585 = 82 − 79 = 3; SE = √(1.2² + 1.6²) = √4 = 2; 3 ± 3.92 → [−0.92, 6.92], contains 0.
    const districts = find(fromSql, '2025', '584', '585');
    expect(districts?.difference).toBeCloseTo(3, 12);
    expect(districts?.diff_ci_low).toBeCloseTo(-0.92, 12);
    expect(districts?.diff_ci_high).toBeCloseTo(6.92, 12);
    expect(districts?.significant).toBe(false);
    // 22741 − 22750 = 68 − 60 = 8; SE = √(4² + 3²) = 5; 8 ± 9.8 → [−1.8, 17.8], contains 0.
    const communes = find(fromSql, '2025', '22741', '22750');
    expect(communes?.difference).toBeCloseTo(8, 12);
    expect(communes?.diff_ci_low).toBeCloseTo(-1.8, 12);
    expect(communes?.diff_ci_high).toBeCloseTo(17.8, 12);
    expect(communes?.significant).toBe(false);
  });

  it('agrees with the reference formulas row for row', () => {
    const reference = referenceComparisons(cells, { instrument, units, rankings: ENGINE_SITE.rankings });
    expect(fromSql.length).toBe(reference.length);
    fromSql.forEach((row, i) => {
      const ref = reference[i] as ComparisonRow;
      expect({ ...row, difference: null, diff_ci_low: null, diff_ci_high: null }).toEqual({ ...ref, difference: null, diff_ci_low: null, diff_ci_high: null });
      for (const key of ['difference', 'diff_ci_low', 'diff_ci_high'] as const) {
        if (ref[key] === null) expect(row[key]).toBeNull();
        else expect(row[key]).toBeCloseTo(ref[key], 12);
      }
    });
  });
});
