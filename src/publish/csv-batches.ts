/**
 * Reads an RFC 4180 CSV file (UTF-8, comma) as batches of records, about 1 MB of text at a time.
 * Batches rather than single records because a promise per record costs more than parsing it
 * when a file holds millions of responses. Each batch ends at a line break outside quotes, so a
 * quoted cell holding a line break is never cut in two; papaparse parses each batch.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const CHUNK_BYTES = 1 << 20;

export async function* csvRecordBatches(path: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<string[][]> {
  let carry = '';
  let inQuotes = false;
  let scanned = 0;
  let newline: '\n' | '\r\n' | undefined;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes })) {
    carry += chunk as string;
    // Track quote state from where the last scan stopped; a doubled quote "" flips it twice.
    let cut = -1;
    for (let i = scanned; i < carry.length; i++) {
      const c = carry.charCodeAt(i);
      if (c === 0x22) inQuotes = !inQuotes;
      else if (c === 0x0a && !inQuotes) cut = i;
    }
    if (cut < 0) {
      scanned = carry.length;
      continue;
    }
    // The line end of the first record is the file's (intake writes \n; a spreadsheet, \r\n).
    newline ??= carry.charCodeAt(firstLineEnd(carry)) === 0x0d ? '\r\n' : '\n';
    const complete = carry.slice(0, cut + 1);
    carry = carry.slice(cut + 1);
    // Quote state at the cut was "outside"; rescan the carried tail from its start.
    inQuotes = false;
    for (let i = 0; i < carry.length; i++) if (carry.charCodeAt(i) === 0x22) inQuotes = !inQuotes;
    scanned = carry.length;
    yield parse(complete, newline);
  }
  if (carry.length > 0) yield parse(carry, newline ?? '\n');
}

function parse(text: string, newline: '\n' | '\r\n'): string[][] {
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: true, delimiter: ',', newline }).data;
}

/** Index of the character before the first line break outside quotes (-1 when there is none). */
function firstLineEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) inQuotes = !inQuotes;
    else if (c === 0x0a && !inQuotes) return i - 1;
  }
  return -1;
}
