/**
 * How numbers, dates and periods read on the site, in Vietnamese and English.
 *
 * Conventions (checked against `Intl.NumberFormat` in the project's Node 22.23.3, ICU data):
 * - vi-VN: decimal comma, thousands dot: `83,94`, `1.234.567`. Percent is written WITHOUT a space,
 *   `83,94%`, because that is what `Intl.NumberFormat('vi-VN', { style: 'percent' })` prints
 *   (product.md writes "83,94 %"; we follow the locale data so the site agrees with browsers).
 * - en: `83.94%`, `1,234,567`.
 * - Missing values (null) read as an em dash `—`, never as 0.
 * Dates and month names are spelled out here rather than through `Intl.DateTimeFormat`, because ICU
 * versions disagree on English short months ("Sep" vs "Sept") and the build must be deterministic.
 */
import type { Lang } from './i18n.ts';

/** What a missing number prints as. */
export const MISSING = '—';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Intl formatters are costly to build; a page formats thousands of numbers with a few shapes. The
 * key names only the options this module passes (JSON.stringify of them cost 0.6 s a build).
 */
function numberFormat(lang: Lang, options: Pick<Intl.NumberFormatOptions, 'minimumFractionDigits' | 'maximumFractionDigits' | 'signDisplay'>): Intl.NumberFormat {
  const key = `${lang}|${options.minimumFractionDigits}|${options.maximumFractionDigits}|${options.signDisplay}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A plain number with exactly `digits` decimals: `formatNumber(1234.5, 'vi', 1)` → `1.234,5`. */
export function formatNumber(value: number | null, lang: Lang, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A value already on the 0–100 scale (as in indices.csv): `formatPercent(83.94, 'vi')` → `83,94 %`,
 * `formatPercent(83.94, 'en')` → `83.94%`. Vietnamese puts a space before the percent sign (as in
 * the site's brief and Vietnamese statistical publications); ICU's vi-VN pattern has none, so the
 * sign is added here, with a no-break space so a line never starts with `%`.
 */
export function formatPercent(value: number | null, lang: Lang, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const number = numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return withPercentSign(number, lang);
}

/** `83,94` → `83,94 %` (vi) or `83.94%` (en). */
function withPercentSign(number: string, lang: Lang): string {
  return lang === 'vi' ? `${number}\u00a0%` : `${number}%`;
}

/** The text with its first letter upper-case: a phrase that opens a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A change in percentage points, always signed: `+1,25 điểm %` / `+1.25 pp`, `-0,50 điểm %`.
 */
export function formatPoints(value: number | null, lang: Lang, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const number = numberFormat(lang, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return lang === 'vi' ? `${number} điểm %` : `${number} pp`;
}

/**
 * A probability given as a fraction 0–1, as a whole percent: 0.71 → `71%`. Values that would
 * round to 0 % or 100 % without being certain read `<1%` / `>99%`, so a reader never sees a
 * simulated "100%" that is not a certainty.
 */
export function formatProbability(p: number | null, lang: Lang): string {
  if (p === null || !Number.isFinite(p)) return MISSING;
  const whole = (x: number) => withPercentSign(numberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(x * 100)), lang);
  if (p > 0 && p < 0.005) return `<${whole(0.01)}`;
  if (p < 1 && p >= 0.995) return `>${whole(0.99)}`;
  return whole(p);
}

/**
 * An interval `low–high` (en dash, no spaces). `unit: 'percent'` (0–100 values, the default)
 * prints `81,20%–86,10%`; `'plain'` prints numbers only (ranks: `2–4`). Equal bounds print once
 * (`3`); a missing bound prints `—`.
 */
export function formatInterval(
  low: number | null,
  high: number | null,
  lang: Lang,
  options: { unit?: 'percent' | 'plain'; digits?: number } = {},
): string {
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return MISSING;
  const unit = options.unit ?? 'percent';
  const digits = options.digits ?? (unit === 'percent' ? 2 : 0);
  const one = (v: number) => (unit === 'percent' ? formatPercent(v, lang, digits) : formatNumber(v, lang, digits));
  const lowText = one(low);
  const highText = one(high);
  return lowText === highText ? lowText : `${lowText}–${highText}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** English month abbreviations, fixed here rather than taken from ICU ("Sep", not "Sept"). */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO date `YYYY-MM-DD`: vi `27/02/2024` (the dd/mm/yyyy of Vietnamese documents), en
 * `27 Feb 2024` (day-month-year in words, unambiguous for readers of either habit).
 */
export function formatDate(iso: string, lang: Lang): string {
  const match = ISO_DATE.exec(iso);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  const day = match ? Number(match[3]) : NaN;
  // Round-trip through a UTC date so 2024-02-30 is refused rather than printed.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`formatDate: "${iso}" is not a date written YYYY-MM-DD`);
  }
  const [, , mm, dd] = match;
  return lang === 'vi' ? `${dd}/${mm}/${year}` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** A survey period as published (`2024`, `2024-Q1`, `2024-03`), split into its parts. */
export type ParsedPeriod =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number };

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** Reads `2024`, `2024-Q1` or `2024-03`; throws on anything else (a period from the engine). */
export function parsePeriod(period: string): ParsedPeriod {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`parsePeriod: "${period}" is not a period (expected 2024, 2024-Q1 or 2024-03)`);
  const year = Number(match[1]);
  if (match[2] !== undefined) return { kind: 'quarter', year, quarter: Number(match[2]) };
  if (match[3] !== undefined) return { kind: 'month', year, month: Number(match[3]) };
  return { kind: 'year', year };
}

/**
 * A period in words: `2024` → `2024`; `2024-Q1` → vi `Quý 1/2024`, en `Q1 2024`;
 * `2024-03` → vi `Tháng 3/2024`, en `Mar 2024`.
 */
export function formatPeriod(period: string, lang: Lang): string {
  const parsed = parsePeriod(period);
  switch (parsed.kind) {
    case 'year':
      return String(parsed.year);
    case 'quarter':
      return lang === 'vi' ? `Quý ${parsed.quarter}/${parsed.year}` : `Q${parsed.quarter} ${parsed.year}`;
    case 'month':
      return lang === 'vi' ? `Tháng ${parsed.month}/${parsed.year}` : `${MONTHS_EN[parsed.month - 1]} ${parsed.year}`;
  }
}

const BYTE_UNITS = ['kB', 'MB', 'GB', 'TB'];

/**
 * A file size in decimal (SI) units, as download pages and browsers show them:
 * `512 B`, `12,3 kB` / `12.3 kB`, `1,5 MB`. One decimal from kB up.
 */
export function formatBytes(bytes: number, lang: Lang): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new Error(`formatBytes: ${bytes} is not a size in bytes`);
  if (bytes < 1000) return `${formatNumber(bytes, lang)} B`;
  let value = bytes / 1000;
  let unit = 0;
  // Move up a unit when the value would print as 1000,0 or more in this one.
  while (value >= 999.95 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatNumber(value, lang, 1)} ${BYTE_UNITS[unit]}`;
}
