/**
 * Rounding for published numbers (method.md → Reproducibility): half away from zero, to a fixed
 * number of decimals, applied only when a value is written; arithmetic stays in full precision.
 *
 * Why not `toFixed` or `Math.round(x * 100) / 100`: both round the binary double. The double
 * nearest to 1.005 is 1.00499999999999989…, so `(1.005).toFixed(2)` is "1.00", and
 * `2.675 * 100` is 267.49999999999997. A reader who sees 1.005 in the engine's output expects
 * 1.01. So we round the shortest decimal string that identifies the double (what `String(x)`
 * prints, ECMAScript Number::toString) digit by digit: exact decimal arithmetic, no float error.
 */

/** `String(x)` of a non-negative finite number: digits, optional fraction, optional exponent. */
const SHORTEST_DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * `value` rounded half away from zero to `decimals` places, written with exactly that many
 * decimals and never in exponent form: 83.935 → "83.94", -1.005 → "-1.01", 85 → "85.00".
 * A result that rounds to zero is written without a minus sign (-0.004 → "0.00").
 */
export function formatRounded(value: number, decimals: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot publish ${value}: only finite numbers can be written`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`);
  }
  return formatRoundedFast(value, decimals) ?? formatRoundedExact(value, decimals);
}

/** 10^d for the decimals the fast path takes. */
const SCALE = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
/** The fast path's limit on |value| · 10^d (see formatRoundedFast). */
const FAST_LIMIT = 2 ** 31;
/** How far from a half the scaled value must be for the fast path to decide. */
const HALF_MARGIN = 1e-6;

/**
 * The same result as formatRoundedExact, with one multiplication instead of string surgery, for
 * the common case; undefined when it cannot be sure (then the exact path decides).
 *
 * Why it is exact when it answers: let s be the shortest decimal of x = |value| and m the double
 * x · 10^d. Both x (vs s) and the product (vs x · 10^d) are within half an ulp, so
 * |m − s · 10^d| ≤ 2 · 2⁻⁵³ · m < 4.8e-7 while m < 2³¹. If m is at least 1e-6 from a half, s · 10^d
 * lies on the same side of that half, so the nearest integer to m is the rounded s · 10^d.
 * (Publishing millions of index values through the exact path took seconds.)
 */
function formatRoundedFast(value: number, decimals: number): string | undefined {
  const scale = SCALE[decimals];
  if (scale === undefined) return undefined;
  const scaled = Math.abs(value) * scale;
  if (!(scaled < FAST_LIMIT)) return undefined;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < HALF_MARGIN) return undefined;
  const units = Math.round(scaled);
  const sign = value < 0 && units !== 0 ? '-' : '';
  if (decimals === 0) return `${sign}${units}`;
  const digits = String(units).padStart(decimals + 1, '0');
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** formatRounded by decimal string arithmetic on the shortest decimal of `value`: always exact. */
export function formatRoundedExact(value: number, decimals: number): string {
  const match = SHORTEST_DECIMAL.exec(String(Math.abs(value)));
  if (!match) throw new RangeError(`unexpected number form: ${String(value)}`);
  const [, integerDigits = '', fractionDigits = '', exponent = '0'] = match;

  // All significant digits as one string, with the decimal point after `point` of them.
  let digits = integerDigits + fractionDigits;
  let point = integerDigits.length + Number(exponent);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const keep = point + decimals;
  if (digits.length < keep) digits = digits.padEnd(keep, '0');

  let kept = digits.slice(0, keep);
  // The shortest string has no trailing zeros, so a first dropped digit ≥ 5 means "half or more".
  const roundUp = digits.length > keep && digits.charCodeAt(keep) >= 0x35;
  if (roundUp) {
    kept = incrementDigits(kept);
    if (kept.length > keep) point += 1;
  }

  const integerPart = kept.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = kept.slice(point);
  const isZero = !/[1-9]/.test(kept);
  const sign = value < 0 && !isZero ? '-' : '';
  return decimals === 0 ? `${sign}${integerPart}` : `${sign}${integerPart}.${fractionPart}`;
}

/** The number `formatRounded` writes, as a number (what Parquet and JSON carry). */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  return Number(formatRounded(value, decimals));
}

/** Adds one unit in the last place of a string of decimal digits: "129" → "130", "99" → "100". */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}
