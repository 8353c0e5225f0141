/**
 * Builds CSV output as UTF-8 bytes directly, for the validated responses file: at millions of rows,
 * assembling each line as a JavaScript string (then joining and encoding it) costs more than
 * checking the row. Cells are copied byte by byte when ASCII (codes, ISO dates, answers — nearly
 * everything); anything else goes through the encoder. Quoting follows RFC 4180 (csv-cell.ts).
 */
import { writeSync } from 'node:fs';
import { csvCell } from './csv-cell.ts';

const COMMA = 0x2c;
const NEWLINE = 0x0a;

export class CsvLineBuffer {
  private readonly encoder = new TextEncoder();
  private bytes: Uint8Array;
  private length = 0;

  constructor(initialBytes = 1 << 20) {
    this.bytes = new Uint8Array(initialBytes);
  }

  get byteLength(): number {
    return this.length;
  }

  /** A cell that may need quoting (text from the file). */
  cell(value: string): void {
    if (!this.ascii(value, true)) this.encoded(csvCell(value));
  }

  /** A cell known to need no quoting (ISO date, allowed code, integer). */
  plain(value: string): void {
    if (!this.ascii(value, false)) this.encoded(value);
  }

  comma(): void {
    this.room(1);
    this.bytes[this.length++] = COMMA;
  }

  endLine(): void {
    this.room(1);
    this.bytes[this.length++] = NEWLINE;
  }

  /** Writes what is buffered to the file descriptor and empties the buffer. */
  flushTo(fd: number): void {
    if (this.length > 0) writeSync(fd, this.bytes, 0, this.length);
    this.length = 0;
  }

  /** Copies an ASCII value that needs no quotes; false (nothing written) otherwise. */
  private ascii(value: string, checkQuoting: boolean): boolean {
    const n = value.length;
    this.room(n);
    const bytes = this.bytes;
    const start = this.length;
    for (let i = 0; i < n; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) return false;
      if (checkQuoting && (code === 0x2c || code === 0x22 || code === 0x0a || code === 0x0d)) return false;
      bytes[start + i] = code;
    }
    this.length = start + n;
    return true;
  }

  private encoded(value: string): void {
    this.room(value.length * 3);
    this.length += this.encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
  }

  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (this.length + more > size) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}
