/**
 * Reads the registers the generator needs (units, agencies, fields, survey instruments) straight
 * from `data/`. Deliberately minimal and independent of the intake's loaders: the generator only
 * needs codes, levels, parents, validity and item columns, and it must not break while the intake
 * evolves. A register it cannot read stops the run with a message naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Agency, Field, SurveyInstrument, Unit, UnitLevel } from '../intake/types.ts';

export interface Registers {
  units: Unit[];
  agencies: Agency[];
  fields: Field[];
  /** Rows of crosswalk-2025.csv (empty when the folder has none). */
  crosswalk: CrosswalkRow[];
}

/** One old commune (or part of one) → the new commune-level unit its territory went to. */
export interface CrosswalkRow {
  oldCommune: string;
  oldDistrict: string;
  newCommune: string;
}

function readCsvRecords(path: string): Record<string, string>[] {
  if (!existsSync(path)) {
    throw new Error(`${path}: file not found. The sample generator reads the registers from --data (default $DATA_DIR or ./data).`);
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fatal = parsed.errors.find((error) => error.type !== 'FieldMismatch');
  if (fatal) {
    throw new Error(`${path}, line ${(fatal.row ?? 0) + 2}: ${fatal.message}. Re-save the file as UTF-8 CSV with a header row.`);
  }
  return parsed.data;
}

function requireColumns(path: string, records: Record<string, string>[], columns: string[]): void {
  const first = records[0];
  if (!first) throw new Error(`${path}: no rows under the header. Add at least one row.`);
  const missing = columns.filter((column) => !(column in first));
  if (missing.length > 0) {
    throw new Error(`${path}: column(s) ${missing.join(', ')} missing from the header. Expected ${columns.join(',')}.`);
  }
}

const emptyToNull = (value: string | undefined): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

export function readUnits(dataDir: string): Unit[] {
  const path = join(dataDir, 'units.csv');
  const records = readCsvRecords(path);
  requireColumns(path, records, ['code', 'level', 'parent_code', 'valid_from', 'valid_to']);
  return records.map((record) => ({
    code: (record.code ?? '').trim(),
    name_vi: record.name_vi ?? '',
    name_en: record.name_en ?? '',
    level: (record.level ?? '').trim() as UnitLevel,
    parent_code: emptyToNull(record.parent_code),
    valid_from: (record.valid_from ?? '').trim(),
    valid_to: emptyToNull(record.valid_to),
  }));
}

export function readAgencies(dataDir: string): Agency[] {
  const path = join(dataDir, 'agencies.csv');
  const records = readCsvRecords(path);
  requireColumns(path, records, ['code', 'unit_code', 'sector', 'has_procedures', 'valid_from', 'valid_to']);
  return records.map((record) => ({
    code: (record.code ?? '').trim(),
    name_vi: record.name_vi ?? '',
    name_en: record.name_en ?? '',
    unit_code: (record.unit_code ?? '').trim(),
    sector: (record.sector ?? '').trim(),
    has_procedures: (record.has_procedures ?? '').trim().toLowerCase() === 'true',
    valid_from: (record.valid_from ?? '').trim(),
    valid_to: emptyToNull(record.valid_to),
  }));
}

export function readFields(dataDir: string): Field[] {
  const path = join(dataDir, 'fields.csv');
  const records = readCsvRecords(path);
  requireColumns(path, records, ['code']);
  return records.map((record) => ({
    code: (record.code ?? '').trim(),
    name_vi: record.name_vi ?? '',
    name_en: record.name_en ?? '',
  }));
}

/**
 * crosswalk-2025.csv when present: the generator uses it only to let a new commune carry on the
 * level of the districts its territory came from, and to write an old code of it on a later date
 * as a defect; a register without it still generates.
 */
export function readCrosswalk(dataDir: string): CrosswalkRow[] {
  const path = join(dataDir, 'crosswalk-2025.csv');
  if (!existsSync(path)) return [];
  const records = readCsvRecords(path);
  requireColumns(path, records, ['old_commune_code', 'old_district_code', 'new_commune_code']);
  return records.map((record) => ({
    oldCommune: (record.old_commune_code ?? '').trim(),
    oldDistrict: (record.old_district_code ?? '').trim(),
    newCommune: (record.new_commune_code ?? '').trim(),
  }));
}

export function readRegisters(dataDir: string): Registers {
  return { units: readUnits(dataDir), agencies: readAgencies(dataDir), fields: readFields(dataDir), crosswalk: readCrosswalk(dataDir) };
}

/** `<dataDir>/surveys/<id>/survey.json`; only the parts the generator uses are checked. */
export function readInstrument(dataDir: string, surveyId: string): SurveyInstrument {
  const path = join(dataDir, 'surveys', surveyId, 'survey.json');
  if (!existsSync(path)) {
    throw new Error(`${path}: file not found. Each survey given to --surveys needs its instrument (survey.json).`);
  }
  const instrument = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as SurveyInstrument;
  if (!Array.isArray(instrument.elements) || instrument.elements.length === 0) {
    throw new Error(`${path}: "elements" is missing or empty. List the elements and their items.`);
  }
  for (const element of instrument.elements) {
    if (!Array.isArray(element.items) || element.items.length === 0) {
      throw new Error(`${path}: element ${element.code} has no items.`);
    }
  }
  return instrument;
}

/** True when the register row is valid on the ISO date (`valid_to` null = still valid). */
export function isValidOn(row: { valid_from: string; valid_to: string | null }, isoDate: string): boolean {
  return row.valid_from <= isoDate && (row.valid_to === null || isoDate <= row.valid_to);
}
