/**
 * The cells one response counts in (method.md → Notation), the slow obvious way: follow the unit
 * register parent by parent on the response date, then list each unit × (year, quarter, month)
 * with breakdown `all` and each unit × year × each recorded breakdown value. The reference for
 * the SQL engine's cell membership (load-respondents.sql, unit-tree.sql, compute-indices.ts →
 * cellKinds).
 */
import type { Unit, ValidatedResponse } from '../../intake/types.ts';
import type { Breakdown } from '../tables.ts';

export interface CellId {
  unit_code: string;
  period: string;
  breakdown: Breakdown;
  breakdown_value: string;
}

/** Units valid on `date` (ISO) from the response's own unit up to the top; empty if unresolved. */
export function unitChain(unitCode: string, date: string, units: Unit[]): string[] {
  const chain: string[] = [];
  let code: string | null = unitCode;
  while (code !== null && chain.length < 10) {
    const found: Unit | undefined = units.find((u) => u.code === code && u.valid_from <= date && (u.valid_to === null || date <= u.valid_to));
    if (!found) return [];
    chain.push(found.code);
    code = found.parent_code;
  }
  return chain;
}

/** `2024`, `2024-Q1`, `2024-03` for an ISO date. */
export function periodsOf(date: string): { year: string; quarter: string; month: string } {
  const year = date.slice(0, 4);
  const month = date.slice(5, 7);
  return { year, quarter: `${year}-Q${Math.ceil(Number(month) / 3)}`, month: `${year}-${month}` };
}

export function cellsOfResponse(response: ValidatedResponse, units: Unit[]): CellId[] {
  const { year, quarter, month } = periodsOf(response.date);
  const breakdowns: [Breakdown, string | null][] = [
    ['field', response.field],
    ['channel', response.channel],
    ['respondent_type', response.respondent_type],
    ['agency', response.agency_code],
  ];
  return unitChain(response.unit_code, response.date, units).flatMap((unit_code) => [
    ...[year, quarter, month].map((period) => ({ unit_code, period, breakdown: 'all' as const, breakdown_value: '*' })),
    ...breakdowns
      .filter((entry): entry is [Breakdown, string] => entry[1] !== null)
      .map(([breakdown, breakdown_value]) => ({ unit_code, period: year, breakdown, breakdown_value })),
  ]);
}
