/**
 * How many responses the sample plans for each survey, year and area: the size of the sample,
 * before any respondent is drawn. Two designs follow each other, because the map changed:
 * - to 2025-06-30 the province is surveyed by district (the district-level units of units.csv),
 *   a fixed whole-year total spread over the districts (generate-survey-year.ts, as before);
 * - from 2025-07-01 there are no districts: a province whose commune-level units hang directly
 *   under it is surveyed commune by commune, each with its own planned size (case-mix.ts →
 *   COMMUNE_PLAN), plus the province offices.
 * Which design applies is read from the register (which units are the communes' parents on the
 * date), never from a list of codes.
 */
import type { Agency, Unit } from '../intake/types.ts';
import { COMMUNE_PLAN, DISTRICT_ERA_RESPONSES_PER_YEAR, PROVINCE_OFFICES_PER_YEAR, type SurveyProfile } from './case-mix.ts';
import { createPrng } from './prng.ts';
import { isValidOn } from './read-registers.ts';
import { daysInMonth, isoDate } from './survey-dates.ts';

/**
 * The last month of the default sample: the sample reaches the end of November 2026 (the site's
 * "now" is December 2026, and a month is surveyed only once it is over). `--until` moves it.
 */
export const SAMPLE_END_MONTH = '2026-11';

/** A unit version whose commune-level units are sampled together. */
export interface Area {
  unit: Unit;
  /** `districts`: one of the districts of the district-era design; `communes`: a province surveyed commune by commune. */
  design: 'districts' | 'communes';
  /** Commune-level units under this version that overlap the year, by code. */
  communes: Unit[];
}

const overlapsYear = (row: { valid_from: string; valid_to: string | null }, year: number): boolean =>
  row.valid_from <= `${year}-12-31` && (row.valid_to === null || row.valid_to >= `${year}-01-01`);

/** `YYYY-MM` of month 1–12 of a year. */
export const monthKey = (year: number, month: number): string => isoDate(year, month, 1).slice(0, 7);

/** True when the row is valid on every day of the month, so any drawn date of it is a valid one. */
export function validAllMonth(row: { valid_from: string; valid_to: string | null }, year: number, month: number): boolean {
  return isValidOn(row, isoDate(year, month, 1)) && isValidOn(row, isoDate(year, month, daysInMonth(year, month)));
}

/**
 * Areas of a year: the district-level units alive in the year (one per code, as the district
 * design always had), then the province versions alive in the year that are the direct parent of
 * commune-level units (the new Khánh Hòa from 2025-07-01). The old Khánh Hòa (to 2025-06-30) has
 * no communes in the register, so it is no area.
 */
export function areasOfYear(units: readonly Unit[], year: number): Area[] {
  const communesOf = (parent: Unit): Unit[] =>
    units
      .filter(
        (unit) =>
          unit.level === 'commune' &&
          unit.parent_code === parent.code &&
          isValidOn(parent, unit.valid_from) &&
          overlapsYear(unit, year),
      )
      .sort((a, b) => a.code.localeCompare(b.code));
  const seen = new Set<string>();
  const districts = units
    .filter((unit) => unit.level === 'district' && overlapsYear(unit, year))
    .sort((a, b) => a.code.localeCompare(b.code) || a.valid_from.localeCompare(b.valid_from))
    .filter((unit) => (seen.has(unit.code) ? false : (seen.add(unit.code), true)))
    .map((unit): Area => ({ unit, design: 'districts', communes: communesOf(unit) }));
  const provinces = units
    .filter((unit) => unit.level === 'province' && overlapsYear(unit, year))
    .sort((a, b) => a.code.localeCompare(b.code) || a.valid_from.localeCompare(b.valid_from))
    .map((unit): Area => ({ unit, design: 'communes', communes: communesOf(unit) }))
    .filter((area) => area.communes.length > 0);
  return [...districts, ...provinces];
}

/**
 * Relative size of a commune in the commune design: kind factor (ward, special zone; by the
 * first word(s) of its name, like the town factor of the district design) × exp(σ · z), z drawn
 * once per commune code from the seed, so a commune keeps its size from year to year.
 */
export function communeSizeFactor(commune: Unit, seed: number, spread: number = COMMUNE_PLAN.persistent): number {
  const kind = COMMUNE_PLAN.kindFactor.find(([prefix]) => commune.name_vi.startsWith(`${prefix} `));
  const z = createPrng(`${seed}|commune-size|${commune.code}`).normal();
  return (kind ? kind[1] : 1) * Math.exp(spread * z);
}

/** Whole-year planned sample of one commune in one survey; `spread` as in communeSizeFactor. */
export function communeAnnualPlan(surveyId: string, commune: Unit, seed: number, spread?: number): number {
  return (COMMUNE_PLAN.basePerYear[surveyId] ?? 0) * communeSizeFactor(commune, seed, spread);
}

/** True when the area unit itself has agencies of `sector` with procedures during its validity (the province offices). */
export function areaHasOffices(agencies: readonly Agency[], area: Area, sector: string): boolean {
  return agencies.some(
    (agency) =>
      agency.unit_code === area.unit.code &&
      agency.sector === sector &&
      agency.has_procedures &&
      agency.valid_from <= (area.unit.valid_to ?? '9999-12-31') &&
      (agency.valid_to === null || agency.valid_to >= area.unit.valid_from),
  );
}

/** Whole-year planned sample of the province offices in one survey (0 when they have no such offices). */
export function provinceOfficesAnnualPlan(surveyId: string, hasOffices: boolean): number {
  return hasOffices ? (PROVINCE_OFFICES_PER_YEAR[surveyId] ?? 0) : 0;
}

/**
 * Share of a whole year's interviews that falls in the months `inMonth` accepts, by the survey's
 * month weights: Jan–Jun of a SIPAS year is 5.7 / 12.1 = 47 %, Jan–Nov 10.9 / 12.1 = 90 %.
 */
export function yearShare(profile: SurveyProfile, inMonth: (month: number) => boolean): number {
  const total = profile.monthWeight.reduce((sum, weight) => sum + weight, 0);
  let share = 0;
  profile.monthWeight.forEach((weight, index) => {
    if (inMonth(index + 1)) share += weight / total;
  });
  return share;
}

export interface PlanContext {
  surveyId: string;
  profile: SurveyProfile;
  year: number;
  /** Last month sampled, `YYYY-MM`. */
  until: string;
  seed: number;
  /** Whether an area has offices of its own with procedures in the survey's sector. */
  hasOffices: (area: Area) => boolean;
  /** σ of commune sizes (communeSizeFactor); the bundled sample's when absent. */
  communeSpread?: number;
}

/**
 * Planned rows of a year: the district design as one group (its whole-year total × the share of
 * the year's months in which a district is valid), then each commune-design area (Σ over its
 * communes and offices of plan × share of the months they are valid). Floats; the caller rounds.
 */
export function plannedGroups(areas: readonly Area[], context: PlanContext): { districts: number; communeAreas: number[] } {
  const { year, until, profile } = context;
  const sampled = (month: number): boolean => monthKey(year, month) <= until;
  const districtAreas = areas.filter((area) => area.design === 'districts');
  const districts =
    districtAreas.length === 0
      ? 0
      : (DISTRICT_ERA_RESPONSES_PER_YEAR[context.surveyId] ?? 0) *
        yearShare(profile, (month) => sampled(month) && districtAreas.some((area) => isValidOn(area.unit, isoDate(year, month, 15))));
  const communeAreas = areas
    .filter((area) => area.design === 'communes')
    .map((area) => {
      const offices =
        provinceOfficesAnnualPlan(context.surveyId, context.hasOffices(area)) *
        yearShare(profile, (month) => sampled(month) && validAllMonth(area.unit, year, month));
      return area.communes.reduce(
        (sum, commune) =>
          sum +
          communeAnnualPlan(context.surveyId, commune, context.seed, context.communeSpread) *
            yearShare(profile, (month) => sampled(month) && validAllMonth(area.unit, year, month) && validAllMonth(commune, year, month)),
        offices,
      );
    });
  return { districts, communeAreas };
}
