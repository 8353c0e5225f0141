/**
 * A file written from byte ranges and text through one 8 MB buffer: a writer that copies most of
 * its input unchanged (the published responses CSV is mostly the validated CSV's own bytes) then
 * costs one memcpy per range and one system call per 8 MB.
 */
import { Buffer } from 'node:buffer';
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 8 << 20;

export class ByteOutput {
  readonly path: string;
  #fd: number;
  #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
  #bytes = 0;

  constructor(path: string) {
    this.path = path;
    this.#fd = openSync(path, 'w', 0o644);
  }

  /** Appends source[start, end). */
  copy(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.#used + length > this.#buffer.length) this.#flush();
    if (length > this.#buffer.length) {
      this.#writeAll(source.subarray(start, end));
      return;
    }
    this.#buffer.set(source.subarray(start, end), this.#used);
    this.#used += length;
  }

  /** Appends text as UTF-8. */
  text(text: string): void {
    // 3 bytes per UTF-16 unit is the most UTF-8 can take, so this never cuts a character.
    if (this.#used + text.length * 3 > this.#buffer.length) this.#flush();
    if (text.length * 3 > this.#buffer.length) {
      this.#writeAll(Buffer.from(text, 'utf8'));
      return;
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  /** Flushes and closes; returns the file's size in bytes. */
  close(): number {
    this.#flush();
    closeSync(this.#fd);
    return this.#bytes;
  }

  /** Closes without flushing: for a file that an error left incomplete. */
  abandon(): void {
    closeSync(this.#fd);
  }

  #flush(): void {
    this.#writeAll(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  #writeAll(bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written, bytes.length - written);
    this.#bytes += bytes.length;
  }
}
