/**
 * Names beside codes: which code columns of the published tables get a name column in the XLSX
 * files and the chart CSVs, and the names themselves, read from the published registers (units,
 * indicators, agencies, fields), so a name is the one a reader finds in units.csv.
 *
 * A unit code may have named two units (codes are reused after the 2025 reorganisation): a row
 * that says which version it means (unit_valid_from, old_valid_from, new_valid_from) gets that
 * version's name; otherwise the latest version's. An indicator code is named within its survey.
 */
import Papa from 'papaparse';
import type { Bilingual } from '../intake/types.ts';
import { readPublishedCsv } from './file-parts.ts';

export interface NamedCode {
  /** The code column, e.g. `unit_code`. */
  column: string;
  /** The name column written beside it (its label is in column-labels.ts). */
  nameColumn: string;
  register: 'units' | 'indicators' | 'agencies' | 'fields';
  /** Column of the same row naming the register version (a date), when there is one. */
  versionColumn?: string;
  /** Column of the same row the code is scoped by (indicators: the survey). */
  scopeColumn?: string;
}

export const NAMED_CODES: readonly NamedCode[] = [
  { column: 'unit_code', nameColumn: 'unit_name', register: 'units', versionColumn: 'unit_valid_from' },
  { column: 'parent_code', nameColumn: 'parent_name', register: 'units' },
  { column: 'old_code', nameColumn: 'old_name', register: 'units', versionColumn: 'old_valid_from' },
  { column: 'new_code', nameColumn: 'new_name', register: 'units', versionColumn: 'new_valid_from' },
  { column: 'unit_a', nameColumn: 'unit_a_name', register: 'units', versionColumn: 'unit_a_valid_from' },
  { column: 'unit_b', nameColumn: 'unit_b_name', register: 'units', versionColumn: 'unit_b_valid_from' },
  { column: 'province_code', nameColumn: 'province_name', register: 'units' },
  { column: 'indicator', nameColumn: 'indicator_name', register: 'indicators', scopeColumn: 'survey' },
  { column: 'agency_code', nameColumn: 'agency_name', register: 'agencies' },
  { column: 'field', nameColumn: 'field_name', register: 'fields' },
];

/** The registers' names by key: `code`, `code|valid_from` (a version), `survey|indicator`. */
export type CodeNames = Readonly<Record<NamedCode['register'], ReadonlyMap<string, Bilingual>>>;

/** A register's rows, from its CSV whole or in parts (file-parts.ts); none when it is absent. */
function readRows(dir: string, file: string): Record<string, string>[] {
  const csv = readPublishedCsv(dir, file);
  if (csv === undefined) return [];
  const text = csv.replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Names keyed by code (the latest version) and by code|valid_from (each version). */
function versioned(rows: Record<string, string>[]): Map<string, Bilingual> {
  const names = new Map<string, Bilingual>();
  const latest = new Map<string, string>();
  for (const row of rows) {
    const code = row.code ?? '';
    const name = { vi: row.name_vi ?? '', en: row.name_en ?? '' };
    const from = row.valid_from ?? '';
    names.set(`${code}|${from}`, name);
    if ((latest.get(code) ?? '') <= from) {
      latest.set(code, from);
      names.set(code, name);
    }
  }
  return names;
}

/** The names of the registers published in `dir` (units.csv, indicators.csv, agencies.csv, fields.csv). */
export function readCodeNames(dir: string): CodeNames {
  const indicators = new Map<string, Bilingual>();
  for (const row of readRows(dir, 'indicators.csv')) {
    indicators.set(`${row.survey}|${row.indicator}`, { vi: row.name_vi ?? '', en: row.name_en ?? '' });
  }
  const fields = new Map<string, Bilingual>();
  for (const row of readRows(dir, 'fields.csv')) fields.set(row.code ?? '', { vi: row.name_vi ?? '', en: row.name_en ?? '' });
  return {
    units: versioned(readRows(dir, 'units.csv')),
    agencies: versioned(readRows(dir, 'agencies.csv')),
    indicators,
    fields,
  };
}

/**
 * For a table's columns (in order), a function per named code column that gives the name of a
 * row's code from the row's cells; undefined for the other columns. Empty code → null.
 */
export type NameReader = (cells: readonly (string | null)[]) => Bilingual | null;

export function nameReaders(columns: readonly string[], names: CodeNames): (NameReader | undefined)[] {
  return columns.map((column) => {
    const named = NAMED_CODES.find((n) => n.column === column);
    if (!named) return undefined;
    if (named.scopeColumn && !columns.includes(named.scopeColumn)) return undefined;
    const at = columns.indexOf(column);
    const versionAt = named.versionColumn ? columns.indexOf(named.versionColumn) : -1;
    const scopeAt = named.scopeColumn ? columns.indexOf(named.scopeColumn) : -1;
    const register = names[named.register];
    return (cells: readonly (string | null)[]) => {
      const code = cells[at];
      if (!code) return null;
      const scoped = scopeAt >= 0 ? `${cells[scopeAt] ?? ''}|${code}` : code;
      const version = versionAt >= 0 ? cells[versionAt] : null;
      return (version ? register.get(`${scoped}|${version}`) : undefined) ?? register.get(scoped) ?? null;
    };
  });
}
