/**
 * The units directly below a unit in one year (the province's districts, a district's communes),
 * each with its overall index of that year: what a unit page lists so a reader can browse down
 * without search. "Below in a year" reads the register's validity: a version counts when its
 * parent is the unit and it was valid at some time in the year, so the communes that moved to
 * Khánh Hòa on 1/7/2025 stay under their old district for 2024 and earlier.
 */
import { CHART_WORDS } from '../charts/chart-words.ts';
import type { DataTableRow } from '../components/data-table.ts';
import type { IndexRow } from '../engine/tables.ts';
import type { Unit } from '../intake/types.ts';
import { MISSING } from './format.ts';
import type { Lang } from './i18n.ts';
import { countCell, intervalCell, valueCell } from './table-cells.ts';
import { validDuring, versionFor } from './unit-names.ts';

export interface Subunit {
  /** The version of the unit the year is named by (a code renamed within the year: the later name). */
  unit: Unit;
  /** Its whole-unit overall index of the year; undefined when it had no response at all. */
  overall: IndexRow | undefined;
}

/**
 * Units whose parent is `parent` (a code, or a unit version: then only while that version was
 * valid) during `year`, in the reader's alphabetical order. `overall(unit)` looks up a unit
 * version's overall index row of the year.
 */
export function subunitsOf(
  units: readonly Unit[],
  parent: string | Unit,
  year: string,
  overall: (unit: Unit) => IndexRow | undefined,
  lang: Lang,
): Subunit[] {
  const code = typeof parent === 'string' ? parent : parent.code;
  const byCode = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.parent_code !== code || !validDuring(unit, year)) continue;
    if (typeof parent !== 'string' && !overlaps(unit, parent)) continue;
    byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
  }
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  const nameOf = (unit: Unit) => (lang === 'vi' ? unit.name_vi : unit.name_en);
  return [...byCode.values()]
    .map((versions) => versionFor(versions, year) as Unit)
    .map((unit) => ({ unit, overall: overall(unit) }))
    .sort((a, b) => collator.compare(nameOf(a.unit), nameOf(b.unit)) || a.unit.code.localeCompare(b.unit.code));
}

const overlaps = (a: Unit, b: Unit): boolean =>
  a.valid_from <= (b.valid_to ?? '9999-12-31') && b.valid_from <= (a.valid_to ?? '9999-12-31');

/**
 * One table row per sub-unit: the name (a link when `href` gives the unit a page), the value or
 * "quá ít phản hồi (n = 12)", the 95 % interval and n, worded as every other table of the site.
 */
export function subunitRows(subunits: readonly Subunit[], lang: Lang, href: (unit: Unit) => string | undefined): DataTableRow[] {
  return subunits.map(({ unit, overall }) => {
    const name = lang === 'vi' ? unit.name_vi : unit.name_en;
    const link = href(unit);
    return {
      name: link ? { text: name, href: link } : name,
      value: overall ? valueCell(overall, lang) : { text: CHART_WORDS[lang].noData, className: 'suppressed' },
      interval: overall ? intervalCell(overall, lang) : MISSING,
      n: overall ? countCell(overall.n, lang) : MISSING,
    };
  });
}
