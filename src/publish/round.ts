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
