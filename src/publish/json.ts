/**
 * Published JSON: an array of objects, keys in schema order, the same rounded values as the CSV
 * and Parquet (numbers as JSON numbers, dates as `YYYY-MM-DD`, missing = null). One object per
 * line, so the file is both compact and readable in a diff. Written only for small tables
 * (see TableSchema.formats).
 */
import type { PublishedRow } from './cell.ts';
import type { TableSchema } from './schemas.ts';
import { TextFile } from './text-file.ts';

/** `{"name":` prefixes, built once per table. */
function keyPrefixes(schema: TableSchema): string[] {
  return schema.fields.map((field, i) => `${i === 0 ? '{' : ','}${JSON.stringify(field.name)}:`);
}

function jsonObject(prefixes: readonly string[], row: PublishedRow): string {
  let out = '';
  for (let i = 0; i < prefixes.length; i++) out += prefixes[i] + JSON.stringify(row.values[i] ?? null);
  return `${out}}`;
}

export class JsonWriter {
  #file: TextFile;
  #prefixes: string[];
  #rows = 0;

  constructor(path: string, schema: TableSchema) {
    this.#file = new TextFile(path);
    this.#prefixes = keyPrefixes(schema);
    this.#file.write('[');
  }

  push(row: PublishedRow): void {
    this.#file.write(`${this.#rows === 0 ? '\n' : ',\n'}${jsonObject(this.#prefixes, row)}`);
    this.#rows += 1;
  }

  /** Closes the array; returns the file size in bytes. */
  close(): number {
    this.#file.write(this.#rows === 0 ? ']\n' : '\n]\n');
    return this.#file.close();
  }
}
