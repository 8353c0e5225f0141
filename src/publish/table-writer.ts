/**
 * Writes one table in each of its formats in a single pass over its rows: every row is converted
 * once (publishRow) and handed to the CSV, Parquet and JSON writers. A single pass lets a
 * responses table stream from its source file without being read twice or held in memory.
 */
import { join } from 'node:path';
import { publishRow, valuesInSchemaOrder, type PublishedRow } from './cell.ts';
import { CsvWriter } from './csv.ts';
import { JsonWriter } from './json.ts';
import { ParquetTableWriter } from './parquet.ts';
import type { FileFormat, TableSchema } from './schemas.ts';

type Values = readonly unknown[];

/** Rows read from a stream in batches: one promise per batch instead of one per row. */
export interface RowBatches {
  batches: AsyncIterable<readonly Values[]>;
}

/** Rows as arrays of values in schema order: in memory, streamed one by one, or streamed in batches. */
export type RowSource = Iterable<Values> | AsyncIterable<Values> | RowBatches;

export interface WrittenFile {
  /** File name inside the output folder, e.g. `indices.csv`. */
  file: string;
  format: FileFormat;
}

export interface WrittenTable {
  table: string;
  rows: number;
  files: WrittenFile[];
}

/** A table already written into `dir` (by responses-worker.ts, while the engine computed). */
export interface PrewrittenTable {
  dir: string;
  table: WrittenTable;
}

interface RowSink {
  push(row: PublishedRow): void;
  /** Finishes the file; returns its size in bytes. */
  close(): number | Promise<number>;
  /** Stops after an error, leaving an incomplete file that is not published. */
  abandon?(): void;
}

export function fileName(schema: TableSchema, format: FileFormat): string {
  return `${schema.name}.${format}`;
}

export async function writeTable(dir: string, schema: TableSchema, rows: RowSource): Promise<WrittenTable> {
  const sinks: RowSink[] = schema.formats.map((format) => openSink(join(dir, fileName(schema, format)), schema, format));
  const keyOf = schema.checkPrimaryKey && schema.primaryKey ? primaryKeyReader(schema.name, schema.fields, schema.primaryKey) : undefined;
  const seenKeys = new Set<string>();
  let rowNumber = 0;
  const take = (raw: Values): void => {
    rowNumber += 1;
    const row = publishRow(schema, raw, rowNumber);
    if (keyOf) {
      const key = keyOf(row);
      if (seenKeys.has(key)) {
        throw new Error(
          `${schema.name}: row ${rowNumber} repeats the key (${schema.primaryKey?.join(', ')}) = (${key.split('\u001f').join(', ')}). ` +
            'Each row of this table must be unique on these columns; fix the step that produced it and rebuild.',
        );
      }
      seenKeys.add(key);
    }
    for (const sink of sinks) sink.push(row);
  };
  let read = false;
  try {
    // A plain loop for in-memory rows: `for await` would cost a promise per row, which shows
    // at millions of responses.
    if ('batches' in rows) {
      for await (const batch of rows.batches) for (const raw of batch) take(raw);
    } else if (Symbol.iterator in rows) {
      for (const raw of rows) take(raw);
    } else {
      for await (const raw of rows) take(raw);
    }
    read = true;
  } finally {
    // After an error the files are incomplete and the caller does not publish them: release them.
    if (!read) for (const sink of sinks) void (sink.abandon ? sink.abandon() : sink.close());
  }
  for (const sink of sinks) await sink.close();
  return {
    table: schema.name,
    rows: rowNumber,
    files: schema.formats.map((format) => ({ file: fileName(schema, format), format })),
  };
}

/** Object rows (the computed tables) as arrays in schema order. */
export function* objectRows(schema: TableSchema, rows: Iterable<object>): Generator<unknown[]> {
  for (const row of rows) yield valuesInSchemaOrder(schema, row);
}

function openSink(path: string, schema: TableSchema, format: FileFormat): RowSink {
  switch (format) {
    case 'csv':
      return new CsvWriter(path, schema);
    case 'parquet':
      return new ParquetTableWriter(path, schema);
    case 'json':
      return new JsonWriter(path, schema);
  }
}

function primaryKeyReader(
  table: string,
  fields: TableSchema['fields'],
  primaryKey: readonly string[],
): (row: PublishedRow) => string {
  const positions = primaryKey.map((name) => {
    const index = fields.findIndex((field) => field.name === name);
    if (index < 0) throw new Error(`${table}: primary key column ${name} is not in the schema`);
    return index;
  });
  return (row) => positions.map((i) => row.texts[i] ?? '').join('\u001f');
}
