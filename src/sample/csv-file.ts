/**
 * Writes a CSV file without holding it in memory (10 million rows must fit), into a temporary
 * file that is renamed into place only when complete, so an interrupted run never leaves a
 * half-written responses file where the build would read it.
 *
 * WHY bytes and not strings: building a million lines as strings made the garbage collector the
 * main cost; cells are written straight into a reused 1 MB buffer instead.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** RFC 4180: quote a cell that holds a comma, a quote or a line break; double inner quotes. */
export function csvCell(value: string): string {
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

const COMMA = 44;
const LINE_FEED = 10;
const DIGIT_ZERO = 48;
const CHUNK_BYTES = 1 << 20;

/** Buffered, synchronous CSV writer (UTF-8, LF line ends, no BOM). */
export class CsvFileWriter {
  readonly path: string;
  private readonly tempPath: string;
  private readonly fd: number;
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private position = 0;
  private written = 0;

  constructor(path: string) {
    this.path = path;
    this.tempPath = `${path}.partial`;
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(this.tempPath, 'w');
  }

  /** Appends text as is (already CSV-escaped); a UTF-16 unit takes at most 3 UTF-8 bytes. */
  text(value: string): void {
    if (this.position + 3 * value.length > CHUNK_BYTES) {
      this.flush();
      if (3 * value.length > CHUNK_BYTES) {
        this.written += writeSync(this.fd, value, null, 'utf8');
        return;
      }
    }
    this.position += this.chunk.write(value, this.position, 'utf8');
  }

  /** Appends a comma, then the cell escaped. */
  cell(value: string): void {
    this.comma();
    this.text(csvCell(value));
  }

  /** Appends a comma, then a digit 1–9, or nothing for 0 (an empty cell). */
  digitCell(digit: number): void {
    if (this.position + 2 > CHUNK_BYTES) this.flush();
    this.chunk[this.position++] = COMMA;
    if (digit > 0) this.chunk[this.position++] = DIGIT_ZERO + digit;
  }

  /** Appends a whole number ≥ 0 with leading zeros up to `width` digits (e.g. 123, 6 → 000123). */
  zeroPadded(value: number, width: number): void {
    const digits = Math.max(width, value === 0 ? 1 : Math.floor(Math.log10(value)) + 1);
    if (this.position + digits > CHUNK_BYTES) this.flush();
    let rest = value;
    for (let i = digits - 1; i >= 0; i--) {
      this.chunk[this.position + i] = DIGIT_ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.position += digits;
  }

  comma(): void {
    if (this.position + 1 > CHUNK_BYTES) this.flush();
    this.chunk[this.position++] = COMMA;
  }

  endLine(): void {
    if (this.position + 1 > CHUNK_BYTES) this.flush();
    this.chunk[this.position++] = LINE_FEED;
  }

  /** Appends a whole line: the cells escaped and joined by commas. */
  line(cells: readonly string[]): void {
    this.text(cells.map(csvCell).join(','));
    this.endLine();
  }

  private flush(): void {
    let offset = 0;
    while (offset < this.position) offset += writeSync(this.fd, this.chunk, offset, this.position - offset);
    this.written += this.position;
    this.position = 0;
  }

  /** Flushes, closes and moves the file into place; returns its size in bytes. */
  close(): number {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tempPath, this.path);
    return this.written;
  }

  /** Closes and deletes the temporary file (after an error). */
  abort(): void {
    closeSync(this.fd);
    rmSync(this.tempPath, { force: true });
  }
}
