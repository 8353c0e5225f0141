/**
 * `crosswalk-2025.csv` → links from each old commune-level unit version to the new unit version
 * its territory went to (method.md → Units that change). The file names codes only, no dates, so
 * the versions are found from the register: the OLD version is the last version of the old code
 * that has ended (valid_to set), the NEW version is the version of the new code valid on the day
 * after that end. 22741 Phường Phước Mỹ (…2025-06-30) → 22741 Phường Bảo An (from 2025-07-01): the
 * same code on both sides, two unit versions.
 *
 * `whole_or_part`: `whole` when all of the old unit went into the new one; `part` when the old unit
 * was split between several new units (one row per piece). Only whole links feed a back-cast.
 * The file is optional: a data folder without a reorganisation has no crosswalk.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from './data-error.ts';
import { nextDay } from './dates.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { readTable, type TableRow } from './read-table.ts';
import type { Warn } from './read-text.ts';
import { isValidOn } from './registers.ts';
import type { Unit } from './types.ts';

export const CROSSWALK_FILE = 'crosswalk-2025.csv';

export const CROSSWALK_COLUMNS = {
  required: ['old_commune_code', 'new_commune_code', 'whole_or_part'],
  optional: [
    'old_province_code', 'old_province_name', 'old_district_code', 'old_district_name', 'old_commune_name',
    'new_province_code', 'new_province_name', 'new_commune_name', 'new_code_in_cv1027', 'nq1667_clause', 'source_id',
  ],
} as const;

/** One piece of an old unit version's territory and the new unit version it went to. */
export interface CrosswalkLink {
  old: Unit;
  new: Unit;
  /** All of `old` went into `new` (`whole`), or only a piece of it (`part`). */
  whole: boolean;
}

export async function loadCrosswalk(dataDir: string, units: readonly Unit[], warn: Warn, labelOf: FileLabeller = fileLabel): Promise<CrosswalkLink[]> {
  const path = join(dataDir, CROSSWALK_FILE);
  if (!existsSync(path)) return [];
  const label = labelOf(path);
  return parseCrosswalk(await readTable(path, label, CROSSWALK_COLUMNS, warn), label, units);
}

export function parseCrosswalk(rows: readonly TableRow[], label: string, units: readonly Unit[]): CrosswalkLink[] {
  const fail = (row: TableRow, column: string, problem: string, fix: string): never => {
    throw new DataError({ file: label, line: row.line, column, problem, fix });
  };
  const versionsOf = (code: string) => units.filter((u) => u.code === code);
  const links = rows.map((row): CrosswalkLink => {
    const oldCode = row.values.old_commune_code ?? '';
    const newCode = row.values.new_commune_code ?? '';
    const ended = versionsOf(oldCode).filter((u) => u.valid_to !== null);
    const old = ended[ended.length - 1];
    if (!old?.valid_to) {
      return fail(row, 'old_commune_code', `unit '${oldCode}' has no version in units.csv that ended (valid_to).`, 'add the old unit to units.csv with the date its validity ended.');
    }
    const dayAfter = nextDay(old.valid_to);
    const next = versionsOf(newCode).find((u) => isValidOn(u, dayAfter));
    if (!next) {
      return fail(row, 'new_commune_code', `unit '${newCode}' has no version in units.csv valid on ${dayAfter}, the day after ${oldCode} (${old.name_vi}) ended.`, 'add the new unit to units.csv, valid from that date.');
    }
    const kind = row.values.whole_or_part;
    if (kind !== 'whole' && kind !== 'part') fail(row, 'whole_or_part', `whole_or_part '${kind}' is not whole or part.`, 'write whole (all of the old unit went into the new one) or part.');
    return { old, new: next, whole: kind === 'whole' };
  });
  // An old unit is either wholly in one new unit or split: a `whole` row beside any other row of
  // the same old unit would count its responses twice in back-casts.
  rows.forEach((row, i) => {
    const link = links[i] as CrosswalkLink;
    const siblings = links.filter((other) => other.old === link.old);
    if (link.whole && siblings.length > 1) {
      fail(row, 'whole_or_part', `unit ${link.old.code} (${link.old.name_vi}) is marked whole here but has ${siblings.length} rows.`, 'mark every piece of a split unit as part, or keep one whole row.');
    }
  });
  return links;
}
