import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPublishedPackage, readQuarantineSummary } from '../../src/site/published-files.ts';

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
