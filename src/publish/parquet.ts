/**
 * Published Parquet, written by parquet-wasm (arrow-rs compiled to WebAssembly) through its public
 * API, from the same published rows as the CSV, so both hold the same rounded values. Types:
 * string → UTF8 BYTE_ARRAY, integer → INT32, number → DOUBLE (rounded like the CSV), boolean →
 * BOOLEAN, date → INT32 DATE; a field is REQUIRED when the schema says so, else OPTIONAL (null =
 * missing). Readers get min/max and null counts per page and chunk, a page index, the Arrow schema
 * in the footer (so pyarrow and polars give back the same types), and ZSTD compression.
 *
 * Rows are buffered per column and handed over one row group at a time as an Arrow record batch
 * (arrow-columns.ts) to parquet-wasm's streaming writer, whose bytes go to the file as they come.
 * A writer that hands whole row groups waits until the previous one is encoded, so memory stays at
 * about two row groups whatever the table's length.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Table as ArrowTable, type RecordBatch, tableToIPC } from 'apache-arrow';
import { Compression, Table, WriterPropertiesBuilder, transformParquetStream } from 'parquet-wasm/node';
import { arrowSchemaOf, recordBatchOf } from './arrow-columns.ts';
import { epochDays, type PublishedRow, type PublishedValue } from './cell.ts';
import type { PublishedField, TableSchema } from './schemas.ts';

/** 100 000 rows per row group: a few MB per group for responses, one group for small tables. */
export const ROW_GROUP_ROWS = 100_000;

/** The largest value of a Parquet INT32 column (integer fields are written as INT32). */
export const INT32_MAX = 2 ** 31 - 1;

/**
 * Writer name stored in the file footer: fixed text, no time, for byte-identical builds. The
 * library's version is named because another version may encode the same values differently.
 */
const CREATED_BY = 'sipas-transparency publisher (parquet-wasm 0.8.0, arrow-rs)';

/** The writer's settings (also of a file's parts, parquet-parts.ts, so a part is encoded as the whole was). */
export function writerProperties(rowGroupRows = ROW_GROUP_ROWS) {
  return new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setMaxRowGroupSize(rowGroupRows)
    .setCreatedBy(CREATED_BY)
    .build();
}

export class ParquetTableWriter {
  #schema: TableSchema;
  #columns: PublishedValue[][];
  #buffered = 0;
  #rowGroupRows: number;
  /** Per column, the conversion to the Parquet physical value, or undefined when there is none. */
  #convert: (((value: PublishedValue) => PublishedValue) | undefined)[];
  #batches: BatchQueue;
  /** Resolves to the file's size once the library has written its last byte. */
  #written: Promise<number>;
  #groups = 0;

  constructor(path: string, schema: TableSchema, rowGroupRows = ROW_GROUP_ROWS) {
    this.#schema = schema;
    this.#rowGroupRows = rowGroupRows;
    this.#columns = schema.fields.map(() => []);
    this.#convert = schema.fields.map(physicalConversion);
    this.#batches = new BatchQueue();
    this.#written = writeStream(path, this.#batches.stream, rowGroupRows);
    // Seen by close() or by a writer waiting for room; this only keeps Node from calling it unhandled first.
    this.#written.catch(() => undefined);
  }

  push(row: PublishedRow): void {
    const { values } = row;
    const columns = this.#columns;
    const convert = this.#convert;
    for (let i = 0; i < columns.length; i++) {
      const value = values[i] ?? null;
      const toPhysical = convert[i];
      (columns[i] as PublishedValue[]).push(toPhysical && value !== null ? toPhysical(value) : value);
    }
    this.#buffered += 1;
    if (this.#buffered >= this.#rowGroupRows) this.#sendBuffered();
  }

  /** Rows per row group, for a caller that builds whole row groups (writeRowGroup). */
  get rowGroupRows(): number {
    return this.#rowGroupRows;
  }

  /**
   * Writes one row group from whole columns of Parquet physical values (dates as day numbers,
   * integers already checked to fit 32 bits): for a caller that builds the columns straight from a
   * file (validated-responses-writer.ts) and so needs no row object per row. The values are copied
   * before it returns, so the caller may reuse the arrays; the promise settles when the writer has
   * room for the next group, which keeps a long file from piling up in memory.
   */
  async writeRowGroup(columns: PublishedValue[][], rows: number): Promise<void> {
    if (this.#buffered > 0) throw new Error('ParquetTableWriter: rows were pushed one by one; write whole row groups or push rows, not both');
    if (rows === 0) return;
    if (columns.length !== this.#schema.fields.length || columns.some((column) => column.length !== rows)) {
      throw new Error(`ParquetTableWriter: a row group of ${rows} rows needs ${this.#schema.fields.length} columns of ${rows} values`);
    }
    this.#send(recordBatchOf(this.#schema, columns, rows));
    await Promise.race([this.#batches.room(), this.#written]);
  }

  /** Writes the last row group and the footer; returns the file size in bytes. */
  async close(): Promise<number> {
    this.#sendBuffered();
    // A table with no rows still gets its columns: one empty batch carries the schema.
    if (this.#groups === 0) this.#send(recordBatchOf(this.#schema, this.#schema.fields.map(() => []), 0));
    this.#batches.end();
    return this.#written;
  }

  /** Gives up: the file is left incomplete, for a caller that will not publish it. */
  abandon(): void {
    this.#batches.fail(new Error('ParquetTableWriter: abandoned'));
  }

  #sendBuffered(): void {
    if (this.#buffered === 0) return;
    this.#send(recordBatchOf(this.#schema, this.#columns, this.#buffered));
    this.#columns = this.#schema.fields.map(() => []);
    this.#buffered = 0;
  }

  #send(batch: RecordBatch): void {
    this.#groups += 1;
    // parquet-wasm takes Arrow data through the IPC stream format: one copy into its memory.
    const ipc = tableToIPC(new ArrowTable(arrowSchemaOf(this.#schema), [batch]), 'stream');
    for (const wasmBatch of Table.fromIPCStream(ipc).recordBatches()) this.#batches.put(wasmBatch);
  }
}

/** Runs the library's streaming writer over the batches and writes what it gives to `path`. */
async function writeStream(path: string, batches: ReadableStream, rowGroupRows: number): Promise<number> {
  const bytes = await transformParquetStream(batches, writerProperties(rowGroupRows));
  const fd = openSync(path, 'w');
  let size = 0;
  try {
    for await (const chunk of bytes as ReadableStream<Uint8Array>) {
      writeSync(fd, chunk);
      size += chunk.byteLength;
    }
  } finally {
    closeSync(fd);
  }
  return size;
}

/**
 * The record batches on their way to the library: a stream the caller fills, and `room()` to wait
 * until the library has taken all but the newest batch.
 */
class BatchQueue {
  readonly stream: ReadableStream;
  #controller!: ReadableStreamDefaultController;
  #waiting: (() => void)[] = [];

  constructor() {
    this.stream = new ReadableStream(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => {
          for (const resolve of this.#waiting.splice(0)) resolve();
        },
      },
      { highWaterMark: 1 },
    );
  }

  put(batch: unknown): void {
    this.#controller.enqueue(batch);
  }

  room(): Promise<void> {
    if ((this.#controller.desiredSize ?? 0) > 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  end(): void {
    this.#controller.close();
  }

  fail(error: Error): void {
    this.#controller.error(error);
  }
}

function physicalConversion(field: PublishedField): ((value: PublishedValue) => PublishedValue) | undefined {
  if (field.type === 'date') return (value) => epochDays(value as string);
  if (field.type === 'integer') {
    return (value) => {
      if (Math.abs(value as number) > INT32_MAX) throw new RangeError(`column ${field.name}: ${String(value)} does not fit a 32-bit integer`);
      return value;
    };
  }
  return undefined;
}
