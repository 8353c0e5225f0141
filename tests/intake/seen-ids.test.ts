import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/intake/seen-ids.ts';

describe('SeenIds', () => {
  it('returns where an id was first seen, keeping the first location', () => {
    const seen = new SeenIds();
    expect(seen.firstSeen('R1', 0, 2)).toBeNull();
    expect(seen.firstSeen('a-response-id-longer-than-13', 3, 4_000_000_000)).toBeNull();
    expect(seen.firstSeen('R1', 1, 9)).toEqual({ fileIndex: 0, line: 2 });
    expect(seen.firstSeen('R1', 2, 5)).toEqual({ fileIndex: 0, line: 2 });
    expect(seen.firstSeen('a-response-id-longer-than-13', 0, 1)).toEqual({ fileIndex: 3, line: 4_000_000_000 });
  });

  it('tells apart ids that differ only in diacritics, case, length or a trailing character', () => {
    const seen = new SeenIds();
    const ids = ['Phiếu-1', 'Phieu-1', 'phieu-1', 'Phieu-1 ', 'Phieu-10', 'P', ''];
    ids.forEach((id, i) => expect(seen.firstSeen(id, 0, i + 2)).toBeNull());
    ids.forEach((id, i) => expect(seen.firstSeen(id, 1, 100)).toEqual({ fileIndex: 0, line: i + 2 }));
  });

  it('stays exact while its tables grow (100,000 ids, each seen twice)', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 100_000; i++) expect(seen.firstSeen(`id-${i}`, 0, i)).toBeNull();
    expect(seen.size).toBe(100_000);
    let found = 0;
    for (let i = 0; i < 100_000; i++) if (seen.firstSeen(`id-${i}`, 1, 0)?.line === i) found++;
    expect(found).toBe(100_000);
    expect(seen.size).toBe(100_000);
  });

  it('tells whether any id of another set was seen, byte for byte, through a snapshot', () => {
    const first = new SeenIds();
    ['Phiếu-1', 'R2', 'R3'].forEach((id, i) => first.firstSeen(id, 0, i + 2));
    const disjoint = new SeenIds();
    ['Phieu-1', 'r2', 'R3 ', 'R30', ''].forEach((id, i) => disjoint.firstSeen(id, 1, i + 2));
    expect(first.containsAnyOf(disjoint.snapshot())).toBe(false);
    const overlapping = new SeenIds();
    ['X1', 'X2', 'Phiếu-1'].forEach((id, i) => overlapping.firstSeen(id, 1, i + 2));
    expect(first.containsAnyOf(overlapping.snapshot())).toBe(true);
    expect(first.containsAnyOf(new SeenIds().snapshot())).toBe(false);
    // Looking up records nothing: the ids of the other set are still new here.
    expect(first.firstSeen('X1', 2, 9)).toBeNull();
    expect(first.size).toBe(4);
  });

  it('snapshots a grown set completely (100,000 ids)', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 100_000; i++) seen.firstSeen(`id-${i}`, 0, i);
    const { bytes, starts } = seen.snapshot();
    expect(starts.length).toBe(100_001);
    const decoder = new TextDecoder();
    expect(decoder.decode(bytes.subarray(starts[99_999], starts[100_000]))).toBe('id-99999');
    const last = new SeenIds();
    last.firstSeen('id-99999', 0, 1);
    expect(seen.containsAnyOf(last.snapshot())).toBe(true);
  });
});
