/**
 * Where a unit's territory came from and went to across the 1 July 2025 reorganisation
 * (crosswalk-2025.csv, method.md → Units that change), for the unit pages: a new commune lists the
 * old communes it took in (whole or part: only whole ones feed its back-cast), an old commune or
 * district names the new units its territory went to.
 */
import type { Registers } from '../intake/registers.ts';
import { sameVersion } from '../intake/registers.ts';
import type { Unit } from '../intake/types.ts';

export interface TerritorySource {
  /** The old unit version. */
  unit: Unit;
  /** Its district on its last day, when it had one. */
  district: Unit | null;
  /** All of it went into the new unit (and so feeds the back-cast), or only a part. */
  whole: boolean;
}

/** The old units the new unit version `unit` took in, in code order. */
export function territorySources(registers: Registers, unit: Pick<Unit, 'code' | 'valid_from' | 'valid_to'>): TerritorySource[] {
  return registers.crosswalk
    .filter((link) => sameVersion(link.new, unit))
    .map((link) => ({
      unit: link.old,
      district: link.old.parent_code && link.old.valid_to ? (registers.unitOn(link.old.parent_code, link.old.valid_to) ?? null) : null,
      whole: link.whole,
    }))
    .sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0));
}

/**
 * The new unit versions the territory of `unit` went to: its own crosswalk links, or for a
 * district those of the communes it had on its last day. In code order, each once.
 */
export function territorySuccessors(registers: Registers, unit: Unit): Unit[] {
  const found = new Map<string, Unit>();
  for (const link of registers.crosswalk) {
    const own = sameVersion(link.old, unit);
    const child = unit.valid_to !== null && link.old.parent_code === unit.code && link.old.valid_to === unit.valid_to;
    if (own || child) found.set(`${link.new.code}@${link.new.valid_from}`, link.new);
  }
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
