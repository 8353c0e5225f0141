import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Release } from '../../src/intake/types.ts';
import { copyKeptView, keepRelease, keptView, readKeptTable, restoreKeptData } from '../../src/releases/kept-release.ts';
import { frozenOutputMoves } from '../../src/releases/frozen-output.ts';

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const RELEASE: Release = { version: '2026.1', date: '2026-12-01', status: 'provisional', provisional_periods: ['2026'], changes: [] };

/** A published folder as npm run data writes it: tables in three formats, XLSX, ZIP, the package and sums. */
function published(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kept-pub-'));
  const files: Record<string, string | Buffer> = {
    'indices.csv': '\uFEFFsurvey,period,value\nsipas,2024,90.99\n',
    'indices.parquet': Buffer.from([0x50, 0x41, 0x52, 0x31, 1, 2, 3]),
    'rankings.json': '[{"rank":3}]',
    'indices.xlsx': Buffer.from([0x50, 0x4b, 9, 9]),
    'sipas-2026.1.zip': Buffer.from([0x50, 0x4b, 1]),
    'datapackage.json': JSON.stringify({ version: '2026.1' }),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, 'SHA256SUMS'), Object.keys(files).filter((n) => !n.endsWith('.zip')).map((n) => `${sha(files[n] as string | Buffer)}  ${n}\n`).join(''));
  return dir;
}

/** A data folder: inputs the pages read, and responses, which a kept release leaves out. */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kept-data-'));
  writeFileSync(join(dir, 'site.json'), '{}');
  writeFileSync(join(dir, 'units.csv'), 'code\n58\n');
  writeFileSync(join(dir, 'provenance.csv'), 'path\n');
  mkdirSync(join(dir, 'surveys', 'sipas', 'responses'), { recursive: true });
  writeFileSync(join(dir, 'surveys', 'sipas', 'survey.json'), '{}');
  writeFileSync(join(dir, 'surveys', 'sipas', 'responses', '2024.csv'), 'response_id\n1\n');
  return dir;
}

describe('keeping a release (data-contract.md → Releases)', () => {
  it('serves the contract formats with their own SHA256SUMS lines, not the spreadsheets or the ZIP', () => {
    const pub = published();
    const view = keptView(pub);
    expect(view.files.sort()).toEqual(['datapackage.json', 'indices.csv', 'indices.parquet', 'rankings.json']);
    const published_lines = readFileSync(join(pub, 'SHA256SUMS'), 'utf8').split('\n');
    for (const line of view.sha256sums.trim().split('\n')) expect(published_lines).toContain(line);
  });

  it('keeps CSV and JSON gzipped, Parquet as written, inputs without responses, and restores the same bytes', async () => {
    const pub = published();
    const data = dataFolder();
    const dir = keepRelease(pub, data, RELEASE);
    expect(dir).toBe(join(data, 'releases', '2026.1'));
    expect(gunzipSync(readFileSync(join(dir, 'data', 'indices.csv.gz'))).toString()).toBe(readFileSync(join(pub, 'indices.csv'), 'utf8'));
    expect(existsSync(join(dir, 'data', 'indices.parquet'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'indices.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'inputs', 'units.csv'))).toBe(true);
    expect(existsSync(join(dir, 'inputs', 'surveys', 'sipas', 'survey.json'))).toBe(true);
    expect(existsSync(join(dir, 'inputs', 'surveys', 'sipas', 'responses', '2024.csv'))).toBe(false);

    const restored = mkdtempSync(join(tmpdir(), 'kept-out-'));
    const current = mkdtempSync(join(tmpdir(), 'kept-cur-'));
    await restoreKeptData({ release: RELEASE, dir }, restored);
    copyKeptView(pub, current);
    // The current release's frozen data and the same release restored after keeping are one set of bytes.
    for (const name of ['SHA256SUMS', 'datapackage.json', 'indices.csv', 'indices.parquet', 'rankings.json']) {
      expect(readFileSync(join(restored, name)).equals(readFileSync(join(current, name)))).toBe(true);
    }
    expect(readKeptTable({ release: RELEASE, dir }, 'indices.csv')).toContain('sipas,2024,90.99');
  });

  it('refuses to keep a release twice, or a folder that holds another release', () => {
    const pub = published();
    const data = dataFolder();
    keepRelease(pub, data, RELEASE);
    expect(() => keepRelease(pub, data, RELEASE)).toThrow(/kept already, and a kept release never changes/);
    expect(() => keepRelease(pub, dataFolder(), { ...RELEASE, version: '2026.2' })).toThrow(/holds release 2026.1, not 2026.2/);
  });

  it('stops the build when a kept file no longer matches its SHA256SUMS line', async () => {
    const pub = published();
    const data = dataFolder();
    const dir = keepRelease(pub, data, RELEASE);
    writeFileSync(join(dir, 'data', 'indices.parquet'), Buffer.from([0x50, 0x41, 0x52, 0x31, 1, 2, 4]));
    await expect(restoreKeptData({ release: RELEASE, dir }, mkdtempSync(join(tmpdir(), 'kept-bad-')))).rejects.toThrow(
      /kept release 2026.1 .*indices.parquet does not match its SHA256SUMS line/,
    );
    // The data step reads the previous release's tables through the same check.
    writeFileSync(join(dir, 'data', 'indices.csv.gz'), gzipSync('\uFEFFsurvey,period,value\nsipas,2024,91.00\n'));
    expect(() => readKeptTable({ release: RELEASE, dir }, 'indices.csv')).toThrow(/indices.csv does not match its SHA256SUMS line/);
  });
});

describe('a kept table over the part limit (src/publish/file-parts.ts)', () => {
  /** A published folder whose indices.csv (BOM and header 23 bytes, 5 rows of 21 bytes) is 128 bytes. */
  function publishedWithLargeTable(): { pub: string; csv: string } {
    const pub = mkdtempSync(join(tmpdir(), 'kept-large-'));
    const csv = '\uFEFFsurvey,period,value\n' + ['90.01', '90.02', '90.03', '90.04', '90.05'].map((v) => `sipas,2024-000,${v}\n`).join('');
    const datapackage = JSON.stringify({ version: '2026.1', resources: [{ name: 'indices-csv', path: 'indices.csv', format: 'csv', bytes: Buffer.byteLength(csv), hash: `sha256:${sha(csv)}` }] }, null, 2) + '\n';
    writeFileSync(join(pub, 'indices.csv'), csv);
    writeFileSync(join(pub, 'datapackage.json'), datapackage);
    writeFileSync(join(pub, 'SHA256SUMS'), `${sha(datapackage)}  datapackage.json\n${sha(csv)}  indices.csv\n`);
    return { pub, csv };
  }

  it('restores a release kept whole in parts, with its datapackage.json and SHA256SUMS naming them', async () => {
    const { pub, csv } = publishedWithLargeTable();
    expect(Buffer.byteLength(csv)).toBe(128);
    const dir = keepRelease(pub, dataFolder(), RELEASE);
    const out = mkdtempSync(join(tmpdir(), 'kept-parts-out-'));
    // A part of at most 70 bytes: BOM and header and two rows (23 + 42 = 65), then three rows (63).
    const files = await restoreKeptData({ release: RELEASE, dir }, out, 70);
    expect(files.sort()).toEqual(['datapackage.json', 'indices-1.csv', 'indices-2.csv']);
    expect(existsSync(join(out, 'indices.csv'))).toBe(false);
    const parts = ['indices-1.csv', 'indices-2.csv'].map((name) => readFileSync(join(out, name)));
    expect(parts.map((part) => part.length)).toEqual([65, 63]);
    expect(Buffer.concat(parts).toString('utf8')).toBe(csv);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: Record<string, unknown>[] };
    expect(pkg.resources[0]).toMatchObject({
      path: ['indices-1.csv', 'indices-2.csv'],
      bytes: 128,
      // The parts joined are the kept bytes: the kept hash still holds.
      hash: `sha256:${sha(csv)}`,
      parts: [
        { path: 'indices-1.csv', bytes: 65, hash: `sha256:${sha(parts[0]!)}` },
        { path: 'indices-2.csv', bytes: 63, hash: `sha256:${sha(parts[1]!)}` },
      ],
    });
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe(
      `${sha(readFileSync(join(out, 'datapackage.json')))}  datapackage.json\n${sha(parts[0]!)}  indices-1.csv\n${sha(parts[1]!)}  indices-2.csv\n`,
    );
  });

  it('keeps a table published in parts as its parts, and reads it back joined', () => {
    const { pub, csv } = publishedWithLargeTable();
    // Published in parts, as npm run data does for a table over the limit.
    const first = csv.slice(0, 21 + 21 * 2); // BOM (one character) and header, two rows
    const rest = csv.slice(first.length);
    rmSync(join(pub, 'indices.csv'));
    writeFileSync(join(pub, 'indices-1.csv'), first);
    writeFileSync(join(pub, 'indices-2.csv'), rest);
    const datapackage = readFileSync(join(pub, 'datapackage.json'));
    writeFileSync(join(pub, 'SHA256SUMS'), `${sha(datapackage)}  datapackage.json\n${sha(first)}  indices-1.csv\n${sha(rest)}  indices-2.csv\n`);
    const dir = keepRelease(pub, dataFolder(), RELEASE);
    expect(existsSync(join(dir, 'data', 'indices-1.csv.gz'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'indices-2.csv.gz'))).toBe(true);
    expect(readKeptTable({ release: RELEASE, dir }, 'indices.csv')).toBe(csv);
    writeFileSync(join(dir, 'data', 'indices-2.csv.gz'), gzipSync(rest.replace('90.05', '90.06')));
    expect(() => readKeptTable({ release: RELEASE, dir }, 'indices.csv')).toThrow(/indices-2.csv does not match its SHA256SUMS line/);
  });
});

describe('where a frozen build goes in the site', () => {
  it('puts Vietnamese pages and files under /phat-hanh/<id>/, English pages under /en/releases/<id>/, and leaves the live-only pages', () => {
    const out = mkdtempSync(join(tmpdir(), 'frozen-out-'));
    for (const folder of ['don-vi', 'data', 'phat-hanh', 'en/units', 'en/releases', 'en/changes']) mkdirSync(join(out, folder), { recursive: true });
    for (const file of ['index.html', 'sitemap.xml', 'robots.txt', '404.html', 'search-index.json']) writeFileSync(join(out, file), '');
    const moves = frozenOutputMoves(out, '/site', '2026.1').map(({ from, to }) => [from.slice(out.length), to]);
    expect(moves.sort()).toEqual(
      [
        ['/data', '/site/phat-hanh/2026.1/data'],
        ['/don-vi', '/site/phat-hanh/2026.1/don-vi'],
        ['/en/changes', '/site/en/releases/2026.1/changes'],
        ['/en/units', '/site/en/releases/2026.1/units'],
        ['/index.html', '/site/phat-hanh/2026.1/index.html'],
        ['/search-index.json', '/site/phat-hanh/2026.1/search-index.json'],
      ].sort(),
    );
  });
});
