import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { AsciiInterner, HASH_START, hashStep } from '../../src/publish/ascii-interner.ts';

const hashOf = (text: string) => [...Buffer.from(text, 'latin1')].reduce(hashStep, HASH_START);

describe('AsciiInterner', () => {
  it('gives back the same string for the same bytes, wherever they are', () => {
    const interner = new AsciiInterner();
    const bytes = Buffer.from('585-MC,22810,585-MC', 'latin1');
    const first = interner.get(bytes, 0, 6, hashOf('585-MC'));
    const other = interner.get(bytes, 7, 12, hashOf('22810'));
    const again = interner.get(bytes, 13, 19, hashOf('585-MC'));
    expect([first, other, again]).toEqual(['585-MC', '22810', '585-MC']);
    expect(again).toBe(first);
  });

  it('tells apart different bytes with the same hash (a collision is compared byte by byte)', () => {
    const interner = new AsciiInterner();
    const bytes = Buffer.from('abc abd ab abc', 'latin1');
    const sameHash = 42;
    expect(interner.get(bytes, 0, 3, sameHash)).toBe('abc');
    expect(interner.get(bytes, 4, 7, sameHash)).toBe('abd');
    expect(interner.get(bytes, 8, 10, sameHash)).toBe('ab');
    expect(interner.get(bytes, 11, 14, sameHash)).toBe('abc');
  });

  it('turns itself off after 2048 distinct values (a column of ids), still returning the right text', () => {
    const interner = new AsciiInterner();
    // 2^13 slots, at most a quarter of them (2048) filled before giving up.
    for (let i = 0; i < 2047; i++) {
      const id = Buffer.from(`id-${i}`, 'latin1');
      expect(interner.get(id, 0, id.length, hashOf(`id-${i}`))).toBe(`id-${i}`);
    }
    expect(interner.enabled).toBe(true);
    const last = Buffer.from('id-2047', 'latin1');
    expect(interner.get(last, 0, last.length, hashOf('id-2047'))).toBe('id-2047');
    expect(interner.enabled).toBe(false);
  });
});
