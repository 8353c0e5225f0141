/**
 * Reads an input file's bytes and decodes them to text, in chunks so a file of any size streams.
 *
 * Accepted: UTF-8 with or without BOM; UTF-16 LE/BE ("Unicode text" from Excel), with a BOM or
 * recognisable without one, converted with a warning. Refused with a how-to message: an empty
 * file, an Excel workbook renamed to .csv, binary data, and bytes that are not valid UTF-8 — the
 * usual cause being Excel's plain "CSV (Comma delimited)", written in a Windows code page
 * (Windows-1258/1252) that garbles Vietnamese letters. Guessing a code page instead would turn
 * a wrong guess into silently wrong names, so we refuse.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { DataError } from './data-error.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type Warn = (message: string) => void;

export interface TextSource {
  encoding: TextEncodingName;
  /** Decoded text in order; BOM removed. Each call reads the file again from the start. */
  chunks(): AsyncGenerator<string>;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;

export const REEXPORT_HOW_TO =
  'open the file in Excel and choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" ' +
  '(in LibreOffice: Save As → Text CSV, Character set "Unicode (UTF-8)"), then replace this file with the new one.';

/**
 * Opens `path` and checks its first bytes. `label` is how the file is named in messages.
 * `chunkBytes` exists so tests can force multi-byte characters to straddle chunk boundaries.
 */
export async function openText(path: string, label: string, warn: Warn, chunkBytes = DEFAULT_CHUNK_BYTES): Promise<TextSource> {
  const head = await readHead(path, 4096);
  const encoding = detectEncoding(head, label);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const bom = hasUtf16Bom(head) ? '' : ' (without a byte-order mark)';
    warn(`${label}: read as ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'}${bom} ("Unicode text" from Excel) and converted to UTF-8. ` +
      'Next time save it as "CSV UTF-8 (Comma delimited)".');
  }
  return { encoding, chunks: () => decodeChunks(path, label, encoding, chunkBytes) };
}

/** The whole file as one string: for the small files (registers, JSON/YAML). */
export async function readText(path: string, label: string, warn: Warn): Promise<{ text: string; encoding: TextEncodingName }> {
  const source = await openText(path, label, warn);
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return { text: parts.join(''), encoding: source.encoding };
}

async function readHead(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function hasUtf16Bom(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/** Decides the encoding from the first bytes, or refuses the file. */
export function detectEncoding(head: Uint8Array, label: string): TextEncodingName {
  if (head.length === 0) {
    throw new DataError({ file: label, problem: 'the file is empty (0 bytes).', fix: 'export the data again, or delete the file if it is not needed.' });
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new DataError({ file: label, problem: 'this is an Excel workbook (.xlsx) or another zip file, not a CSV text file.', fix: REEXPORT_HOW_TO });
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new DataError({ file: label, problem: 'this is an old Excel workbook (.xls), not a CSV text file.', fix: REEXPORT_HOW_TO });
  }
  const withoutBom = utf16WithoutBom(head);
  if (withoutBom) return withoutBom;
  if (head.includes(0)) {
    throw new DataError({ file: label, problem: 'the file contains binary data (NUL bytes); it is not a CSV text file.', fix: REEXPORT_HOW_TO });
  }
  return 'utf-8';
}

/**
 * UTF-16 text without a BOM shows as ASCII letters alternating with NUL bytes: NULs on the odd
 * positions for little-endian, on the even ones for big-endian.
 */
function utf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.3 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul === 0) return 'utf-16be';
  return null;
}

async function* decodeChunks(path: string, label: string, encoding: TextEncodingName, chunkBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { fatal: true });
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(chunkBytes);
    let offset = 0;
    let tail = new Uint8Array(0);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, offset);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw await notDecodable(handle, label, encoding, offset, tail, bytes);
      }
      if (text) yield text;
      tail = bytes.slice(Math.max(0, bytesRead - 3));
      offset += bytesRead;
    }
    let last: string;
    try {
      last = decoder.decode();
    } catch {
      throw await notDecodable(handle, label, encoding, offset, tail, new Uint8Array(0));
    }
    if (last) yield last;
  } finally {
    await handle.close();
  }
}

/** Builds the refusal for bytes the decoder rejected, pointing at the line of the first bad byte. */
async function notDecodable(
  handle: FileHandle, label: string, encoding: TextEncodingName, chunkStart: number, tail: Uint8Array, chunk: Uint8Array,
): Promise<DataError> {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return new DataError({ file: label, problem: 'the file starts as UTF-16 text but contains bytes that are not valid UTF-16.', fix: REEXPORT_HOW_TO });
  }
  const joined = new Uint8Array(tail.length + chunk.length);
  joined.set(tail);
  joined.set(chunk, tail.length);
  const at = firstInvalidUtf8(joined);
  const byteOffset = chunkStart - tail.length + Math.max(0, at);
  const byte = joined[at];
  const line = await lineOfByte(handle, byteOffset);
  const what = byte === undefined
    ? 'the file ends in the middle of a character, so it is not valid UTF-8'
    : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8`;
  return new DataError({
    file: label,
    line,
    problem: `the file is not UTF-8 text: ${what}. It was probably saved as plain "CSV (Comma delimited)", ` +
      'which uses a Windows code page (Windows-1258 or Windows-1252) and garbles Vietnamese letters.',
    fix: REEXPORT_HOW_TO,
  });
}

/**
 * Index of the first byte that breaks UTF-8 in `bytes`, or `bytes.length` when the bytes end
 * inside a character. Starts at the first byte that can begin a character: `bytes` may open with
 * the last continuation bytes of a character whose lead byte was already decoded.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && i < 3 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return bytes.length;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line holding byte `offset` (counting LF bytes before it; only called on the error path). */
async function lineOfByte(handle: FileHandle, offset: number): Promise<number> {
  const buffer = new Uint8Array(1 << 20);
  let line = 1;
  let position = 0;
  while (position < offset) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; i++) if (buffer[i] === 0x0a) line++;
    position += bytesRead;
  }
  return line;
}
