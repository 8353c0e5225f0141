/**
 * The published responses of one survey (responses-<id>.csv and .parquet) written straight from the
 * bytes of its validated CSV. This gives the same files as the row-by-row writer
 * (table-writer.ts ← response-rows.ts) for a fraction of its work, because then no parsed row, no
 * row object and no CSV line is built per response:
 *
 * - Nearly every record is "plain": no quote, no carriage return, no text cell that a spreadsheet
 *   would read as a formula, answers written as canonical integers. Its published CSV line is its
 *   own bytes, so runs of plain records are copied unchanged, and its Parquet values are read from
 *   the bytes (digits parsed by hand, dates through a cache, text decoded as Latin-1 when ASCII).
 * - Any other record (quoted, odd, or wrong) takes the general path: parsed as RFC 4180, converted
 *   by publishRow and formatted as csv.ts formats a line — exactly what the row-by-row writer does,
 *   so it also raises that writer's errors.
 *
 * The file is validated UTF-8 (intake writes it; data-contract.md → Validated responses).
 */
import { isUtf8, type Buffer } from 'node:buffer';
import { join } from 'node:path';
import type { SurveyInstrument } from '../intake/types.ts';
import { AsciiInterner, HASH_START, hashStep } from './ascii-interner.ts';
import { ByteChunks } from './byte-chunks.ts';
import { ByteOutput } from './byte-output.ts';
import { epochDays, PublishError, publishRow, type PublishedValue } from './cell.ts';
import { parseCsvRecord } from './csv-record-bytes.ts';
import { CSV_BOM, CSV_LINE_END, csvHeaderLine, neutraliseFormula, quoteCsv } from './csv.ts';
import { INT32_MAX, ParquetTableWriter, ROW_GROUP_ROWS } from './parquet.ts';
import { RESPONSE_ID_COLUMNS, responsesSchema, type PublishedField, type TableSchema } from './schemas.ts';
import { fileName, type WrittenTable } from './table-writer.ts';
import { checkHeader, emptyFile, wrongCellCount } from './validated-csv-shape.ts';

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/** How a column's cells are read; a responses file has only these three types. */
const TEXT = 0;
const DATE = 1;
const INTEGER = 2;
type CellKind = typeof TEXT | typeof DATE | typeof INTEGER;

/** What a byte means inside a plain text cell. */
const ORDINARY = 0;
const ENDS_CELL = 1;
const NEEDS_GENERAL_PATH = 2;

/**
 * Per ASCII byte, taken from csv.ts itself so the two never disagree: whether it makes quoteCsv
 * quote a cell (`"`, `\r`; comma and `\n` end the cell anyway), and whether a cell starting with
 * it gets neutraliseFormula's `'`. Cells holding other bytes are decoded and checked as text.
 */
const TEXT_BYTE = new Uint8Array(256);
const FORMULA_BYTE = new Uint8Array(256);
for (let byte = 0; byte < 0x80; byte++) {
  const char = String.fromCharCode(byte);
  if (quoteCsv(char) !== char) TEXT_BYTE[byte] = NEEDS_GENERAL_PATH;
  if (neutraliseFormula(char) !== char) FORMULA_BYTE[byte] = 1;
}
TEXT_BYTE[COMMA] = ENDS_CELL;
TEXT_BYTE[LF] = ENDS_CELL;

/** Sizes that only tests change, to put row-group and chunk boundaries inside small files. */
export interface WriterSizes {
  /** Rows per Parquet row group (parquet.ts → ROW_GROUP_ROWS). */
  rowGroupRows?: number;
  /** Bytes read at a time (byte-chunks.ts). */
  chunkBytes?: number;
}

/** Writes `responses-<survey>.csv` and `.parquet` into `dir` from the validated CSV at `validatedCsv`. */
export async function writeValidatedResponses(
  dir: string,
  instrument: SurveyInstrument,
  validatedCsv: string,
  sizes: WriterSizes = {},
): Promise<WrittenTable> {
  const schema = responsesSchema(instrument);
  if (schema.formats.join(',') !== 'csv,parquet') {
    throw new Error(`${schema.name}: the responses writer writes CSV and Parquet, but the schema lists ${schema.formats.join(', ')}`);
  }
  const csv = new ByteOutput(join(dir, fileName(schema, 'csv')));
  const parquet = new ParquetTableWriter(join(dir, fileName(schema, 'parquet')), schema, sizes.rowGroupRows ?? ROW_GROUP_ROWS);
  const input = new ByteChunks(validatedCsv, sizes.chunkBytes);
  let rows: number;
  let written = false;
  try {
    rows = await new ResponsesTranscriber(schema, instrument, validatedCsv, csv, parquet).run(input);
    written = true;
  } finally {
    input.close();
    // After an error the files are incomplete; the caller does not publish them.
    if (!written) {
      csv.abandon();
      parquet.abandon();
    }
  }
  csv.close();
  await parquet.close();
  return { table: schema.name, rows, files: schema.formats.map((format) => ({ file: fileName(schema, format), format })) };
}

class ResponsesTranscriber {
  #schema: TableSchema;
  #instrument: SurveyInstrument;
  #path: string;
  #csv: ByteOutput;
  #parquet: ParquetTableWriter;
  #kinds: CellKind[];
  #required: boolean[];
  /** The allowed values of enum text columns (channel, respondent_type), else undefined. */
  #allowed: (Set<string> | undefined)[];
  /** Per text column, its distinct values (until there are too many of them). */
  #interners: AsciiInterner[];
  /** Day number of each date seen, keyed by its digits YYYYMMDD read as one number. */
  #days = new Map<number, number>();
  /** One array per column holding the current row group's Parquet values, reused group after group. */
  #columns: PublishedValue[][];
  /** Rows in the current row group. */
  #n = 0;
  /** Row groups handed to the Parquet writer since the last wait for it. */
  #sent: Promise<void>[] = [];
  /** Non-empty records seen, the header included (the numbering of the row-by-row writer's errors). */
  #record = 0;
  /**
   * The file's lines end with `\r\n` (intake writes `\n`; a spreadsheet may have saved `\r\n`);
   * undefined until the first line end has been read.
   */
  #crlf: boolean | undefined;
  /** Plain records waiting to be copied to the CSV: input bytes [runStart, runEnd). */
  #runStart = 0;
  #runEnd = 0;

  constructor(schema: TableSchema, instrument: SurveyInstrument, path: string, csv: ByteOutput, parquet: ParquetTableWriter) {
    this.#schema = schema;
    this.#instrument = instrument;
    this.#path = path;
    this.#csv = csv;
    this.#parquet = parquet;
    this.#kinds = schema.fields.map((field, i) => cellKind(schema, field, i));
    this.#required = schema.fields.map((field) => field.required === true);
    this.#allowed = schema.fields.map((field) => (field.enum ? new Set(field.enum) : undefined));
    this.#interners = schema.fields.map(() => new AsciiInterner());
    this.#columns = schema.fields.map(() => anyValueArray());
  }

  /** Reads the whole file, writes both outputs' rows; returns the number of responses. */
  async run(input: ByteChunks): Promise<number> {
    const expected = this.#schema.fields.map((field) => field.name);
    this.#csv.text(CSV_BOM + csvHeaderLine(this.#schema));
    input.refill(0);
    let pos = 0;
    /** Bytes [0, checked) of the buffer are known to be UTF-8. */
    let checked = 0;
    for (;;) {
      const { buffer, end, eof } = input;
      // Records are read up to the last line break; the bytes after it wait for the next chunk.
      // A line break is ASCII, so it never cuts a UTF-8 character either.
      const limit = eof ? end : end > 0 ? buffer.lastIndexOf(LF, end - 1) + 1 : 0;
      if (limit > checked) {
        if (!isUtf8(buffer.subarray(checked, limit))) throw this.#notUtf8(buffer, checked, limit, input.fileOffset);
        checked = limit;
      }
      this.#crlf ??= firstLineEndsWithCr(buffer, end, eof);
      while (pos < limit && this.#crlf !== undefined) {
        let next = this.#record > 0 ? this.#plainRecord(buffer, pos) : -1;
        if (next >= 0) this.#copyPlain(buffer, pos, next);
        else next = this.#generalRecord(buffer, pos, end, eof);
        if (next < 0) break;
        pos = next;
      }
      this.#flushRun(buffer);
      // Once a chunk (about a row group): the Parquet writer encodes while the next chunk is read,
      // and no more than that waits in memory.
      await Promise.all(this.#sent.splice(0));
      if (eof) break;
      const moved = input.refill(pos);
      pos -= moved;
      checked -= moved;
    }
    if (this.#record === 0) throw emptyFile(this.#path, expected);
    await this.#writeLastRowGroup();
    return this.#record - 1;
  }

  /**
   * Reads the record at `start` if it is plain; returns the position after its line break, or -1
   * when the record needs the general path (which then overwrites whatever was put in the columns).
   */
  #plainRecord(buffer: Buffer, start: number): number {
    const kinds = this.#kinds;
    const columns = this.#columns;
    const interners = this.#interners;
    const required = this.#required;
    const allowedValues = this.#allowed;
    const n = this.#n;
    const last = kinds.length - 1;
    let p = start;
    for (let col = 0; col <= last; col++) {
      const column = columns[col] as PublishedValue[];
      let c = buffer[p] as number;
      switch (kinds[col]) {
        case INTEGER: {
          if (c === COMMA || c === LF || c === CR) {
            column[n] = null;
            break;
          }
          // Canonical form only (-?(0|[1-9][0-9]*), at most 10 digits), so the published text
          // String(value) is the cell's own bytes; anything else goes the general way.
          let sign = 1;
          if (c === MINUS) {
            sign = -1;
            c = buffer[++p] as number;
          }
          let value = c - ZERO;
          if (value < 0 || value > 9) return -1;
          c = buffer[++p] as number;
          if (value === 0 && (sign < 0 || (c >= ZERO && c <= NINE))) return -1;
          let digits = 1;
          while (c >= ZERO && c <= NINE) {
            if (++digits > 10) return -1;
            value = value * 10 + (c - ZERO);
            c = buffer[++p] as number;
          }
          if (value > INT32_MAX) return -1;
          column[n] = sign < 0 ? -value : value;
          break;
        }
        case TEXT: {
          if (FORMULA_BYTE[c] === 1) return -1;
          const open = p;
          const interner = interners[col] as AsciiInterner;
          const interning = interner.enabled;
          let high = 0;
          let hash = HASH_START;
          for (;;) {
            const meaning = TEXT_BYTE[c];
            if (meaning === ORDINARY) {
              high |= c;
              if (interning) hash = hashStep(hash, c);
              c = buffer[++p] as number;
            } else if (meaning === ENDS_CELL) break;
            else return -1;
          }
          if (p === open) {
            if (required[col]) return -1;
            column[n] = null;
            break;
          }
          let text: string;
          if (high < 0x80) text = interning ? interner.get(buffer, open, p, hash) : buffer.toString('latin1', open, p);
          else {
            text = buffer.toString('utf8', open, p);
            if (quoteCsv(neutraliseFormula(text)) !== text) return -1;
          }
          const allowed = allowedValues[col];
          if (allowed && !allowed.has(text)) return -1;
          column[n] = text;
          break;
        }
        case DATE: {
          // YYYY-MM-DD; checked byte by byte, so the read never passes the record's line break.
          let key = 0;
          for (let k = 0; k < 10; k++) {
            const byte = buffer[p + k] as number;
            if (k === 4 || k === 7) {
              if (byte !== MINUS) return -1;
            } else {
              const digit = byte - ZERO;
              if (digit < 0 || digit > 9) return -1;
              key = key * 10 + digit;
            }
          }
          let days = this.#days.get(key);
          if (days === undefined) {
            days = dayNumber(buffer.toString('latin1', p, p + 10));
            if (days === undefined) return -1;
            this.#days.set(key, days);
          }
          column[n] = days;
          p += 10;
          break;
        }
      }
      c = buffer[p] as number;
      if (col < last) {
        if (c !== COMMA) return -1;
        p += 1;
      } else if (this.#crlf) {
        // A bare \n in a \r\n file is left to the general path: #copyPlain drops two bytes here.
        if (c === CR && buffer[p + 1] === LF) return p + 2;
      } else if (c === LF) {
        return p + 1;
      }
    }
    return -1;
  }

  /** A plain record's CSV line is its own bytes: extend the run to copy, or start a new one. */
  #copyPlain(buffer: Buffer, start: number, next: number): void {
    if (this.#crlf) {
      this.#csv.copy(buffer, start, next - 2);
      this.#csv.text(CSV_LINE_END);
    } else if (start === this.#runEnd && this.#runEnd > this.#runStart) {
      this.#runEnd = next;
    } else {
      this.#flushRun(buffer);
      this.#runStart = start;
      this.#runEnd = next;
    }
    this.#record += 1;
    this.#rowDone();
  }

  #flushRun(buffer: Buffer): void {
    if (this.#runEnd > this.#runStart) this.#csv.copy(buffer, this.#runStart, this.#runEnd);
    this.#runStart = this.#runEnd = 0;
  }

  /**
   * The header, an empty line, or a record that is not plain: parsed, checked and converted exactly
   * as the row-by-row writer does. Returns the position after it, or -1 when it is not all read yet.
   */
  #generalRecord(buffer: Buffer, start: number, end: number, eof: boolean): number {
    const path = this.#path;
    const record = this.#record + 1;
    const fail = (problem: string): never => {
      throw new Error(`${path}, record ${record} (the header is record 1), ${problem}. Re-run the intake step.`);
    };
    const parsed = parseCsvRecord(buffer, start, end, this.#crlf === true, fail);
    if (!parsed) {
      if (eof) fail('a quoted cell is not closed before the end of the file');
      return -1;
    }
    const { cells, next } = parsed;
    // An empty line is no record, as in papaparse's skipEmptyLines (response-rows.ts).
    if (cells.length === 1 && cells[0] === '') return next;
    this.#record = record;
    const schema = this.#schema;
    const kinds = this.#kinds;
    if (record === 1) {
      checkHeader(path, this.#instrument, schema.fields.map((field) => field.name), cells);
      return next;
    }
    if (cells.length !== kinds.length) throw wrongCellCount(path, record, cells.length, kinds.length);
    const rowNumber = record - 1;
    // The same values response-rows.ts hands to publishRow: text as read, answers through Number().
    const raw = cells.map((cell, i) => (cell === '' ? null : kinds[i] === INTEGER ? Number(cell) : cell));
    for (let i = 0; i < raw.length; i++) {
      const value = raw[i];
      if (typeof value !== 'number') continue;
      const field = schema.fields[i] as PublishedField;
      if (!Number.isSafeInteger(value)) throw new PublishError(schema, rowNumber, field, `expected a whole number (got ${JSON.stringify(cells[i])})`);
      if (Math.abs(value) > INT32_MAX) throw new PublishError(schema, rowNumber, field, `${value} does not fit a 32-bit integer (at most ${INT32_MAX})`);
    }
    const row = publishRow(schema, raw, rowNumber);
    const line = row.texts.map((text, i) => (text === null ? '' : kinds[i] === TEXT ? quoteCsv(neutraliseFormula(text)) : text));
    this.#flushRun(buffer);
    this.#csv.text(line.join(',') + CSV_LINE_END);
    const n = this.#n;
    row.values.forEach((value, i) => {
      (this.#columns[i] as PublishedValue[])[n] = value !== null && kinds[i] === DATE ? epochDays(value as string) : value;
    });
    this.#rowDone();
    return next;
  }

  #rowDone(): void {
    this.#n += 1;
    if (this.#n === this.#parquet.rowGroupRows) {
      // writeRowGroup copies the values before it returns, so the arrays are refilled at once.
      this.#sent.push(this.#parquet.writeRowGroup(this.#columns, this.#n));
      this.#n = 0;
    }
  }

  async #writeLastRowGroup(): Promise<void> {
    if (this.#n === 0) return;
    for (const column of this.#columns) column.length = this.#n;
    await this.#parquet.writeRowGroup(this.#columns, this.#n);
  }

  /** Finds the first line of bytes [from, to) that is not UTF-8, to name it in the error. */
  #notUtf8(buffer: Buffer, from: number, to: number, fileOffset: number): Error {
    let line = from;
    for (;;) {
      const lineEnd = Math.min(to, buffer.indexOf(LF, line) + 1 || to);
      if (!isUtf8(buffer.subarray(line, lineEnd)) || lineEnd >= to) break;
      line = lineEnd;
    }
    return new Error(
      `${this.#path}: the line starting at byte ${fileOffset + line} is not UTF-8 text. Re-run the intake step, which writes the file as UTF-8.`,
    );
  }
}

/** The three cell types of a responses file, in the places response-rows.ts expects them. */
function cellKind(schema: TableSchema, field: PublishedField, index: number): CellKind {
  const isAnswer = index >= RESPONSE_ID_COLUMNS;
  if (isAnswer && field.type === 'integer') return INTEGER;
  if (!isAnswer && field.type === 'string') return TEXT;
  if (!isAnswer && field.type === 'date') return DATE;
  throw new Error(`${schema.name}: column ${field.name} (${field.type}) is not a column the responses writer knows how to read`);
}

/**
 * An empty array whose elements may be of any type from the start. V8 types an array's elements
 * (small integers only, or anything); columns that all share one type make every store of the
 * scanner the same operation, which measurably speeds up a loop run 26 million times.
 */
function anyValueArray(): PublishedValue[] {
  const column: PublishedValue[] = [null];
  column.length = 0;
  return column;
}

/** Day number of a calendar date (cell.ts decides), undefined for anything else. */
function dayNumber(text: string): number | undefined {
  try {
    return epochDays(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether the first line break outside quotes is `\r\n`: how response-rows.ts (csv-batches.ts)
 * decides the line end of the whole file. Undefined while that line break is not read yet.
 */
function firstLineEndsWithCr(buffer: Buffer, end: number, eof: boolean): boolean | undefined {
  let quoted = false;
  for (let i = 0; i < end; i++) {
    const byte = buffer[i];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === LF && !quoted) return i > 0 && buffer[i - 1] === CR;
  }
  return eof ? false : undefined;
}
