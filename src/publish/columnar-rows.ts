/**
 * A computed table's object rows as columns of typed arrays, and back: the form in which a large
 * table (indices, trends: hundreds of thousands of rows) moves to the thread that writes its files
 * (table-worker.ts). Cloning that many objects between threads costs about as much as writing
 * them; typed arrays are handed over without a copy.
 *
 * The round trip gives back every value exactly: numbers as the same doubles (NaN and ±Infinity
 * too, so the writer still refuses them with its own message), texts through a dictionary (a large
 * table repeats few distinct texts), booleans, and null for a missing value (undefined reads back
 * as null: the writers treat both as missing). A column holding anything else, or a mix of kinds,
 * is kept as a plain array and cloned as it is.
 */
import type { TableSchema } from './schemas.ts';

/** A missing value (null or undefined) in a typed column. */
const MISSING = 1;
const NO_CODE = -1;

export type Column =
  | { kind: 'number'; values: Float64Array; missing: Uint8Array }
  | { kind: 'boolean'; values: Uint8Array; missing: Uint8Array }
  | { kind: 'text'; codes: Int32Array; dictionary: string[] }
  | { kind: 'values'; values: unknown[] };

export interface ColumnarRows {
  rows: number;
  /** One per schema field, in schema order. */
  columns: Column[];
}

export function toColumns(schema: TableSchema, rows: readonly object[]): ColumnarRows {
  const columns = schema.fields.map((field): Column => {
    const values = rows.map((row) => (row as Record<string, unknown>)[field.name]);
    return typedColumn(values) ?? { kind: 'values', values };
  });
  return { rows: rows.length, columns };
}

/** The rows again, as arrays of values in schema order (what writeTable takes). */
export function* fromColumns(table: ColumnarRows): Generator<unknown[]> {
  const readers = table.columns.map(columnReader);
  for (let row = 0; row < table.rows; row++) {
    const values = new Array<unknown>(readers.length);
    for (let i = 0; i < readers.length; i++) values[i] = (readers[i] as (row: number) => unknown)(row);
    yield values;
  }
}

/** The buffers that can be transferred to another thread instead of copied. */
export function transferables(table: ColumnarRows): ArrayBuffer[] {
  return table.columns.flatMap((column) => {
    switch (column.kind) {
      case 'number':
      case 'boolean':
        return [column.values.buffer as ArrayBuffer, column.missing.buffer as ArrayBuffer];
      case 'text':
        return [column.codes.buffer as ArrayBuffer];
      case 'values':
        return [];
    }
  });
}

function typedColumn(values: readonly unknown[]): Column | undefined {
  const present = values.find((value) => value !== null && value !== undefined);
  const missing = new Uint8Array(values.length);
  if (present === undefined || typeof present === 'number') {
    const numbers = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'number') numbers[i] = value;
      else if (value === null || value === undefined) missing[i] = MISSING;
      else return undefined;
    }
    return { kind: 'number', values: numbers, missing };
  }
  if (typeof present === 'boolean') {
    const booleans = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'boolean') booleans[i] = value ? 1 : 0;
      else if (value === null || value === undefined) missing[i] = MISSING;
      else return undefined;
    }
    return { kind: 'boolean', values: booleans, missing };
  }
  if (typeof present === 'string') {
    const codes = new Int32Array(values.length);
    const dictionary: string[] = [];
    const codeOf = new Map<string, number>();
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'string') {
        let code = codeOf.get(value);
        if (code === undefined) {
          code = dictionary.push(value) - 1;
          codeOf.set(value, code);
        }
        codes[i] = code;
      } else if (value === null || value === undefined) {
        codes[i] = NO_CODE;
      } else {
        return undefined;
      }
    }
    return { kind: 'text', codes, dictionary };
  }
  return undefined;
}

function columnReader(column: Column): (row: number) => unknown {
  switch (column.kind) {
    case 'number': {
      const { values, missing } = column;
      return (row) => (missing[row] === MISSING ? null : values[row]);
    }
    case 'boolean': {
      const { values, missing } = column;
      return (row) => (missing[row] === MISSING ? null : values[row] === 1);
    }
    case 'text': {
      const { codes, dictionary } = column;
      return (row) => {
        const code = codes[row] as number;
        return code === NO_CODE ? null : dictionary[code];
      };
    }
    case 'values': {
      const { values } = column;
      return (row) => values[row] ?? null;
    }
  }
}
