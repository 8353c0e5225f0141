/**
 * createTableFromRows: JavaScript rows → a TEMP table, every value as it was (doubles bit for bit,
 * an empty text distinct from a missing one), and a clear error for a value its column cannot hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { createTableFromRows } from '../../src/engine/rows-table.ts';

interface Row {
  id: number;
  x: number | null;
  label: string | null;
  ok: boolean | null;
  day: string | null;
}

const columns = [
  { name: 'id', type: 'INTEGER' },
  { name: 'x', type: 'DOUBLE' },
  { name: 'label', type: 'VARCHAR' },
  { name: 'ok', type: 'BOOLEAN' },
  { name: 'day', type: 'DATE' },
] as const;

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine();
});
afterAll(() => engine?.close());

describe('createTableFromRows', () => {
  it('keeps every value exactly: doubles bit for bit, empty text apart from missing, dates, booleans', () => {
    const rows: Row[] = [
      // 0.1 + 0.2 = 0.30000000000000004 must not come back as 0.3; 5e-324 is the smallest double.
      { id: 1, x: 0.1 + 0.2, label: 'Đô Vinh, "A"', ok: true, day: '2024-02-29' },
      { id: 2, x: 5e-324, label: '', ok: false, day: '1970-01-01' },
      { id: -3, x: -1.7976931348623157e308, label: null, ok: null, day: null },
      { id: 2147483647, x: null, label: 'x', ok: true, day: '2025-07-01' },
    ];
    createTableFromRows(engine, 'rows_table_test', [...columns], rows);
    const back = engine.all<Row & { t: string }>(
      'SELECT id, x, label, ok, strftime(day, \'%Y-%m-%d\') AS day, typeof(day) AS t FROM rows_table_test ORDER BY id',
    );
    expect(back.map(({ t: _t, ...row }) => row)).toEqual([...rows].sort((a, b) => a.id - b.id));
    expect(back[0]?.t).toBe('DATE');
    expect(engine.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rows_table_test WHERE label = \'\'')[0]?.n).toBe(1);
  });

  it('keeps missing numbers where they are across many rows (the validity bitmap)', () => {
    const rows: Row[] = Array.from({ length: 37 }, (_, i) => ({
      id: i,
      x: i % 3 === 0 ? null : i / 7,
      label: null,
      ok: null,
      day: null,
    }));
    const withIntegerGaps = rows.map((row, i) => ({ ...row, n: i % 5 === 2 ? null : i * 1000 - 7 }));
    createTableFromRows(engine, 'rows_table_gaps', [...columns, { name: 'n', type: 'INTEGER' }], withIntegerGaps);
    const back = engine.all<{ id: number; x: number | null; n: number | null }>('SELECT id, x, n FROM rows_table_gaps ORDER BY id');
    expect(back).toEqual(withIntegerGaps.map(({ id, x, n }) => ({ id, x, n })));
  });

  it('creates an empty table with the declared columns from no rows', () => {
    createTableFromRows(engine, 'rows_table_empty', [...columns], []);
    expect(engine.all('SELECT * FROM rows_table_empty')).toEqual([]);
    const types = engine.all<{ column_type: string }>('SELECT column_type FROM (DESCRIBE rows_table_empty)').map((r) => r.column_type);
    expect(types).toEqual(['INTEGER', 'DOUBLE', 'VARCHAR', 'BOOLEAN', 'DATE']);
  });

  it('replaces a table of the same name', () => {
    createTableFromRows(engine, 'rows_table_again', [{ name: 'id', type: 'INTEGER' }], [{ id: 1 }, { id: 2 }]);
    createTableFromRows(engine, 'rows_table_again', [{ name: 'id', type: 'INTEGER' }], [{ id: 7 }]);
    expect(engine.all('SELECT id FROM rows_table_again')).toEqual([{ id: 7 }]);
  });

  it('names the table, column and value a column cannot hold', () => {
    expect(() => createTableFromRows(engine, 't_bad', [{ name: 'id', type: 'INTEGER' }], [{ id: 1.5 }])).toThrow(/t_bad, column id: 1.5 is not a 32-bit integer/);
    expect(() => createTableFromRows(engine, 't_bad', [{ name: 'x', type: 'DOUBLE' }], [{ x: Number.NaN }])).toThrow(/t_bad, column x: NaN is not a finite number/);
    expect(() => createTableFromRows(engine, 't_bad', [{ name: 'd', type: 'DATE' }], [{ d: '27/11/2026' }])).toThrow(/column d: "27\/11\/2026" is not a date/);
    expect(() => createTableFromRows(engine, 'Bad-Name', [{ name: 'id', type: 'INTEGER' }], [{ id: 1 }])).toThrow(/invalid table name/);
  });
});
