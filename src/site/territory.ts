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
 * The new unit versions the territory of `unit` went to (registers.successorsOf: its own crosswalk
 * links, or those of the communes below it on its last day); for a province, the provinces those
 * new units lie in (Ninh Thuận → Khánh Hòa, not its 24 new communes). In code order, each once.
 */
export function territorySuccessors(registers: Registers, unit: Unit): Unit[] {
  const successors = registers.successorsOf(unit);
  if (unit.level !== 'province') return successors;
  const provinces = new Map<string, Unit>();
  for (const successor of successors) {
    const province = registers.ancestorsOn(successor.code, successor.valid_from).find((a) => a.level === 'province');
    if (province) provinces.set(`${province.code}@${province.valid_from}`, province);
  }
  return [...provinces.values()];
}

/**
 * The provinces whose territory a new province version took in, read from the crosswalk (the
 * provinces of the old communes of its new units), and whether an earlier version of its own code
 * exists (the former Khánh Hòa, whose communes hold no responses here).
 */
export function provinceSources(registers: Registers, province: Unit): { merged: Unit[]; earlierVersion: Unit | null } {
  const merged = new Map<string, Unit>();
  for (const link of registers.crosswalk) {
    const newProvince = registers.ancestorsOn(link.new.code, link.new.valid_from).find((a) => a.level === 'province');
    if (!newProvince || !sameVersion(newProvince, province) || link.old.valid_to === null) continue;
    const old = registers.ancestorsOn(link.old.code, link.old.valid_to).find((a) => a.level === 'province');
    if (old && old.code !== province.code) merged.set(`${old.code}@${old.valid_from}`, old);
  }
  const earlier = registers.unitVersions(province.code).filter((v) => v.valid_to !== null && v.valid_to < province.valid_from).at(-1) ?? null;
  return { merged: [...merged.values()], earlierVersion: earlier };
}

/**
 * The province version an ended province's communes went to (crosswalk-2025.csv): Khánh Hòa for
 * Ninh Thuận; null when the crosswalk does not say.
 */
export function provinceMergedInto(registers: Registers, province: Unit): Unit | null {
  for (const link of registers.crosswalk) {
    if (link.old.valid_to === null) continue;
    const old = registers.ancestorsOn(link.old.code, link.old.valid_to).find((a) => a.level === 'province');
    if (!old || !sameVersion(old, province)) continue;
    const next = registers.ancestorsOn(link.new.code, link.new.valid_from).find((a) => a.level === 'province');
    if (next && next.code !== province.code) return next;
  }
  return null;
}
