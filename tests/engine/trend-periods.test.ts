import { describe, expect, it } from 'vitest';
import { periodBounds, periodKind, previousPeriod } from '../../src/engine/reference/period-calendar.ts';

describe('period calendar', () => {
  it('names the period of the same kind just before, wrapping the year', () => {
    expect(previousPeriod('2024')).toBe('2023');
    expect(previousPeriod('2024-Q1')).toBe('2023-Q4');
    expect(previousPeriod('2024-Q3')).toBe('2024-Q2');
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-03')).toBe('2024-02');
    expect(previousPeriod('2024-10')).toBe('2024-09');
  });

  it('gives first and last day, leap February included', () => {
    expect(periodBounds('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodBounds('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds('2023-Q4')).toEqual({ start: '2023-10-01', end: '2023-12-31' });
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodBounds('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(periodBounds('2024-06')).toEqual({ start: '2024-06-01', end: '2024-06-30' });
  });

  it('knows the kind and refuses labels it cannot read', () => {
    expect(periodKind('2024')).toBe('year');
    expect(periodKind('2024-Q2')).toBe('quarter');
    expect(periodKind('2024-12')).toBe('month');
    expect(() => periodKind('2024-13')).toThrow(/invalid period "2024-13"/);
    expect(() => periodKind('Q1-2024')).toThrow(/invalid period/);
  });
});
