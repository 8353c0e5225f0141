/**
 * Typed reading of fields out of a parsed JSON/YAML value. One small normaliser per kind of field;
 * each failure is a DataError naming the file, the field path (`elements[2].items[0].code`) and
 * the value found, so the person editing the file knows exactly what to change.
 */
import { DataError } from './data-error.ts';
import { readIsoDate } from './dates.ts';
import type { Bilingual } from './types.ts';

export class FieldReader {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  fail(path: string, problem: string, fix: string): never {
    throw new DataError({ file: this.file, field: path || '(top level)', problem, fix });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `must be an object ({ … }), found ${show(value)}.`, 'see data-contract.md for the fields it holds.');
    }
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `must be a list ([ … ]), found ${show(value)}.`, 'write the entries between [ and ].');
    return value;
  }

  /** A non-empty text; surrounding spaces are removed. */
  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, `must be a non-empty text, found ${show(value)}.`, typeof value === 'number' ? `write it in quotes: "${value}".` : 'fill it in.');
    }
    return value.trim();
  }

  /** A text, or null when the field is absent, null or empty. */
  optionalString(value: unknown, path: string): string | null {
    if (value === undefined || value === null || value === '') return null;
    return this.string(value, path);
  }

  bilingual(value: unknown, path: string): Bilingual {
    const o = this.object(value, path);
    return { vi: this.string(o.vi, join(path, 'vi')), en: this.string(o.en, join(path, 'en')) };
  }

  isoDate(value: unknown, path: string): string {
    const iso = typeof value === 'string' ? readIsoDate(value.trim()) : null;
    if (iso === null) this.fail(path, `must be a date YYYY-MM-DD, found ${show(value)}.`, 'write the date as e.g. "2024-02-27".');
    return iso;
  }

  /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that much is known (e.g. the date of an old decree). */
  partialIsoDate(value: unknown, path: string): string {
    if (typeof value === 'string' && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(value.trim())) return value.trim();
    if (typeof value === 'string' && readIsoDate(value.trim()) !== null) return value.trim();
    return this.fail(path, `must be a date YYYY-MM-DD (or YYYY-MM, YYYY when the day is unknown), found ${show(value)}.`, 'write the date as e.g. "2013-12-30".');
  }

  optionalIsoDate(value: unknown, path: string): string | null {
    if (value === undefined || value === null || value === '') return null;
    return this.isoDate(value, path);
  }

  number(value: unknown, path: string, range: { min?: number; max?: number } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, `must be a number, found ${show(value)}.`, 'write a plain number without quotes, e.g. 0.01.');
    }
    if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      this.fail(path, `must be between ${range.min ?? '−∞'} and ${range.max ?? '∞'}, found ${value}.`, 'correct the value.');
    }
    return value;
  }

  integer(value: unknown, path: string, range: { min?: number; max?: number } = {}): number {
    const n = this.number(value, path, range);
    if (!Number.isInteger(n)) this.fail(path, `must be a whole number, found ${n}.`, 'correct the value.');
    return n;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `must be true or false, found ${show(value)}.`, 'write true or false without quotes.');
    return value;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, found ${show(value)}.`, 'use one of the listed values.');
    }
    return value as T;
  }

  /** Warns about keys the shape does not know: usually a typo that would otherwise be silently ignored. */
  warnUnknownKeys(o: Record<string, unknown>, known: readonly string[], path: string, warn: (message: string) => void): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) warn(`${this.file}: field ${join(path, key)} is not used and ignored (a typo?).`);
    }
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
