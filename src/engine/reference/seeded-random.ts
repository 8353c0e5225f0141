/**
 * The engine's own pseudo-random numbers for the rank simulation, so that a build with the same
 * seed gives byte-identical rankings on every machine (Math.random cannot be seeded).
 *
 * Generator: xoshiro128** (Blackman & Vigna, 128-bit state, 32-bit outputs). Its state is filled
 * by splitmix32 from a 32-bit FNV-1a hash of `<seed>|<key>`, so every key (e.g. one unit in one
 * period) has its own stream and adding a unit does not move the draws of the others.
 * Normals come from the Box–Muller transform, both values of each pair used.
 */
export interface SeededStream {
  /** Uniform on [0, 1) with 53 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function splitmix32(start: number): () => number {
  let state = start | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** xoshiro128**: unsigned 32-bit outputs from a 128-bit state (never all zero). */
export function xoshiro128starstar(s0: number, s1: number, s2: number, s3: number): () => number {
  let a = s0 | 0;
  let b = s1 | 0;
  let c = s2 | 0;
  let d = s3 | 0;
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 2 ** 53;

export function seededStream(seed: number, key: string): SeededStream {
  const fill = splitmix32(fnv1a32(`${seed}|${key}`));
  const bits = xoshiro128starstar(fill(), fill(), fill(), fill());
  // 27 high bits and 26 high bits make one 53-bit fraction, the full precision of a double.
  const uniform = (): number => ((bits() >>> 5) * TWO_POW_26 + (bits() >>> 6)) / TWO_POW_53;
  let spare = 0;
  let hasSpare = false;
  return {
    uniform,
    normal(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // 1 − uniform() lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      const angle = 2 * Math.PI * uniform();
      spare = radius * Math.sin(angle);
      hasSpare = true;
      return radius * Math.cos(angle);
    },
  };
}
