/**
 * A file read as raw bytes in large chunks (8 MB) into one reusable Buffer, for a parser that scans
 * bytes itself. The unparsed tail of a chunk is moved to the front before the next read, so a
 * record cut by a chunk boundary is whole after `refill`. Large chunks because a read per chunk,
 * not per line, is what lets a file of a million responses be scanned in well under a second.
 */
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 8 << 20;
const LF = 0x0a;

export class ByteChunks {
  readonly path: string;
  /** Holds the bytes [0, end); grows only when one record is longer than the whole buffer. */
  buffer: Buffer;
  /** End of the bytes read so far. */
  end = 0;
  /** True once the file has been read to its end. */
  eof = false;
  /** File offset of buffer[0], for error messages. */
  fileOffset = 0;
  #fd: number;
  #endsWithLineBreak = true;

  constructor(path: string, chunkBytes = CHUNK_BYTES) {
    this.path = path;
    this.#fd = openSync(path, 'r');
    // One spare byte: at the end of a file without a final line break, `refill` adds one so that
    // every record ends with `\n` and a scanner never needs to test for the end of the data.
    this.buffer = Buffer.allocUnsafe(chunkBytes + 1);
  }

  /**
   * Drops the bytes before `keepFrom`, moves the rest to the front and reads after them until the
   * buffer is full or the file ends. Returns how far the kept bytes moved (subtract it from any
   * position held in the buffer).
   */
  refill(keepFrom: number): number {
    if (this.eof) return 0;
    let { buffer } = this;
    const kept = this.end - keepFrom;
    const capacity = buffer.length - 1;
    if (kept >= capacity) {
      // One record fills the buffer (a very long quoted cell): double it.
      const bigger = Buffer.allocUnsafe(capacity * 2 + 1);
      buffer.copy(bigger, 0, keepFrom, this.end);
      this.buffer = buffer = bigger;
    } else if (keepFrom > 0) {
      buffer.copyWithin(0, keepFrom, this.end);
    }
    this.fileOffset += keepFrom;
    this.end = kept;
    while (this.end < buffer.length - 1) {
      const read = readSync(this.#fd, buffer, this.end, buffer.length - 1 - this.end, null);
      if (read === 0) {
        this.eof = true;
        break;
      }
      this.end += read;
      this.#endsWithLineBreak = buffer[this.end - 1] === LF;
    }
    if (this.eof && this.end > 0 && !this.#endsWithLineBreak) {
      buffer[this.end] = LF;
      this.end += 1;
    }
    return keepFrom;
  }

  close(): void {
    closeSync(this.#fd);
  }
}
