/**
 * Large computed tables are written on a second thread (table-worker.ts) from typed-array columns
 * (columnar-rows.ts). Both must be invisible in the output: the columns give back every value
 * exactly, and the thread writes the same bytes as writeTable on the main thread, or fails with
 * the same message.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromColumns, toColumns, transferables } from '../../src/publish/columnar-rows.ts';
import { indicesSchema, trendsSchema, type TableSchema } from '../../src/publish/schemas.ts';
import { TableWriterThread } from '../../src/publish/table-worker.ts';
import { objectRows, writeTable } from '../../src/publish/table-writer.ts';
import { publishInput } from '../fixtures/publish/fixture.ts';

const schema = (fields: string[]): TableSchema => ({ ...trendsSchema, fields: fields.map((name) => ({ ...trendsSchema.fields[0]!, name })) });

describe('columnar rows', () => {
  it('give back every value exactly: doubles, NaN, ±Infinity, −0, texts, booleans, missing values', () => {
    const table = schema(['n', 't', 'b', 'mixed', 'empty']);
    const rows = [
      { n: 0.1 + 0.2, t: 'Đất đai', b: true, mixed: 1, empty: null },
      { n: Number.NaN, t: '=1+1', b: false, mixed: 'x', empty: undefined },
      { n: -Infinity, t: '', b: null, mixed: null },
      { n: -0, t: null, b: undefined, mixed: { not: 'a value' } },
      { n: null, t: 'Đất đai', b: true, mixed: true },
      { n: 2 ** 53 + 2, t: 'đất đai', b: false, mixed: 3 },
    ];
    const columns = toColumns(table, rows);
    expect(columns.columns.map((c) => c.kind)).toEqual(['number', 'text', 'boolean', 'values', 'number']);
    const back = [...fromColumns(structuredClone(columns, { transfer: transferables(columns) }))];
    const expected = [...objectRows(table, rows)].map((values) => values.map((value) => value ?? null));
    expect(back).toEqual(expected);
    expect(Object.is(back[3]?.[0], -0)).toBe(true);
    expect(Number.isNaN(back[1]?.[0])).toBe(true);
    // The dictionary holds each distinct text once.
    const text = columns.columns[1];
    expect(text?.kind === 'text' && text.dictionary).toEqual(['Đất đai', '=1+1', '', 'đất đai']);
  });

  it('keep a column that holds a text among numbers as it is', () => {
    const table = schema(['n']);
    const columns = toColumns(table, [{ n: 1 }, { n: '2' }]);
    expect(columns.columns[0]?.kind).toBe('values');
    expect([...fromColumns(columns)]).toEqual([[1], ['2']]);
  });

  it('hand over their typed arrays without a copy', () => {
    const columns = toColumns(schema(['n', 't']), [{ n: 1, t: 'a' }]);
    const buffers = transferables(columns);
    expect(buffers).toHaveLength(3);
    structuredClone(columns, { transfer: buffers });
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
  });
});

describe('the table writer thread', () => {
  const thread = new TableWriterThread();
  afterAll(() => thread.close());
  const dir = (): string => mkdtempSync(join(tmpdir(), 'table-worker-'));
  const files = (folder: string): Record<string, string> =>
    Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]));

  it('writes the same bytes as writeTable on this thread, tables in the order handed over', async () => {
    const { tables } = publishInput();
    // Enough rows for several texts and nulls per column, and more than one Parquet page.
    const indices = Array.from({ length: 3000 }, (_, i) => ({ ...tables.indices[i % 3]!, period: String(2000 + Math.floor(i / 3)) }));
    const here = dir();
    await writeTable(here, indicesSchema, objectRows(indicesSchema, indices));
    await writeTable(here, trendsSchema, objectRows(trendsSchema, tables.trends));
    const there = dir();
    const [first, second] = await Promise.all([thread.write(there, indicesSchema, indices), thread.write(there, trendsSchema, tables.trends)]);
    expect(first.table).toMatchObject({ table: 'indices', rows: 3000 });
    expect(second.table).toMatchObject({ table: 'trends', rows: 2 });
    expect(files(there)).toEqual(files(here));
  });

  it('fails with the message writeTable gives, and goes on with the next table', async () => {
    const { tables } = publishInput();
    const repeated = [tables.indices[0]!, tables.indices[1]!, tables.indices[0]!];
    const message = await writeTable(dir(), indicesSchema, objectRows(indicesSchema, repeated)).then(
      () => 'no error',
      (error: Error) => error.message,
    );
    expect(message).toContain('row 3 repeats the key');
    await expect(thread.write(dir(), indicesSchema, repeated)).rejects.toThrow(message);
    await expect(thread.write(dir(), trendsSchema, tables.trends)).resolves.toMatchObject({ table: { rows: 2 } });
  });
});
