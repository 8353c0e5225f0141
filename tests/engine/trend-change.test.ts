/**
 * Trends on hand-made index cells; the arithmetic is in tests/fixtures/engine-d2/README.md
 * ("Trends"). The SQL (sql/trend-change.sql) and the reference (reference/trend-change.ts) must
 * give the same table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrends } from '../../src/engine/compute-trends.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { changeBetween, methodVersionOn, referenceTrends } from '../../src/engine/reference/trend-change.ts';
import type { IndexRow, TrendRow } from '../../src/engine/tables.ts';
import type { SurveyInstrument } from '../../src/intake/types.ts';

const instrument: SurveyInstrument = {
  id: 'sipas',
  title: { vi: 'SIPAS', en: 'SIPAS' },
  method_versions: [
    { version: '2017', valid_from: '2017-10-10', valid_to: '2022-12-31', note: { vi: '', en: '' } },
    { version: '2023', valid_from: '2023-01-01', valid_to: null, note: { vi: '', en: '' } },
  ],
  legal_basis: [],
  scale: { min: 1, max: 5, labels: [], satisfied: [4, 5] },
  elements: [],
};

function cell(
  period: string,
  value: number | null,
  se: number | null,
  extra: Partial<IndexRow> = {},
): IndexRow {
  return {
    survey: 'sipas',
    period,
    unit_code: '585',
    breakdown: 'all',
    breakdown_value: '*',
    indicator: 'overall',
    level: 'overall',
    n: value === null ? 12 : 400,
    satisfied: null,
    value,
    ci_low: value === null ? null : value - 3,
    ci_high: value === null ? null : value + 3,
    status: value === null ? 'suppressed' : 'ok',
    se,
    unit_valid_from: '2020-01-01',
    basis: 'direct',
    ...extra,
  };
}

const item = { indicator: 'TC1', level: 'item' as const };
const cells: IndexRow[] = [
  cell('2021', 80, 1.5),
  cell('2022', 83.5, 2),
  cell('2023', 88, 1.2),
  cell('2024', 92, 1.6),
  cell('2022-Q4', 81, 3),
  cell('2023-Q1', 85, 3),
  cell('2023-Q4', 70, 3),
  cell('2024-Q1', 64, 4),
  cell('2023-12', 50, 0.6),
  cell('2024-01', 55, 0.8),
  cell('2024-02', null, null),
  cell('2024-03', 58, 1),
  cell('2024-05', 60, 1),
  cell('2023', 90, 1.5, item),
  cell('2024', 84, 2, item),
  cell('2023', 75, 3, { breakdown: 'field', breakdown_value: 'xay-dung' }),
  cell('2024', 70, 3, { breakdown: 'field', breakdown_value: 'dat-dai' }),
  cell('2023', 60, 2, { survey: 'y-te' }),
  cell('2024', 70, 2, { survey: 'y-te' }),
];

let engine: Engine;
let fromSql: TrendRow[];
beforeAll(async () => {
  engine = await openEngine();
  fromSql = computeTrends(engine, cells, instrument);
});
afterAll(() => engine?.close());

const find = (rows: TrendRow[], period: string, indicator = 'overall'): TrendRow | undefined =>
  rows.find((r) => r.period === period && r.indicator === indicator);

describe('change between two periods', () => {
  it('is the difference with SE = √(SE₁² + SE₂²) and a 1.96·SE interval', () => {
    // 83.5 − 80 = 3.5; SE = √(2² + 1.5²) = √6.25 = 2.5; 3.5 ± 4.9 → [−1.4, 8.4], contains 0.
    const c = changeBetween({ value: 83.5, se: 2 }, { value: 80, se: 1.5 });
    expect(c.change).toBeCloseTo(3.5, 12);
    expect(c.change_ci_low).toBeCloseTo(-1.4, 12);
    expect(c.change_ci_high).toBeCloseTo(8.4, 12);
    expect(c.significant).toBe(false);
  });

  it('has no interval without both standard errors, and no change without both values', () => {
    expect(changeBetween({ value: 58, se: null }, { value: 55, se: 0.8 })).toEqual({
      change: 3,
      change_ci_low: null,
      change_ci_high: null,
      significant: null,
    });
    expect(changeBetween({ value: null, se: null }, { value: 55, se: 0.8 }).change).toBeNull();
  });

  it('finds the method version in force on a date', () => {
    expect(methodVersionOn(instrument, '2022-12-31')).toBe('2017');
    expect(methodVersionOn(instrument, '2023-01-01')).toBe('2023');
    expect(methodVersionOn(instrument, '2016-01-01')).toBeNull();
  });
});

describe('computeTrends (SQL) on the fixture', () => {
  it('emits a row only where the previous period of the same kind is present', () => {
    expect(fromSql.map((r) => `${r.indicator} ${r.previous_period}→${r.period}`)).toEqual([
      'overall 2021→2022',
      'overall 2022→2023',
      'overall 2023→2024',
      'overall 2022-Q4→2023-Q1',
      'overall 2023-Q4→2024-Q1',
      'overall 2023-12→2024-01',
      'overall 2024-01→2024-02',
      'overall 2024-02→2024-03',
      'TC1 2023→2024',
    ]);
  });

  it('computes change, interval and significance', () => {
    const y2022 = find(fromSql, '2022');
    expect(y2022?.change).toBeCloseTo(3.5, 12);
    expect(y2022?.change_ci_low).toBeCloseTo(-1.4, 12);
    expect(y2022?.change_ci_high).toBeCloseTo(8.4, 12);
    expect(y2022?.significant).toBe(false);
    // 92 − 88 = 4; SE = √(1.6² + 1.2²) = √4 = 2; 4 ± 3.92 → [0.08, 7.92], excludes 0.
    const y2024 = find(fromSql, '2024');
    expect(y2024?.change).toBeCloseTo(4, 12);
    expect(y2024?.change_ci_low).toBeCloseTo(0.08, 12);
    expect(y2024?.change_ci_high).toBeCloseTo(7.92, 12);
    expect(y2024?.significant).toBe(true);
    // TC1: 84 − 90 = −6; SE = √(2² + 1.5²) = 2.5; −6 ± 4.9 → [−10.9, −1.1], a significant fall.
    const tc1 = find(fromSql, '2024', 'TC1');
    expect(tc1?.change).toBeCloseTo(-6, 12);
    expect(tc1?.change_ci_low).toBeCloseTo(-10.9, 12);
    expect(tc1?.change_ci_high).toBeCloseTo(-1.1, 12);
    expect(tc1?.significant).toBe(true);
  });

  it('wraps quarters and months across the year', () => {
    // 64 − 70 = −6; SE = √(4² + 3²) = 5; −6 ± 9.8 → [−15.8, 3.8].
    const q1 = find(fromSql, '2024-Q1');
    expect(q1?.previous_period).toBe('2023-Q4');
    expect(q1?.change).toBeCloseTo(-6, 12);
    expect(q1?.change_ci_low).toBeCloseTo(-15.8, 12);
    expect(q1?.change_ci_high).toBeCloseTo(3.8, 12);
    expect(q1?.significant).toBe(false);
    // 55 − 50 = 5; SE = √(0.8² + 0.6²) = 1; 5 ± 1.96 → [3.04, 6.96].
    const jan = find(fromSql, '2024-01');
    expect(jan?.previous_period).toBe('2023-12');
    expect(jan?.change).toBeCloseTo(5, 12);
    expect(jan?.change_ci_low).toBeCloseTo(3.04, 12);
    expect(jan?.change_ci_high).toBeCloseTo(6.96, 12);
    expect(jan?.significant).toBe(true);
  });

  it('leaves the change empty across a method break (2022 → 2023, 2022-Q4 → 2023-Q1)', () => {
    for (const period of ['2023', '2023-Q1']) {
      const row = find(fromSql, period);
      expect(row?.method_break).toBe(true);
      expect([row?.change, row?.change_ci_low, row?.change_ci_high, row?.significant]).toEqual([null, null, null, null]);
    }
    expect(find(fromSql, '2023')?.value).toBe(88);
    expect(find(fromSql, '2023')?.previous_value).toBe(83.5);
    expect(find(fromSql, '2024')?.method_break).toBe(false);
    // One unit version, all direct: no boundary break anywhere.
    expect(fromSql.filter((r) => r.boundary_break)).toEqual([]);
  });

  it('gives no change next to a suppressed cell', () => {
    const feb = find(fromSql, '2024-02');
    expect([feb?.value, feb?.previous_value, feb?.change, feb?.significant, feb?.method_break]).toEqual([
      null,
      55,
      null,
      null,
      false,
    ]);
    const mar = find(fromSql, '2024-03');
    expect([mar?.value, mar?.previous_value, mar?.change, mar?.significant]).toEqual([58, null, null, null]);
  });

  it('agrees with the TypeScript reference row for row', () => {
    const fromReference = referenceTrends(cells, instrument);
    expect(fromSql).toEqual(fromReference);
  });
});

describe('units that change (method.md → Units that change)', () => {
  // 22741 is two unit versions: Phường Phước Mỹ (2020-01-01 … 2025-06-30) and Phường Bảo An (from
  // 2025-07-01). The new ward has a back-cast 2024 (pooled from the old communes wholly in it) and a
  // direct 2025 (Jul–Dec); the old ward has direct 2024 and 2025 (Jan–Jun).
  const oldWard = { unit_code: '22741', unit_valid_from: '2020-01-01' } as const;
  const newWard = { unit_code: '22741', unit_valid_from: '2025-07-01' } as const;
  const reorganised: IndexRow[] = [
    cell('2024', 70, 2, oldWard),
    cell('2025', 75, 2, oldWard),
    cell('2024', 80, 2, { ...newWard, basis: 'back-cast' }),
    cell('2025', 85, 2, newWard),
  ];
  let rows: TrendRow[];
  beforeAll(() => {
    rows = computeTrends(engine, reorganised, instrument);
  });
  const of = (validFrom: string) => rows.find((r) => r.unit_valid_from === validFrom);

  it('keeps the two versions of a reused code apart: one row each, none from one to the other', () => {
    expect(rows.map((r) => `${r.unit_code}@${r.unit_valid_from} ${r.basis} ${r.previous_period}→${r.period}`)).toEqual([
      '22741@2020-01-01 direct 2024→2025',
      '22741@2025-07-01 direct 2024→2025',
    ]);
  });

  it('computes the old ward\'s change (no break): 75 − 70 = 5, SE √8, 5 ± 5.5437', () => {
    // SE = √(2² + 2²) = 2.828427; 1.96 · 2.828427 = 5.543717 → [−0.543717, 10.543717]: contains 0.
    const old = of('2020-01-01');
    expect([old?.boundary_break, old?.method_break, old?.significant]).toEqual([false, false, false]);
    expect(old?.change).toBeCloseTo(5, 12);
    expect(old?.change_ci_low).toBeCloseTo(5 - 1.96 * Math.sqrt(8), 12);
    expect(old?.change_ci_low).toBeCloseTo(-0.543717, 6);
    expect(old?.change_ci_high).toBeCloseTo(10.543717, 6);
  });

  it('marks the back-cast 2024 → direct 2025 of the new ward a boundary break, with no change', () => {
    const next = of('2025-07-01');
    expect(next).toMatchObject({ value: 85, previous_value: 80, boundary_break: true, method_break: false, basis: 'direct' });
    expect([next?.change, next?.change_ci_low, next?.change_ci_high, next?.significant]).toEqual([null, null, null, null]);
  });

  it('agrees with the TypeScript reference', () => {
    expect(rows).toEqual(referenceTrends(reorganised, instrument));
  });
});
