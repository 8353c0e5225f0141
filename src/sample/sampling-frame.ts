/**
 * The sampling frame of one area in one year: its communes (with how many respondents each tends
 * to get) and the agencies that serve there, as valid on each interview date. The area is a
 * district before 2025-07-01 and, after the district level ended, the province whose communes hang
 * directly under it (sample-plan.ts → areasOfYear); "district" below means that area. Units and
 * agencies are looked up by code AND date, because a code can be reused (22738 was a ward of
 * Phan Rang - Tháp Chàm until 2025-06-30 and a ward of Khánh Hòa afterwards).
 */
import type { Agency, Unit } from '../intake/types.ts';
import { agencyRole, type AgencyRole } from './agency-roles.ts';
import { COMMUNE_SPREAD, UNSURVEYED_COMMUNES } from './case-mix.ts';
import { createPrng, cumulate } from './prng.ts';
import { isValidOn } from './read-registers.ts';

/** Candidates on one date. */
export interface DayFrame {
  /** Communes valid on the date with a positive weight, and their cumulative weights. */
  communeCodes: string[];
  communeCumulative: Float64Array;
  /** Offices of each commune (role `commune-office`). */
  communeOffices: Map<string, Agency[]>;
  /** District-level agencies by role (not commune offices). */
  districtAgencies: Map<AgencyRole, Agency[]>;
  /** Every agency of the survey's sector in the district or its communes. */
  sectorAgencies: Agency[];
  /** The same agencies by their unit code (a commune's own health station, school, service centre). */
  agenciesByUnit: Map<string, Agency[]>;
}

const overlapsYear = (row: { valid_from: string; valid_to: string | null }, year: number): boolean =>
  row.valid_from <= `${year}-12-31` && (row.valid_to === null || row.valid_to >= `${year}-01-01`);

/**
 * Yearly weight of a commune: exp(σ_p · z_p + σ_y · z_y), z_p fixed per commune (some communes
 * are simply small), z_y drawn per year; towns and wards × townFactor; 0 when the commune is
 * deliberately left unsurveyed that year (case-mix.ts → UNSURVEYED_COMMUNES).
 */
export function communeWeight(commune: Unit, year: number, seed: number): number {
  if (UNSURVEYED_COMMUNES.some((entry) => entry.commune === commune.code && entry.year === year)) return 0;
  const persistent = createPrng(`${seed}|commune|${commune.code}`).normal();
  const yearly = createPrng(`${seed}|commune|${commune.code}|${year}`).normal();
  const isTown = /^(Thị trấn|Phường)/.test(commune.name_vi);
  return (
    Math.exp(COMMUNE_SPREAD.persistent * persistent + COMMUNE_SPREAD.yearly * yearly) *
    (isTown ? COMMUNE_SPREAD.townFactor : 1)
  );
}

export class DistrictFrame {
  readonly district: Unit;
  readonly year: number;
  private readonly communes: { unit: Unit; weight: number }[];
  private readonly agencies: { agency: Agency; role: AgencyRole }[];
  private readonly byDate = new Map<string, DayFrame>();

  /**
   * `units`, `agencies`: the whole registers; the frame keeps the district's own part.
   * `sector`: agencies.csv sector of the survey (hanh-chinh, y-te, giao-duc).
   */
  constructor(district: Unit, year: number, units: Unit[], agencies: Agency[], sector: string, seed: number) {
    this.district = district;
    this.year = year;
    this.communes = units
      .filter((unit) => unit.level === 'commune' && unit.parent_code === district.code && overlapsYear(unit, year))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((unit) => ({ unit, weight: communeWeight(unit, year, seed) }));
    const communeCodes = new Set(units.filter((unit) => unit.level === 'commune').map((unit) => unit.code));
    const ownCommuneCodes = new Set(this.communes.map((entry) => entry.unit.code));
    this.agencies = agencies
      .filter(
        (agency) =>
          agency.sector === sector &&
          overlapsYear(agency, year) &&
          (agency.unit_code === district.code || ownCommuneCodes.has(agency.unit_code)),
      )
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((agency) => ({ agency, role: agencyRole(agency, communeCodes) }));
  }

  roleOf(agency: Agency): AgencyRole {
    return this.agencies.find((entry) => entry.agency === agency)?.role ?? 'other';
  }

  /** Agencies with administrative procedures active at some time in the year (coverage denominator). */
  agenciesWithProcedures(): Agency[] {
    return this.agencies.filter((entry) => entry.agency.has_procedures).map((entry) => entry.agency);
  }

  /** True when the district unit itself is valid on the ISO date. */
  isValidOn(isoDate: string): boolean {
    return isValidOn(this.district, isoDate);
  }

  on(isoDate: string): DayFrame {
    const cached = this.byDate.get(isoDate);
    if (cached) return cached;
    const communes = this.communes.filter((entry) => entry.weight > 0 && isValidOn(entry.unit, isoDate));
    const communeCodes = communes.map((entry) => entry.unit.code);
    const communeOffices = new Map<string, Agency[]>();
    const districtAgencies = new Map<AgencyRole, Agency[]>();
    const sectorAgencies: Agency[] = [];
    const agenciesByUnit = new Map<string, Agency[]>();
    for (const { agency, role } of this.agencies) {
      if (!isValidOn(agency, isoDate)) continue;
      // A commune agency counts only while its commune belongs to this district.
      if (agency.unit_code !== this.district.code && !this.communes.some((c) => c.unit.code === agency.unit_code && isValidOn(c.unit, isoDate))) {
        continue;
      }
      sectorAgencies.push(agency);
      const ofUnit = agenciesByUnit.get(agency.unit_code) ?? [];
      ofUnit.push(agency);
      agenciesByUnit.set(agency.unit_code, ofUnit);
      if (role === 'commune-office') {
        const list = communeOffices.get(agency.unit_code) ?? [];
        list.push(agency);
        communeOffices.set(agency.unit_code, list);
      } else {
        const list = districtAgencies.get(role) ?? [];
        list.push(agency);
        districtAgencies.set(role, list);
      }
    }
    const frame: DayFrame = {
      communeCodes,
      communeCumulative: cumulate(communes.map((entry) => entry.weight)),
      communeOffices,
      districtAgencies,
      sectorAgencies,
      agenciesByUnit,
    };
    this.byDate.set(isoDate, frame);
    return frame;
  }
}
