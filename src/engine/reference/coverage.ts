/**
 * Coverage of agencies (method.md → Indices, 5):
 *   coverage(u, t) = 100 · measured / registered, null when registered = 0, where
 * - registered = agencies with has_procedures = true that, on some day of t, are active
 *   (within their validity) and belong to u or to a unit below u in the unit tree valid that day;
 * - measured = those of them with at least one valid response dated in t, on a day when the agency
 *   was active and belonged to u or below (an agency that moved to another province mid-year counts
 *   for the old one only with responses from before the move).
 * The unit of a response's agency decides, not the response's unit_code.
 * Rows: every unit VERSION (code and valid_from, any level) valid on some day of t: a reused code
 * is another unit. Same rules as sql/coverage-agencies.sql.
 */
import type { Agency, Unit } from '../../intake/types.ts';
import type { CoverageRow } from '../tables.ts';
import { periodBounds } from './period-calendar.ts';

export interface CoverageResponse {
  /** ISO date. */
  date: string;
  agency_code: string | null;
}

const OPEN_END = '9999-12-31';

interface Span {
  from: string;
  to: string;
}

const overlap = (a: Span, b: Span): Span | null => {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
};

const validity = (row: { valid_from: string; valid_to: string | null }): Span => ({
  from: row.valid_from,
  to: row.valid_to ?? OPEN_END,
});

/** Map key of one unit version. */
const versionKey = (unit: Unit): string => `${unit.code}@${unit.valid_from}`;

/** The unit versions `code` lies in (itself included) during `span`, each with the days it holds. */
function ancestorsDuring(units: readonly Unit[], code: string, span: Span, depth = 0): { code: string; span: Span }[] {
  if (depth > 10) throw new Error(`units.csv: the parent chain of unit ${code} loops; check parent_code`);
  const found: { code: string; span: Span }[] = [];
  for (const version of units) {
    if (version.code !== code) continue;
    const during = overlap(span, validity(version));
    if (!during) continue;
    found.push({ code: versionKey(version), span: during });
    if (version.parent_code !== null) found.push(...ancestorsDuring(units, version.parent_code, during, depth + 1));
  }
  return found;
}

/** The units `code` lies in (itself included) on one day. */
function ancestorsOn(units: readonly Unit[], code: string, date: string): Set<string> {
  return new Set(ancestorsDuring(units, code, { from: date, to: date }).map((a) => a.code));
}

export interface CoverageInput {
  survey: string;
  agencies: readonly Agency[];
  units: readonly Unit[];
  periods: readonly string[];
  responses: readonly CoverageResponse[];
}

export function referenceCoverage(input: CoverageInput): CoverageRow[] {
  const { survey, agencies, units, responses } = input;
  const withProcedures = agencies.filter((a) => a.has_procedures);
  const rows: CoverageRow[] = [];
  for (const period of [...input.periods].sort()) {
    const bounds = periodBounds(period);
    const span: Span = { from: bounds.start, to: bounds.end };
    const registered = new Map<string, Set<string>>();
    const measured = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, unit: string, agency: string): void => {
      const set = map.get(unit) ?? new Set<string>();
      set.add(agency);
      map.set(unit, set);
    };
    for (const agency of withProcedures) {
      const active = overlap(span, validity(agency));
      if (!active) continue;
      for (const a of ancestorsDuring(units, agency.unit_code, active)) add(registered, a.code, agency.code);
    }
    for (const response of responses) {
      if (response.agency_code === null || response.date < span.from || response.date > span.to) continue;
      for (const agency of withProcedures) {
        if (agency.code !== response.agency_code) continue;
        if (!overlap({ from: response.date, to: response.date }, validity(agency))) continue;
        for (const code of ancestorsOn(units, agency.unit_code, response.date)) add(measured, code, agency.code);
      }
    }
    const versions = units
      .filter((u) => overlap(span, validity(u)))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.valid_from < b.valid_from ? -1 : 1));
    for (const unit of versions) {
      const agencies_registered = registered.get(versionKey(unit))?.size ?? 0;
      const agencies_measured = measured.get(versionKey(unit))?.size ?? 0;
      rows.push({
        survey,
        period,
        unit_code: unit.code,
        agencies_registered,
        agencies_measured,
        coverage: agencies_registered === 0 ? null : (100 * agencies_measured) / agencies_registered,
        unit_valid_from: unit.valid_from,
      });
    }
  }
  return rows;
}
