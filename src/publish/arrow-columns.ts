/**
 * Columns of published values → an Arrow record batch, the form parquet-wasm takes. Values are
 * Parquet physical values (parquet.ts): text, whole numbers (dates as day numbers), numbers,
 * booleans, null for missing. A REQUIRED column holding a null is refused here, naming the column,
 * rather than deep inside the library.
 */
import { Bool, DateDay, Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Utf8, type Data, type DataType } from 'apache-arrow';
import { Buffer } from 'node:buffer';
import type { PublishedValue } from './cell.ts';
import type { FieldType, PublishedField, TableSchema } from './schemas.ts';

const ARROW_TYPE: Record<FieldType, () => DataType> = {
  string: () => new Utf8(),
  integer: () => new Int32(),
  number: () => new Float64(),
  boolean: () => new Bool(),
  date: () => new DateDay(),
};

const schemas = new WeakMap<TableSchema, Schema>();

/** The Arrow schema of a published table: one field per column, nullable unless required. */
export function arrowSchemaOf(schema: TableSchema): Schema {
  let arrow = schemas.get(schema);
  if (!arrow) {
    arrow = new Schema(schema.fields.map((field) => new Field(field.name, ARROW_TYPE[field.type](), !field.required)));
    schemas.set(schema, arrow);
  }
  return arrow;
}

/** The first `rows` values of each column as one record batch. */
export function recordBatchOf(schema: TableSchema, columns: readonly PublishedValue[][], rows: number): RecordBatch {
  const arrow = arrowSchemaOf(schema);
  const children = schema.fields.map((field, i) => columnData(schema, field, columns[i] as PublishedValue[], rows));
  return new RecordBatch(arrow, makeData({ type: new Struct(arrow.fields), length: rows, nullCount: 0, children }));
}

function columnData(schema: TableSchema, field: PublishedField, values: PublishedValue[], rows: number): Data {
  const validity = new Uint8Array((rows + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < rows; i++) {
    if (values[i] === null || values[i] === undefined) nullCount += 1;
    else setBit(validity, i);
  }
  if (nullCount > 0 && field.required) {
    throw new Error(`${schema.name}: column ${field.name} is required but ${nullCount} of ${rows} values in a row group are empty`);
  }
  const nullBitmap = nullCount > 0 ? validity : undefined;
  const length = rows;
  switch (field.type) {
    case 'string':
      return makeData({ type: new Utf8(), length, nullCount, nullBitmap, ...utf8Buffers(values, rows) });
    case 'integer':
      return makeData({ type: new Int32(), length, nullCount, nullBitmap, data: numbers(new Int32Array(rows), values) });
    case 'date':
      return makeData({ type: new DateDay(), length, nullCount, nullBitmap, data: numbers(new Int32Array(rows), values) });
    case 'number':
      return makeData({ type: new Float64(), length, nullCount, nullBitmap, data: numbers(new Float64Array(rows), values) });
    case 'boolean': {
      const bits = new Uint8Array((rows + 7) >> 3);
      for (let i = 0; i < rows; i++) if (values[i] === true) setBit(bits, i);
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data: bits });
    }
  }
}

/** Arrow's bit order: value i is bit i % 8 of byte i / 8. */
function setBit(bits: Uint8Array, i: number): void {
  bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
}

/** Fills `into` with the numbers of `values` (a null leaves its 0, hidden by the validity bitmap). */
function numbers<T extends Int32Array | Float64Array>(into: T, values: PublishedValue[]): T {
  for (let i = 0; i < into.length; i++) {
    const value = values[i];
    if (typeof value === 'number') into[i] = value;
  }
  return into;
}

/**
 * A text column's UTF-8 bytes and offsets. The texts are encoded in one call: when the result has
 * one byte per character (codes, ids, dates: nearly always) the offsets follow from the lengths.
 */
function utf8Buffers(values: PublishedValue[], rows: number): { data: Uint8Array; valueOffsets: Int32Array } {
  const texts = values.length === rows ? values : values.slice(0, rows);
  const joined = texts.join('');
  const data = Buffer.from(joined, 'utf8');
  const valueOffsets = new Int32Array(rows + 1);
  let end = 0;
  // UTF-8 takes at least one byte per UTF-16 unit, exactly one only for ASCII.
  const ascii = data.length === joined.length;
  for (let i = 0; i < rows; i++) {
    const text = texts[i];
    if (typeof text === 'string') end += ascii ? text.length : Buffer.byteLength(text, 'utf8');
    valueOffsets[i + 1] = end;
  }
  return { data, valueOffsets };
}
