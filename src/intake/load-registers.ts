/**
 * `units.csv`, `agencies.csv`, `fields.csv` (and `crosswalk-2025.csv`, if present) → typed registers with date-aware lookups.
 * Checked here, once, so every later step can trust them: codes and names present, levels and
 * sectors known, dates real (ISO; `DD/MM/YYYY` is read too, as a spreadsheet re-saves it), versions
 * of one code not overlapping, parents existing over the whole validity of their children and one
 * level up or more, agencies' units existing over the agencies' validity.
 */
import { join } from 'node:path';
import { DataError } from './data-error.ts';
import { readDate, validityText } from './dates.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { loadCrosswalk } from './load-crosswalk.ts';
import { UNIT_LEVELS } from './load-site-config.ts';
import { readTable, type TableRow } from './read-table.ts';
import type { Warn } from './read-text.ts';
import { buildRegisters, isValidOn, validitiesText, type Registers } from './registers.ts';
import type { Agency, Field, Unit, UnitLevel } from './types.ts';

export const UNIT_COLUMNS = {
  required: ['code', 'name_vi', 'name_en', 'level', 'parent_code', 'valid_from', 'valid_to'],
  optional: ['source_id', 'note'],
} as const;
export const AGENCY_COLUMNS = { required: ['code', 'name_vi', 'name_en', 'unit_code', 'sector', 'has_procedures', 'valid_from', 'valid_to'] } as const;
export const FIELD_COLUMNS = { required: ['code', 'name_vi', 'name_en'] } as const;
export const SECTORS = ['hanh-chinh', 'y-te', 'giao-duc'] as const;

/** Lower number = higher level: a parent's level number must be smaller than its child's. */
const LEVEL_RANK: Record<UnitLevel, number> = { country: -1, province: 0, district: 1, commune: 2 };

export async function loadRegisters(dataDir: string, warn: Warn, labelOf: FileLabeller = fileLabel): Promise<Registers> {
  const read = async (name: string, columns: { required: readonly string[]; optional?: readonly string[] }) => {
    const path = join(dataDir, name);
    return { label: labelOf(path), rows: await readTable(path, labelOf(path), columns, warn) };
  };
  const unitsFile = await read('units.csv', UNIT_COLUMNS);
  const agenciesFile = await read('agencies.csv', AGENCY_COLUMNS);
  const fieldsFile = await read('fields.csv', FIELD_COLUMNS);
  const units = parseUnits(unitsFile.rows, unitsFile.label);
  const agencies = parseAgencies(agenciesFile.rows, agenciesFile.label, units);
  const fields = parseFields(fieldsFile.rows, fieldsFile.label);
  return buildRegisters(units, agencies, fields, await loadCrosswalk(dataDir, units, warn, labelOf));
}

export function parseUnits(rows: TableRow[], label: string): Unit[] {
  const cell = cellReader(label);
  const units = rows.map((row): Unit => {
    const { valid_from, valid_to } = cell.validity(row);
    const level = row.values.level as UnitLevel;
    if (!UNIT_LEVELS.includes(level)) {
      cell.fail(row, 'level', `level '${row.values.level}' is not one of ${UNIT_LEVELS.join(', ')}.`, 'write the level in lower case, in English.');
    }
    return {
      code: cell.required(row, 'code'),
      name_vi: cell.required(row, 'name_vi'),
      name_en: cell.required(row, 'name_en'),
      level,
      parent_code: row.values.parent_code || null,
      valid_from,
      valid_to,
    };
  });
  checkNoOverlap(units, rows, label, 'unit');
  units.forEach((unit, i) => {
    if (unit.parent_code === null) return;
    const row = rows[i] as TableRow;
    const parents = units.filter((u) => u.code === unit.parent_code);
    if (parents.length === 0) {
      cell.fail(row, 'parent_code', `parent unit '${unit.parent_code}' is not in the file.`, 'add the parent unit, or correct the code.');
    }
    if (!covers(parents, unit.valid_from, unit.valid_to)) {
      cell.fail(row, 'parent_code',
        `parent unit ${unit.parent_code} is valid ${validitiesText(parents)}, which does not cover this unit's validity ${validityText(unit.valid_from, unit.valid_to)}.`,
        'give this unit one row per parent, each with the dates it belonged to that parent.');
    }
    const parent = parents.find((p) => isValidOn(p, unit.valid_from)) as Unit;
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]) {
      cell.fail(row, 'parent_code', `parent unit ${parent.code} is a ${parent.level}, not above this ${unit.level}.`, 'correct the parent code or the level.');
    }
  });
  return units;
}

export function parseAgencies(rows: TableRow[], label: string, units: readonly Unit[]): Agency[] {
  const cell = cellReader(label);
  const agencies = rows.map((row): Agency => {
    const { valid_from, valid_to } = cell.validity(row);
    const unitCode = cell.required(row, 'unit_code');
    const unitVersions = units.filter((u) => u.code === unitCode);
    if (unitVersions.length === 0) cell.fail(row, 'unit_code', `unit '${unitCode}' is not in units.csv.`, 'add the unit to units.csv, or correct the code.');
    if (!covers(unitVersions, valid_from, valid_to)) {
      cell.fail(row, 'unit_code',
        `unit ${unitCode} is valid ${validitiesText(unitVersions)}, which does not cover the agency's validity ${validityText(valid_from, valid_to)}.`,
        'correct the agency\'s valid_from / valid_to, or the unit.');
    }
    const sector = cell.required(row, 'sector');
    if (!(SECTORS as readonly string[]).includes(sector)) cell.fail(row, 'sector', `sector '${sector}' is not one of ${SECTORS.join(', ')}.`, 'use one of the listed codes.');
    const procedures = row.values.has_procedures?.toLowerCase();
    if (procedures !== 'true' && procedures !== 'false') {
      cell.fail(row, 'has_procedures', `has_procedures '${row.values.has_procedures}' is not true or false.`, 'write true or false.');
    }
    return {
      code: cell.required(row, 'code'),
      name_vi: cell.required(row, 'name_vi'),
      name_en: cell.required(row, 'name_en'),
      unit_code: unitCode,
      sector,
      has_procedures: procedures === 'true',
      valid_from,
      valid_to,
    };
  });
  checkNoOverlap(agencies, rows, label, 'agency');
  return agencies;
}

export function parseFields(rows: TableRow[], label: string): Field[] {
  const cell = cellReader(label);
  const seen = new Map<string, number>();
  return rows.map((row): Field => {
    const code = cell.required(row, 'code');
    const first = seen.get(code);
    if (first !== undefined) cell.fail(row, 'code', `field '${code}' already appears on line ${first}.`, 'keep one of the two rows.');
    seen.set(code, row.line);
    return { code, name_vi: cell.required(row, 'name_vi'), name_en: cell.required(row, 'name_en') };
  });
}

/** True when some version is valid on `from` and on `to` (or, for an open end, one is open-ended too). */
function covers(versions: readonly Unit[], from: string, to: string | null): boolean {
  const atStart = versions.some((v) => isValidOn(v, from));
  const atEnd = to === null ? versions.some((v) => v.valid_to === null) : versions.some((v) => isValidOn(v, to));
  return atStart && atEnd;
}

function checkNoOverlap(rows: readonly (Unit | Agency)[], lines: TableRow[], label: string, what: string): void {
  const seen = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const j of seen.get(row.code) ?? []) {
      const other = rows[j] as Unit | Agency;
      const overlaps = (other.valid_to === null || row.valid_from <= other.valid_to) && (row.valid_to === null || other.valid_from <= row.valid_to);
      if (overlaps) {
        throw new DataError({
          file: label,
          line: (lines[i] as TableRow).line,
          column: 'valid_from',
          problem: `${what} ${row.code} is valid ${validityText(row.valid_from, row.valid_to)}, which overlaps its row on line ${(lines[j] as TableRow).line} (${validityText(other.valid_from, other.valid_to)}).`,
          fix: 'the same code may appear twice only with validity periods that do not overlap: end the earlier one the day before the later one starts.',
        });
      }
    }
    seen.set(row.code, [...(seen.get(row.code) ?? []), i]);
  });
}

function cellReader(label: string) {
  const fail = (row: TableRow, column: string, problem: string, fix: string): never => {
    throw new DataError({ file: label, line: row.line, column, problem, fix });
  };
  const required = (row: TableRow, column: string): string => {
    const value = row.values[column] ?? '';
    if (value === '') fail(row, column, `${column} is empty.`, 'fill it in.');
    return value;
  };
  const date = (row: TableRow, column: string): string => {
    const reading = readDate(required(row, column));
    if ('problem' in reading) fail(row, column, `${reading.problem}.`, 'write the date as YYYY-MM-DD, e.g. 2025-07-01.');
    return (reading as { iso: string }).iso;
  };
  const validity = (row: TableRow): { valid_from: string; valid_to: string | null } => {
    const valid_from = date(row, 'valid_from');
    const valid_to = row.values.valid_to ? date(row, 'valid_to') : null;
    if (valid_to !== null && valid_to < valid_from) fail(row, 'valid_to', `valid_to ${valid_to} is before valid_from ${valid_from}.`, 'swap or correct the dates.');
    return { valid_from, valid_to };
  };
  return { fail, required, validity };
}
