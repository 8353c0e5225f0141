// The share of the page build each Astro process takes (src/site/page-shard.ts), and the merge
// of the shards' folders (scripts/build-pages.ts).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeInto } from '../../scripts/build-pages.ts';
import { firstShardOnly, pageShard, sharedOut } from '../../src/site/page-shard.ts';

describe('page shards', () => {
  it('reads SIPAS_PAGE_SHARD as k/n, one shard without it, and refuses anything else', () => {
    expect(pageShard({})).toEqual({ index: 0, count: 1 });
    expect(pageShard({ SIPAS_PAGE_SHARD: '1/2' })).toEqual({ index: 1, count: 2 });
    expect(() => pageShard({ SIPAS_PAGE_SHARD: '2/2' })).toThrow('SIPAS_PAGE_SHARD=2/2: expected k/n with 0 ≤ k < n, e.g. 0/2.');
    expect(() => pageShard({ SIPAS_PAGE_SHARD: 'half' })).toThrow(/expected k\/n/);
  });

  it('shares the unit pages out by position, every page in exactly one shard; the other pages go to shard 0', () => {
    const units = ['a', 'b', 'c', 'd', 'e'];
    const shards = [0, 1, 2].map((index) => sharedOut(units, { index, count: 3 }));
    expect(shards).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(shards.flat().sort()).toEqual(units);
    expect(firstShardOnly(units, { index: 0, count: 3 })).toEqual(units);
    expect(firstShardOnly(units, { index: 2, count: 3 })).toEqual([]);
    expect(sharedOut(units, { index: 0, count: 1 })).toEqual(units);
  });

  it('merges a shard into the output: new files and folders move in, a page shard 0 already has is kept', () => {
    const root = mkdtempSync(join(tmpdir(), 'shards-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    };
    write(join(root, 'out', 'index.html'), 'home from shard 0');
    write(join(root, 'out', 'don-vi', '01-ha-noi', 'index.html'), 'Hà Nội');
    write(join(root, 'shard', 'index.html'), 'home from shard 1');
    write(join(root, 'shard', 'don-vi', '79-ho-chi-minh', 'index.html'), 'Hồ Chí Minh');
    write(join(root, 'shard', 'en', 'units', '79-ho-chi-minh', 'index.html'), 'Ho Chi Minh City');
    // Moved: don-vi/79-ho-chi-minh (a folder) and en (a folder); the home page stays shard 0's.
    expect(mergeInto(join(root, 'shard'), join(root, 'out'))).toBe(2);
    expect(readFileSync(join(root, 'out', 'index.html'), 'utf8')).toBe('home from shard 0');
    expect(readFileSync(join(root, 'out', 'don-vi', '79-ho-chi-minh', 'index.html'), 'utf8')).toBe('Hồ Chí Minh');
    expect(readFileSync(join(root, 'out', 'don-vi', '01-ha-noi', 'index.html'), 'utf8')).toBe('Hà Nội');
    expect(readFileSync(join(root, 'out', 'en', 'units', '79-ho-chi-minh', 'index.html'), 'utf8')).toBe('Ho Chi Minh City');
  });
});
