/**
 * Lookups over the registers. A unit (and an agency) is identified by its code AND the date it is
 * looked up on: the same code may hold two versions with non-overlapping validity (22738 Phường
 * Đô Vinh under district 582 until 2025-06-30, under province 56 from 2025-07-01).
 * The loader (load-registers.ts) has already checked that versions do not overlap.
 */
import { validityText } from './dates.ts';
import type { CrosswalkLink } from './load-crosswalk.ts';
import type { Agency, Field, Unit } from './types.ts';

export interface Registers {
  readonly units: readonly Unit[];
  readonly agencies: readonly Agency[];
  readonly fields: readonly Field[];
  /** Where the territory of ended unit versions went (crosswalk-2025.csv); empty without one. */
  readonly crosswalk: readonly CrosswalkLink[];
  /**
   * The new unit versions that took in (all or part of) `version`, in code order; for a district
   * or province, those its communes went to.
   */
  successorsOf(version: Unit): Unit[];
  /** All versions of a unit code, oldest first; empty when the code is unknown. */
  unitVersions(code: string): readonly Unit[];
  /** The version of `code` valid on `isoDate`, or null. */
  unitOn(code: string, isoDate: string): Unit | null;
  /** Parent, grandparent … of the unit valid on `isoDate` (nearest first, the unit itself excluded). */
  ancestorsOn(code: string, isoDate: string): Unit[];
  agencyVersions(code: string): readonly Agency[];
  agencyOn(code: string, isoDate: string): Agency | null;
  field(code: string): Field | null;
}

interface Dated {
  valid_from: string;
  valid_to: string | null;
}

export function buildRegisters(
  units: readonly Unit[],
  agencies: readonly Agency[],
  fields: readonly Field[],
  crosswalk: readonly CrosswalkLink[] = [],
): Registers {
  const unitsByCode = groupByCode(units);
  const agenciesByCode = groupByCode(agencies);
  const fieldsByCode = new Map(fields.map((f) => [f.code, f]));
  const unitOn = (code: string, isoDate: string): Unit | null => versionOn(unitsByCode.get(code), isoDate);
  return {
    units,
    agencies,
    fields,
    crosswalk,
    successorsOf: (version) =>
      [...new Map(territoryLinks(version, units, crosswalk).map((link) => [link.new.code, link.new])).values()].sort((a, b) =>
        a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
      ),
    unitVersions: (code) => unitsByCode.get(code) ?? [],
    unitOn,
    ancestorsOn(code, isoDate) {
      const chain: Unit[] = [];
      let current = unitOn(code, isoDate);
      // Levels strictly rise towards the root (checked on load), so the chain is at most 3 long;
      // the bound guards against a register built by hand without that check.
      while (current?.parent_code && chain.length < 10) {
        const parent = unitOn(current.parent_code, isoDate);
        if (!parent) break;
        chain.push(parent);
        current = parent;
      }
      return chain;
    },
    agencyVersions: (code) => agenciesByCode.get(code) ?? [],
    agencyOn: (code, isoDate) => versionOn(agenciesByCode.get(code), isoDate),
    field: (code) => fieldsByCode.get(code) ?? null,
  };
}

/**
 * The crosswalk links that carry the territory of `version` away: its own (a commune's), or, for a
 * unit the crosswalk does not name (a district, a province), those of the units below it on its
 * last day, level by level: district 585 Ninh Sơn went to the new communes its communes went to.
 * Versions are matched by code and start, not by object: a worker thread gets copies.
 */
function territoryLinks(version: Unit, units: readonly Unit[], crosswalk: readonly CrosswalkLink[], depth = 0): CrosswalkLink[] {
  const own = crosswalk.filter((link) => sameVersion(link.old, version));
  const lastDay = version.valid_to;
  if (own.length > 0 || lastDay === null || depth > 10) return own;
  return units
    .filter((unit) => unit.parent_code === version.code && isValidOn(unit, lastDay))
    .flatMap((unit) => territoryLinks(unit, units, crosswalk, depth + 1));
}

/** One unit version: a code and the day its validity starts (method.md → Units that change). */
export function sameVersion(a: Dated & { code: string }, b: Dated & { code: string }): boolean {
  return a.code === b.code && a.valid_from === b.valid_from;
}

export function isValidOn(version: Dated, isoDate: string): boolean {
  return version.valid_from <= isoDate && (version.valid_to === null || isoDate <= version.valid_to);
}

/** `2020-01-01…2025-06-30 and from 2025-07-01`: every validity of a code, for messages. */
export function validitiesText(versions: readonly Dated[]): string {
  return versions.map((v) => validityText(v.valid_from, v.valid_to)).join(' and ');
}

function versionOn<T extends Dated>(versions: readonly T[] | undefined, isoDate: string): T | null {
  if (!versions) return null;
  for (const v of versions) if (isValidOn(v, isoDate)) return v;
  return null;
}

function groupByCode<T extends Dated & { code: string }>(rows: readonly T[]): Map<string, T[]> {
  const byCode = new Map<string, T[]>();
  for (const row of rows) {
    const list = byCode.get(row.code);
    if (list) list.push(row);
    else byCode.set(row.code, [row]);
  }
  for (const list of byCode.values()) list.sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0));
  return byCode;
}
