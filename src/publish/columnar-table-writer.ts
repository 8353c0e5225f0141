/**
 * writeTable for a table already in columns (columnar-rows.ts): the same CSV and Parquet bytes
 * for about half the work, because what the row writer does once per cell is done here once per
 * distinct text (a large table repeats a few hundred texts: codes, periods, statuses) and the row
 * objects are never built.
 *
 * It only takes the clean case. It first checks, column by column, everything the row writer
 * would refuse: a missing required value, a text outside its column's list, a date that is not
 * YYYY-MM-DD, a number that is not finite, an integer that is not whole or does not fit 32 bits,
 * a repeated primary key, a column whose values are not of its type. If any is found — or the
 * table has a JSON file — it writes nothing and returns undefined, and the caller runs the row
 * writer, which stops with its usual message (so there is one set of messages, not two).
 */
import { join } from 'node:path';
import { epochDays, isIsoDate, type PublishedValue } from './cell.ts';
import type { Column, ColumnarRows } from './columnar-rows.ts';
import { CSV_BOM, CSV_LINE_END, csvHeaderLine, neutraliseFormula, quoteCsv } from './csv.ts';
import { INT32_MAX, ParquetTableWriter } from './parquet.ts';
import { formatRounded } from './round.ts';
import type { PublishedField, TableSchema } from './schemas.ts';
import { fileName, type WrittenTable } from './table-writer.ts';
import { TextFile } from './text-file.ts';

/** How one column is written: its CSV cell and its Parquet value for a row. */
interface ColumnWriter {
  csv(row: number): string;
  parquet(row: number): PublishedValue;
}

export async function writeColumnarTable(dir: string, schema: TableSchema, table: ColumnarRows): Promise<WrittenTable | undefined> {
  if (schema.formats.some((format) => format !== 'csv' && format !== 'parquet')) return undefined;
  const writers: ColumnWriter[] = [];
  for (let i = 0; i < schema.fields.length; i++) {
    const writer = columnWriter(schema.fields[i] as PublishedField, table.columns[i] as Column, table.rows);
    if (!writer) return undefined;
    writers.push(writer);
  }
  if (schema.checkPrimaryKey && schema.primaryKey && hasRepeatedKey(schema, table, writers)) return undefined;

  const csv = schema.formats.includes('csv') ? new TextFile(join(dir, fileName(schema, 'csv'))) : undefined;
  const parquet = schema.formats.includes('parquet') ? new ParquetTableWriter(join(dir, fileName(schema, 'parquet')), schema) : undefined;
  let written = false;
  try {
    csv?.write(CSV_BOM + csvHeaderLine(schema));
    const cells = new Array<string>(writers.length);
    const groupRows = parquet?.rowGroupRows ?? table.rows;
    for (let start = 0; start < table.rows; start += groupRows) {
      const end = Math.min(start + groupRows, table.rows);
      if (csv) {
        for (let row = start; row < end; row++) {
          for (let i = 0; i < writers.length; i++) cells[i] = (writers[i] as ColumnWriter).csv(row);
          csv.write(cells.join(',') + CSV_LINE_END);
        }
      }
      if (parquet) {
        const columns = writers.map((writer) => {
          const values = new Array<PublishedValue>(end - start);
          for (let row = start; row < end; row++) values[row - start] = writer.parquet(row);
          return values;
        });
        await parquet.writeRowGroup(columns, end - start);
      }
    }
    written = true;
  } finally {
    csv?.close();
    if (!written) parquet?.abandon();
  }
  await parquet?.close();
  return { table: schema.name, rows: table.rows, files: schema.formats.map((format) => ({ file: fileName(schema, format), format })) };
}

/**
 * The writer of one column, or undefined when a value would be refused (or the column's values
 * are not of the field's type). The texts and values are those of publishRow, csv.ts and
 * parquet.ts; tests compare the files with the row writer's.
 */
function columnWriter(field: PublishedField, column: Column, rows: number): ColumnWriter | undefined {
  const allMissing = column.kind === 'number' && column.missing.every((flag) => flag !== 0);
  if (allMissing) return field.required && rows > 0 ? undefined : { csv: () => '', parquet: () => null };
  const missingAllowed = (missing: Uint8Array): boolean => !field.required || missing.every((flag) => flag === 0);
  switch (field.type) {
    case 'string':
    case 'date': {
      if (column.kind !== 'text') return undefined;
      const { codes, dictionary } = column;
      const ok = dictionary.every((text) =>
        field.type === 'date' ? isIsoDate(text) : !field.enum || field.enum.includes(text),
      );
      if (!ok || (field.required && codes.some((code) => code < 0))) return undefined;
      const csvText = dictionary.map((text) => (field.type === 'string' ? quoteCsv(neutraliseFormula(text)) : text));
      const values: PublishedValue[] = field.type === 'date' ? dictionary.map((text) => epochDays(text)) : dictionary;
      return {
        csv: (row) => {
          const code = codes[row] as number;
          return code < 0 ? '' : (csvText[code] as string);
        },
        parquet: (row) => {
          const code = codes[row] as number;
          return code < 0 ? null : (values[code] as PublishedValue);
        },
      };
    }
    case 'integer': {
      if (column.kind !== 'number' || !missingAllowed(column.missing)) return undefined;
      const { values, missing } = column;
      for (let row = 0; row < rows; row++) {
        const value = values[row] as number;
        if (missing[row] === 0 && (!Number.isSafeInteger(value) || Math.abs(value) > INT32_MAX)) return undefined;
      }
      return {
        csv: (row) => (missing[row] === 0 ? String(values[row]) : ''),
        parquet: (row) => (missing[row] === 0 ? (values[row] as number) : null),
      };
    }
    case 'number': {
      if (column.kind !== 'number' || !missingAllowed(column.missing)) return undefined;
      const { values, missing } = column;
      const decimals = field.decimals ?? 2;
      // Each text is made once and read twice: the CSV cell, and the Parquet value parsed from it.
      const texts = new Array<string>(rows);
      for (let row = 0; row < rows; row++) {
        if (missing[row] !== 0) continue;
        const value = values[row] as number;
        if (!Number.isFinite(value)) return undefined;
        texts[row] = formatRounded(value, decimals);
      }
      return {
        csv: (row) => (missing[row] === 0 ? (texts[row] as string) : ''),
        parquet: (row) => (missing[row] === 0 ? Number(texts[row]) : null),
      };
    }
    case 'boolean': {
      if (column.kind !== 'boolean' || !missingAllowed(column.missing)) return undefined;
      const { values, missing } = column;
      return {
        csv: (row) => (missing[row] !== 0 ? '' : values[row] === 1 ? 'true' : 'false'),
        parquet: (row) => (missing[row] !== 0 ? null : values[row] === 1),
      };
    }
  }
}

/**
 * Whether two rows share the primary key as the row writer compares it: the cells' texts joined by
 * U+001F, a missing value counting as ''. When every key column is text, a row's key is a number
 * made of its dictionary codes instead of a joined string (a third of the work of writing).
 */
function hasRepeatedKey(schema: TableSchema, table: ColumnarRows, writers: ColumnWriter[]): boolean {
  const positions = (schema.primaryKey ?? []).map((name) => schema.fields.findIndex((field) => field.name === name));
  if (positions.some((i) => i < 0)) return true; // let the row writer say which column is unknown
  const textColumns = positions.map((i) => table.columns[i] as Column).filter((column) => column.kind === 'text');
  const radixProduct = textColumns.reduce((product, column) => product * (column.dictionary.length + 1), 1);
  if (textColumns.length === positions.length && radixProduct < Number.MAX_SAFE_INTEGER) {
    const keyCodes = textColumns.map(({ codes, dictionary }) => {
      // '' and a missing value are the same key; a text holding the separator could make two
      // different keys join alike in the row writer, so leave such a table to it.
      if (dictionary.some((text) => text.includes('\u001f'))) return undefined;
      const codeOfEntry = dictionary.map((text, code) => (text === '' ? 0 : code + 1));
      return { codes, codeOfEntry, radix: dictionary.length + 1 };
    });
    if (keyCodes.some((column) => column === undefined)) return true;
    const seen = new Set<number>();
    for (let row = 0; row < table.rows; row++) {
      let key = 0;
      for (const column of keyCodes) {
        const { codes, codeOfEntry, radix } = column!;
        const code = codes[row] as number;
        key = key * radix + (code < 0 ? 0 : (codeOfEntry[code] as number));
      }
      if (seen.has(key)) return true;
      seen.add(key);
    }
    return false;
  }
  const keyWriters = positions.map((i) => writers[i] as ColumnWriter);
  const seen = new Set<string>();
  for (let row = 0; row < table.rows; row++) {
    // The CSV cells (quoted, neutralised) can only make more keys alike, never fewer: a false
    // alarm sends the table to the row writer, which decides.
    const key = keyWriters.map((writer) => writer.csv(row)).join('\u001f');
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
