import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedFilePaths, readPublishedPackage, readQuarantineSummary } from '../../src/site/published-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'published-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const field = (name: string) => ({ name, type: 'string', description: `${name} vi`, description_en: `${name} en` });
const resource = (table: string, format: string, bytes: number) => ({
  name: `${table}-${format}`, path: `${table}.${format}`, format, bytes, hash: `sha256:${format}${table}`, table, rows: 7,
  title: `${table} vi`, title_en: `${table} en`, description: 'mô tả', description_en: 'description',
  schema: { fields: [field('survey'), field('period')] },
});

describe('readPublishedPackage', () => {
  writeFileSync(
    join(dir, 'datapackage.json'),
    JSON.stringify({
      version: '2024.1',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
      resources: [resource('rankings', 'csv', 6301), resource('rankings', 'parquet', 4811), resource('targets', 'csv', 1068)],
    }),
  );
  writeFileSync(join(dir, 'SHA256SUMS'), 'abc  rankings.csv\n');

  it('groups the formats of one table and keeps what the page lists', () => {
    const pkg = readPublishedPackage(dir);
    expect(pkg.version).toBe('2024.1');
    expect(pkg.licence.name).toBe('CC-BY-4.0');
    expect(pkg.tables.map((t) => [t.table, t.files.map((f) => f.path)])).toEqual([
      ['rankings', ['rankings.csv', 'rankings.parquet']],
      ['targets', ['targets.csv']],
    ]);
    expect(pkg.tables[0]?.files[1]).toEqual({ path: 'rankings.parquet', format: 'parquet', bytes: 4811, sha256: 'parquetrankings' });
    expect(pkg.tables[0]?.fields[1]).toEqual({ name: 'period', type: 'string', description: { vi: 'period vi', en: 'period en' }, values: [] });
    expect(pkg.sumsBytes).toBe(18);
  });

  it('says how to make the files when the package is missing', () => {
    expect(() => readPublishedPackage(join(dir, 'nowhere'))).toThrow(/npm run data/);
  });
});

describe('a table published in parts (src/publish/file-parts.ts)', () => {
  const parted = mkdtempSync(join(tmpdir(), 'published-parts-'));
  afterAll(() => rmSync(parted, { recursive: true, force: true }));

  it('reads a multipart resource as the table file with its parts, each with its size and hash', () => {
    writeFileSync(
      join(parted, 'datapackage.json'),
      JSON.stringify({
        version: '2026.2',
        licenses: [],
        resources: [
          {
            ...resource('indices', 'csv', 300),
            path: ['indices-1.csv', 'indices-2.csv'],
            hash: 'sha256:whole',
            parts: [{ path: 'indices-1.csv', bytes: 200, hash: 'sha256:one' }, { path: 'indices-2.csv', bytes: 100, hash: 'sha256:two' }],
          },
          { ...resource('indices', 'parquet', 90), hash: undefined, path: ['indices-1.parquet'], parts: [{ path: 'indices-1.parquet', bytes: 90, hash: 'sha256:p' }] },
        ],
      }),
    );
    const [indices] = readPublishedPackage(parted).tables;
    expect(indices?.files).toEqual([
      { path: 'indices.csv', format: 'csv', bytes: 300, sha256: 'whole', parts: [{ path: 'indices-1.csv', bytes: 200, sha256: 'one' }, { path: 'indices-2.csv', bytes: 100, sha256: 'two' }] },
      { path: 'indices.parquet', format: 'parquet', bytes: 90, sha256: '', parts: [{ path: 'indices-1.parquet', bytes: 90, sha256: 'p' }] },
    ]);
  });

  it('links each part of a table in parts, and the table file otherwise', () => {
    writeFileSync(join(parted, 'comparisons-1.csv'), 'a\n');
    writeFileSync(join(parted, 'comparisons-2.csv'), 'b\n');
    writeFileSync(join(parted, 'targets.csv'), 'c\n');
    expect(publishedFilePaths('comparisons.csv', parted)).toEqual(['/data/comparisons-1.csv', '/data/comparisons-2.csv']);
    expect(publishedFilePaths('targets.csv', parted)).toEqual(['/data/targets.csv']);
    // Before the data step has run, the link still names the table's file.
    expect(publishedFilePaths('revisions.csv', parted)).toEqual(['/data/revisions.csv']);
  });
});

describe('readQuarantineSummary', () => {
  it('reads counts by survey and reason (BOM and all), and nothing when the file is absent', () => {
    writeFileSync(join(dir, 'quarantine-summary.csv'), '\uFEFFsurvey,reason,rows\nsipas,unknown_unit,11\ny-te,answer_outside_scale,2\n');
    expect(readQuarantineSummary(dir)).toEqual([
      { survey: 'sipas', reason: 'unknown_unit', rows: 11 },
      { survey: 'y-te', reason: 'answer_outside_scale', rows: 2 },
    ]);
    expect(readQuarantineSummary(join(dir, 'nowhere'))).toEqual([]);
  });
});
