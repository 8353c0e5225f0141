import { describe, expect, it } from 'vitest';
import { formatRounded, formatRoundedExact, roundHalfAwayFromZero } from '../../src/publish/round.ts';

describe('formatRounded: half away from zero on the printed decimal', () => {
  it.each([
    // 1.005 is stored as 1.00499999999999989…; toFixed(2) gives "1.00", the reader expects 1.01.
    [1.005, 2, '1.01'],
    // 2.675 is stored as 2.67499999999999982…; toFixed(2) gives "2.67".
    [2.675, 2, '2.68'],
    [-1.005, 2, '-1.01'],
    // 0.125: third decimal 5 → up.
    [0.125, 2, '0.13'],
    [83.935, 2, '83.94'],
    // 1.45 is stored as 1.4499999999999999556; printed 1.45 → 1.5.
    [1.45, 1, '1.5'],
    [0.5, 0, '1'],
    [-0.5, 0, '-1'],
    [2.5, 0, '3'],
    // carries across the decimal point
    [99.995, 2, '100.00'],
    [0.9995, 3, '1.000'],
    [9.5, 0, '10'],
  ])('%d to %d decimals → %s', (value, decimals, written) => {
    expect(formatRounded(value, decimals)).toBe(written);
  });

  it('pads to a fixed number of decimals', () => {
    expect(formatRounded(85, 2)).toBe('85.00');
    expect(formatRounded(84.5, 2)).toBe('84.50');
    expect(formatRounded(0, 3)).toBe('0.000');
  });

  it('rounds down below half, and drops the sign of a result that is zero', () => {
    expect(formatRounded(0.0049, 2)).toBe('0.00');
    expect(formatRounded(0.12345, 3)).toBe('0.123');
    expect(formatRounded(-0.004, 2)).toBe('0.00');
    expect(formatRounded(-0, 2)).toBe('0.00');
  });

  it('never writes an exponent', () => {
    // String(1e-7) is "1e-7" and String(1e21) is "1e+21".
    expect(formatRounded(1e-7, 2)).toBe('0.00');
    expect(formatRounded(5e-3, 2)).toBe('0.01');
    expect(formatRounded(-5e-7, 6)).toBe('-0.000001');
    expect(formatRounded(1e21, 2)).toBe('1000000000000000000000.00');
    expect(formatRounded(1.5e-10, 10)).toBe('0.0000000002');
  });

  it('refuses what cannot be written as a number', () => {
    expect(() => formatRounded(Number.NaN, 2)).toThrow(/finite/);
    expect(() => formatRounded(Infinity, 2)).toThrow(/finite/);
    expect(() => formatRounded(1, -1)).toThrow(/decimals/);
  });

  it('roundHalfAwayFromZero gives the written number', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-3.005, 2)).toBe(-3.01);
    expect(roundHalfAwayFromZero(83.935, 2)).toBe(83.94);
  });
});

describe('formatRounded: the fast path agrees with the exact decimal arithmetic', () => {
  // A seeded generator (mulberry32), so a failure can be replayed.
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('on 200 000 values of every magnitude, for 0 to 8 decimals', () => {
    const next = random(20261127);
    const disagreements: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const decimals = k % 9;
      const magnitude = 10 ** Math.floor(next() * 14 - 5);
      const value = (next() < 0.5 ? -1 : 1) * next() * magnitude;
      if (formatRounded(value, decimals) !== formatRoundedExact(value, decimals)) disagreements.push(`${value}@${decimals}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('on printed halves and their neighbours, where the binary value may fall either side', () => {
    // k + 0.5 units of the last place, e.g. 83.935 or 1.005: the decimal is a half, the double is
    // a hair above or below it; one ulp either side must round by the double's shortest decimal.
    const next = random(7);
    const disagreements: string[] = [];
    for (let k = 0; k < 100_000; k++) {
      const decimals = k % 7;
      const half = (Math.floor(next() * 1e6) + 0.5) / 10 ** decimals;
      for (const value of [half, -half, nextDouble(half, 1), nextDouble(half, -1)]) {
        if (formatRounded(value, decimals) !== formatRoundedExact(value, decimals)) disagreements.push(`${value}@${decimals}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

/** The adjacent double above (direction 1) or below (−1) a positive finite x. */
function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(direction));
  return view.getFloat64(0);
}
