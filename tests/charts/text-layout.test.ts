import { describe, expect, it } from 'vitest';
import { anchorWithin, charsPerLine, estimateTextWidth, keepTogether, marginFor, wrapWords } from '../../src/charts/text-layout.ts';
import { percentDomain } from '../../src/charts/percent-domain.ts';
import { periodPosition, periodTickLabel, periodTicks } from '../../src/charts/period-scale.ts';

describe('wrapWords', () => {
  it('wraps greedily at word boundaries', () => {
    // "Công chức trực tiếp giải" is 24 characters; adding " quyết" would make 30 > 28.
    expect(wrapWords('Công chức trực tiếp giải quyết công việc', 28)).toEqual(['Công chức trực tiếp giải', 'quyết công việc']);
    expect(wrapWords('Đất đai', 28)).toEqual(['Đất đai']);
  });
  it('never cuts: a long text takes as many lines as it needs, every word kept', () => {
    expect(wrapWords('một hai ba bốn năm', 7)).toEqual(['một hai', 'ba bốn', 'năm']);
  });
  it('keeps "n = 86" together when its spaces are no-break', () => {
    expect(wrapWords(`Lao động — ${keepTogether('n = 86')}`, 12)).toEqual(['Lao động —', 'n\u00a0=\u00a086']);
  });
});

describe('estimateTextWidth and marginFor', () => {
  it('counts characters of the widest line (0.6 em each, 0.68 em bold)', () => {
    // 10 characters × 12 px × 0.6 = 72
    expect(estimateTextWidth('0123456789\nabc', 12)).toBeCloseTo(72, 10);
    expect(estimateTextWidth('0123456789', 10, true)).toBeCloseTo(68, 10);
  });
  it('adds 20 px of padding and stays within bounds', () => {
    // 72 + 20 = 92
    expect(marginFor(['0123456789'], 12, 40, 200)).toBe(92);
    expect(marginFor(['x'], 12, 40, 200)).toBe(40);
    expect(marginFor(['x'.repeat(100)], 12, 40, 200)).toBe(200);
  });
});

describe('charsPerLine and anchorWithin', () => {
  it('fits whole characters in a width, at least 8', () => {
    // 320 / (12 × 0.6) = 44.4 → 44; bold 320 / 8.16 = 39.2 → 39
    expect(charsPerLine(320, 12)).toBe(44);
    expect(charsPerLine(320, 12, true)).toBe(39);
    expect(charsPerLine(10, 12)).toBe(8);
  });
  it('anchors a label so that it stays inside the frame', () => {
    // A 100 px label in a 300 px frame: centred from x = 50 to 250, else pushed inwards.
    expect(anchorWithin(150, 100, 300)).toBe('middle');
    expect(anchorWithin(40, 100, 300)).toBe('start');
    expect(anchorWithin(260, 100, 300)).toBe('end');
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
