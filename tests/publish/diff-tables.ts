/**
 * An independent diff of two published CSVs of the same table, for tests that check revisions.csv
 * lists exactly the values that changed between two releases. Written apart from the code it
 * checks: it imports nothing from src/ (not revisions.ts, not cell.ts, not papaparse) and parses
 * the CSV text itself, so a shared mistake cannot hide in both.
 *
 * Compared, as revisions.ts promises: every column of the CURRENT file except the key columns and
 * the ignored ones (the flag); a column the previous file lacks reads as empty. Cells are compared
 * as published texts, with the writer's formula guard (a leading `'` before = + - @ tab CR) undone.
 */

export interface CellChange {
  /** The key columns' texts joined with `|`, in the order of `keyColumns`. */
  key: string;
  column: string;
  previous_value: string;
  value: string;
}

export interface TableDiff {
  /** Changed cells, in the current file's row order, then column order. */
  changed: CellChange[];
  /** Keys only in the current file, in its order. */
  added: string[];
  /** Keys only in the previous file, in its order. */
  withdrawn: string[];
}

/** Diffs `currentCsv` against `previousCsv`; the rows of both are matched by `keyColumns`. */
export function diffCsvTables(previousCsv: string, currentCsv: string, keyColumns: readonly string[], ignoredColumns: readonly string[] = ['flag']): TableDiff {
  const previous = readTable(previousCsv, keyColumns);
  const current = readTable(currentCsv, keyColumns);
  const compared = current.header.filter((name) => !keyColumns.includes(name) && !ignoredColumns.includes(name));
  const currentAt = compared.map((name) => current.header.indexOf(name));
  const previousAt = compared.map((name) => previous.header.indexOf(name));
  const changed: CellChange[] = [];
  const added: string[] = [];
  for (const [key, row] of current.rows) {
    const before = previous.rows.get(key);
    if (!before) {
      added.push(key);
      continue;
    }
    compared.forEach((column, c) => {
      const value = row[currentAt[c] as number] ?? '';
      const from = previousAt[c] as number;
      const previousValue = from < 0 ? '' : (before[from] ?? '');
      if (value !== previousValue) changed.push({ key, column, previous_value: previousValue, value });
    });
  }
  const withdrawn = [...previous.rows.keys()].filter((key) => !current.rows.has(key));
  return { changed, added, withdrawn };
}

interface Table {
  header: string[];
  /** Cell texts (header order) by key, in file order. */
  rows: Map<string, string[]>;
}

function readTable(csv: string, keyColumns: readonly string[]): Table {
  const records = parseCsv(csv.startsWith('\uFEFF') ? csv.slice(1) : csv);
  const header = records.shift();
  if (!header) throw new Error('empty CSV');
  const keyAt = keyColumns.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`no key column ${name}`);
    return at;
  });
  const rows = new Map<string, string[]>();
  for (const record of records) {
    if (record.length !== header.length) throw new Error(`a record has ${record.length} cells for ${header.length} columns`);
    const row = record.map(unguard);
    const key = keyAt.map((at) => row[at]).join('|');
    if (rows.has(key)) throw new Error(`repeated key ${key}`);
    rows.set(key, row);
  }
  return { header, rows };
}

/** The writer's formula guard, undone: `'=x` → `=x`. Number cells never start with `'`. */
function unguard(text: string): string {
  return text.startsWith("'") && ['=', '+', '-', '@', '\t', '\r'].includes(text.charAt(1)) ? text.slice(1) : text;
}

/**
 * RFC 4180 records: `"` quotes a cell, `""` inside it is one quote; records end with `\n` or
 * `\r\n`; a final line end is optional. Unquoted cells are cut with indexOf-like searches rather
 * than char by char, so a table of half a million rows parses in a few seconds.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const separator = /,|\r?\n/g;
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell: string;
    if (text[i] === '"') {
      cell = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new Error('a quoted cell is not closed');
        cell += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      separator.lastIndex = i;
      const end = separator.exec(text)?.index ?? text.length;
      cell = text.slice(i, end);
      i = end;
    }
    record.push(cell);
    // After a cell: a comma (another cell follows), a line end (the record ends) or the end.
    if (text[i] === ',') {
      i += 1;
      if (i === text.length) record.push('');
    } else {
      if (text[i] === '\r') i += 1;
      if (i < text.length && text[i] !== '\n') throw new Error(`unexpected ${JSON.stringify(text[i])} after a quoted cell`);
      i += 1;
      records.push(record);
      record = [];
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}
