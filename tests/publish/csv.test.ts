import { describe, expect, it } from 'vitest';
import { PublishError, publishRow } from '../../src/publish/cell.ts';
import { CSV_BOM, formatCsv, neutraliseFormula, quoteCsv } from '../../src/publish/csv.ts';
import type { TableSchema } from '../../src/publish/schemas.ts';
import { agenciesSchema, trendsSchema } from '../../src/publish/schemas.ts';

const demo: TableSchema = {
  name: 'demo',
  title_vi: 'Thử',
  title_en: 'Demo',
  description_vi: 'Thử',
  description_en: 'Demo',
  formats: ['csv'],
  checkPrimaryKey: false,
  fields: [
    { name: 'label', type: 'string', description_vi: 'nhãn', description_en: 'label' },
    { name: 'change', type: 'number', decimals: 2, description_vi: 'thay đổi', description_en: 'change' },
    { name: 'n', type: 'integer', description_vi: 'số', description_en: 'count' },
    { name: 'flag', type: 'boolean', description_vi: 'cờ', description_en: 'flag' },
    { name: 'day', type: 'date', description_vi: 'ngày', description_en: 'day' },
  ],
};

describe('formula injection', () => {
  it('prefixes text that starts a formula with a single quote', () => {
    expect(neutraliseFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseFormula('+84 912')).toBe("'+84 912");
    expect(neutraliseFormula('-UBND')).toBe("'-UBND");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('\tTAB')).toBe("'\tTAB");
    expect(neutraliseFormula('\rCR')).toBe("'\rCR");
  });

  it('leaves other text alone, including a formula character later in the cell', () => {
    expect(neutraliseFormula('Huyện Ninh Sơn')).toBe('Huyện Ninh Sơn');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('')).toBe('');
  });

  it('neutralises text columns only: a negative change stays a number', () => {
    const csv = formatCsv(demo, [{ label: '-1.5', change: -1.5, n: -2, flag: false, day: '2024-02-29' }]);
    expect(csv).toBe(`${CSV_BOM}label,change,n,flag,day\n'-1.5,-1.50,-2,false,2024-02-29\n`);
  });
});

describe('CSV writing', () => {
  it('quotes by RFC 4180: commas, quotes and line breaks', () => {
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('two\nlines')).toBe('"two\nlines"');
    expect(quoteCsv('cr\r')).toBe('"cr\r"');
    expect(quoteCsv('plain')).toBe('plain');
  });

  it('starts with a BOM and a header of the schema names, ends every line with \\n', () => {
    const csv = formatCsv(demo, []);
    expect(csv).toBe('\uFEFFlabel,change,n,flag,day\n');
  });

  it('writes null as an empty cell, booleans as true/false, numbers rounded', () => {
    const csv = formatCsv(demo, [
      { label: null, change: null, n: null, flag: null, day: null },
      { label: 'Xã "Quảng Sơn", Ninh Sơn', change: 2.675, n: 7, flag: true, day: '2025-07-01' },
    ]);
    expect(csv.split('\n')).toEqual([
      '\uFEFFlabel,change,n,flag,day',
      ',,,,',
      '"Xã ""Quảng Sơn"", Ninh Sơn",2.68,7,true,2025-07-01',
      '',
    ]);
  });

  it('quotes after neutralising, so a formula holding a quote stays one cell', () => {
    const csv = formatCsv(demo, [{ label: '=HYPERLINK("x")', change: 0, n: 0, flag: false, day: '2024-01-01' }]);
    expect(csv.split('\n')[1]).toBe(`"'=HYPERLINK(""x"")",0.00,0,false,2024-01-01`);
  });

  it('applies to the real schemas: agency names are neutralised, trend changes are not', () => {
    const agencies = formatCsv(agenciesSchema, [
      { code: 'X-1', name_vi: '=1+1', name_en: '-x', unit_code: '585', sector: 'y-te', has_procedures: true, valid_from: '2020-01-01', valid_to: null },
    ]);
    expect(agencies.split('\n')[1]).toBe("X-1,'=1+1,'-x,585,y-te,true,2020-01-01,");
    const trends = formatCsv(trendsSchema, [
      {
        survey: 'sipas', period: '2024', previous_period: '2023', unit_code: '585', breakdown: 'all', breakdown_value: '*',
        indicator: 'overall', value: 1, previous_value: 2.5, change: -1.5, change_ci_low: -2.005, change_ci_high: -0.995,
        significant: true, method_break: false, boundary_break: false, unit_valid_from: '2020-01-01', basis: 'direct', flag: 'r',
      },
    ]);
    expect(trends.split('\n')[1]).toBe('sipas,2024,2023,585,all,*,overall,1.00,2.50,-1.50,-2.01,-1.00,true,false,false,2020-01-01,direct,r');
  });
});

describe('cell checks', () => {
  const row = (values: unknown[]) => () => publishRow(agenciesSchema, values, 4);
  const good = ['X', 'Tên', 'Name', '585', 'y-te', true, '2020-01-01', null];

  it('accepts a good row', () => {
    expect(publishRow(agenciesSchema, good, 1).texts).toEqual(['X', 'Tên', 'Name', '585', 'y-te', 'true', '2020-01-01', null]);
  });

  it('names the table, row, line and column of a bad value', () => {
    expect(row(['X', 'Tên', 'Name', '585', 'thue', true, '2020-01-01', null])).toThrow(
      /agencies: row 4 \(line 5 of agencies\.csv\), column sector: expected one of hanh-chinh, y-te, giao-duc/,
    );
    expect(row(['X', null, 'Name', '585', 'y-te', true, '2020-01-01', null])).toThrow(/column name_vi: is empty but the column is required/);
    expect(row(['X', 'Tên', 'Name', '585', 'y-te', 'yes', '2020-01-01', null])).toThrow(/column has_procedures: expected true or false/);
    expect(row(['X', 'Tên', 'Name', '585', 'y-te', true, '2024-02-30', null])).toThrow(/column valid_from: expected a date/);
    expect(row(['X', 'Tên', 'Name', '585', 'y-te', true, '01/02/2024', null])).toThrow(PublishError);
  });

  it('refuses a fractional count and a non-finite number', () => {
    expect(() => publishRow(demo, [null, null, 2.5, null, null], 1)).toThrow(/column n: expected a whole number/);
    expect(() => publishRow(demo, [null, Number.NaN, 1, null, null], 1)).toThrow(/column change: expected a finite number/);
  });
});
