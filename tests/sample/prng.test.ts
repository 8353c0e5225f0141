import { describe, expect, it } from 'vitest';
import { createPrng, cumulate, pickIndex, sfc32 } from '../../src/sample/prng.ts';

describe('sfc32', () => {
  it('follows the algorithm step by step from an all-zero state', () => {
    // By hand, with t = a + b + d (the output), then d += 1, a = b ^ (b >>> 9), b = c + (c << 3),
    // c = rotl(c, 21) + t:
    // 1: t = 0;  state → (0, 0, 0, 1)
    // 2: t = 1;  state → (0, 0, 1, 2)
    // 3: t = 2;  state → (0, 9, 2^21 + 2 = 2097154, 3)
    // 4: t = 12; state → (9, 9 · 2097154 = 18874386, rotl(2^21 + 2, 21) + 12 = 2^10 + 2^22 + 12 = 4195340, 4)
    // 5: t = 9 + 18874386 + 4 = 18874399
    const next = sfc32(0, 0, 0, 0);
    expect([next(), next(), next(), next(), next()]).toEqual([0, 1, 2, 12, 18874399]);
  });
});

describe('createPrng', () => {
  it('gives the same sequence for the same key and another one for another key', () => {
    const take = (key: string): number[] => {
      const prng = createPrng(key);
      return Array.from({ length: 5 }, () => prng.next());
    };
    expect(take('1|sipas|2024')).toEqual(take('1|sipas|2024'));
    expect(take('1|sipas|2024')).not.toEqual(take('2|sipas|2024'));
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and variance 1', () => {
    const prng = createPrng('moments');
    const draws = 20000;
    let uniformSum = 0;
    let outside = 0;
    let normalSum = 0;
    let normalSquares = 0;
    for (let i = 0; i < draws; i++) {
      const u = prng.next();
      if (u < 0 || u >= 1) outside++;
      uniformSum += u;
      const z = prng.normal();
      normalSum += z;
      normalSquares += z * z;
    }
    expect(outside).toBe(0);
    // Standard errors: uniform mean √(1/12/20000) ≈ 0.002, normal mean 1/√20000 ≈ 0.007,
    // variance √(2/20000) = 0.01; tolerances are 4–5 standard errors.
    expect(uniformSum / draws).toBeCloseTo(0.5, 1);
    expect(Math.abs(uniformSum / draws - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(normalSum / draws)).toBeLessThan(0.03);
    expect(Math.abs(normalSquares / draws - 1)).toBeLessThan(0.05);
  });

  it('int(n) stays in 0…n−1 and reaches every value', () => {
    const prng = createPrng('int');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(prng.int(7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('pickIndex', () => {
  it('never draws a zero weight and draws the others in proportion', () => {
    // Weights 0, 1, 3, 0 → shares 0, 1/4, 3/4, 0.
    const cumulative = cumulate([0, 1, 3, 0]);
    expect([...cumulative]).toEqual([0, 1, 4, 4]);
    const prng = createPrng('pick');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[pickIndex(prng, cumulative)]!++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    // Expected 2000 of 8000 for index 1 (SE √(8000 · 1/4 · 3/4) ≈ 39): allow ±200.
    expect(Math.abs(counts[1]! - 2000)).toBeLessThan(200);
  });
});
