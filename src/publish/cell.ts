/**
 * One value of a computed row → the value every published format carries. Done once per cell, so
 * the CSV, the Parquet and the JSON of a table hold exactly the same (rounded) values.
 */
import { formatRounded } from './round.ts';
import type { PublishedField, TableSchema } from './schemas.ts';

/** A value as published: text for CSV, and the typed value for Parquet and JSON. */
export type PublishedValue = string | number | boolean | null;

/** A row ready for the writers: one text and one typed value per schema field, in schema order. */
export interface PublishedRow {
  /** CSV text of each cell before quoting; null = empty cell. */
  texts: (string | null)[];
  /** Typed value: numbers rounded as written, dates as `YYYY-MM-DD` strings, null = missing. */
  values: PublishedValue[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Raised when a computed value does not fit its published column: a bug upstream, not bad input. */
export class PublishError extends Error {
  constructor(schema: TableSchema, rowNumber: number, field: PublishedField, problem: string) {
    super(
      `${schema.name}: row ${rowNumber} (line ${rowNumber + 1} of ${schema.name}.csv), column ${field.name}: ${problem}. ` +
        'The published files were not replaced; fix the step that produced this table and rebuild.',
    );
    this.name = 'PublishError';
  }
}

/**
 * Converts the values of one row (in schema order) to published texts and values.
 * `rowNumber` counts data rows from 1 and only serves error messages.
 */
export function publishRow(schema: TableSchema, raw: readonly unknown[], rowNumber: number): PublishedRow {
  const { fields } = schema;
  if (raw.length !== fields.length) {
    throw new Error(`${schema.name}: row ${rowNumber} has ${raw.length} values for ${fields.length} columns`);
  }
  const texts: (string | null)[] = new Array(fields.length);
  const values: PublishedValue[] = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as PublishedField;
    const value = raw[i];
    if (value === null || value === undefined) {
      if (field.required) throw new PublishError(schema, rowNumber, field, 'is empty but the column is required');
      texts[i] = null;
      values[i] = null;
      continue;
    }
    const fail = (problem: string) => new PublishError(schema, rowNumber, field, `${problem} (got ${JSON.stringify(value)})`);
    switch (field.type) {
      case 'string': {
        if (typeof value !== 'string') throw fail('expected text');
        if (field.enum && !field.enum.includes(value)) throw fail(`expected one of ${field.enum.join(', ')}`);
        texts[i] = value;
        values[i] = value;
        break;
      }
      case 'integer': {
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail('expected a whole number');
        texts[i] = String(value);
        values[i] = value;
        break;
      }
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('expected a finite number');
        const text = formatRounded(value, field.decimals ?? 2);
        texts[i] = text;
        values[i] = Number(text);
        break;
      }
      case 'boolean': {
        if (typeof value !== 'boolean') throw fail('expected true or false');
        texts[i] = value ? 'true' : 'false';
        values[i] = value;
        break;
      }
      case 'date': {
        if (typeof value !== 'string' || !isIsoDate(value)) throw fail('expected a date YYYY-MM-DD');
        texts[i] = value;
        values[i] = value;
        break;
      }
    }
  }
  return { texts, values };
}

/** The values of an object row in schema order (the computed tables hold objects). */
export function valuesInSchemaOrder(schema: TableSchema, row: object): unknown[] {
  const record = row as Record<string, unknown>;
  return schema.fields.map((field) => record[field.name]);
}

/** Days since 1970-01-01 of an ISO date: the Parquet DATE physical value. */
export function epochDays(isoDate: string): number {
  const days = daysOf(isoDate);
  if (days === undefined) throw new RangeError(`not an ISO date: ${isoDate}`);
  return days;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (what a date column accepts). */
export function isIsoDate(text: string): boolean {
  return daysOf(text) !== undefined;
}

/**
 * Valid dates already seen, with their day numbers. A survey has at most a few thousand distinct
 * dates but millions of responses, so each date is parsed once; the cap only guards against a
 * pathological input.
 */
const knownDays = new Map<string, number>();

/** Day number of a real calendar date `YYYY-MM-DD`; undefined for anything else (2024-02-30 too). */
function daysOf(text: string): number | undefined {
  const known = knownDays.get(text);
  if (known !== undefined) return known;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const days = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
  // Date.UTC rolls 2024-02-30 over to 2024-03-01: a round trip catches it.
  if (new Date(days * 86_400_000).toISOString().slice(0, 10) !== text) return undefined;
  if (knownDays.size < 100_000) knownDays.set(text, days);
  return days;
}
