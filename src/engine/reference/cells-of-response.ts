/**
 * The cells one response counts in (method.md → Notation), the slow obvious way: follow the unit
 * register parent by parent on the response date, then list each unit version × (year, quarter,
 * month) with breakdown `all` and each unit version × year × each recorded breakdown value.
 * A unit is a VERSION (code and valid_from; method.md → Units that change): a reused code is
 * another unit, so every cell names the version its unit was on the response date.
 *
 * Back-cast: when the response's commune version lies wholly in a new unit version (a `whole` link
 * of the crosswalk), the response also counts in that new version's back-cast cells, basis
 * `back-cast`, but only for periods that END BEFORE the new version starts: the year 2025 of a unit
 * from 2025-07-01 is its direct Jul–Dec cell, never the old communes' Jan–Jun. A split commune
 * (`part` links only) feeds no back-cast.
 *
 * The reference for the SQL engine's cell membership (load-respondents.sql, unit-tree.sql,
 * cell-labels.sql, compute-indices.ts → cellKinds).
 */
import type { CrosswalkLink } from '../../intake/load-crosswalk.ts';
import type { CellBreakdown, CellDetail, Unit, UnitLevel, ValidatedResponse } from '../../intake/types.ts';
import type { Basis, Breakdown } from '../tables.ts';
import { periodBounds } from './period-calendar.ts';

export interface CellId {
  unit_code: string;
  /** First day of the unit version the cell belongs to. */
  unit_valid_from: string;
  basis: Basis;
  period: string;
  breakdown: Breakdown;
  breakdown_value: string;
}

const validOn = (unit: Unit, date: string): boolean => unit.valid_from <= date && (unit.valid_to === null || date <= unit.valid_to);

/** Unit versions valid on `date` (ISO) from the response's own unit up to the top; empty if unresolved. */
export function unitChain(unitCode: string, date: string, units: readonly Unit[]): Unit[] {
  const chain: Unit[] = [];
  let code: string | null = unitCode;
  while (code !== null && chain.length < 10) {
    const found: Unit | undefined = units.find((u) => u.code === code && validOn(u, date));
    if (!found) return [];
    chain.push(found);
    code = found.parent_code;
  }
  return chain;
}

/**
 * The new unit version whose back-cast a response in `chain` feeds: the one its commune version
 * lies wholly in, or null (no commune in the chain, a split commune, or no crosswalk link).
 */
export function backCastUnit(chain: readonly Unit[], crosswalk: readonly CrosswalkLink[]): Unit | null {
  const commune = chain.find((u) => u.level === 'commune');
  if (!commune) return null;
  const link = crosswalk.find((l) => l.whole && l.old.code === commune.code && l.old.valid_from === commune.valid_from);
  return link ? link.new : null;
}

/** `2024`, `2024-Q1`, `2024-03` for an ISO date. */
export function periodsOf(date: string): { year: string; quarter: string; month: string } {
  const year = date.slice(0, 4);
  const month = date.slice(5, 7);
  return { year, quarter: `${year}-Q${Math.ceil(Number(month) / 3)}`, month: `${year}-${month}` };
}

/**
 * `cells`: site.json `cells` (which period kinds and breakdowns each level gets); every level gets
 * all of them when it is not given. A back-cast series gets the communes' cells.
 */
export function cellsOfResponse(
  response: ValidatedResponse,
  units: readonly Unit[],
  crosswalk: readonly CrosswalkLink[] = [],
  cells?: Readonly<Record<UnitLevel, CellDetail>>,
): CellId[] {
  const { year, quarter, month } = periodsOf(response.date);
  const periodOf = { year, quarter, month };
  const breakdowns: [Breakdown, string | null][] = [
    ['field', response.field],
    ['channel', response.channel],
    ['respondent_type', response.respondent_type],
    ['agency', response.agency_code],
  ];
  const cellsOf = (unit: Unit, basis: Basis): CellId[] => {
    const version = { unit_code: unit.code, unit_valid_from: unit.valid_from, basis };
    const detail = cells?.[basis === 'back-cast' ? 'commune' : unit.level];
    return [
      ...(['year', 'quarter', 'month'] as const)
        .filter((kind) => !detail || detail.periods.includes(kind))
        .map((kind) => ({ ...version, period: periodOf[kind], breakdown: 'all' as const, breakdown_value: '*' })),
      ...breakdowns
        .filter((entry): entry is [Breakdown, string] => entry[1] !== null && (!detail || detail.breakdowns.includes(entry[0] as CellBreakdown)))
        .map(([breakdown, breakdown_value]) => ({ ...version, period: year, breakdown, breakdown_value })),
    ];
  };
  const chain = unitChain(response.unit_code, response.date, units);
  const direct = chain.flatMap((unit) => cellsOf(unit, 'direct'));
  const successor = backCastUnit(chain, crosswalk);
  if (!successor) return direct;
  const backCast = cellsOf(successor, 'back-cast').filter((cell) => periodBounds(cell.period).end < successor.valid_from);
  return [...direct, ...backCast];
}
