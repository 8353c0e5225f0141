// The funnel plot's formulas (src/engine/reference/funnel-limits.ts, method.md → Comparing units)
// against numbers worked out by hand; the working is in the comments.
import { describe, expect, it } from 'vitest';
import { designEffect, funnelClass, funnelLimits, Z_95, Z_998 } from '../../src/engine/reference/funnel-limits.ts';

/** Φ(z) by Simpson's rule on the normal density from 0 to z (2 000 panels: error far below 1e-9). */
function normalCdf(z: number): number {
  const steps = 2000;
  const h = z / steps;
  const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(0) + density(z);
  for (let i = 1; i < steps; i++) sum += density(i * h) * (i % 2 === 1 ? 4 : 2);
  return 0.5 + (sum * h) / 3;
}

describe('the two z values', () => {
  it('Z_998 = 3.09 leaves 0.1 % in each tail (two-sided 99.8 %), as Z_95 = 1.96 leaves 2.5 %', () => {
    // Φ⁻¹(0.999) = 3.0902323…; rounding to 3.09 moves the tail by less than 1e-6.
    expect(Z_998).toBe(3.09);
    expect(1 - normalCdf(Z_998)).toBeCloseTo(0.001, 5);
    expect(1 - normalCdf(Z_95)).toBeCloseTo(0.025, 4);
    // The unrounded quantile: Φ(3.0902323) = 0.999 to 8 decimals, so the check above can fail.
    expect(normalCdf(3.0902323)).toBeCloseTo(0.999, 8);
    expect(normalCdf(3.0)).not.toBeCloseTo(0.999, 5);
  });
});

describe('design effect of the overall index at province level', () => {
  it('value 80, se 2, n 100: Var_taylor = 0.02² = 0.0004, Var_binomial = 0.8 · 0.2 / 100 = 0.0016 → 0.25', () => {
    expect(designEffect({ value: 80, se: 2, n: 100 })).toBeCloseTo(0.25, 12);
  });

  it('value 90, se 3, n 200: 0.03² = 0.0009 over 0.9 · 0.1 / 200 = 0.00045 → 2', () => {
    expect(designEffect({ value: 90, se: 3, n: 200 })).toBeCloseTo(2, 12);
  });

  it('is not floored at 1: SIPAS 2024, value 89.82, se 0.20, n 5 988 → 0.000004 / 0.0000152700 = 0.26195', () => {
    // Var_binomial = 0.8982 · 0.1018 / 5988 = 0.09143676 / 5988 = 1.52700e-5; (0.20 / 100)² = 4e-6.
    expect(designEffect({ value: 89.82, se: 0.2, n: 5988 })).toBeCloseTo(0.26195, 5);
  });

  it('is undefined for p₀ = 0 or 1, n < 2, or a cell without value or se', () => {
    expect(designEffect({ value: 0, se: 0, n: 100 })).toBeNull();
    expect(designEffect({ value: 100, se: 0, n: 100 })).toBeNull();
    expect(designEffect({ value: 80, se: 2, n: 1 })).toBeNull();
    expect(designEffect({ value: null, se: null, n: 12 })).toBeNull();
    expect(designEffect({ value: 80, se: null, n: 100 })).toBeNull();
  });
});

describe('funnel limits at n', () => {
  it('p₀ = 0.85, deff = 1.5, n = 100', () => {
    // √(1.5 · 0.85 · 0.15 / 100) = √0.0019125 = 0.0437321
    // 95 %:   1.96 · 0.0437321 = 0.0857150 → [76.4285, 93.5715]
    // 99.8 %: 3.09 · 0.0437321 = 0.1351323 → [71.4868, 98.5132]
    const l95 = funnelLimits(0.85, 1.5, 100, Z_95)!;
    const l998 = funnelLimits(0.85, 1.5, 100, Z_998)!;
    expect(l95.low).toBeCloseTo(76.4285, 4);
    expect(l95.high).toBeCloseTo(93.5715, 4);
    expect(l998.low).toBeCloseTo(71.4868, 4);
    expect(l998.high).toBeCloseTo(98.5132, 4);
  });

  it('p₀ = 0.8, deff = 0.25, n = 64: √(0.25 · 0.16 / 64) = 0.025', () => {
    // 95 %: ± 1.96 · 0.025 = 0.049 → [75.1, 84.9]; 99.8 %: ± 3.09 · 0.025 = 0.07725 → [72.275, 87.725]
    expect(funnelLimits(0.8, 0.25, 64, Z_95)).toEqual({ low: expect.closeTo(75.1, 10), high: expect.closeTo(84.9, 10) });
    expect(funnelLimits(0.8, 0.25, 64, Z_998)).toEqual({ low: expect.closeTo(72.275, 10), high: expect.closeTo(87.725, 10) });
  });

  it('narrows as 1/√n: four times the respondents, half the width', () => {
    // n = 256: √(0.25 · 0.16 / 256) = 0.0125 → 99.8 %: ± 0.038625 → [76.1375, 83.8625]
    const l = funnelLimits(0.8, 0.25, 256, Z_998)!;
    expect(l.low).toBeCloseTo(76.1375, 10);
    expect(l.high).toBeCloseTo(83.8625, 10);
  });

  it('is clipped to [0, 100]: p₀ = 0.95, deff = 1, n = 4', () => {
    // √(0.95 · 0.05 / 4) = √0.011875 = 0.1089725; 99.8 %: ± 0.3367249 → [61.3275, 128.67] → high 100
    const l = funnelLimits(0.95, 1, 4, Z_998)!;
    expect(l.low).toBeCloseTo(61.3275, 4);
    expect(l.high).toBe(100);
  });

  it('is undefined for fewer than one respondent', () => {
    expect(funnelLimits(0.8, 0.25, 0, Z_95)).toBeNull();
  });
});

describe('classification against the 99.8 % limits', () => {
  // p₀ = 0.8, deff = 0.25, n = 64 → [72.275, 87.725] (above)
  const limits = funnelLimits(0.8, 0.25, 64, Z_998)!;
  it('is above over the upper limit, below under the lower one, consistent on or between them', () => {
    expect(funnelClass(88, limits)).toBe('above');
    expect(funnelClass(72, limits)).toBe('below');
    expect(funnelClass(80, limits)).toBe('consistent');
    expect(funnelClass(87.7, limits)).toBe('consistent');
    expect(funnelClass(limits.high, limits)).toBe('consistent');
    expect(funnelClass(limits.low, limits)).toBe('consistent');
  });
  it('does not classify a suppressed unit', () => {
    expect(funnelClass(null, limits)).toBeNull();
  });
});
