import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatInterval,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPoints,
  formatProbability,
  parsePeriod,
} from '../../src/site/format.ts';

describe('formatPercent (values on the 0–100 scale)', () => {
  it('uses the decimal comma and a no-break space before % in Vietnamese, the point and no space in English', () => {
    expect(formatPercent(83.94, 'vi')).toBe('83,94\u00a0%');
    expect(formatPercent(83.94, 'en')).toBe('83.94%');
  });
  it('always prints the requested decimals', () => {
    expect(formatPercent(90, 'vi')).toBe('90,00\u00a0%');
    expect(formatPercent(90, 'en', 0)).toBe('90%');
    // 83.96 to 1 decimal: 83.96 → 84.0 (rounds up at the second decimal 6).
    expect(formatPercent(83.96, 'vi', 1)).toBe('84,0\u00a0%');
  });
  it('prints a missing value as an em dash, never as 0', () => {
    expect(formatPercent(null, 'vi')).toBe('—');
    expect(formatPercent(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234, 'vi')).toBe('1.234');
  });
  it('rounds to the requested decimals', () => {
    expect(formatNumber(1234.56, 'vi', 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(512, 'vi')).toBe('512');
  });
});

describe('formatPoints (changes in percentage points)', () => {
  it('is signed, with the unit of each language', () => {
    expect(formatPoints(1.25, 'vi')).toBe('+1,25 điểm %');
    expect(formatPoints(-0.5, 'en')).toBe('-0.50 pp');
    expect(formatPoints(0, 'en')).toBe('0.00 pp');
  });
});

describe('formatProbability (fractions 0–1)', () => {
  it('prints whole percents', () => {
    expect(formatProbability(0.71, 'vi')).toBe('71\u00a0%');
    expect(formatProbability(0.714, 'en')).toBe('71%');
    expect(formatProbability(0, 'vi')).toBe('0\u00a0%');
    expect(formatProbability(1, 'vi')).toBe('100\u00a0%');
  });
  it('never rounds an uncertain value to 0 % or 100 %', () => {
    expect(formatProbability(0.004, 'vi')).toBe('<1\u00a0%');
    expect(formatProbability(0.996, 'en')).toBe('>99%');
  });
  it('prints a missing probability as an em dash', () => {
    expect(formatProbability(null, 'en')).toBe('—');
  });
});

describe('formatInterval', () => {
  it('joins two percentages with an en dash', () => {
    expect(formatInterval(81.2, 86.1, 'vi')).toBe('81,20\u00a0%–86,10\u00a0%');
    expect(formatInterval(81.2, 86.1, 'en')).toBe('81.20%–86.10%');
  });
  it('prints plain numbers for ranks, and equal bounds once', () => {
    expect(formatInterval(2, 4, 'vi', { unit: 'plain' })).toBe('2–4');
    expect(formatInterval(3, 3, 'en', { unit: 'plain' })).toBe('3');
  });
  it('prints a missing interval as an em dash', () => {
    expect(formatInterval(null, 86.1, 'vi')).toBe('—');
  });
});

describe('formatDate', () => {
  it('is dd/mm/yyyy in Vietnamese and day month-name year in English', () => {
    expect(formatDate('2024-02-27', 'vi')).toBe('27/02/2024');
    expect(formatDate('2024-02-27', 'en')).toBe('27 Feb 2024');
    expect(formatDate('2025-07-01', 'vi')).toBe('01/07/2025');
    expect(formatDate('2025-09-05', 'en')).toBe('5 Sep 2025');
  });
  it('refuses a string that is not a real ISO date', () => {
    expect(() => formatDate('27/02/2024', 'vi')).toThrow('"27/02/2024" is not a date written YYYY-MM-DD');
    expect(() => formatDate('2024-02-30', 'en')).toThrow('is not a date');
  });
});

describe('formatPeriod', () => {
  it('spells years, quarters and months in each language', () => {
    expect(formatPeriod('2024', 'vi')).toBe('2024');
    expect(formatPeriod('2024-Q1', 'vi')).toBe('Quý 1/2024');
    expect(formatPeriod('2024-Q1', 'en')).toBe('Q1 2024');
    expect(formatPeriod('2024-03', 'vi')).toBe('Tháng 3/2024');
    expect(formatPeriod('2024-03', 'en')).toBe('Mar 2024');
    expect(formatPeriod('2023-12', 'en')).toBe('Dec 2023');
  });
  it('parses the three kinds and refuses others', () => {
    expect(parsePeriod('2024-Q4')).toEqual({ kind: 'quarter', year: 2024, quarter: 4 });
    expect(parsePeriod('2024-10')).toEqual({ kind: 'month', year: 2024, month: 10 });
    expect(() => parsePeriod('2024-13')).toThrow('"2024-13" is not a period');
    expect(() => parsePeriod('2024-Q5')).toThrow('is not a period');
  });
});

describe('formatBytes (decimal units)', () => {
  it('prints bytes below 1000 as B, then kB, MB with one decimal', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    // 12 345 / 1000 = 12.345 → 12.3
    expect(formatBytes(12345, 'vi')).toBe('12,3 kB');
    expect(formatBytes(12345, 'en')).toBe('12.3 kB');
    // 1 500 000 / 1000 / 1000 = 1.5
    expect(formatBytes(1_500_000, 'vi')).toBe('1,5 MB');
    // 999 960 / 1000 = 999.96 would print "1000,0 kB": it moves up to 1,0 MB.
    expect(formatBytes(999_960, 'vi')).toBe('1,0 MB');
  });
});
