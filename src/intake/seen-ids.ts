/**
 * The response ids seen so far in a survey, with where each was first seen, to find duplicates
 * across all its files without holding the rows.
 *
 * A `Map<string, …>` would do, but at 10 million responses its millions of small strings dominate
 * both memory and garbage-collection time (and a Map holds at most 2^24 entries). So the ids are
 * stored as UTF-8 bytes, one after another in one growing byte array, behind an open-addressing
 * hash table of typed arrays: no object per id. Lookups compare the bytes, so the answer is exact.
 */
const EMPTY = -1;
const LINES_PER_FILE = 2 ** 32;

export interface IdLocation {
  fileIndex: number;
  line: number;
}

/** The ids of a SeenIds as UTF-8 bytes: id i is bytes[starts[i] … starts[i+1]). */
export interface SeenIdsSnapshot {
  bytes: Uint8Array;
  starts: Int32Array;
}

export class SeenIds {
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(256);
  /** The ids' bytes, back to back; id i is bytes[starts[i] … starts[i+1]). */
  private bytes = new Uint8Array(1 << 20);
  private starts = new Int32Array(1 << 16);
  private hashes = new Int32Array(1 << 16);
  private locations = new Float64Array(1 << 16);
  /** Hash table of id numbers (EMPTY = free), kept at most half full. */
  private slots = new Int32Array(1 << 17).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Where `id` was first seen, or null when it is new (it is then recorded as seen here). */
  firstSeen(id: string, fileIndex: number, line: number): IdLocation | null {
    const length = this.encode(id);
    const hash = this.scratchHash(length);
    const slot = this.slotOf(hash, length);
    const found = this.slots[slot] as number;
    if (found === EMPTY) {
      this.add(slot, hash, length, fileIndex * LINES_PER_FILE + line);
      return null;
    }
    const packed = this.locations[found] as number;
    return { fileIndex: Math.floor(packed / LINES_PER_FILE), line: packed % LINES_PER_FILE };
  }

  /** The ids seen, as bytes (a copy that can be sent to another thread). */
  snapshot(): SeenIdsSnapshot {
    const end = this.starts[this.count] as number;
    return { bytes: this.bytes.slice(0, end), starts: this.starts.slice(0, this.count + 1) };
  }

  /** Whether any id of `other` (another SeenIds' snapshot) has been seen here. */
  containsAnyOf(other: SeenIdsSnapshot): boolean {
    const ids = other.starts.length - 1;
    for (let index = 0; index < ids; index++) {
      const start = other.starts[index] as number;
      const length = (other.starts[index + 1] as number) - start;
      if (length > this.scratch.length) this.scratch = new Uint8Array(length);
      this.scratch.set(other.bytes.subarray(start, start + length));
      if (this.slots[this.slotOf(this.scratchHash(length), length)] !== EMPTY) return true;
    }
    return false;
  }

  /** FNV-1a of the first `length` bytes of `scratch`, as an int32 (as stored in `hashes`). */
  private scratchHash(length: number): number {
    const key = this.scratch;
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (key[i] as number), 16777619);
    return hash;
  }

  /** The slot holding the id in `scratch`, or the free slot where it would go. */
  private slotOf(hash: number, length: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot] as number;
      if (found === EMPTY || (this.hashes[found] === hash && this.sameBytes(found, length))) return slot;
    }
  }

  /** Encodes `id` as UTF-8 into `scratch` (grown when needed) and returns its length in bytes. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = new Uint8Array(id.length * 3);
    // Ids are nearly always ASCII, which a plain loop copies faster than a call to the encoder.
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code > 0x7f) return this.encoder.encodeInto(id, this.scratch).written;
      this.scratch[i] = code;
    }
    return id.length;
  }

  private sameBytes(index: number, length: number): boolean {
    const start = this.starts[index] as number;
    if ((this.starts[index + 1] as number) - start !== length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private add(slot: number, hash: number, length: number, packedLocation: number): void {
    const index = this.count;
    if (index + 2 > this.starts.length) this.growRecords();
    const start = this.starts[index] as number;
    while (start + length > this.bytes.length) this.bytes = grown(this.bytes, this.bytes.length * 2);
    const bytes = this.bytes;
    const key = this.scratch;
    for (let i = 0; i < length; i++) bytes[start + i] = key[i] as number;
    this.starts[index + 1] = start + length;
    this.hashes[index] = hash;
    this.locations[index] = packedLocation;
    this.slots[slot] = index;
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private growRecords(): void {
    const size = this.starts.length * 2;
    this.starts = grown(this.starts, size);
    this.hashes = grown(this.hashes, size);
    this.locations = grown(this.locations, size);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let index = 0; index < this.count; index++) {
      let slot = (this.hashes[index] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index;
    }
    this.slots = slots;
  }
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}
