import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/sample/apportion.ts';

describe('apportion (largest remainder)', () => {
  it('gives the leftover to the largest remainders, ties to the earlier entry', () => {
    // 10 over (1, 1, 1): quotas 3.33 each → floors (3, 3, 3) = 9, one left → the first.
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 7 over (0.5, 0.3, 0.2): quotas 3.5, 2.1, 1.4 → floors (3, 2, 1) = 6; largest remainder 0.5.
    expect(apportion(7, [0.5, 0.3, 0.2])).toEqual([4, 2, 1]);
    // 6000 over (1.15, 1): quotas 6000 · 1.15 / 2.15 = 3209.30…, 2790.69… → (3209, 2791).
    expect(apportion(6000, [1.15, 1])).toEqual([3209, 2791]);
  });

  it('gives nothing to zero weights and always adds up to the total', () => {
    expect(apportion(5, [0, 2, 0, 3])).toEqual([0, 2, 0, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    const parts = apportion(24000, [1.15, 0.85, 1, 1, 1.05, 0.9, 0.95]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(24000);
  });
});
