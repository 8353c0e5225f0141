/**
 * Reads a small register CSV (units, agencies, fields) into rows keyed by column name, with the
 * line each row starts on. Registers are edited by hand, so the same spreadsheet forms are
 * accepted as for responses (BOM, `;`, TAB, CRLF, UTF-16). Unlike responses, a bad register row
 * stops the build: every later check depends on the registers being whole.
 */
import { existsSync } from 'node:fs';
import { readCsvBatches } from './csv-records.ts';
import { DataError } from './data-error.ts';
import { openText, type Warn } from './read-text.ts';

export interface TableRow {
  line: number;
  /** Trimmed cell values by column name. */
  values: Record<string, string>;
}

export interface TableColumns {
  required: readonly string[];
  optional?: readonly string[];
}

export async function readTable(path: string, label: string, columns: TableColumns, warn: Warn): Promise<TableRow[]> {
  if (!existsSync(path)) {
    throw new DataError({ file: label, problem: 'the file is missing.', fix: `create it with the columns ${columns.required.join(', ')} (see data-contract.md).` });
  }
  const source = await openText(path, label, warn);
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  for await (const batch of readCsvBatches(source, label)) {
    for (const record of batch.records) {
      if (!header) {
        header = record.cells.map((name) => name.trim().replace(/^\uFEFF/, ''));
        checkHeader(header, label, columns, warn);
        continue;
      }
      if (record.cells.length !== header.length) {
        throw new DataError({
          file: label,
          line: record.line,
          problem: `the row has ${record.cells.length} cells but the header has ${header.length} columns.`,
          fix: 'check for a missing or extra separator, or a value holding a separator that is not in double quotes.',
        });
      }
      const values: Record<string, string> = {};
      header.forEach((name, i) => (values[name] = (record.cells[i] ?? '').trim()));
      rows.push({ line: record.line, values });
    }
  }
  if (!header) {
    throw new DataError({ file: label, problem: 'the file has no header row (it holds only blank lines).', fix: `write the header ${columns.required.join(',')} on the first line.` });
  }
  return rows;
}

function checkHeader(header: string[], label: string, columns: TableColumns, warn: Warn): void {
  const missing = columns.required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new DataError({
      file: label,
      line: 1,
      problem: `required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} missing; the header has: ${header.map((h) => `'${h}'`).join(', ')}.`,
      fix: `the header must name the columns ${columns.required.join(', ')} (exactly, in lower case).`,
    });
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      throw new DataError({ file: label, line: 1, column: name, problem: 'the column appears twice in the header.', fix: 'keep one of the two columns.' });
    }
    seen.add(name);
  }
  const known = new Set([...columns.required, ...(columns.optional ?? [])]);
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0) warn(`${label}: column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} not used and ignored.`);
}
