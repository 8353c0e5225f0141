/**
 * One string per distinct ASCII byte sequence of a column: a code column of a million responses
 * (unit, agency, field, channel…) holds a few hundred distinct values, so handing out the same
 * string instead of decoding a new one per cell saves both the decoding and the garbage collection
 * of millions of short strings that would live until their row group is written.
 *
 * Bounded: a column with more distinct values than MAX_ENTRIES (an id column) is not worth it, so
 * the interner turns itself off and the caller decodes every cell.
 */
import type { Buffer } from 'node:buffer';

const SLOTS = 1 << 13;
const MASK = SLOTS - 1;
const MAX_ENTRIES = SLOTS >> 2;

/** FNV-1a, step by step: the caller folds each byte in while it scans the cell anyway. */
export const HASH_START = 0x811c9dc5;
export function hashStep(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, 0x01000193);
}

export class AsciiInterner {
  /** False once the column proved to have too many distinct values. */
  enabled = true;
  #slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  #entries = 0;

  /** The string of the ASCII bytes buffer[start, end), whose hash (hashStep from HASH_START) is `hash`. */
  get(buffer: Buffer, start: number, end: number, hash: number): string {
    const slots = this.#slots;
    const length = end - start;
    let slot = hash & MASK;
    for (;;) {
      const known = slots[slot];
      if (known === undefined) break;
      if (known.length === length && sameBytes(known, buffer, start)) return known;
      slot = (slot + 1) & MASK;
    }
    const text = buffer.toString('latin1', start, end);
    slots[slot] = text;
    this.#entries += 1;
    if (this.#entries >= MAX_ENTRIES) this.enabled = false;
    return text;
  }
}

function sameBytes(text: string, buffer: Buffer, start: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== buffer[start + i]) return false;
  return true;
}
