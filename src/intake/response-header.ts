/**
 * Reads the header row of a responses file: which cell holds which contract column. Names are
 * trimmed and matched exactly; a variant in case or spacing of a known name (`Unit Code`, `tc1`)
 * is accepted with a warning. Whole-file problems stop the build here: a required column missing,
 * a column twice, a `weight` column. Unknown columns are dropped with one warning; those that look
 * like personal data each get a louder one. They never reach an output.
 */
import { DataError } from './data-error.ts';
import { looksLikePersonalData } from './personal-data.ts';
import type { Warn } from './read-text.ts';
import { FIXED_COLUMNS, REQUIRED_FIXED_COLUMNS, WEIGHT_COLUMN, type FixedColumn } from './response-columns.ts';
import type { SurveyInstrument } from './types.ts';

export interface ResponseHeader {
  /** Header names as written (trimmed), by cell position: the `column` of quarantined rows. */
  names: string[];
  /** Cell position of each fixed column, -1 when absent. */
  fixed: Record<FixedColumn, number>;
  /** Cell position of each item in instrument order, -1 when absent (then unanswered). */
  items: number[];
  /** Item columns absent from the file, in instrument order. */
  missingItems: string[];
  /** Unknown columns dropped (unnamed ones as `(unnamed column F)`), personal-data ones excluded. */
  dropped: string[];
  personalData: string[];
}

export function readResponseHeader(cells: readonly string[], instrument: SurveyInstrument, label: string, warn: Warn): ResponseHeader {
  const names = cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  const itemColumns = instrument.elements.flatMap((e) => e.items.map((item) => item.column));
  const roles = new Map<string, string>();
  for (const name of [...FIXED_COLUMNS, WEIGHT_COLUMN, ...itemColumns]) roles.set(name, name);
  const looseRoles = new Map<string, string>();
  for (const name of roles.keys()) looseRoles.set(looseKey(name), name);

  const positions = new Map<string, number[]>();
  const renamed: string[] = [];
  const dropped: string[] = [];
  const personalData: string[] = [];
  names.forEach((name, i) => {
    let role = roles.get(name);
    if (role === undefined && name !== '') {
      role = looseRoles.get(looseKey(name));
      if (role !== undefined) renamed.push(`'${name}' as '${role}'`);
    }
    if (role !== undefined) positions.set(role, [...(positions.get(role) ?? []), i]);
    else if (name === '') dropped.push(`(unnamed column ${columnLetter(i)})`);
    else if (looksLikePersonalData(name)) personalData.push(name);
    else dropped.push(name);
  });

  const missingRequired: string[] = REQUIRED_FIXED_COLUMNS.filter((c) => !positions.has(c));
  const presentItems = itemColumns.filter((c) => positions.has(c));
  if (presentItems.length === 0) missingRequired.push(`all item columns (${itemColumns.join(', ')})`);
  if (missingRequired.length > 0) {
    throw new DataError({
      file: label,
      line: 1,
      problem: `required column${missingRequired.length > 1 ? 's' : ''} missing: ${missingRequired.map((c) => (c.startsWith('all ') ? c : `'${c}'`)).join(', ')}. ` +
        `The header has: ${names.map((n) => `'${n}'`).join(', ')}.`,
      fix: `the first row must be the header, with response_id, date, unit_code and one column per question (${itemColumns.slice(0, 3).join(', ')} …); ` +
        'check the spelling, and that cells are separated by commas, semicolons or tabs.',
    });
  }
  for (const [role, at] of positions) {
    if (at.length > 1) {
      throw new DataError({
        file: label,
        line: 1,
        column: role,
        problem: `the column appears ${at.length} times (columns ${at.map(columnLetter).join(' and ')}).`,
        fix: 'keep one of them and delete the others.',
      });
    }
  }
  if (positions.has(WEIGHT_COLUMN)) {
    throw new DataError({
      file: label,
      line: 1,
      column: names[(positions.get(WEIGHT_COLUMN) as number[])[0] as number],
      problem: 'weights are not supported in this version.',
      fix: 'remove the column, or set all weights equal and remove it.',
    });
  }

  const fixed = Object.fromEntries(FIXED_COLUMNS.map((c) => [c, positions.get(c)?.[0] ?? -1])) as Record<FixedColumn, number>;
  const items = itemColumns.map((c) => positions.get(c)?.[0] ?? -1);
  const missingItems = itemColumns.filter((c) => !positions.has(c));

  if (renamed.length > 0) warn(`${label}: read column ${renamed.join(', ')}; please use the exact names of the data contract.`);
  if (missingItems.length > 0) {
    warn(`${label}: item column${missingItems.length > 1 ? 's' : ''} ${missingItems.map((c) => `'${c}'`).join(', ')} missing; ` +
      `${missingItems.length > 1 ? 'these items are' : 'this item is'} treated as unanswered in this file.`);
  }
  if (dropped.length > 0) {
    warn(`${label}: column${dropped.length > 1 ? 's' : ''} ${dropped.map((c) => (c.startsWith('(') ? c : `'${c}'`)).join(', ')} ` +
      `${dropped.length > 1 ? 'are' : 'is'} not in the data contract and ${dropped.length > 1 ? 'were' : 'was'} dropped.`);
  }
  for (const name of personalData) {
    warn(`PERSONAL DATA: column '${name}' of ${label} was dropped and will never be published; remove it from the export.`);
  }
  return { names, fixed, items, missingItems, dropped, personalData };
}

/** `Unit Code`, `unit-code`, `UNIT_CODE` → `unit_code`. */
function looseKey(name: string): string {
  return name.toLowerCase().replace(/[\s-]+/g, '_');
}

/** Spreadsheet column letter of a 0-based position: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
