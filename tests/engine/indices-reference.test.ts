// The TypeScript reference formulas against numbers worked out by hand
// (tests/fixtures/engine/README.md, "Cell 1" unless said otherwise).
import { describe, expect, it } from 'vitest';
import { elementIndex } from '../../src/engine/reference/element-index.ts';
import { itemIndex } from '../../src/engine/reference/item-index.ts';
import { overallIndex } from '../../src/engine/reference/overall-index.ts';
import { taylorInterval, taylorVariance } from '../../src/engine/reference/taylor-variance.ts';
import { wilsonInterval } from '../../src/engine/reference/wilson.ts';

// Cell 1 of the README: r1–r5 × A1 A2 A3 B1 B2, true = satisfied (4 or 5), null = not answered.
const cell1: (boolean | null)[][] = [
  [true, true, false, true, true],
  [false, null, true, false, null],
  [true, true, null, null, null],
  [false, false, false, true, true],
  [null, true, true, false, true],
];
const columns = (rows: (boolean | null)[][], picks: number[]) => rows.map((row) => picks.map((c) => row[c] ?? null));

describe('item index', () => {
  it('is 100 · S / N, undefined without answers', () => {
    expect(itemIndex(2, 4)).toBe(50);
    expect(itemIndex(3, 4)).toBe(75);
    expect(itemIndex(2, 3)).toBeCloseTo(66.6667, 4);
    expect(itemIndex(0, 0)).toBeNull();
  });
});

describe('Wilson interval', () => {
  it('A1: S = 2 of N = 4 → [15.0036, 84.9964]', () => {
    const interval = wilsonInterval(2, 4)!;
    expect(interval.low).toBeCloseTo(15.0036, 4);
    expect(interval.high).toBeCloseTo(84.9964, 4);
  });
  it('A2: S = 3 of N = 4 → [30.0636, 95.4414]', () => {
    const interval = wilsonInterval(3, 4)!;
    expect(interval.low).toBeCloseTo(30.0636, 4);
    expect(interval.high).toBeCloseTo(95.4414, 4);
  });
  it('S = N = 3 → upper bound 100, lower 3 / 6.8416 = 43.8494', () => {
    const interval = wilsonInterval(3, 3)!;
    expect(interval.high).toBeCloseTo(100, 10);
    expect(interval.low).toBeCloseTo(43.8494, 4);
  });
  it('is defined for one answer and undefined for none', () => {
    const interval = wilsonInterval(1, 1)!;
    expect(interval.low).toBeCloseTo(20.6543, 4);
    expect(interval.high).toBeCloseTo(100, 10);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('element and overall index', () => {
  it('element = mean of the item indices that have answers', () => {
    expect(elementIndex([50, 75, 50])).toBeCloseTo(175 / 3, 12);
    expect(elementIndex([100, 50, null])).toBe(75); // Cell 2: A3 unanswered is skipped, not 0
    expect(elementIndex([null, null])).toBeNull();
  });
  it('overall = weighted mean of elements with data', () => {
    expect(overallIndex([175 / 3, 75])).toBeCloseTo(200 / 3, 12);
    expect(overallIndex([60, null, 80])).toBe(70);
    expect(overallIndex([60, 90], [1, 2])).toBe(80); // (60 + 2 · 90) / 3
    expect(overallIndex([null, null])).toBeNull();
  });
});

describe('Taylor linearisation variance', () => {
  it('element A: Var = 5/4 · 4.25/144, interval [20.6869, 95.9798]', () => {
    const { n, variance } = taylorVariance(columns(cell1, [0, 1, 2]), [1 / 3, 1 / 3, 1 / 3]);
    expect(n).toBe(5);
    expect(variance).toBeCloseTo(5.3125 / 144, 14);
    const interval = taylorInterval(175 / 300, variance!);
    expect(interval.low).toBeCloseTo(20.6869, 4);
    expect(interval.high).toBeCloseTo(95.9798, 4);
  });
  it('element B: n = 4 (r3 answered no B item), Var = 1/48, interval clipped at 100', () => {
    const { n, variance } = taylorVariance(columns(cell1, [3, 4]), [1 / 2, 1 / 2]);
    expect(n).toBe(4);
    expect(variance).toBeCloseTo(1 / 48, 14);
    const interval = taylorInterval(0.75, variance!);
    expect(interval.low).toBeCloseTo(46.7098, 4);
    expect(interval.high).toBe(100);
  });
  it('overall: w_c = 1/(E · |e|), Var = 5/4 · 50/9216', () => {
    const { n, variance } = taylorVariance(cell1, [1 / 6, 1 / 6, 1 / 6, 1 / 4, 1 / 4]);
    expect(n).toBe(5);
    expect(variance).toBeCloseTo(62.5 / 9216, 14);
    expect(100 * Math.sqrt(variance!)).toBeCloseTo(8.2351, 4);
  });
  it('one item with no missing answers gives p(1 − p)/(n − 1)', () => {
    // 3 of 4 satisfied: p = 0.75, z_r = (y − 0.75)/4 → Σ z² = (3 · 0.0625 + 0.5625)/16 = 0.046875,
    // Var = 4/3 · 0.046875 = 0.0625 = 0.75 · 0.25 / 3.
    const { variance } = taylorVariance([[true], [true], [true], [false]], [1]);
    expect(variance).toBeCloseTo((0.75 * 0.25) / 3, 15);
    // And for any p: 7 of 10 satisfied.
    const ten = Array.from({ length: 10 }, (_, r) => [r < 7]);
    expect(taylorVariance(ten, [1]).variance).toBeCloseTo((0.7 * 0.3) / 9, 15);
  });
  it('all satisfied: variance 0, interval [100, 100]', () => {
    const { variance } = taylorVariance([[true, true], [true, true]], [0.5, 0.5]);
    expect(variance).toBe(0);
    expect(taylorInterval(1, variance!)).toEqual({ low: 100, high: 100 });
  });
  it('one respondent: variance undefined', () => {
    expect(taylorVariance([[true, null, false]], [1 / 2, 0, 1 / 2])).toEqual({ n: 1, variance: null });
  });
});
