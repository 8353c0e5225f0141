import { describe, expect, it } from 'vitest';
import { targetGapCell, targetIntervalCell, targetStatusCell, targetThresholdCell, valueCell } from '../../src/site/table-cells.ts';
import { cell } from './published-fixture.ts';

describe('valueCell', () => {
  it('prints a suppressed cell as "too few responses" with its n, never as a number', () => {
    expect(valueCell(cell({ period: '2024', unit_code: '588' }, null, 12), 'vi')).toEqual({ text: 'quá ít phản hồi (n = 12)', className: 'suppressed' });
    expect(valueCell(cell({ period: '2024', unit_code: '585' }, 83.94, 540), 'en')).toBe('83.94%');
  });
});

describe('target cells', () => {
  const rank = { indicator: 'rank', comparator: '<=', threshold: 3, gap: 1, ci_low: 2, ci_high: 5, status: 'not_met', certainty: 'uncertain' } as const;
  const index = { indicator: 'overall', comparator: '>', threshold: 90, gap: -5.7, ci_low: 81.2, ci_high: 87.4, status: 'met', certainty: 'clear' } as const;

  it('words thresholds, gaps and intervals in percent, or in ranks for rank targets', () => {
    expect(targetThresholdCell(rank, 'vi')).toBe('nhóm 3 đứng đầu');
    expect(targetThresholdCell(index, 'vi')).toBe('> 90\u00a0%');
    expect(targetGapCell(rank, 'vi')).toBe('+1 hạng');
    expect(targetGapCell(rank, 'en')).toBe('+1 rank');
    expect(targetGapCell(index, 'vi')).toBe('-5,70 điểm %');
    expect(targetIntervalCell(rank, 'en')).toBe('2–5');
    expect(targetIntervalCell(index, 'en')).toBe('81.20%–87.40%');
  });

  it('says status and certainty in words, styled by status', () => {
    expect(targetStatusCell(rank, 'vi')).toEqual({ text: 'Chưa đạt, trong biên sai số', className: 'status-not-met' });
    expect(targetStatusCell(index, 'en')).toEqual({ text: 'Met, clear', className: 'status-met' });
    expect(targetStatusCell({ status: 'too_few', certainty: null }, 'en')).toEqual({ text: 'Too few responses', className: 'suppressed' });
  });
});
