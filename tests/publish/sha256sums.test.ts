import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSha256Sums, sha256OfFile } from '../../src/publish/sha256sums.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('SHA256SUMS', () => {
  it('writes "<hex>  <name>" lines sorted by name, without itself', () => {
    const text = formatSha256Sums([
      { file: 'units.csv', sha256: A },
      { file: 'SHA256SUMS', sha256: B },
      { file: 'datapackage.json', sha256: B },
      { file: 'agencies.csv', sha256: A },
    ]);
    expect(text).toBe(`${A}  agencies.csv\n${B}  datapackage.json\n${A}  units.csv\n`);
  });

  it('refuses names sha256sum would escape and hashes that are not hex SHA-256', () => {
    expect(() => formatSha256Sums([{ file: 'a\nb.csv', sha256: A }])).toThrow(/cannot list/);
    expect(() => formatSha256Sums([{ file: 'sub/a.csv', sha256: A }])).toThrow(/cannot list/);
    expect(() => formatSha256Sums([{ file: 'a.csv', sha256: 'ABC' }])).toThrow(/not a hex SHA-256/);
  });

  it('hashes a file: SHA-256 of "abc" is the FIPS 180-2 test vector', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sha-'));
    try {
      writeFileSync(join(dir, 'abc.txt'), 'abc');
      expect(await sha256OfFile(join(dir, 'abc.txt'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
