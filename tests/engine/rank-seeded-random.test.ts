import { describe, expect, it } from 'vitest';
import { fnv1a32, seededStream, xoshiro128starstar } from '../../src/engine/reference/seeded-random.ts';

describe('seeded random numbers', () => {
  it('implements FNV-1a as its published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });

  it('implements xoshiro128** as worked out by hand from the state (1, 2, 3, 4)', () => {
    // 1st: rotl(2·5, 7)·9 = 1280·9 = 11520. Then the state becomes (7, 0, 1026, 12288), so the
    // 2nd is rotl(0, 7)·9 = 0; then (12295, 1029, 1029, 25165824): 3rd = rotl(5145, 7)·9 = 5927040.
    const next = xoshiro128starstar(1, 2, 3, 4);
    expect([next(), next(), next()]).toEqual([11520, 0, 5927040]);
  });

  it('repeats a stream for the same seed and key, and not for another key or seed', () => {
    const take = (seed: number, key: string): number[] => {
      const s = seededStream(seed, key);
      return Array.from({ length: 5 }, () => s.normal());
    };
    expect(take(7, 'sipas|2024|585')).toEqual(take(7, 'sipas|2024|585'));
    expect(take(7, 'sipas|2024|585')).not.toEqual(take(7, 'sipas|2024|586'));
    expect(take(7, 'sipas|2024|585')).not.toEqual(take(8, 'sipas|2024|585'));
  });

  it('draws uniforms in [0, 1) and standard normals with mean 0 and variance 1', () => {
    const s = seededStream(20240227, 'moments');
    const n = 20000;
    let uniformSum = 0;
    let min = 1;
    let max = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const u = s.uniform();
      uniformSum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = s.normal();
      sum += z;
      squares += z * z;
    }
    // Standard errors: uniform mean 0.289/√n ≈ 0.002; normal mean 1/√n ≈ 0.007; variance √(2/n) ≈ 0.01.
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(uniformSum / n - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(squares / n - (sum / n) ** 2 - 1)).toBeLessThan(0.04);
  });
});
