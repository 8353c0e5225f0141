import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { loadRegisters } from '../../src/intake/load-registers.ts';
import { FIXTURE_DATA, labelOf, tempDir } from './fixture.ts';

/** A copy of the fixture data folder with some registers replaced. */
function dataWith(file: string, content: string, more: Record<string, string> = {}): string {
  const dir = tempDir();
  cpSync(FIXTURE_DATA, dir, { recursive: true });
  for (const [name, text] of Object.entries({ [file]: content, ...more })) writeFileSync(join(dir, name), text);
  return dir;
}

async function refusal(file: string, content: string): Promise<string> {
  const error = await loadRegisters(dataWith(file, content), () => {}, labelOf).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).format();
}

const UNIT_HEADER = 'code,name_vi,name_en,level,parent_code,valid_from,valid_to';

describe('loadRegisters', () => {
  it('reads the three registers', async () => {
    const registers = await loadRegisters(FIXTURE_DATA, () => {});
    expect([registers.units.length, registers.agencies.length, registers.fields.length]).toEqual([7, 3, 3]);
    expect(registers.agencies.map((a) => a.has_procedures)).toEqual([true, true, false]);
    expect(registers.field('dat-dai')?.name_vi).toBe('Đất đai');
  });

  it('looks a unit up by code and date: the same code, two parents', async () => {
    const registers = await loadRegisters(FIXTURE_DATA, () => {});
    expect(registers.unitOn('22738', '2025-06-30')?.parent_code).toBe('582');
    expect(registers.unitOn('22738', '2025-07-01')?.parent_code).toBe('56');
    expect(registers.unitOn('585', '2025-07-01')).toBeNull();
    expect(registers.unitOn('nope', '2024-01-01')).toBeNull();
    expect(registers.ancestorsOn('22738', '2024-05-01').map((u) => u.code)).toEqual(['582', '58']);
    expect(registers.ancestorsOn('22738', '2025-08-01').map((u) => u.code)).toEqual(['56']);
    expect(registers.ancestorsOn('58', '2024-05-01')).toEqual([]);
    expect(registers.agencyOn('585-MC', '2025-07-01')).toBeNull();
  });

  it('accepts DD/MM/YYYY dates as a spreadsheet re-saves them', async () => {
    const dir = dataWith('units.csv', `${UNIT_HEADER}\n56,Tỉnh Khánh Hòa,Khánh Hòa,province,,01/01/2020,\n22738,Phường Đô Vinh,Đô Vinh,commune,56,1/7/2025,\n`, {
      'agencies.csv': 'code,name_vi,name_en,unit_code,sector,has_procedures,valid_from,valid_to\n',
    });
    const registers = await loadRegisters(dir, () => {});
    expect(registers.units.map((u) => [u.code, u.valid_from])).toEqual([['56', '2020-01-01'], ['22738', '2025-07-01']]);
  });

  it('refuses an agency whose unit is not in units.csv', async () => {
    expect(await refusal('units.csv', `${UNIT_HEADER}\n56,Tỉnh Khánh Hòa,Khánh Hòa,province,,2020-01-01,\n`)).toBe(
      "agencies.csv, line 2, column 'unit_code': unit '585' is not in units.csv.\n  How to fix: add the unit to units.csv, or correct the code.",
    );
  });

  it('refuses overlapping versions of one code', async () => {
    expect(await refusal('units.csv', `${UNIT_HEADER}\n56,Khánh Hòa,Khánh Hòa,province,,2020-01-01,2025-07-01\n56,Khánh Hòa,Khánh Hòa,province,,2025-07-01,\n`)).toBe(
      "units.csv, line 3, column 'valid_from': unit 56 is valid from 2025-07-01, which overlaps its row on line 2 (2020-01-01…2025-07-01).\n" +
      '  How to fix: the same code may appear twice only with validity periods that do not overlap: end the earlier one the day before the later one starts.',
    );
  });

  it('refuses a parent that does not exist over the whole validity of its child', async () => {
    expect(await refusal('units.csv', `${UNIT_HEADER}\n58,Ninh Thuận,Ninh Thuận,province,,2020-01-01,2025-06-30\n585,Ninh Sơn,Ninh Sơn,district,58,2020-01-01,\n`)).toBe(
      "units.csv, line 3, column 'parent_code': parent unit 58 is valid 2020-01-01…2025-06-30, which does not cover this unit's validity from 2020-01-01.\n" +
      '  How to fix: give this unit one row per parent, each with the dates it belonged to that parent.',
    );
    expect(await refusal('units.csv', `${UNIT_HEADER}\n585,Ninh Sơn,Ninh Sơn,district,99,2020-01-01,\n`)).toBe(
      "units.csv, line 2, column 'parent_code': parent unit '99' is not in the file.\n  How to fix: add the parent unit, or correct the code.",
    );
  });

  it('refuses a parent that is not above its child', async () => {
    expect(await refusal('units.csv', `${UNIT_HEADER}\n585,Ninh Sơn,Ninh Sơn,district,,2020-01-01,\n586,Ninh Hải,Ninh Hải,district,585,2020-01-01,\n`)).toBe(
      "units.csv, line 3, column 'parent_code': parent unit 585 is a district, not above this district.\n  How to fix: correct the parent code or the level.",
    );
  });

  it('refuses unknown levels, bad dates, and a missing column, naming file, line and column', async () => {
    expect(await refusal('units.csv', `${UNIT_HEADER}\n58,Ninh Thuận,Ninh Thuận,tinh,,2020-01-01,\n`)).toBe(
      "units.csv, line 2, column 'level': level 'tinh' is not one of country, province, district, commune.\n  How to fix: write the level in lower case, in English.",
    );
    expect(await refusal('units.csv', `${UNIT_HEADER}\n58,Ninh Thuận,Ninh Thuận,province,,2020-02-30,\n`)).toBe(
      "units.csv, line 2, column 'valid_from': '2020-02-30' does not exist (month 2 of 2020 has 29 days).\n  How to fix: write the date as YYYY-MM-DD, e.g. 2025-07-01.",
    );
    expect(await refusal('fields.csv', 'code,name_vi\ndat-dai,Đất đai\n')).toBe(
      "fields.csv, line 1: required column 'name_en' missing; the header has: 'code', 'name_vi'.\n  How to fix: the header must name the columns code, name_vi, name_en (exactly, in lower case).",
    );
  });

  it('refuses agencies with an unknown sector or a has_procedures that is not true/false', async () => {
    const header = 'code,name_vi,name_en,unit_code,sector,has_procedures,valid_from,valid_to';
    expect(await refusal('agencies.csv', `${header}\n56-X,X,X,56,cong-an,true,2020-01-01,\n`)).toBe(
      "agencies.csv, line 2, column 'sector': sector 'cong-an' is not one of hanh-chinh, y-te, giao-duc.\n  How to fix: use one of the listed codes.",
    );
    expect(await refusal('agencies.csv', `${header}\n56-X,X,X,56,y-te,có,2020-01-01,\n`)).toBe(
      "agencies.csv, line 2, column 'has_procedures': has_procedures 'có' is not true or false.\n  How to fix: write true or false.",
    );
  });

  it('refuses a duplicate field code', async () => {
    expect(await refusal('fields.csv', 'code,name_vi,name_en\ndat-dai,Đất đai,Land\ndat-dai,Đất,Land\n')).toBe(
      "fields.csv, line 3, column 'code': field 'dat-dai' already appears on line 2.\n  How to fix: keep one of the two rows.",
    );
  });
});
