/**
 * One RFC 4180 record parsed from UTF-8 bytes: cells separated by commas, a cell in double quotes
 * may hold commas, line breaks and doubled quotes `""`. The general (slow) path of the responses
 * writer: it only sees the few records that hold a quote, a carriage return or anything else the
 * byte-copying fast path does not handle, so clarity matters more here than speed.
 */
import type { Buffer } from 'node:buffer';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

export interface ParsedRecord {
  cells: string[];
  /** Position just after the record's line break. */
  next: number;
}

/**
 * Parses the record that starts at `start`. Returns undefined when bytes[start, end) does not hold
 * the whole record (read more and call again). `crlf`: the file's lines end with `\r\n`, so a `\r`
 * right before a line break belongs to the line end, not to the last cell. `fail` raises the
 * caller's error for a malformed record (it knows the file and record number).
 */
export function parseCsvRecord(
  bytes: Buffer,
  start: number,
  end: number,
  crlf: boolean,
  fail: (problem: string) => never,
): ParsedRecord | undefined {
  const cells: string[] = [];
  let p = start;
  for (;;) {
    if (p >= end) return undefined;
    if (bytes[p] === QUOTE) {
      const open = p + 1;
      let close = -1;
      let q = open;
      while (close < 0) {
        q = bytes.indexOf(QUOTE, q);
        // A quote as the last byte read may be the first half of `""`: read more to tell.
        if (q < 0 || q + 1 >= end) return undefined;
        if (bytes[q + 1] === QUOTE) q += 2;
        else close = q;
      }
      cells.push(bytes.toString('utf8', open, close).replaceAll('""', '"'));
      p = close + 1;
      if (crlf && bytes[p] === CR) {
        if (p + 1 >= end) return undefined;
        if (bytes[p + 1] === LF) p += 1;
      }
      if (bytes[p] !== COMMA && bytes[p] !== LF) {
        fail(`column ${cells.length}: a quoted cell must be followed by a comma or the end of the line`);
      }
    } else {
      const open = p;
      while (p < end && bytes[p] !== COMMA && bytes[p] !== LF) {
        if (bytes[p] === QUOTE) fail(`column ${cells.length + 1}: a quote inside a cell that does not start with a quote`);
        p += 1;
      }
      if (p >= end) return undefined;
      let close = p;
      if (crlf && bytes[p] === LF && close > open && bytes[close - 1] === CR) close -= 1;
      cells.push(bytes.toString('utf8', open, close));
    }
    if (bytes[p] === LF) return { cells, next: p + 1 };
    p += 1;
  }
}
