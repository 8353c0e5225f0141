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
});
