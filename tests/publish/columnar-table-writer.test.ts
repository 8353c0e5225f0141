/**
 * The columnar writer (columnar-table-writer.ts) must write exactly the row writer's bytes, and
 * must write nothing — leaving the table to the row writer and its message — whenever the row
 * writer would refuse a value or a repeated key.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toColumns } from '../../src/publish/columnar-rows.ts';
import { writeColumnarTable } from '../../src/publish/columnar-table-writer.ts';
import { ROW_GROUP_ROWS } from '../../src/publish/parquet.ts';
import { indicesSchema, rankingsSchema, trendsSchema, type PublishedField, type TableSchema } from '../../src/publish/schemas.ts';
import { objectRows, writeTable } from '../../src/publish/table-writer.ts';
import { publishInput } from '../fixtures/publish/fixture.ts';

const dir = (): string => mkdtempSync(join(tmpdir(), 'columnar-writer-'));
const files = (folder: string): Record<string, string> =>
  Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]));

const field = (name: string, type: PublishedField['type'], extra: Partial<PublishedField> = {}): PublishedField => ({
  name, type, description_vi: name, description_en: name, ...extra,
});

/** Every field type, required or not, an enum, and a key over two text columns. */
const mixed: TableSchema = {
  name: 'mixed',
  title_vi: 'mixed', title_en: 'mixed', description_vi: 'mixed', description_en: 'mixed',
  formats: ['csv', 'parquet'],
  checkPrimaryKey: true,
  primaryKey: ['code', 'sub'],
  fields: [
    field('code', 'string', { required: true }),
    field('sub', 'string'),
    field('status', 'string', { enum: ['ok', 'suppressed'] }),
    field('day', 'date'),
    field('n', 'integer'),
    field('value', 'number', { decimals: 2 }),
    field('share', 'number', { decimals: 3 }),
    field('flag', 'boolean'),
    field('nothing', 'number'),
  ],
};

function mixedRows(count: number): Record<string, unknown>[] {
  const texts = ['=SUM(A1)', '+84 912', '-x', '@home', 'Phường "Đô Vinh", Ninh Thuận', 'dòng\nmới', 'plain', ''];
  return Array.from({ length: count }, (_, i) => ({
    code: `c${i}`,
    sub: i % 5 === 0 ? null : (texts[i % texts.length] as string),
    status: i % 7 === 0 ? null : i % 2 === 0 ? 'ok' : 'suppressed',
    day: i % 11 === 0 ? null : `2024-0${(i % 9) + 1}-2${i % 9}`,
    n: i % 13 === 0 ? null : (i * 7919) % 100_000 - 50_000,
    value: i % 3 === 0 ? null : [1.005, 2.675, -0.004, 83.935, 1e-7, -1.005, 99.995, 12345.678][i % 8]! + i,
    share: i % 4 === 0 ? null : i / (count + 1),
    flag: i % 6 === 0 ? null : i % 2 === 0,
    nothing: null,
  }));
}

async function rowWriterFiles(schema: TableSchema, rows: object[]): Promise<Record<string, string>> {
  const folder = dir();
  await writeTable(folder, schema, objectRows(schema, rows));
  return files(folder);
}

describe('columnar writer: same bytes as the row writer', () => {
  it.each([
    ['indices', indicesSchema, () => publishInput().tables.indices],
    ['trends', trendsSchema, () => publishInput().tables.trends],
    ['every field type, quoting and formulas', mixed, () => mixedRows(500)],
    ['more rows than one Parquet row group', mixed, () => mixedRows(ROW_GROUP_ROWS + 1234)],
    ['no rows', mixed, () => []],
  ] as [string, TableSchema, () => object[]][])('%s', async (_, schema, rows) => {
    const folder = dir();
    const written = await writeColumnarTable(folder, schema, toColumns(schema, rows()));
    expect(written).toEqual({ table: schema.name, rows: rows().length, files: schema.formats.map((format) => ({ file: `${schema.name}.${format}`, format })) });
    expect(files(folder)).toEqual(await rowWriterFiles(schema, rows()));
  });
});

describe('columnar writer: leaves to the row writer what it would refuse', () => {
  const one = mixedRows(3);
  const cases: [string, TableSchema, object[]][] = [
    ['a missing required value', mixed, [one[0]!, { ...one[1]!, code: null }]],
    ['a text outside its list', mixed, [{ ...one[1]!, status: 'unknown' }]],
    ['a date that is not a calendar date', mixed, [{ ...one[1]!, day: '2024-02-30' }]],
    ['a number that is not finite', mixed, [{ ...one[1]!, value: Number.NaN }]],
    ['an integer with a fraction', mixed, [{ ...one[1]!, n: 1.5 }]],
    ['an integer beyond 32 bits', mixed, [{ ...one[1]!, n: 2 ** 31 }]],
    ['a text in a number column', mixed, [{ ...one[1]!, value: '83.9' }]],
    ['a number in a text column', mixed, [{ ...one[1]!, sub: 5 }]],
    ['a repeated key', mixed, [one[1]!, one[2]!, { ...one[1]! }]],
    // The row writer compares keys as texts, a missing value reading as ''.
    ['a repeated key, once empty and once missing', mixed, [{ ...one[1]!, sub: '' }, { ...one[1]!, sub: null }]],
    ['a table with a JSON file', rankingsSchema, publishInput().tables.rankings],
  ];
  it.each(cases)('%s', async (_, schema, rows) => {
    const folder = dir();
    expect(await writeColumnarTable(folder, schema, toColumns(schema, rows))).toBeUndefined();
    expect(readdirSync(folder)).toEqual([]);
    if (schema !== rankingsSchema) await expect(writeTable(dir(), schema, objectRows(schema, rows))).rejects.toThrow();
  });

  it('accepts keys that differ only where texts differ (one empty, one absent in another column)', async () => {
    const folder = dir();
    const rows = [{ ...mixedRows(2)[1]!, sub: '' }, { ...mixedRows(2)[1]!, code: 'c2', sub: null }];
    expect(await writeColumnarTable(folder, mixed, toColumns(mixed, rows))).toBeDefined();
    expect(existsSync(join(folder, 'mixed.csv'))).toBe(true);
  });
});
