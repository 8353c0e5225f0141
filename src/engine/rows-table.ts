/**
 * Puts JavaScript rows into a DuckDB table so a `.sql` file can compute on them.
 *
 * Why through a temporary CSV file: the engine exposes SQL only, and `read_csv` with declared
 * column types parses numbers exactly (shortest round-trip decimal → the same double), which a
 * long `VALUES` list of decimal literals does not guarantee and parses far more slowly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from './duckdb.ts';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE';

export interface ColumnSpec<T> {
  name: keyof T & string;
  type: ColumnType;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

function csvField(value: unknown, column: string, table: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`table ${table}, column ${column}: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  // An empty text is quoted so that it stays an empty text, not a null.
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** (Re)creates the temporary table `table` holding `rows`, with the columns in the given order. */
export function createTableFromRows<T extends object>(
  engine: Engine,
  table: string,
  columns: readonly ColumnSpec<T>[],
  rows: readonly T[],
): void {
  if (!TABLE_NAME.test(table)) throw new Error(`invalid table name "${table}": use lower-case letters, digits and _`);
  const lines = [columns.map((c) => c.name).join(',')];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((c) => csvField(record[c.name], c.name, table)).join(','));
  }
  const dir = mkdtempSync(join(tmpdir(), 'sipas-rows-'));
  const file = join(dir, `${table}.csv`);
  try {
    writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
    const types = columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
    engine.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', ` +
        `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
        `allow_quoted_nulls = false, columns = {${types}})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function dropTable(engine: Engine, table: string): void {
  if (!TABLE_NAME.test(table)) throw new Error(`invalid table name "${table}"`);
  engine.run(`DROP TABLE IF EXISTS ${table}`);
}
