import { describe, expect, it } from 'vitest';
import { daysInMonth, readDate, readIsoDate, validityText } from '../../src/intake/dates.ts';

describe('readDate', () => {
  it('reads ISO and day-first dates to ISO', () => {
    expect(readDate('2024-03-05')).toEqual({ iso: '2024-03-05' });
    expect(readDate('05/03/2024')).toEqual({ iso: '2024-03-05' });
    expect(readDate('5/3/2024')).toEqual({ iso: '2024-03-05' });
    expect(readDate('29/02/2024')).toEqual({ iso: '2024-02-29' });
  });

  it('says why a text is not a date', () => {
    expect(readDate('31/02/2024')).toEqual({ problem: "'31/02/2024' does not exist (month 2 of 2024 has 29 days)" });
    expect(readDate('2023-02-29')).toEqual({ problem: "'2023-02-29' does not exist (month 2 of 2023 has 28 days)" });
    expect(readDate('2024-13-01')).toEqual({ problem: "'2024-13-01' has no month 13" });
    expect(readDate('2024/03/05')).toEqual({ problem: "'2024/03/05' is not a date in the form YYYY-MM-DD or DD/MM/YYYY" });
    expect(readDate('05-03-2024')).toEqual({ problem: "'05-03-2024' is not a date in the form YYYY-MM-DD or DD/MM/YYYY" });
  });

  it('knows leap years: every 4th, not every 100th, every 400th', () => {
    expect([2024, 2023, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
  });

  it('readIsoDate accepts only the ISO form', () => {
    expect(readIsoDate('2025-07-01')).toBe('2025-07-01');
    expect(readIsoDate('01/07/2025')).toBeNull();
    expect(readIsoDate('2025-02-30')).toBeNull();
  });

  it('writes validity ranges', () => {
    expect(validityText('2020-01-01', '2025-06-30')).toBe('2020-01-01…2025-06-30');
    expect(validityText('2025-07-01', null)).toBe('from 2025-07-01');
  });
});
