/**
 * The generator's own pseudo-random numbers, so that the same seed gives byte-identical sample
 * files on every machine and Node version (Math.random cannot be seeded).
 *
 * Core: sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, passes
 * PractRand), seeded from a text key hashed with cyrb128. Independent streams are made from keys
 * such as `1|sipas|2024`, so one survey-year file does not change when another is added.
 */

/** A stream of pseudo-random numbers. */
export interface Prng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/**
 * cyrb128: four 32-bit hashes of a string, used as the 128-bit sfc32 state.
 * Different keys give unrelated states, which is all a seed needs.
 */
export function hashKey(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 on an explicit 128-bit state; returns unsigned 32-bit integers. */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const TWO_POW_32 = 4294967296;

/** A seeded stream for `key`; the first 12 outputs are discarded to mix a weak state. */
export function createPrng(key: string): Prng {
  const [a, b, c, d] = hashKey(key);
  const bits = sfc32(a, b, c, d);
  for (let i = 0; i < 12; i++) bits();
  const next = (): number => bits() / TWO_POW_32;
  // Box–Muller gives normals in pairs; keep the second for the next call.
  let spare = 0;
  let hasSpare = false;
  return {
    next,
    normal(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      hasSpare = true;
      return radius * Math.cos(angle);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
  };
}

/**
 * Cumulative weights for repeated weighted draws (`pickIndex`). Weights need not sum to 1;
 * zero weights are never drawn.
 */
export function cumulate(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += Math.max(0, weights[i] ?? 0);
    cumulative[i] = sum;
  }
  return cumulative;
}

/** Index drawn with probability weight_i / Σ weights, from `cumulate(weights)`. */
export function pickIndex(prng: Prng, cumulative: Float64Array): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = prng.next() * total;
  // Linear scan: the lists here are short (≤ 20 entries).
  for (let i = 0; i < cumulative.length; i++) {
    if (target < (cumulative[i] ?? 0)) return i;
  }
  return cumulative.length - 1;
}
