/**
 * No published file over 25 MiB: some static hosts (GitHub Pages, Cloudflare Pages) refuse larger
 * files, and a national site's tables run to hundreds of MB. A CSV larger than PART_LIMIT_BYTES is
 * published in parts, `indices.csv` → `indices-1.csv`, `indices-2.csv`, …, cut at row ends, the
 * byte-order mark and header in the first part only: the parts joined byte for byte
 * (`cat indices-*.csv > indices.csv`; on Windows `copy /b indices-1.csv + indices-2.csv indices.csv`)
 * are exactly the whole table (Frictionless Data Package v2 "multipart" resources: `path` is the
 * list of parts). A table that fits keeps its single name (other programs read these names).
 * Parquet parts (parquet-parts.ts) are complete files of whole row groups instead.
 *
 * The splitting happens after a table is written, on its file: every writer (row by row, columnar,
 * from the validated responses' bytes, a kept release's restored copy) gets the same rule, and a
 * table under the limit — most of them — costs nothing.
 */
import { Buffer } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const MIB = 1024 * 1024;
/** The bar: no published file may be larger (checked over the output folders, file-size-check.ts). */
export const FILE_LIMIT_BYTES = 25 * MIB;
/** Largest part written: one MiB under the bar, so a Parquet part's footer can never cross it. */
export const PART_LIMIT_BYTES = 24 * MIB;

const QUOTE = 0x22;
const LF = 0x0a;
const CHUNK_BYTES = 8 * MIB;

/**
 * The name of part `part` of `count`: `indices.csv`, 2 of 3 → `indices-2.csv`. The number has as
 * many digits as the count (2 of 12 → `indices-02.csv`), so that the names sort in part order and
 * `cat indices-*.csv` joins them in the right order however many there are.
 */
export function partFileName(file: string, part: number, count = part): string {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) throw new Error(`${file}: a file to publish in parts needs an extension`);
  return `${file.slice(0, dot)}-${String(part).padStart(String(count).length, '0')}${file.slice(dot)}`;
}

/**
 * The parts of `file` among the names `has` knows, in order: `<stem>-1.<ext>`, `<stem>-2.<ext>`, …
 * (or `-01`, `-02`, … for ten parts or more) as long as they follow one another; empty if none.
 */
export function partsAmong(has: (name: string) => boolean, file: string): string[] {
  for (let digits = 1; digits <= 6; digits++) {
    const name = (part: number) => partFileName(file, part, 10 ** (digits - 1));
    if (!has(name(1))) continue;
    const parts: string[] = [];
    while (has(name(parts.length + 1))) parts.push(name(parts.length + 1));
    return parts;
  }
  return [];
}

/**
 * The files a table's file is published as, in `dir`: `[file]` when it is whole, else its parts;
 * empty when neither is there.
 */
export function publishedParts(dir: string, file: string): string[] {
  if (existsSync(join(dir, file))) return [file];
  return partsAmong((name) => existsSync(join(dir, name)), file);
}

/**
 * Where a CSV of `chunks` (its bytes in order) is cut into parts of at most `limit` bytes: the
 * end offset of each part, the last being the file's length. A cut is only ever made after a
 * line break outside quotes (RFC 4180: a quoted cell may hold a line break; a doubled quote
 * inside it flips the state twice), as late as the limit allows. Throws when one row alone is
 * longer than the limit, as no cut could keep it whole.
 */
export function csvPartEnds(chunks: Iterable<Uint8Array>, limit: number): number[] {
  const ends: number[] = [];
  let partStart = 0;
  let lastRowEnd = 0;
  let offset = 0;
  let inQuotes = false;
  const rowEnd = (end: number): void => {
    if (end - partStart > limit) {
      if (lastRowEnd === partStart) {
        throw new Error(`a CSV row of ${end - partStart} bytes (from byte ${partStart}) is longer than a part may be (${limit} bytes)`);
      }
      ends.push(lastRowEnd);
      partStart = lastRowEnd;
      if (end - partStart > limit) throw new Error(`a CSV row of ${end - partStart} bytes (from byte ${partStart}) is longer than a part may be (${limit} bytes)`);
    }
    lastRowEnd = end;
  };
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === LF && !inQuotes) rowEnd(offset + i + 1);
    }
    offset += chunk.length;
  }
  // A last row without a final line break ends at the end of the file.
  if (offset > lastRowEnd) rowEnd(offset);
  if (offset > partStart || ends.length === 0) ends.push(offset);
  return ends;
}

/** The bytes of a file in chunks, read with one reused buffer. */
function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Copies bytes [start, end) of the open file `from` into a new file `to`. */
function copyRange(from: number, start: number, end: number, to: string): void {
  const out = openSync(to, 'w', 0o644);
  try {
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(end - start, 1)));
    for (let position = start; position < end; ) {
      const read = readSync(from, buffer, 0, Math.min(buffer.length, end - position), position);
      if (read === 0) throw new Error(`${to}: the file being split ended early`);
      let written = 0;
      while (written < read) written += writeSync(out, buffer, written, read - written);
      position += read;
    }
  } finally {
    closeSync(out);
  }
}

/**
 * Publishes `dir/file` (a CSV) in parts when it is larger than `limit`: writes the parts, removes
 * the whole file and returns the parts' names; a file within the limit is left as it is (`[file]`).
 */
export function splitCsvFile(dir: string, file: string, limit = PART_LIMIT_BYTES): string[] {
  const path = join(dir, file);
  if (statSync(path).size <= limit) return [file];
  let ends: number[];
  try {
    ends = csvPartEnds(fileChunks(path), limit);
  } catch (error) {
    throw new Error(`${file} cannot be published in parts: ${(error as Error).message}`);
  }
  const names = ends.map((_, i) => partFileName(file, i + 1, ends.length));
  const fd = openSync(path, 'r');
  try {
    ends.forEach((end, i) => copyRange(fd, i === 0 ? 0 : (ends[i - 1] as number), end, join(dir, names[i] as string)));
  } finally {
    closeSync(fd);
  }
  rmSync(path);
  return names;
}

/**
 * The text of a published CSV, whole or joined from its parts (the parts joined are the whole
 * file, byte-order mark included); undefined when neither is in `dir`.
 */
export function readPublishedCsv(dir: string, file: string): string | undefined {
  const parts = publishedParts(dir, file);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return readFileSync(join(dir, parts[0] as string), 'utf8');
  return Buffer.concat(parts.map((part) => readFileSync(join(dir, part)))).toString('utf8');
}
