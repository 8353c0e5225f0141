/**
 * One column chunk of a flat INT32, DATE, DOUBLE, BOOLEAN or UTF8 column, written byte for byte as
 * hyparquet-writer 0.17.0's `writeColumn` writes it (column.js, dictionary.js, datapage.js,
 * encoding.js), for the large published tables: 1 M responses × 26 columns spent about 6 s in that
 * function's general code (per-value generic statistics, a Map per column, arrays of levels, a
 * TextEncoder call per text cell), and the indices and trends another second or two. The same
 * decisions taken over plain arrays in tight loops cost a fraction of that.
 *
 * "The same decisions" is the contract, and tests hold it: for every column this module accepts,
 * the bytes and the chunk metadata must equal the library's (tests/publish/parquet-column-chunk
 * .test.ts compares them on random columns, page boundaries and edge cases included). Anything
 * else — another type, a logical type, a REQUIRED column holding a null, a fraction in an INT32
 * column, −0 or a non-finite number, a BOOLEAN chunk of 16 rows or fewer — is refused before
 * anything is written, and the caller lets the library write the row group, errors and all.
 *
 * What the library decides, restated here (hyparquet-writer 0.17.0, pinned in package.json):
 * - statistics: min and max of the non-null values (numbers by value, false before true, text by
 *   code point), a min of 0 written as −0, the null count, and for DOUBLE a NaN count;
 * - dictionary or not: a sample of up to 1 000 values spread over the chunk rejects the
 *   dictionary when its distinct values would be over 90 % of the sampled bytes; otherwise the
 *   whole dictionary is built (first-seen order) and kept if dictionary plus bit-packed indexes
 *   take at most half of the PLAIN bytes (text counted by its UTF-16 length, plus 4 per value);
 * - pages: a new page starts where the running estimated size (4 per INT32 or index, 8 per
 *   DOUBLE, 1/8 per BOOLEAN, UTF-8 bytes per PLAIN text, 0 per null) reaches 1 MiB;
 * - BOOLEAN never has a dictionary: its values are written RLE (the hybrid below, after its
 *   4-byte length);
 * - each page: version 2, definition levels (OPTIONAL only) and dictionary indexes in the RLE /
 *   bit-packed hybrid, runs of 8 or more equal values only where a group of 8 would start, the
 *   index bit width from the page's largest index; page data compressed by the writer's codec,
 *   levels not; an offset index when the chunk has more than one page.
 */
import { Buffer } from 'node:buffer';
import type { ParquetWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import type { PublishedValue } from './cell.ts';

type PageIndexes = ParquetWriter['pendingIndexes'][number];
type ColumnChunk = PageIndexes['chunk'];
type SchemaElement = ParquetWriter['schema'][number];
type MinMax = string | number | boolean;
type OffsetIndex = NonNullable<PageIndexes['offsetIndex']>;

/** hyparquet-writer's defaults for ParquetWriter.write, which ParquetTableWriter uses. */
const PAGE_SIZE = 1_048_576;
const SAMPLE_SIZE = 1000;
const SAMPLE_REJECTION_RATIO = 0.9;
const BYTE_ARRAY_PREFIX = 4;
/** Small non-negative integers (answers, day numbers) find their dictionary slot in an array. */
const DIRECT_SLOTS = 1 << 16;

/**
 * Writes one row group whose every column was prepared by prepareColumnChunk, as
 * ParquetWriter.write would (its row-group bookkeeping, restated: the chunks, their sizes, the
 * row count, the pending offset indexes, then a flush of the file writer).
 */
export function writeRowGroupOfChunks(parquet: ParquetWriter, columns: readonly PreparedColumn[], rows: number): void {
  const groupStart = parquet.writer.offset;
  const chunks: ColumnChunk[] = [];
  let totalByteSize = 0n;
  for (const column of columns) {
    if (column.length !== rows) throw new Error(`parquet-column-chunk: a column of ${column.length} values in a row group of ${rows} rows`);
    const result = writeColumnChunk(parquet, column);
    chunks.push(result.chunk);
    parquet.pendingIndexes.push(result);
    totalByteSize += result.chunk.meta_data?.total_uncompressed_size ?? 0n;
  }
  parquet.num_rows += BigInt(rows);
  parquet.row_groups.push({
    columns: chunks,
    total_byte_size: totalByteSize,
    num_rows: BigInt(rows),
    total_compressed_size: BigInt(parquet.writer.offset - groupStart),
  });
  void parquet.writer.flush?.();
}

/**
 * Whether this module writes what `parquet` would: its defaults for statistics and codec. The
 * ParquetWriter of parquet.ts is built with them; a writer built otherwise goes to the library.
 */
export function reproduces(parquet: ParquetWriter): boolean {
  return parquet.statistics && parquet.statisticsTruncateLength === undefined && parquet.codec === 'SNAPPY' && parquet.compressors.SNAPPY !== undefined;
}

/** Writes a prepared column as one column chunk at the writer's position; returns what the library's writeColumn returns. */
function writeColumnChunk(parquet: ParquetWriter, column: PreparedColumn): PageIndexes {
  const compress = parquet.compressors.SNAPPY;
  const { element, values, kind, required } = column;
  const writer = parquet.writer;
  const offsetStart = writer.offset;
  const encodings: ('PLAIN' | 'RLE' | 'RLE_DICTIONARY')[] = [];
  let uncompressedSize = 0;
  let dictionaryPageOffset: bigint | undefined;

  const dictionary = chooseDictionary(column);
  if (dictionary) {
    dictionaryPageOffset = BigInt(writer.offset);
    const plain = new PageBytes(64);
    for (const value of dictionary.values) plain.plain(kind, value as string | number);
    const bytes = plain.bytes();
    const compressed = compress(bytes);
    const headerStart = writer.offset;
    writePageHeader(writer, {
      type: 'DICTIONARY_PAGE',
      uncompressed_page_size: bytes.byteLength,
      compressed_page_size: compressed.byteLength,
      dictionary_page_header: { num_values: dictionary.values.length, encoding: 'PLAIN' },
    });
    uncompressedSize += writer.offset - headerStart + bytes.byteLength;
    writer.appendBytes(compressed);
    encodings.push('PLAIN', 'RLE_DICTIONARY');
  } else {
    encodings.push(kind === 'boolean' ? 'RLE' : 'PLAIN');
  }
  const encoding = encodings[encodings.length - 1] as 'PLAIN' | 'RLE' | 'RLE_DICTIONARY';

  const pages = pageBoundaries(column, dictionary !== undefined);
  const offsetIndex: OffsetIndex | undefined = pages.length > 2 ? { page_locations: [] } : undefined;
  const dataPageOffset = BigInt(writer.offset);
  const levels = new PageBytes(1024);
  const page = new PageBytes(1 << 16);
  const booleans = kind === 'boolean' ? new PageBytes(1024) : undefined;
  const packed = new Int32Array(column.length);
  for (let p = 0; p + 1 < pages.length; p++) {
    const start = pages[p] as number;
    const end = pages[p + 1] as number;
    const pageOffset = writer.offset;
    levels.reset();
    page.reset();
    let nulls = 0;
    if (!required) {
      for (let i = start; i < end; i++) {
        const present = column.present[i] as number;
        packed[i - start] = present;
        nulls += 1 - present;
      }
      writeRleBitPackedHybrid(levels, packed, end - start, 1);
    }
    if (dictionary) {
      let count = 0;
      let max = 0;
      for (let i = start; i < end; i++) {
        const index = dictionary.indexes[i] as number;
        if (index < 0) continue;
        packed[count++] = index;
        if (index > max) max = index;
      }
      const bitWidth = Math.ceil(Math.log2(max + 1));
      page.byte(bitWidth);
      writeRleBitPackedHybrid(page, packed, count, bitWidth);
    } else if (booleans) {
      // RLE: the hybrid of the 0/1 values after their byte length (4 bytes, little-endian).
      let count = 0;
      for (let i = start; i < end; i++) if (column.present[i] === 1) packed[count++] = values[i] ? 1 : 0;
      booleans.reset();
      writeRleBitPackedHybrid(booleans, packed, count, 1);
      page.uint32(booleans.length);
      page.append(booleans.bytes());
    } else {
      for (let i = start; i < end; i++) if (column.present[i] === 1) page.plain(kind, values[i] as string | number);
    }
    const pageBytes = page.bytes();
    const compressed = compress(pageBytes);
    const headerStart = writer.offset;
    writePageHeader(writer, {
      type: 'DATA_PAGE_V2',
      uncompressed_page_size: levels.length + pageBytes.byteLength,
      compressed_page_size: levels.length + compressed.byteLength,
      data_page_header_v2: {
        num_values: end - start,
        num_nulls: nulls,
        num_rows: end - start,
        encoding,
        definition_levels_byte_length: levels.length,
        repetition_levels_byte_length: 0,
        is_compressed: true,
      },
    });
    const headerSize = writer.offset - headerStart;
    writer.appendBytes(levels.bytes());
    writer.appendBytes(compressed);
    uncompressedSize += headerSize + levels.length + pageBytes.byteLength;
    offsetIndex?.page_locations.push({ offset: BigInt(pageOffset), compressed_page_size: writer.offset - pageOffset, first_row_index: BigInt(start) });
  }

  const chunk: ColumnChunk = {
    meta_data: {
      type: element.type as 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'BYTE_ARRAY',
      encodings,
      path_in_schema: [element.name],
      codec: parquet.codec,
      num_values: BigInt(column.length),
      total_compressed_size: BigInt(writer.offset - offsetStart),
      total_uncompressed_size: BigInt(uncompressedSize),
      data_page_offset: dataPageOffset,
      dictionary_page_offset: dictionaryPageOffset,
      statistics: statistics(column, dictionary?.values),
      encoding_stats: [
        ...(dictionary ? [{ page_type: 'DICTIONARY_PAGE' as const, encoding: 'PLAIN' as const, count: 1 }] : []),
        { page_type: 'DATA_PAGE_V2', encoding, count: pages.length - 1 },
      ],
      geospatial_statistics: undefined,
    },
    file_offset: BigInt(offsetStart),
  };
  return { chunk, columnIndex: undefined, offsetIndex, bloomFilter: undefined };
}

/** The physical types this module writes. */
type Kind = 'int32' | 'double' | 'boolean' | 'text';

/** Bytes of one PLAIN value of each fixed-size kind (the library's estimate; booleans are bits). */
const FIXED_SIZE: Record<Exclude<Kind, 'text'>, number> = { int32: 4, double: 8, boolean: 0.125 };

/** A column this module can write, read once: which rows hold a value. */
export interface PreparedColumn {
  element: SchemaElement;
  kind: Kind;
  required: boolean;
  values: readonly PublishedValue[];
  length: number;
  /** 1 where the row holds a value, 0 where it is null. */
  present: Uint8Array;
  nonNull: number;
}

/**
 * Reads one row group's column (Parquet physical values: numbers for INT32, DATE and DOUBLE,
 * booleans, strings for UTF8, null for missing) for writeColumnChunk, or returns undefined when it
 * is not a column this module reproduces. Nothing is written, so a caller can check every column
 * first. Left to the library: −0 and non-finite numbers (its statistics treat them apart), and
 * BOOLEAN chunks of 16 rows or fewer (which it writes PLAIN rather than RLE).
 */
export function prepareColumnChunk(element: SchemaElement, values: readonly PublishedValue[]): PreparedColumn | undefined {
  const kind = kindOf(element);
  if (kind === undefined || (kind === 'boolean' && values.length <= 16)) return undefined;
  if (element.repetition_type !== 'REQUIRED' && element.repetition_type !== 'OPTIONAL') return undefined;
  const required = element.repetition_type === 'REQUIRED';
  const length = values.length;
  const present = new Uint8Array(length);
  let nonNull = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      if (required) return undefined;
      continue;
    }
    const fits =
      kind === 'text' ? typeof value === 'string'
      : kind === 'boolean' ? typeof value === 'boolean'
      : typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0) && (kind === 'double' || (value | 0) === value);
    if (!fits) return undefined;
    present[i] = 1;
    nonNull += 1;
  }
  return { element, kind, required, values, length, present, nonNull };
}

function kindOf(element: SchemaElement): Kind | undefined {
  if (element.logical_type !== undefined || element.type_length !== undefined) return undefined;
  const converted = element.converted_type;
  if (element.type === 'BYTE_ARRAY') return converted === 'UTF8' ? 'text' : undefined;
  if (element.type === 'INT32') return converted === undefined || converted === 'DATE' ? 'int32' : undefined;
  if (converted !== undefined) return undefined;
  if (element.type === 'DOUBLE') return 'double';
  if (element.type === 'BOOLEAN') return 'boolean';
  return undefined;
}

/** The size the library estimates for a value when it samples for a dictionary. */
function sampledSize(column: PreparedColumn, value: PublishedValue): number {
  if (value === null || value === undefined) return 0;
  return column.kind === 'text' ? (value as string).length + BYTE_ARRAY_PREFIX : FIXED_SIZE[column.kind];
}

/** Dictionary values in first-seen order and each row's index (−1 for null), or undefined for PLAIN. */
function chooseDictionary(column: PreparedColumn): { values: PublishedValue[]; indexes: Int32Array } | undefined {
  const { values, length, kind } = column;
  if (kind === 'boolean') return undefined;
  const sampleSize = Math.min(length, SAMPLE_SIZE);
  const sampled = new Set<PublishedValue>();
  let sampleDictionarySize = 0;
  let sampleTotalSize = 0;
  for (let i = 0; i < sampleSize; i++) {
    const value = values[sampleSize === 1 ? 0 : Math.floor((i * (length - 1)) / (sampleSize - 1))] ?? null;
    const size = sampledSize(column, value);
    if (!sampled.has(value)) {
      sampled.add(value);
      sampleDictionarySize += size;
    }
    sampleTotalSize += size;
  }
  if (!sampleTotalSize || sampleDictionarySize / sampleTotalSize > SAMPLE_REJECTION_RATIO) return undefined;

  const dictionary: PublishedValue[] = [];
  const indexes = new Int32Array(length);
  let dictionarySize = 0;
  let totalSize = 0;
  if (kind === 'text' || kind === 'double') {
    // Text by its UTF-16 length, as the library counts it; numbers (finite, never −0) by value.
    const known = new Map<PublishedValue, number>();
    for (let i = 0; i < length; i++) {
      if (column.present[i] === 0) {
        indexes[i] = -1;
        continue;
      }
      const value = values[i] as string | number;
      const size = kind === 'text' ? (value as string).length : FIXED_SIZE.double;
      totalSize += size;
      let index = known.get(value);
      if (index === undefined) {
        index = dictionary.length;
        dictionary.push(value);
        dictionarySize += size;
        known.set(value, index);
      }
      indexes[i] = index;
    }
  } else {
    const direct = new Int32Array(DIRECT_SLOTS).fill(-1);
    const known = new Map<number, number>();
    for (let i = 0; i < length; i++) {
      if (column.present[i] === 0) {
        indexes[i] = -1;
        continue;
      }
      const value = values[i] as number;
      let index = value >= 0 && value < DIRECT_SLOTS ? (direct[value] as number) : (known.get(value) ?? -1);
      if (index < 0) {
        index = dictionary.length;
        dictionary.push(value);
        if (value >= 0 && value < DIRECT_SLOTS) direct[value] = index;
        else known.set(value, index);
      }
      indexes[i] = index;
    }
    totalSize = 4 * column.nonNull;
    dictionarySize = 4 * dictionary.length;
  }
  const prefix = kind === 'text' ? BYTE_ARRAY_PREFIX : 0;
  const bitWidth = Math.ceil(Math.log2(dictionary.length));
  const indexSize = Math.ceil((column.nonNull * bitWidth) / 8);
  const plainSize = totalSize + column.nonNull * prefix;
  const dictionaryValueSize = dictionarySize + dictionary.length * prefix;
  // Written as the library writes it: with no value at all the sizes are NaN and the test is false.
  if (2 * (dictionaryValueSize + indexSize) > plainSize) return undefined;
  return { values: dictionary, indexes };
}

/** Page starts followed by the chunk's end: [0, …, length]. */
function pageBoundaries(column: PreparedColumn, dictionary: boolean): number[] {
  const starts = [0];
  let start = 0;
  let accumulated = 0;
  for (let i = 0; i < column.length; i++) {
    const size = column.present[i] === 0 ? 0 : dictionary ? 4 : column.kind === 'text' ? Buffer.byteLength(column.values[i] as string, 'utf8') : FIXED_SIZE[column.kind];
    accumulated += size;
    if (accumulated >= PAGE_SIZE && i > start) {
      starts.push(i);
      start = i;
      accumulated = size;
    }
  }
  if (start < column.length) starts.push(column.length);
  return starts;
}

function statistics(column: PreparedColumn, distinct: readonly PublishedValue[] | undefined): { min_value: MinMax | undefined; max_value: MinMax | undefined; null_count: bigint; nan_count: bigint | undefined } {
  // The dictionary holds each non-null value once: the same min and max for far fewer comparisons.
  const values = distinct ?? column.values;
  const present = distinct ? undefined : column.present;
  const text = column.kind === 'text';
  let min: MinMax | undefined;
  let max: MinMax | undefined;
  for (let i = 0; i < values.length; i++) {
    if (present?.[i] === 0) continue;
    const value = values[i] as MinMax;
    if (text) {
      if (min === undefined || compareCodePoints(value as string, min as string) < 0) min = value;
      if (max === undefined || compareCodePoints(value as string, max as string) > 0) max = value;
    } else {
      // Numbers by value, booleans false before true.
      if (min === undefined || value < min) min = value;
      if (max === undefined || value > max) max = value;
    }
  }
  // The library's signed zeros: a min of 0 becomes −0 (a DOUBLE writes it so).
  if (min === 0) min = -0;
  // No NaN reaches here (prepareColumnChunk), so a DOUBLE column counts none.
  return { min_value: min, max_value: max, null_count: BigInt(column.length - column.nonNull), nan_count: column.kind === 'double' ? 0n : undefined };
}

/**
 * Strings in UTF-8 byte order, which is code point order (the library's compareStrings): UTF-16
 * order differs only where a surrogate pair meets U+E000…U+FFFF. Lone surrogates count as U+FFFD,
 * as TextEncoder writes them.
 */
export function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0;
  const length = Math.min(left.length, right.length);
  let i = 0;
  while (i < length && left.charCodeAt(i) === right.charCodeAt(i)) i++;
  if (i > 0) {
    const previous = left.charCodeAt(i - 1);
    if (previous >= 0xd800 && previous <= 0xdbff) i--;
  }
  while (i < left.length && i < right.length) {
    const a = codePoint(left, i);
    const b = codePoint(right, i);
    if (a !== b) return a - b;
    i += a > 0xffff ? 2 : 1;
  }
  return left.length - right.length;
}

function codePoint(text: string, i: number): number {
  const code = text.codePointAt(i) ?? 0xfffd;
  return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
}

/**
 * The library's RLE / bit-packed hybrid (encoding.js), over the first `count` values: at each
 * position a run of 8 or more equal values is written as a run, anything else joins groups of 8
 * bit-packed values (the last group padded with zeros).
 */
export function writeRleBitPackedHybrid(out: PageBytes, values: Int32Array, count: number, bitWidth: number): void {
  let pendingGroups = 0;
  let packedStart = 0;
  let i = 0;
  while (i < count) {
    const first = values[i] as number;
    let run = 1;
    while (i + run < count && values[i + run] === first) run++;
    if (run >= 8) {
      if (pendingGroups) {
        writeBitPackedGroups(out, values, count, packedStart, pendingGroups, bitWidth);
        pendingGroups = 0;
      }
      out.varInt(run << 1);
      for (let j = 0, width = (bitWidth + 7) >> 3; j < width; j++) out.byte((first >> (j << 3)) & 0xff);
      i += run;
    } else {
      if (pendingGroups === 0) packedStart = i;
      pendingGroups++;
      i += 8;
    }
  }
  if (pendingGroups) writeBitPackedGroups(out, values, count, packedStart, pendingGroups, bitWidth);
}

function writeBitPackedGroups(out: PageBytes, values: Int32Array, count: number, start: number, groups: number, bitWidth: number): void {
  out.varInt((groups << 1) | 1);
  if (bitWidth === 0) return;
  const mask = (1 << bitWidth) - 1;
  let buffer = 0;
  let bits = 0;
  const end = start + groups * 8;
  for (let i = start; i < end; i++) {
    buffer |= (i < count ? (values[i] as number) & mask : 0) << bits;
    bits += bitWidth;
    while (bits >= 8) {
      out.byte(buffer & 0xff);
      buffer >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.byte(buffer & 0xff);
}

/** A growable byte buffer for one page, reused page after page. */
export class PageBytes {
  #buffer: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.#buffer = Buffer.allocUnsafe(capacity);
  }

  reset(): void {
    this.length = 0;
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.length);
  }

  byte(value: number): void {
    if (this.length === this.#buffer.length) this.#grow(1);
    this.#buffer[this.length++] = value;
  }

  /** One PLAIN value: INT32 and DOUBLE little-endian, text as byteArray. */
  plain(kind: Kind, value: string | number): void {
    if (kind === 'text') return this.byteArray(value as string);
    if (this.length + 8 > this.#buffer.length) this.#grow(8);
    if (kind === 'double') {
      this.#buffer.writeDoubleLE(value as number, this.length);
      this.length += 8;
    } else {
      this.#buffer.writeInt32LE(value as number, this.length);
      this.length += 4;
    }
  }

  uint32(value: number): void {
    if (this.length + 4 > this.#buffer.length) this.#grow(4);
    this.#buffer.writeUInt32LE(value, this.length);
    this.length += 4;
  }

  append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.#buffer.length) this.#grow(bytes.length);
    this.#buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  varInt(value: number): void {
    while ((value & ~0x7f) !== 0) {
      this.byte((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    this.byte(value);
  }

  /** PLAIN BYTE_ARRAY: the UTF-8 length as 4 bytes little-endian, then the UTF-8 bytes. */
  byteArray(text: string): void {
    const most = 4 + 3 * text.length;
    if (this.length + most > this.#buffer.length) this.#grow(most);
    const written = this.#buffer.write(text, this.length + 4, 'utf8');
    this.#buffer.writeUInt32LE(written, this.length);
    this.length += 4 + written;
  }

  #grow(needed: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.#buffer.length, this.length + needed));
    this.#buffer.copy(bigger, 0, 0, this.length);
    this.#buffer = bigger;
  }
}
