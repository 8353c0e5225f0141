/**
 * A UTF-8 text file written in chunks of about 1 MB, so a table of millions of rows is never
 * held as one string. Synchronous writes: the publisher writes one file at a time anyway.
 */
import { Buffer } from 'node:buffer';
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK_CHARS = 1 << 20;

export class TextFile {
  readonly path: string;
  #fd: number;
  #pending: string[] = [];
  #pendingChars = 0;
  #bytes = 0;

  constructor(path: string) {
    this.path = path;
    this.#fd = openSync(path, 'w', 0o644);
  }

  write(text: string): void {
    this.#pending.push(text);
    this.#pendingChars += text.length;
    if (this.#pendingChars >= CHUNK_CHARS) this.#flush();
  }

  /** Flushes and closes; returns the file's size in bytes. */
  close(): number {
    this.#flush();
    closeSync(this.#fd);
    return this.#bytes;
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const buffer = Buffer.from(this.#pending.join(''), 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.#fd, buffer, written);
    this.#bytes += buffer.length;
    this.#pending = [];
    this.#pendingChars = 0;
  }
}
