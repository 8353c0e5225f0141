import { describe, expect, it } from 'vitest';
import { estimateTextWidth, marginFor, wrapWords } from '../../src/charts/text-layout.ts';
import { percentDomain } from '../../src/charts/percent-domain.ts';
import { periodPosition, periodTickLabel, periodTicks } from '../../src/charts/period-scale.ts';

describe('wrapWords', () => {
  it('wraps greedily at word boundaries', () => {
    // "Công chức trực tiếp giải" is 24 characters; adding " quyết" would make 30 > 28.
    expect(wrapWords('Công chức trực tiếp giải quyết công việc', 28)).toEqual(['Công chức trực tiếp giải', 'quyết công việc']);
    expect(wrapWords('Đất đai', 28)).toEqual(['Đất đai']);
  });
  it('cuts after maxLines with an ellipsis', () => {
    expect(wrapWords('một hai ba bốn năm', 7, 2)).toEqual(['một hai', 'ba bốn…']);
  });
});

describe('estimateTextWidth and marginFor', () => {
  it('counts characters of the widest line (0.56 em each, 0.62 em bold)', () => {
    // 10 characters × 12 px × 0.56 = 67.2
    expect(estimateTextWidth('0123456789\nabc', 12)).toBeCloseTo(67.2, 10);
    expect(estimateTextWidth('0123456789', 10, true)).toBeCloseTo(62, 10);
  });
  it('adds 20 px of padding and stays within bounds', () => {
    // 67.2 + 20 = 87.2 → 87
    expect(marginFor(['0123456789'], 12, 40, 200)).toBe(87);
    expect(marginFor(['x'], 12, 40, 200)).toBe(40);
    expect(marginFor(['x'.repeat(100)], 12, 40, 200)).toBe(200);
  });
});

describe('percentDomain', () => {
  it('pads the data to multiples of 5 within 0–100', () => {
    // min 76.7 − 1 = 75.7 → 75; max 87.1 + 1 = 88.1 → 90
    expect(percentDomain([80.1, 76.7, 87.1, null])).toEqual([75, 90]);
    // 99.5 + 1 = 100.5 → 105, capped at 100
    expect(percentDomain([96, 99.5])).toEqual([95, 100]);
    expect(percentDomain([])).toEqual([0, 100]);
  });
});

describe('period scale', () => {
  it('puts consecutive periods of each kind 1 apart', () => {
    expect(periodPosition('2024')).toBe(2024);
    // 2024 × 4 + 0 = 8096; the quarter before it is 2023 × 4 + 3 = 8095
    expect(periodPosition('2024-Q1')).toBe(8096);
    expect(periodPosition('2023-Q4')).toBe(8095);
    // 2024 × 12 + 2 = 24290
    expect(periodPosition('2024-03')).toBe(24290);
  });
  it('labels ticks on two lines for quarters and months', () => {
    expect(periodTickLabel(8096, 'quarter', 'vi')).toBe('Q1\n2024');
    expect(periodTickLabel(24290, 'month', 'vi')).toBe('T3\n2024');
    expect(periodTickLabel(24290, 'month', 'en')).toBe('Mar\n2024');
    expect(periodTickLabel(2024, 'year', 'en')).toBe('2024');
  });
  it('thins ticks to calendar strides when there are more than 12', () => {
    expect(periodTicks(2019, 2024, 'year')).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    // 36 months of 2022–2024: stride 3 gives 12 ticks, at January, April, July, October.
    const months = periodTicks(2022 * 12, 2024 * 12 + 11, 'month');
    expect(months.length).toBe(12);
    expect(months.map((p) => periodTickLabel(p, 'month', 'en').split('\n')[0]).slice(0, 4)).toEqual(['Jan', 'Apr', 'Jul', 'Oct']);
  });
});
