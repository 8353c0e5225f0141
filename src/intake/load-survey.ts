/**
 * `data/surveys/<id>/survey.json` (or `.yaml`) → SurveyInstrument, and the list of its response
 * files. Checked: the id matches the folder; codes are unique across elements and items and do
 * not collide with `overall`/`coverage`/`rank` or the fixed response columns; the scale's labels
 * match its range and its satisfied values lie on it; method versions run in time order without
 * overlapping; weights are given for every element or for none.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from './data-error.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { FieldReader, join as at } from './field-reader.ts';
import { findStructuredFile, readStructuredFile } from './read-structured.ts';
import type { Warn } from './read-text.ts';
import { FIXED_COLUMNS, RESERVED_INDICATORS, WEIGHT_COLUMN } from './response-columns.ts';
import type { SurveyElement, SurveyInstrument, SurveyItem } from './types.ts';

/** Codes become column names of published CSV files: keep them plain. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Survey ids: folders under `<dataDir>/surveys/` that hold a survey file, sorted. */
export function listSurveyIds(dataDir: string): string[] {
  const root = join(dataDir, 'surveys');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && findStructuredFile(join(root, entry.name), 'survey') !== null)
    .map((entry) => entry.name)
    .sort();
}

export async function loadSurvey(dataDir: string, surveyId: string, warn: Warn, labelOf: FileLabeller = fileLabel): Promise<SurveyInstrument> {
  const dir = join(dataDir, 'surveys', surveyId);
  const path = findStructuredFile(dir, 'survey');
  if (!path) {
    throw new DataError({ file: labelOf(join(dir, 'survey.json')), problem: 'the survey instrument file is missing.', fix: 'create survey.json for this survey (see data-contract.md → Inputs).' });
  }
  const label = labelOf(path);
  return normaliseSurvey(await readStructuredFile(path, label, warn), label, warn, surveyId);
}

/**
 * The survey's response files, `responses/*.csv`, absolute and sorted by name (byte order, so the
 * order is the same on every machine). Other files there are named in a warning: an `.xlsx` left
 * next to the CSV files is a common slip, and silently skipping it would lose its rows.
 */
export function listResponseFiles(dataDir: string, surveyId: string, warn: Warn, labelOf: FileLabeller = fileLabel): string[] {
  const dir = join(dataDir, 'surveys', surveyId, 'responses');
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    if (entry.name.toLowerCase().endsWith('.csv')) files.push(join(dir, entry.name));
    else if (!/\.(md|txt)$/i.test(entry.name)) warn(`${labelOf(join(dir, entry.name))}: not a .csv file, so not read. If it holds responses, save it as "CSV UTF-8 (Comma delimited)".`);
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function normaliseSurvey(raw: unknown, label: string, warn: Warn, expectedId?: string): SurveyInstrument {
  const r = new FieldReader(label);
  const o = r.object(raw, '');
  r.warnUnknownKeys(o, ['id', 'title', 'method_versions', 'legal_basis', 'scale', 'elements'], '', warn);
  const id = r.string(o.id, 'id');
  if (expectedId !== undefined && id !== expectedId) {
    r.fail('id', `is "${id}" but the file lies in the folder surveys/${expectedId}/.`, 'make the id and the folder name the same.');
  }
  return {
    id,
    title: r.bilingual(o.title, 'title'),
    method_versions: methodVersions(r, o.method_versions),
    legal_basis: r.array(o.legal_basis ?? [], 'legal_basis').map((value, i) => {
      const path = at('legal_basis', i);
      const basis = r.object(value, path);
      const sourceId = r.optionalString(basis.source_id, at(path, 'source_id'));
      return {
        reference: r.string(basis.reference, at(path, 'reference')),
        date: r.partialIsoDate(basis.date, at(path, 'date')),
        title: r.bilingual(basis.title, at(path, 'title')),
        ...(sourceId === null ? {} : { source_id: sourceId }),
      };
    }),
    scale: scale(r, o.scale),
    elements: elements(r, o.elements),
  };
}

function methodVersions(r: FieldReader, value: unknown): SurveyInstrument['method_versions'] {
  const list = r.array(value, 'method_versions');
  if (list.length === 0) r.fail('method_versions', 'is empty.', 'give at least one method version with the date it applies from.');
  const versions = list.map((v, i) => {
    const path = at('method_versions', i);
    const o = r.object(v, path);
    const version = {
      version: r.string(o.version, at(path, 'version')),
      valid_from: r.isoDate(o.valid_from, at(path, 'valid_from')),
      valid_to: r.optionalIsoDate(o.valid_to, at(path, 'valid_to')),
      note: r.bilingual(o.note, at(path, 'note')),
    };
    if (version.valid_to !== null && version.valid_to < version.valid_from) {
      r.fail(at(path, 'valid_to'), `${version.valid_to} is before valid_from ${version.valid_from}.`, 'correct the dates.');
    }
    return version;
  });
  versions.forEach((v, i) => {
    const next = versions[i + 1];
    if (versions.findIndex((w) => w.version === v.version) !== i) {
      r.fail(at(at('method_versions', i), 'version'), `"${v.version}" appears twice.`, 'give each method version its own name.');
    }
    if (!next) return;
    const path = at('method_versions', i + 1);
    if (next.valid_from <= v.valid_from) {
      r.fail(at(path, 'valid_from'), `${next.valid_from} is not after the previous version's ${v.valid_from}: versions must be listed in time order.`, 'list the versions oldest first.');
    }
    if (v.valid_to === null || v.valid_to >= next.valid_from) {
      r.fail(at(at('method_versions', i), 'valid_to'),
        `must end before the next version starts (${next.valid_from}), found ${v.valid_to ?? 'no end'}.`,
        'set valid_to of the earlier version to the day before the next one starts.');
    }
  });
  return versions;
}

function scale(r: FieldReader, value: unknown): SurveyInstrument['scale'] {
  const o = r.object(value, 'scale');
  const min = r.integer(o.min, 'scale.min');
  const max = r.integer(o.max, 'scale.max', { min: min + 1 });
  const labels = r.array(o.labels, 'scale.labels').map((l, i) => r.bilingual(l, at('scale.labels', i)));
  if (labels.length !== max - min + 1) {
    r.fail('scale.labels', `has ${labels.length} labels but the scale ${min}–${max} has ${max - min + 1} values.`, 'give one label per value, lowest first.');
  }
  const satisfied = r.array(o.satisfied, 'scale.satisfied').map((s, i) => r.integer(s, at('scale.satisfied', i), { min, max }));
  if (satisfied.length === 0) r.fail('scale.satisfied', 'is empty.', `list the values that count as satisfied, e.g. [${max - 1}, ${max}].`);
  if (new Set(satisfied).size !== satisfied.length) r.fail('scale.satisfied', 'lists a value twice.', 'list each value once.');
  return { min, max, labels, satisfied };
}

function elements(r: FieldReader, value: unknown): SurveyElement[] {
  const list = r.array(value, 'elements');
  if (list.length === 0) r.fail('elements', 'is empty.', 'list the elements of the questionnaire with their items.');
  const codes = new Map<string, string>();
  const columns = new Map<string, string>();
  const reserved = new Set<string>([...RESERVED_INDICATORS]);
  const fixed = new Set<string>([...FIXED_COLUMNS, WEIGHT_COLUMN]);
  const claimCode = (code: string, path: string): void => {
    if (!CODE_PATTERN.test(code)) r.fail(path, `"${code}" is not a plain code.`, 'use letters, digits, "-", "_" or "." only, e.g. TC1.');
    if (reserved.has(code)) r.fail(path, `"${code}" is reserved for the ${code} indicator.`, 'choose another code.');
    const other = codes.get(code);
    if (other !== undefined) r.fail(path, `"${code}" is already used at ${other}.`, 'codes must be unique across elements and items.');
    codes.set(code, path);
  };
  const elementList = list.map((e, i): SurveyElement => {
    const path = at('elements', i);
    const o = r.object(e, path);
    const code = r.string(o.code, at(path, 'code'));
    claimCode(code, at(path, 'code'));
    const items = r.array(o.items, at(path, 'items'));
    if (items.length === 0) r.fail(at(path, 'items'), 'is empty.', 'list the items (questions) of this element.');
    const element: SurveyElement = {
      code,
      name_vi: r.string(o.name_vi, at(path, 'name_vi')),
      name_en: r.string(o.name_en, at(path, 'name_en')),
      items: items.map((item, j): SurveyItem => {
        const itemPath = at(at(path, 'items'), j);
        const io = r.object(item, itemPath);
        const itemCode = r.string(io.code, at(itemPath, 'code'));
        claimCode(itemCode, at(itemPath, 'code'));
        const column = io.column === undefined ? itemCode : r.string(io.column, at(itemPath, 'column'));
        if (fixed.has(column)) r.fail(at(itemPath, 'column'), `"${column}" is a fixed column of the responses file.`, 'name the item column after the item code.');
        const otherColumn = columns.get(column);
        if (otherColumn !== undefined) r.fail(at(itemPath, 'column'), `"${column}" is already the column of ${otherColumn}.`, 'give each item its own column.');
        columns.set(column, itemPath);
        return { code: itemCode, column, question_vi: r.string(io.question_vi, at(itemPath, 'question_vi')), question_en: r.string(io.question_en, at(itemPath, 'question_en')) };
      }),
    };
    if (o.weight !== undefined && o.weight !== null) {
      element.weight = r.number(o.weight, at(path, 'weight'));
      if (element.weight <= 0) r.fail(at(path, 'weight'), `must be more than 0, found ${element.weight}.`, 'give a positive weight, or remove all weights (equal weights).');
    }
    return element;
  });
  const weighted = elementList.filter((e) => e.weight !== undefined).length;
  if (weighted > 0 && weighted < elementList.length) {
    const missing = elementList.findIndex((e) => e.weight === undefined);
    r.fail(at(at('elements', missing), 'weight'), `is missing while ${weighted} other element(s) have a weight.`, 'give every element a weight, or none (equal weights).');
  }
  return elementList;
}
