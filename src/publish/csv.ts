/**
 * Published CSV: UTF-8 with a byte-order mark (so spreadsheet software shows Vietnamese correctly),
 * a header row of the schema's field names, comma-separated, `\n` line ends (declared as the
 * dialect's lineTerminator in datapackage.json), RFC 4180 quoting, empty cell = missing value,
 * booleans `true`/`false`, numbers rounded per schema and never in exponent form.
 */
import { publishRow, valuesInSchemaOrder, type PublishedRow } from './cell.ts';
import type { TableSchema } from './schemas.ts';
import { TextFile } from './text-file.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"); tab and
 * carriage return are on the list because some spreadsheets strip them before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell that would start a formula gets a leading `'`, which spreadsheets treat as "this is
 * text". Only text columns: a number column's -1.5 must stay a number. CSV only: Parquet and JSON
 * are not opened by spreadsheets and keep the text as it is.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a cell holding a comma, a quote or a line break; double inner quotes. */
export function quoteCsv(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeaderLine(schema: TableSchema): string {
  return schema.fields.map((field) => quoteCsv(field.name)).join(',') + CSV_LINE_END;
}

/** Which columns are text, i.e. need neutralising and quoting. */
function textColumns(schema: TableSchema): boolean[] {
  return schema.fields.map((field) => field.type === 'string');
}

function csvLine(isText: readonly boolean[], row: PublishedRow): string {
  // map + join builds one flat string; `+=` would build a rope that is flattened again later.
  const cells = row.texts.map((text, i) => {
    if (text === null) return '';
    return isText[i] ? quoteCsv(neutraliseFormula(text)) : text;
  });
  return cells.join(',') + CSV_LINE_END;
}

/** Writes one table's CSV row by row; `close` returns the file size in bytes. */
export class CsvWriter {
  #file: TextFile;
  #isText: boolean[];

  constructor(path: string, schema: TableSchema) {
    this.#file = new TextFile(path);
    this.#isText = textColumns(schema);
    this.#file.write(CSV_BOM + csvHeaderLine(schema));
  }

  push(row: PublishedRow): void {
    this.#file.write(csvLine(this.#isText, row));
  }

  close(): number {
    return this.#file.close();
  }
}

/**
 * The whole CSV of a few rows as one string, BOM included: what a chart's "download the data"
 * link serves, formatted exactly like the published files.
 */
export function formatCsv(schema: TableSchema, rows: Iterable<object>): string {
  const isText = textColumns(schema);
  let out = CSV_BOM + csvHeaderLine(schema);
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber += 1;
    out += csvLine(isText, publishRow(schema, valuesInSchemaOrder(schema, row), rowNumber));
  }
  return out;
}
