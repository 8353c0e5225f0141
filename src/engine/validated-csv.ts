/**
 * The validated responses CSV that intake writes and the engine reads (UTF-8 without BOM, comma,
 * RFC 4180 quoting, ISO dates, integer answers, empty = missing; its columns are intake's
 * FIXED_COLUMNS, then the item codes): its header, and how DuckDB reads it without sniffing.
 *
 * Why never sniff: `read_csv` with auto-detection samples the file and guesses every column's type
 * first; on a million responses that guess cost about three times the read itself (measured 4.1 s
 * against 1.4 s), and the format is ours, so there is nothing to guess.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { sqlText } from './sql-files.ts';

/** The header line of a (possibly gigabyte-sized) file, read from a prefix. */
export function readHeaderLine(path: string): string {
  const buffer = Buffer.alloc(65536);
  const fd = openSync(path, 'r');
  try {
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    const end = text.indexOf('\n');
    return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
  } finally {
    closeSync(fd);
  }
}

/**
 * A `read_csv(…)` table expression over a validated file whose header is `columns`: `date` as
 * DATE, every other column as text (a caller that needs numbers casts, or uses load-responses.sql,
 * which types the answers).
 */
export function validatedCsvAsText(path: string, columns: readonly string[]): string {
  const types = columns.map((name) => `${sqlText(name).sql}: '${name === 'date' ? 'DATE' : 'VARCHAR'}'`).join(', ');
  return `read_csv(${sqlText(path).sql}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`;
}
