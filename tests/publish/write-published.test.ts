import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataPackage } from '../../src/publish/check-datapackage.ts';
import { neutraliseFormula } from '../../src/publish/csv.ts';
import { indicesSchema, trendsSchema, type FieldType } from '../../src/publish/schemas.ts';
import { TableWriterThread } from '../../src/publish/table-worker.ts';
import { writePublished, type ManifestEntry } from '../../src/publish/write-published.ts';
import { readCsv } from '../../src/site/published-data.ts';
import { publishInput } from '../fixtures/publish/fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'publish-test-'));
const outDir = join(work, 'public', 'data');
let manifest: ManifestEntry[];

beforeAll(async () => {
  manifest = await writePublished(outDir, publishInput());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
const lines = (file: string) => read(file).replace(/^\uFEFF/, '').split('\n');

interface PackageField {
  name: string;
  type: FieldType;
}
interface PackageResource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  hash: string;
  rows: number;
  table: string;
  schema: { fields: PackageField[]; primaryKey?: string[] };
}
const datapackage = () => JSON.parse(read('datapackage.json')) as { resources: PackageResource[] } & Record<string, unknown>;

describe('the files written', () => {
  it('writes every table in its formats and two XLSX, then datapackage.json, SHA256SUMS and the release ZIP', () => {
    const tables = ['indices', 'rankings', 'element-rankings', 'targets', 'trends', 'comparisons', 'coverage', 'indicators', 'responses-sipas', 'responses-y-te', 'units', 'crosswalk', 'agencies', 'fields', 'quarantine-summary', 'revisions'];
    const small = ['rankings', 'element-rankings', 'targets', 'coverage', 'indicators', 'units', 'crosswalk', 'agencies', 'fields', 'quarantine-summary'];
    const expected = [
      ...tables.flatMap((t) => [`${t}.csv`, `${t}.parquet`, `${t}.xlsx`, `${t}.en.xlsx`]),
      ...small.map((t) => `${t}.json`),
      'datapackage.json',
      'SHA256SUMS',
      'sipas-2024.1.0.zip',
    ].sort();
    expect(readdirSync(outDir).sort()).toEqual(expected);
    expect(manifest.map((entry) => entry.path).sort()).toEqual(expected);
  });

  it('leaves no staging folder behind and makes files world-readable (0644)', () => {
    expect(readdirSync(join(work, 'public'))).toEqual(['data']);
    for (const file of readdirSync(outDir)) expect(statSync(join(outDir, file)).mode & 0o777).toBe(0o644);
  });

  it('reports bytes, rows and sha256 of each file in the manifest', () => {
    for (const entry of manifest) expect(entry.bytes).toBe(statSync(join(outDir, entry.path)).size);
    const indices = manifest.find((entry) => entry.path === 'indices.csv');
    expect(indices).toMatchObject({ table: 'indices', format: 'csv', rows: 3 });
    expect(manifest.find((entry) => entry.path === 'responses-sipas.parquet')).toMatchObject({ rows: 3, format: 'parquet' });
    expect(manifest.find((entry) => entry.path === 'SHA256SUMS')).toMatchObject({ table: null, rows: null, format: 'sha256sums' });
  });
});

describe('CSV contents (expected lines worked out in tests/fixtures/publish/README.md)', () => {
  it('indices: contract columns then se, the unit version, basis and the (empty) release flag, rounded, suppressed cells empty', () => {
    expect(read('indices.csv').startsWith('\uFEFF')).toBe(true);
    expect(lines('indices.csv')).toEqual([
      'survey,period,unit_code,breakdown,breakdown_value,indicator,level,n,satisfied,value,ci_low,ci_high,status,se,unit_valid_from,basis,flag',
      'sipas,2024,585,all,*,overall,overall,512,,83.94,80.13,87.75,ok,1.01,2004-01-01,direct,',
      'sipas,2024,585,field,dat-dai,TC1,item,120,101,84.17,2.68,100.00,ok,0.00,2004-01-01,direct,',
      'sipas,2024-Q1,22810,all,*,TC,element,12,,,,,suppressed,,2004-01-01,direct,',
      '',
    ]);
  });

  it('rankings: probabilities with 3 decimals', () => {
    expect(lines('rankings.csv')).toEqual([
      'survey,period,unit_level,unit_code,value,ci_low,ci_high,n,rank,rank_low,rank_high,p_first,k,p_top_k,status,unit_valid_from,basis,parent_code,flag',
      'sipas,2024,district,585,83.94,80.13,87.75,512,1,1,3,0.123,3,1.000,ranked,2004-01-01,direct,58,',
      'sipas,2024,district,584,,,,40,,,,,,,not_ranked,2004-01-01,direct,58,',
      '',
    ]);
  });

  it('element-rankings: the rankings columns, then the element, then the release flag', () => {
    expect(lines('element-rankings.csv')).toEqual([
      'survey,period,unit_level,unit_code,value,ci_low,ci_high,n,rank,rank_low,rank_high,p_first,k,p_top_k,status,unit_valid_from,basis,parent_code,indicator,flag',
      'sipas,2024,district,585,79.13,75.01,83.25,512,2,1,4,0.334,3,0.877,ranked,2004-01-01,direct,58,TC,',
      '',
    ]);
  });

  it('targets, trends, coverage: negative numbers stay numbers, booleans true/false', () => {
    expect(lines('targets.csv').slice(1, 3)).toEqual([
      '95-kh-ubnd-2024,dat-dai-85,sipas,585,2024,overall,field,dat-dai,>=,85.00,87.68,84.50,90.85,2.68,met,uncertain,2004-01-01,,',
      '95-kh-ubnd-2024,dat-dai-85,sipas,585,2024,overall,field,*,>=,85.00,,,,,no_data,,2004-01-01,,',
    ]);
    expect(lines('trends.csv').slice(1, 3)).toEqual([
      'sipas,2024,2023,585,all,*,overall,83.94,85.44,-1.50,-3.01,0.00,false,false,false,2004-01-01,direct,',
      'sipas,2024-Q1,2023-Q4,585,all,*,overall,80.00,70.00,,,,,true,false,2004-01-01,direct,',
    ]);
    expect(lines('coverage.csv').slice(1, 3)).toEqual(['sipas,2024,585,3,2,66.67,2004-01-01,', 'sipas,2024,584,0,0,,2004-01-01,']);
    // comparisons.csv: the contract's columns, then the two unit versions and the flag; 80.125 rounds half away from 0.
    expect(lines('comparisons.csv').slice(0, 2)).toEqual([
      'survey,period,unit_a,unit_b,indicator,value_a,value_b,difference,diff_ci_low,diff_ci_high,significant,unit_a_valid_from,unit_b_valid_from,flag',
      'sipas,2024,584,585,overall,80.13,83.94,-3.81,-7.73,0.11,false,2004-01-01,2004-01-01,',
    ]);
  });

  it('registers: formula-like names neutralised, quoted where needed, a code may repeat with other validity', () => {
    expect(lines('agencies.csv')).toEqual([
      'code,name_vi,name_en,unit_code,sector,has_procedures,valid_from,valid_to',
      `585-MC,"'=HYPERLINK(""http://x"")",'+One-stop shop,585,hanh-chinh,true,2020-01-01,`,
      "22810-UBND,'-UBND xã Quảng Sơn,'@Quang Son commune office,22810,hanh-chinh,false,2020-01-01,2025-06-30",
      '',
    ]);
    expect(lines('units.csv').slice(3, 5)).toEqual([
      '22738,Phường Đô Vinh,Do Vinh ward,commune,582,2004-01-01,2025-06-30',
      '22738,Phường Đô Vinh,Do Vinh ward,commune,56,2025-07-01,',
    ]);
    expect(lines('fields.csv')[2]).toBe('xay-dung,Xây dựng,"Construction, building"');
  });

  it('crosswalk: each link names both unit versions, whole or part', () => {
    expect(lines('crosswalk.csv')).toEqual([
      'old_code,old_valid_from,new_code,new_valid_from,whole_or_part',
      '22738,2004-01-01,22738,2025-07-01,whole',
      '',
    ]);
  });

  it('indicators: a question with quotes and a line break stays one quoted cell', () => {
    expect(read('indicators.csv')).toContain('"Nơi ngồi chờ, ""đủ chỗ""?\nCó quạt, nước uống?"');
  });

  it('responses: one file per survey, item codes as columns, streamed from the validated CSV or from rows', () => {
    expect(lines('responses-sipas.csv')).toEqual([
      'response_id,date,unit_code,agency_code,field,channel,respondent_type,TC1,TC2,TT1',
      'r-001,2024-03-05,585,585-MC,dat-dai,truc-tiep,ca-nhan,4,5,3',
      "'@r-002,2024-03-06,22810,,,truc-tuyen,to-chuc,,2,5",
      '"r,003",2024-11-30,585,585-MC,xay-dung,,,1,,',
      '',
    ]);
    expect(lines('responses-y-te.csv')).toEqual([
      'response_id,date,unit_code,agency_code,field,channel,respondent_type,A1,A2',
      'h-1,2024-05-01,585,,,truc-tiep,ca-nhan,5,',
      'h-2,2024-05-02,585,,,,,3,4',
      '',
    ]);
  });

  it('quarantine summary: counts only, sorted by survey and reason', () => {
    expect(lines('quarantine-summary.csv')).toEqual(['survey,reason,rows', 'sipas,answer_out_of_scale,1', 'sipas,unknown_unit,2', '']);
  });
});

/** The CSV cell a typed value must appear as, given its column type. */
function csvFormOf(value: unknown, type: FieldType): string {
  if (value === null || value === undefined) return '';
  if (type === 'date') return (value as Date).toISOString().slice(0, 10);
  if (type === 'string') return neutraliseFormula(value as string);
  return String(value);
}

const PARQUET_TYPE: Record<FieldType, [string, string | null]> = {
  string: ['BYTE_ARRAY', 'UTF8'],
  integer: ['INT32', null],
  number: ['DOUBLE', null],
  boolean: ['BOOLEAN', null],
  date: ['INT32', 'DATE'],
};

describe('Parquet and JSON hold the same values as the CSV', () => {
  const resources = () => datapackage().resources;

  it('every Parquet file reads back to the CSV: same columns in order, same values, same nulls', async () => {
    for (const resource of resources().filter((r) => r.format === 'parquet')) {
      const file = await asyncBufferFromFile(join(outDir, resource.path));
      const metadata = await parquetMetadataAsync(file);
      const names = metadata.schema.slice(1).map((element) => element.name);
      const physical = metadata.schema.slice(1).map((element) => [element.type, element.converted_type ?? null]);
      const rows = (await parquetReadObjects({ compressors, file })) as Record<string, unknown>[];
      const csv = Papa.parse<string[]>(read(`${resource.table}.csv`).replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
      const fields = resource.schema.fields;
      expect(names, resource.path).toEqual(csv[0]);
      expect(names, resource.path).toEqual(fields.map((f) => f.name));
      expect(physical, resource.path).toEqual(fields.map((f) => PARQUET_TYPE[f.type]));
      expect(rows.length, resource.path).toBe(csv.length - 1);
      expect(rows.length, resource.path).toBe(resource.rows);
      rows.forEach((row, r) => {
        fields.forEach((field, c) => {
          const cell = csv[r + 1]?.[c];
          const value = row[field.name];
          expect(csvFormOf(value, field.type), `${resource.path} row ${r + 1} ${field.name}`).toBe(
            field.type === 'number' && cell !== '' ? String(Number(cell)) : cell,
          );
          if (field.type === 'number' && value !== null) expect(typeof value).toBe('number');
          if (field.type === 'integer' && value !== null) expect(Number.isInteger(value)).toBe(true);
        });
      });
    }
  });

  it('native DuckDB reads every Parquet file: its column types, and every value equal to the CSV', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const duckType: Record<FieldType, string> = { string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };
    for (const resource of resources().filter((r) => r.format === 'parquet')) {
      const source = `read_parquet('${join(outDir, resource.path)}')`;
      const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
      expect(described.map((row) => [row.column_name, row.column_type]), resource.path).toEqual(resource.schema.fields.map((f) => [f.name, duckType[f.type]]));
      const rows = (await connection.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM ${source}`)).getRows();
      const csv = Papa.parse<string[]>(read(`${resource.table}.csv`).replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data.slice(1);
      expect(rows.length, resource.path).toBe(csv.length);
      rows.forEach((row, r) => {
        resource.schema.fields.forEach((field, c) => {
          const value = row[c] as string | null;
          const cell = csv[r]?.[c];
          const where = `${resource.path} row ${r + 1} ${field.name}`;
          if (field.type === 'number' && value !== null) expect(Number(value), where).toBe(Number(cell));
          else expect(value === null ? '' : field.type === 'string' ? neutraliseFormula(value) : value, where).toBe(cell);
        });
      });
    }
    connection.closeSync();
  });

  it('spot check: rounded doubles, raw (not neutralised) text, a date as DATE', async () => {
    const indices = (await parquetReadObjects({ compressors, file: await asyncBufferFromFile(join(outDir, 'indices.parquet')) })) as Record<string, unknown>[];
    expect(indices[0]).toMatchObject({ value: 83.94, ci_low: 80.13, ci_high: 87.75, se: 1.01, satisfied: null, n: 512 });
    const responses = (await parquetReadObjects({ compressors, file: await asyncBufferFromFile(join(outDir, 'responses-sipas.parquet')) })) as Record<string, unknown>[];
    expect(responses[1]).toMatchObject({ response_id: '@r-002', TC1: null, TC2: 2, TT1: 5 });
    expect((responses[1]?.date as Date).toISOString()).toBe('2024-03-06T00:00:00.000Z');
  });

  it('every JSON file equals its Parquet file (dates as YYYY-MM-DD)', async () => {
    for (const resource of resources().filter((r) => r.format === 'json')) {
      const json = JSON.parse(read(resource.path)) as Record<string, unknown>[];
      const parquet = (await parquetReadObjects({ compressors, file: await asyncBufferFromFile(join(outDir, `${resource.table}.parquet`)) })) as Record<string, unknown>[];
      const asJson = parquet.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])),
      );
      expect(json, resource.path).toEqual(asJson);
      expect(Object.keys(json[0] ?? {}), resource.path).toEqual(resource.schema.fields.map((f) => f.name));
    }
    expect(JSON.parse(read('rankings.json'))[0]).toMatchObject({ p_first: 0.123, p_top_k: 1, value: 83.94 });
  });
});

describe('datapackage.json', () => {
  it('passes the v2 checks against the files on disk, hashes included', async () => {
    expect(await checkDataPackage(datapackage(), { dir: outDir, verifyHashes: true })).toEqual([]);
  });

  it('describes the package from the site config, with no build time in it', () => {
    const pkg = datapackage();
    expect(pkg).toMatchObject({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      name: 'sipas-58',
      version: '2024.1.0',
      created: '2025-01-15T00:00:00Z',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
      contributors: [{ title: 'Sở Nội vụ (ví dụ)', roles: ['publisher'] }],
      sample_data: true,
    });
    const sources = pkg.sources as { title: string; path?: string }[];
    expect(sources).toHaveLength(3);
    expect(sources[0]).toMatchObject({ path: 'https://ninhthuan.gov.vn/', source_id: 'S01' });
    expect(sources[1]).not.toHaveProperty('path');
    expect(sources[2]?.title).toMatch(/mẫu/);
  });

  it('one resource per file, with real size, hash, row count and the CSV dialect', () => {
    const pkg = datapackage();
    // Not resources: datapackage.json, SHA256SUMS, the ZIP, and the XLSX (twins of the CSVs).
    expect(pkg.resources).toHaveLength(manifest.filter((m) => !['datapackage', 'sha256sums', 'zip', 'xlsx'].includes(m.format)).length);
    expect(pkg.resources.some((r) => r.path.endsWith('.xlsx'))).toBe(false);
    for (const resource of pkg.resources) {
      const entry = manifest.find((m) => m.path === resource.path);
      expect(resource.bytes).toBe(statSync(join(outDir, resource.path)).size);
      expect(resource.hash).toBe(`sha256:${entry?.sha256}`);
      expect(resource.rows).toBe(entry?.rows);
    }
    const indices = pkg.resources.find((r) => r.name === 'indices-csv');
    expect(indices).toMatchObject({
      path: 'indices.csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { header: true, delimiter: ',', lineTerminator: '\n' },
      // A code may be reused by a new unit (method.md → Units that change): the version is in the key.
      schema: { primaryKey: ['survey', 'period', 'unit_code', 'unit_valid_from', 'breakdown', 'breakdown_value', 'indicator'] },
    });
    expect(indices?.schema.fields.find((f) => f.name === 'value')).toMatchObject({ type: 'number', description_en: expect.stringMatching(/2 decimals/) });
    expect(pkg.resources.find((r) => r.name === 'responses-sipas-parquet')).toMatchObject({ mediatype: 'application/vnd.apache.parquet' });
    expect(pkg.resources.find((r) => r.name === 'responses-sipas-parquet')).not.toHaveProperty('encoding');
  });
});

describe('SHA256SUMS', () => {
  it('is accepted by sha256sum -c in the data folder', () => {
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: outDir, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    // Every file but SHA256SUMS itself and the ZIP, which holds SHA256SUMS.
    expect(check.stdout.trim().split('\n')).toHaveLength(readdirSync(outDir).length - 2);
  });

  it('lists every other file once, sorted by name (the ZIP, which holds SHA256SUMS, aside)', () => {
    const names = read('SHA256SUMS').trimEnd().split('\n').map((line) => line.slice(66));
    expect(names).toEqual(readdirSync(outDir).filter((f) => f !== 'SHA256SUMS' && !f.endsWith('.zip')).sort());
    expect(names).toContain('datapackage.json');
  });
});

describe('empty tables', () => {
  it('writes a header-only CSV, a zero-row Parquet with its columns and an empty JSON array', async () => {
    const empty = join(work, 'empty');
    const input = publishInput();
    input.tables = { indices: [], rankings: [], elementRankings: [], trends: [], comparisons: [], coverage: [], targets: [], indicators: [] };
    input.responses = [{ instrument: input.responses[1]!.instrument, rows: [] }];
    input.quarantine = [];
    input.sources = [];
    input.site = { ...input.site, sample_data: false };
    const written = await writePublished(empty, input);
    expect(readFileSync(join(empty, 'trends.csv'), 'utf8')).toBe(
      '\uFEFFsurvey,period,previous_period,unit_code,breakdown,breakdown_value,indicator,value,previous_value,change,change_ci_low,change_ci_high,significant,method_break,boundary_break,unit_valid_from,basis,flag\n',
    );
    expect(readFileSync(join(empty, 'rankings.json'), 'utf8')).toBe('[]\n');
    const file = await asyncBufferFromFile(join(empty, 'responses-y-te.parquet'));
    expect((await parquetMetadataAsync(file)).schema.slice(1).map((e) => e.name)).toEqual(
      ['response_id', 'date', 'unit_code', 'agency_code', 'field', 'channel', 'respondent_type', 'A1', 'A2'],
    );
    expect(await parquetReadObjects({ compressors, file })).toEqual([]);
    expect(written.find((e) => e.path === 'indices.parquet')?.rows).toBe(0);
    const pkg = JSON.parse(readFileSync(join(empty, 'datapackage.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('sources');
    expect(await checkDataPackage(pkg, { dir: empty, verifyHashes: true })).toEqual([]);
    expect(spawnSync('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: empty }).status).toBe(0);
  });
});

describe('tables written ahead', () => {
  it('moves prewritten indices and trends in: the same files as writing them here', async () => {
    const input = publishInput();
    const ahead = join(work, 'ahead-tables');
    mkdirSync(ahead, { recursive: true });
    const thread = new TableWriterThread();
    try {
      const [indices, trends] = await Promise.all([
        thread.write(ahead, indicesSchema, input.tables.indices),
        thread.write(ahead, trendsSchema, input.tables.trends),
      ]);
      const out = join(work, 'ahead-published');
      await writePublished(out, { ...input, prewritten: { indices: { dir: ahead, table: indices.table }, trends: { dir: ahead, table: trends.table } } });
      for (const file of readdirSync(outDir)) expect(readFileSync(join(out, file)).equals(readFileSync(join(outDir, file))), file).toBe(true);
    } finally {
      await thread.close();
    }
  });

  it('refuses a prewritten table whose row count differs from the computed rows', async () => {
    const input = publishInput();
    const prewritten = { dir: work, table: { table: 'trends', rows: 5, files: [] } };
    await expect(writePublished(join(work, 'mismatch'), { ...input, prewritten: { trends: prewritten } })).rejects.toThrow(
      'the prewritten trends table has 5 rows; trends has 2',
    );
    expect(existsSync(join(work, 'mismatch'))).toBe(false);
  });
});

describe('determinism and atomic replacement', () => {
  it('writing twice gives byte-identical files', async () => {
    const again = join(work, 'again');
    await writePublished(again, publishInput());
    const files = readdirSync(outDir).sort();
    expect(readdirSync(again).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(outDir, file))), file).toBe(true);
  });

  it('a failing build leaves the previous files in place and no staging folder', async () => {
    const before = read('SHA256SUMS');
    const bad = publishInput();
    bad.tables.rankings[1] = { ...bad.tables.rankings[1]!, status: 'maybe' as 'ranked' };
    await expect(writePublished(outDir, bad)).rejects.toThrow(/rankings: row 2 \(line 3 of rankings\.csv\), column status: expected one of ranked, not_ranked/);
    expect(read('SHA256SUMS')).toBe(before);
    expect(readdirSync(join(work, 'public'))).toEqual(['data']);
  });

  it('refuses a table whose primary key repeats', async () => {
    const bad = publishInput();
    bad.units.push({ ...bad.units[0]! });
    await expect(writePublished(join(work, 'dup'), bad)).rejects.toThrow(/units: row 5 repeats the key \(code, valid_from\) = \(58, 2004-01-01\)/);
    expect(existsSync(join(work, 'dup'))).toBe(false);
  });

  it('refuses a validated responses file whose header does not match the instrument', async () => {
    const bad = publishInput();
    const sipas = bad.responses[0]!;
    bad.responses[0] = { instrument: { ...sipas.instrument, elements: sipas.instrument.elements.slice(0, 1) }, validatedCsv: (sipas as { validatedCsv: string }).validatedCsv };
    await expect(writePublished(join(work, 'hdr'), bad)).rejects.toThrow(/expects response_id,date,unit_code,agency_code,field,channel,respondent_type,TC1,TC2\./);
  });
});

describe('tables over the part limit (file-parts.ts)', () => {
  const dir = join(work, 'parts');
  const PART = 64 * 1024;
  let partsManifest: ManifestEntry[];
  beforeAll(async () => {
    const input = publishInput();
    const first = input.tables.indices[0]!;
    // 2,000 cells of about 100 bytes: some 200 KB of CSV, over a part limit of 64 KiB.
    input.tables.indices = Array.from({ length: 2000 }, (_, i) => ({ ...first, unit_code: String(10000 + i) }));
    input.limits = { part: PART, file: 100 * 1024 };
    partsManifest = await writePublished(dir, input);
  });
  const partNames = () => readdirSync(dir).filter((f) => /^indices-\d+\.csv$/.test(f)).sort((a, b) => Number(/\d+/.exec(a)) - Number(/\d+/.exec(b)));

  it('writes the CSV as parts within the limit whose bytes joined are the table: BOM and header in the first only', () => {
    const names = partNames();
    expect(existsSync(join(dir, 'indices.csv'))).toBe(false);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(names.map((_, i) => `indices-${i + 1}.csv`));
    const parts = names.map((name) => readFileSync(join(dir, name)));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(PART);
    // Every part but the last is full to within one row of the limit.
    for (const part of parts.slice(0, -1)) expect(part.length).toBeGreaterThan(PART - 200);
    expect(parts[0]!.toString('utf8').startsWith('\uFEFFsurvey,period,unit_code,')).toBe(true);
    for (const part of parts.slice(1)) expect(part.toString('utf8').startsWith('sipas,2024,')).toBe(true);
    const whole = Buffer.concat(parts).toString('utf8');
    const lines = whole.replace(/^\uFEFF/, '').split('\n');
    expect(lines).toHaveLength(2002); // header, 2,000 rows, and the empty string after the last line break
    expect(lines[1]).toBe('sipas,2024,10000,all,*,overall,overall,512,,83.94,80.13,87.75,ok,1.01,2004-01-01,direct,');
    expect(lines[2000]).toBe('sipas,2024,11999,all,*,overall,overall,512,,83.94,80.13,87.75,ok,1.01,2004-01-01,direct,');
    // A table within the limit keeps its single name.
    expect(existsSync(join(dir, 'rankings.csv'))).toBe(true);
    expect(existsSync(join(dir, 'indices.parquet'))).toBe(true);
  });

  it('lists the parts as one resource (path = the parts), with the joined hash and each part in SHA256SUMS', async () => {
    const pkg = datapackageOf(dir);
    const resource = pkg.resources.find((r) => r.name === 'indices-csv') as unknown as {
      path: string[]; bytes: number; hash: string; rows: number; parts: { path: string; bytes: number; hash: string }[];
    };
    const names = partNames();
    expect(resource.path).toEqual(names);
    expect(resource.rows).toBe(2000);
    const joined = Buffer.concat(names.map((name) => readFileSync(join(dir, name))));
    expect(resource.bytes).toBe(joined.length);
    expect(resource.hash).toBe(`sha256:${createHash('sha256').update(joined).digest('hex')}`);
    expect(resource.parts.map((p) => p.path)).toEqual(names);
    expect(await checkDataPackage(pkg, { dir, verifyHashes: true })).toEqual([]);
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check.status).toBe(0);
    for (const name of names) expect(check.stdout).toContain(`${name}: OK`);
    expect(partsManifest.filter((m) => m.partOf === 'indices.csv').map((m) => m.path)).toEqual(names);
  });

  it('writes no XLSX for a table in parts, and no release ZIP over the file limit', () => {
    const files = readdirSync(dir);
    expect(files).not.toContain('indices.xlsx');
    expect(files).not.toContain('indices.en.xlsx');
    expect(files).toContain('rankings.xlsx');
    expect(files.some((f) => f.endsWith('.zip'))).toBe(false);
    expect(partsManifest.some((m) => m.format === 'zip')).toBe(false);
  });

  it('is read back by the pages from its parts (published-data.ts readCsv)', () => {
    const rows = readCsv('indices.csv', undefined, dir);
    expect(rows).toHaveLength(2000);
    expect(rows.map((r) => r.unit_code)).toEqual(Array.from({ length: 2000 }, (_, i) => String(10000 + i)));
    expect(rows[1999]).toMatchObject({ value: '83.94', status: 'ok', flag: '' });
  });
});

function datapackageOf(folder: string) {
  return JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')) as { resources: PackageResource[] } & Record<string, unknown>;
}
