/**
 * Turns decoded text into records (rows of cells) with the physical line each record starts on,
 * streaming: papaparse's core parser runs on one chunk at a time and the unfinished last row is
 * carried into the next chunk, so memory holds one chunk, not the file.
 *
 * Line numbers are what a text editor shows: the header is line 1 when it is the first line, and a
 * cell holding a quoted line break makes its record span two lines. Blank lines (and rows whose
 * cells are all empty, which spreadsheets export as `,,,,`) are skipped and only counted.
 */
import Papa from 'papaparse';
import { DataError } from './data-error.ts';
import { detectLayout, type CsvLayout } from './delimiter.ts';
import type { TextSource } from './read-text.ts';

export interface CsvRecord {
  /** Physical line where the record starts (1-based). */
  line: number;
  cells: string[];
}

export interface CsvBatch {
  layout: CsvLayout;
  records: CsvRecord[];
  /** Blank lines skipped in this batch. */
  blankLines: number;
}

/** A row longer than this is not data: it means a quote opened and never closed. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

export async function* readCsvBatches(source: TextSource, label: string): AsyncGenerator<CsvBatch> {
  let pending = '';
  let line = 1;
  let layout: CsvLayout | null = null;
  let parser: Papa.Parser | null = null;

  const parse = (isLast: boolean): CsvBatch => {
    const lay = layout as CsvLayout;
    parser ??= new Papa.Parser({ delimiter: lay.delimiter, newline: lay.newline, quoteChar: '"' });
    const result = parser.parse(pending, 0, !isLast) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    const rows = result.data;
    const consumed = isLast ? pending.length : result.meta.cursor;
    const breakChar = lay.newline === '\r' ? '\r' : '\n';
    // Each complete row ends in exactly one line break; when the count of breaks says so, no cell
    // holds a break and each row is one line (the fast path for the usual file).
    const rowsEnded = isLast ? rows.length - 1 : rows.length;
    const oneLineEach = countChar(pending, breakChar, consumed) === rowsEnded;
    const firstLine = line;
    const records: CsvRecord[] = [];
    let blankLines = 0;
    const starts: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i] as string[];
      starts.push(line);
      if (isBlank(cells)) {
        // The empty remainder after a final line break is the end of the file, not a blank line.
        if (!(isLast && i === rows.length - 1)) blankLines++;
      } else {
        records.push({ line, cells });
      }
      line += oneLineEach ? 1 : 1 + countBreaksInCells(cells, breakChar);
    }
    for (const error of result.errors) {
      const at = error.row ?? rows.length;
      if (at < rows.length || isLast) throw quoteError(label, starts[at] ?? firstLine, error.code);
    }
    pending = pending.substring(consumed);
    return { layout: lay, records, blankLines };
  };

  for await (const chunk of source.chunks()) {
    pending += chunk;
    layout ??= detectLayout(pending, false);
    if (layout) yield parse(false);
    if (pending.length > MAX_ROW_CHARS) throw quoteError(label, line, 'MissingQuotes');
  }
  layout ??= detectLayout(pending, true);
  if (pending.length > 0) yield parse(true);
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function countChar(text: string, ch: string, end: number): number {
  let n = 0;
  let i = text.indexOf(ch);
  while (i !== -1 && i < end) {
    n++;
    i = text.indexOf(ch, i + 1);
  }
  return n;
}

function countBreaksInCells(cells: string[], breakChar: string): number {
  let n = 0;
  for (const cell of cells) n += countChar(cell, breakChar, cell.length);
  return n;
}

function quoteError(label: string, line: number, code: string | undefined): DataError {
  const problem = code === 'MissingQuotes'
    ? 'a cell starts with a double quote (") that is never closed, so the rest of the file cannot be split into rows.'
    : 'a quoted cell has text after its closing double quote ("), so the row cannot be split into cells reliably.';
  return new DataError({
    file: label,
    line,
    problem,
    fix: 'open the file in a text editor at that line and repair the quotes: a cell that holds a quote must be written in quotes with the quote doubled, e.g. "Phường ""A""".',
  });
}
