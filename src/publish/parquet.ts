/**
 * Published Parquet, written with hyparquet-writer from the same published rows as the CSV, so
 * both hold the same rounded values. Types: string → UTF8 BYTE_ARRAY, integer → INT32,
 * number → DOUBLE (rounded like the CSV), boolean → BOOLEAN, date → INT32 DATE; a field is
 * REQUIRED when the schema says so, else OPTIONAL (null = missing).
 *
 * Rows are buffered per column and written one row group at a time through hyparquet-writer's
 * ParquetWriter and its file writer (which flushes to disk every ~1 MB), so memory is bounded by
 * one row group whatever the table's length. Whole row groups of the large tables (writeRowGroup)
 * go through parquet-column-chunk.ts, which writes the library's bytes several times faster.
 */
import { ParquetWriter, fileWriter, type SchemaElement } from 'hyparquet-writer';
import { epochDays, type PublishedRow, type PublishedValue } from './cell.ts';
import { prepareColumnChunk, reproduces, writeRowGroupOfChunks, type PreparedColumn } from './parquet-column-chunk.ts';
import type { FieldType, PublishedField, TableSchema } from './schemas.ts';

/** 100 000 rows per row group: a few MB per group for responses, one group for small tables. */
export const ROW_GROUP_ROWS = 100_000;

/** The largest value of a Parquet INT32 column (integer fields are written as INT32). */
export const INT32_MAX = 2 ** 31 - 1;

/** Writer name stored in the file footer: fixed text, no version or time, for byte-identical builds. */
const CREATED_BY = 'sipas-transparency publisher (hyparquet-writer)';

const PHYSICAL: Record<FieldType, Omit<SchemaElement, 'name' | 'repetition_type'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  integer: { type: 'INT32' },
  number: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE' },
};

/** The Parquet schema of a published table: a flat root with one leaf per field. */
export function parquetSchemaOf(schema: TableSchema): SchemaElement[] {
  return [
    { name: 'root', num_children: schema.fields.length },
    ...schema.fields.map((field): SchemaElement => ({
      name: field.name,
      ...PHYSICAL[field.type],
      repetition_type: field.required ? 'REQUIRED' : 'OPTIONAL',
    })),
  ];
}

export class ParquetTableWriter {
  #schema: TableSchema;
  #writer: ParquetWriter;
  /** The schema's leaf elements, one per field. */
  #leaves: SchemaElement[];
  #columns: PublishedValue[][];
  #buffered = 0;
  #rowGroupRows: number;
  #file: ReturnType<typeof fileWriter>;
  /** Per column, the conversion to the Parquet physical value, or undefined when there is none. */
  #convert: (((value: PublishedValue) => PublishedValue) | undefined)[];

  constructor(path: string, schema: TableSchema, rowGroupRows = ROW_GROUP_ROWS) {
    this.#schema = schema;
    this.#rowGroupRows = rowGroupRows;
    this.#file = fileWriter(path);
    const parquetSchema = parquetSchemaOf(schema);
    this.#leaves = parquetSchema.slice(1);
    this.#writer = new ParquetWriter({ writer: this.#file, schema: parquetSchema, createdBy: CREATED_BY });
    this.#columns = schema.fields.map(() => []);
    this.#convert = schema.fields.map(physicalConversion);
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
    if (this.#buffered >= this.#rowGroupRows) this.#writeRowGroup();
  }

  /** Rows per row group, for a caller that builds whole row groups (writeRowGroup). */
  get rowGroupRows(): number {
    return this.#rowGroupRows;
  }

  /**
   * Writes one row group from whole columns of Parquet physical values (dates as day numbers,
   * integers already checked to fit 32 bits): for a caller that builds the columns straight from a
   * file (validated-responses-writer.ts) and so needs no row object per row. Columns of
   * `rowGroupRows` rows (the last group may be shorter) give the same bytes as pushing the same
   * rows one by one. The writer encodes them before returning, so the caller may reuse the arrays.
   */
  writeRowGroup(columns: PublishedValue[][], rows: number): void {
    if (this.#buffered > 0) throw new Error('ParquetTableWriter: rows were pushed one by one; write whole row groups or push rows, not both');
    if (rows === 0) return;
    if (columns.length !== this.#schema.fields.length || columns.some((column) => column.length !== rows)) {
      throw new Error(`ParquetTableWriter: a row group of ${rows} rows needs ${this.#schema.fields.length} columns of ${rows} values`);
    }
    // The same bytes either way (parquet-column-chunk.ts); its tight loops when every column is
    // one it reproduces, else the library.
    const prepared = reproduces(this.#writer) ? this.#leaves.map((leaf, i) => prepareColumnChunk(leaf, columns[i] as PublishedValue[])) : [];
    if (prepared.length > 0 && prepared.every((column) => column !== undefined)) {
      writeRowGroupOfChunks(this.#writer, prepared as PreparedColumn[], rows);
      return;
    }
    const columnData = this.#schema.fields.map((field, i) => ({ name: field.name, data: columns[i] as PublishedValue[] }));
    this.#writer.write({ columnData, rowGroupSize: rows });
  }

  /** Writes the last row group and the footer; returns the file size in bytes. */
  close(): number {
    this.#writeRowGroup();
    this.#writer.finish();
    return this.#file.offset;
  }

  #writeRowGroup(): void {
    if (this.#buffered === 0) return;
    const columnData = this.#schema.fields.map((field, i) => ({ name: field.name, data: this.#columns[i] as PublishedValue[] }));
    this.#writer.write({ columnData, rowGroupSize: this.#buffered });
    this.#columns = this.#schema.fields.map(() => []);
    this.#buffered = 0;
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
