/**
 * Puts JavaScript rows into a DuckDB table so a `.sql` file can compute on them.
 *
 * Why through Arrow columns: a number crosses as the very double it is (no decimal text to print
 * and parse back), and nothing is parsed at all. The earlier route, a temporary CSV read with
 * declared types, was exact too but cost a second per quarter of a million index cells (trends
 * at a million responses), mostly in printing and parsing doubles.
 */
import { createRequire } from 'node:module';
import type { ArrowTable, Engine } from './duckdb.ts';

type Arrow = typeof import('apache-arrow');

// The same CommonJS copy of apache-arrow that DuckDB-WASM's Node bundle requires: a table built
// from the ES-module copy would be a different class to it.
const arrow = createRequire(import.meta.url)('apache-arrow') as Arrow;

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE';

export interface ColumnSpec<T> {
  name: keyof T & string;
  type: ColumnType;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** One column's values, checked and converted to what its Arrow type holds; null = missing. */
function columnValues(type: ColumnType, values: unknown[], column: string, table: string): unknown[] {
  const fail = (value: unknown, expected: string) =>
    new Error(`table ${table}, column ${column}: ${typeof value === 'number' ? String(value) : JSON.stringify(value)} is not ${expected}`);
  return values.map((value) => {
    if (value === null || value === undefined) return null;
    switch (type) {
      case 'DOUBLE':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(value, 'a finite number');
        return value;
      case 'INTEGER':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) throw fail(value, 'a 32-bit integer');
        return value;
      case 'BOOLEAN':
        if (typeof value !== 'boolean') throw fail(value, 'true or false');
        return value;
      case 'VARCHAR':
        return String(value);
      case 'DATE': {
        const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
        if (!match) throw fail(value, 'a date YYYY-MM-DD');
        return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      }
    }
  });
}

function arrowType(type: ColumnType): InstanceType<Arrow['DataType']> {
  switch (type) {
    case 'DOUBLE':
      return new arrow.Float64();
    case 'INTEGER':
      return new arrow.Int32();
    case 'BOOLEAN':
      return new arrow.Bool();
    case 'VARCHAR':
      return new arrow.Utf8();
    case 'DATE':
      // DateMillisecond takes the epoch milliseconds Date.UTC gives; DuckDB reads it as a DATE.
      return new arrow.DateMillisecond();
  }
}

/**
 * A DOUBLE or INTEGER column (values checked by columnValues, null = missing) written straight into
 * a typed array with a validity bitmap: Arrow's generic builders (vectorFromArray) took most of
 * the time of putting a quarter of a million index cells into the engine for the trends.
 */
function numericVector(type: 'DOUBLE' | 'INTEGER', values: readonly unknown[]): unknown {
  const length = values.length;
  const data = type === 'DOUBLE' ? new Float64Array(length) : new Int32Array(length);
  const validity = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null) {
      nullCount++;
    } else {
      data[i] = value as number;
      validity[i >> 3] = (validity[i >> 3] as number) | (1 << (i & 7));
    }
  }
  return arrow.makeVector(
    arrow.makeData({ type: arrowType(type) as never, length, nullCount, nullBitmap: nullCount > 0 ? validity : null, data } as never),
  );
}

/** (Re)creates the temporary table `table` holding `rows`, with the columns in the given order. */
export function createTableFromRows<T extends object>(
  engine: Engine,
  table: string,
  columns: readonly ColumnSpec<T>[],
  rows: readonly T[],
): void {
  if (!TABLE_NAME.test(table)) throw new Error(`invalid table name "${table}": use lower-case letters, digits and _`);
  if (rows.length === 0) {
    // An Arrow stream with no rows carries no batch to create a table from.
    engine.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map(({ name, type }) => `"${name}" ${type}`).join(', ')})`);
    return;
  }
  const vectors: Record<string, unknown> = {};
  for (const { name, type } of columns) {
    const values = columnValues(type, rows.map((row) => (row as Record<string, unknown>)[name]), name, table);
    vectors[name] = type === 'DOUBLE' || type === 'INTEGER' ? numericVector(type, values) : arrow.vectorFromArray(values, arrowType(type) as never);
  }
  // Arrow goes into a staging table of the main schema; the callers' SQL expects a TEMP table.
  const staging = `${table}__arrow`;
  engine.run(`DROP TABLE IF EXISTS main.${staging}`);
  engine.insertArrow(staging, new arrow.Table(vectors as never) as unknown as ArrowTable);
  try {
    const casts = columns.map(({ name, type }) => `CAST("${name}" AS ${type}) AS "${name}"`).join(', ');
    engine.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${casts} FROM main.${staging}`);
  } finally {
    engine.run(`DROP TABLE IF EXISTS main.${staging}`);
  }
}

export function dropTable(engine: Engine, table: string): void {
  if (!TABLE_NAME.test(table)) throw new Error(`invalid table name "${table}"`);
  engine.run(`DROP TABLE IF EXISTS ${table}`);
}
