/**
 * Draws the "case" of one respondent — unit, agency, procedure field, respondent type, channel —
 * from the shares in case-mix.ts, limited to what exists in the district on the interview date.
 *
 * SIPAS: field first, P(field); then the kind of agency, P(role | field), among the kinds present;
 * a commune office means the respondent is recorded at the commune (unit_code = commune), any
 * other agency at the district. Health and education: one of the district's agencies of the sector,
 * recorded at that agency's unit.
 *
 * From 2025-07-01 the province is sampled commune by commune (sample-plan.ts): a respondent of a
 * commune's sample is recorded at that commune and served by its own agency of the sector (the
 * service centre, health station or school), SIPAS fields as P(field | commune office); the
 * province offices' sample draws the field and then a kind of province office, as above.
 */
import type { Agency } from '../intake/types.ts';
import type { AgencyRole } from './agency-roles.ts';
import {
  AGENCY_EMPTY_SHARE,
  FIELD_SHARE,
  ORGANISATION_SHARE_BY_FIELD,
  ORGANISATION_SHARE_OTHERWISE,
  ROLE_SHARE_BY_FIELD,
  type SurveyProfile,
} from './case-mix.ts';
import { cumulate, pickIndex, type Prng } from './prng.ts';
import type { DayFrame, DistrictFrame } from './sampling-frame.ts';

/** One respondent's case; reused from row to row (filled in place) to spare the garbage collector. */
export interface RespondentCase {
  unitCode: string;
  /** null = agency_code left empty. */
  agency: Agency | null;
  field: string;
  channel: string;
  respondentType: string;
}

export function emptyCase(): RespondentCase {
  return { unitCode: '', agency: null, field: '', channel: '', respondentType: '' };
}

interface RoleChoice {
  roles: AgencyRole[];
  cumulative: Float64Array;
}

/** The province offices' case mix on one day: P(field) over fieldCodes, and the office kinds per field. */
interface AreaOfficeChoice {
  fieldCumulative: Float64Array;
  roles: (RoleChoice | null)[];
}

const fieldShare = (code: string): number => FIELD_SHARE[code] ?? FIELD_SHARE.khac ?? 0;
const roleShares = (field: string): Partial<Record<AgencyRole, number>> => ROLE_SHARE_BY_FIELD[field] ?? ROLE_SHARE_BY_FIELD.khac ?? {};

export class CaseDrawer {
  private readonly profile: SurveyProfile;
  private readonly year: number;
  /** fields.csv codes plus '' (field left empty). */
  private readonly fieldCodes: string[];
  private readonly fieldCumulative: Float64Array;
  private readonly roleChoices = new WeakMap<DayFrame, Map<string, RoleChoice | null>>();
  private readonly fieldsForRole = new Map<AgencyRole, Float64Array | null>();
  private readonly areaOfficeChoices = new WeakMap<DayFrame, AreaOfficeChoice | null>();

  constructor(profile: SurveyProfile, year: number, fieldCodes: string[]) {
    this.profile = profile;
    this.year = year;
    this.fieldCodes = [...fieldCodes, ''];
    this.fieldCumulative = cumulate(this.fieldCodes.map(fieldShare));
  }

  /**
   * Fills `into` for a respondent of `frame`'s district on `day`. `forcedAgency`: the agency the
   * respondent must have visited (coverage guarantee), or null.
   */
  draw(prng: Prng, frame: DistrictFrame, day: DayFrame, forcedAgency: Agency | null, into: RespondentCase): void {
    into.unitCode = frame.district.code;
    into.agency = null;
    into.field = '';
    into.respondentType = '';
    if (this.profile.hasFieldAndRespondentType) {
      this.drawAdministrative(prng, frame, day, forcedAgency, into);
    } else {
      into.agency = forcedAgency ?? day.sectorAgencies[prng.int(day.sectorAgencies.length)] ?? null;
      if (into.agency) into.unitCode = into.agency.unit_code;
    }
    if (!forcedAgency && prng.next() < AGENCY_EMPTY_SHARE) into.agency = null;
    into.channel = this.drawChannel(prng);
  }

  private drawAdministrative(prng: Prng, frame: DistrictFrame, day: DayFrame, forcedAgency: Agency | null, into: RespondentCase): void {
    if (forcedAgency) {
      const role = frame.roleOf(forcedAgency);
      into.field = this.pickFieldForRole(prng, role);
      into.agency = forcedAgency;
      if (role === 'commune-office') into.unitCode = forcedAgency.unit_code;
    } else {
      into.field = this.fieldCodes[pickIndex(prng, this.fieldCumulative)] ?? '';
      const role = this.pickRole(prng, day, into.field);
      if (role === 'commune-office') {
        into.unitCode = day.communeCodes[pickIndex(prng, day.communeCumulative)] ?? into.unitCode;
        const offices = day.communeOffices.get(into.unitCode) ?? [];
        into.agency = offices[prng.int(offices.length)] ?? null;
      } else if (role !== null) {
        const candidates = day.districtAgencies.get(role) ?? [];
        into.agency = candidates[prng.int(candidates.length)] ?? null;
      }
    }
    const organisationShare = ORGANISATION_SHARE_BY_FIELD[into.field] ?? ORGANISATION_SHARE_OTHERWISE;
    into.respondentType = prng.next() < organisationShare ? 'to-chuc' : 'ca-nhan';
  }

  /** Fills `into` for a respondent of commune `communeCode`'s own sample on `day`. */
  drawInCommune(prng: Prng, day: DayFrame, communeCode: string, into: RespondentCase): void {
    into.unitCode = communeCode;
    const own = day.agenciesByUnit.get(communeCode) ?? [];
    into.agency = own[prng.int(own.length)] ?? null;
    into.field = '';
    into.respondentType = '';
    if (this.profile.hasFieldAndRespondentType) {
      into.field = this.pickFieldForRole(prng, 'commune-office');
      const organisationShare = ORGANISATION_SHARE_BY_FIELD[into.field] ?? ORGANISATION_SHARE_OTHERWISE;
      into.respondentType = prng.next() < organisationShare ? 'to-chuc' : 'ca-nhan';
    }
    if (prng.next() < AGENCY_EMPTY_SHARE) into.agency = null;
    into.channel = this.drawChannel(prng);
  }

  /**
   * Fills `into` for a respondent of the area offices' sample (the province departments from
   * 2025-07-01), recorded at the area: P(field) restricted to the fields some office present that
   * day handles, then the kind of office by P(role | field), then one office of that kind.
   */
  drawAtAreaOffices(prng: Prng, frame: DistrictFrame, day: DayFrame, into: RespondentCase): void {
    into.unitCode = frame.district.code;
    into.agency = null;
    into.field = '';
    into.respondentType = '';
    const choice = this.areaOfficeChoice(day);
    if (choice) {
      const fieldIndex = pickIndex(prng, choice.fieldCumulative);
      into.field = this.fieldCodes[fieldIndex] ?? '';
      const roles = choice.roles[fieldIndex];
      if (roles) {
        const role = roles.roles[pickIndex(prng, roles.cumulative)];
        const candidates = role ? (day.districtAgencies.get(role) ?? []) : [];
        into.agency = candidates[prng.int(candidates.length)] ?? null;
      }
      const organisationShare = ORGANISATION_SHARE_BY_FIELD[into.field] ?? ORGANISATION_SHARE_OTHERWISE;
      into.respondentType = prng.next() < organisationShare ? 'to-chuc' : 'ca-nhan';
    } else {
      into.agency = day.sectorAgencies.find((agency) => agency.unit_code === frame.district.code) ?? null;
    }
    if (prng.next() < AGENCY_EMPTY_SHARE) into.agency = null;
    into.channel = this.drawChannel(prng);
  }

  /** Per field: the office kinds present with their shares; fields no present office handles get weight 0. */
  private areaOfficeChoice(day: DayFrame): AreaOfficeChoice | null {
    const cached = this.areaOfficeChoices.get(day);
    if (cached !== undefined) return cached;
    const roles = this.fieldCodes.map((field): RoleChoice | null => {
      const shares = roleShares(field);
      const present = (Object.keys(shares) as AgencyRole[]).filter((role) => role !== 'commune-office' && day.districtAgencies.has(role));
      return present.length > 0 ? { roles: present, cumulative: cumulate(present.map((role) => shares[role] ?? 0)) } : null;
    });
    const weights = this.fieldCodes.map((field, index) => {
      const choice = roles[index];
      const shares = roleShares(field);
      return choice ? fieldShare(field) * choice.roles.reduce((sum, role) => sum + (shares[role] ?? 0), 0) : 0;
    });
    const result = weights.some((weight) => weight > 0) ? { fieldCumulative: cumulate(weights), roles } : null;
    this.areaOfficeChoices.set(day, result);
    return result;
  }

  /** A field for a respondent known to have been served by an agency of `role`: P(field | role) ∝ P(field) · P(role | field). */
  private pickFieldForRole(prng: Prng, role: AgencyRole): string {
    let cumulative = this.fieldsForRole.get(role);
    if (cumulative === undefined) {
      const weights = this.fieldCodes.map((code) => fieldShare(code) * (roleShares(code)[role] ?? 0));
      cumulative = weights.some((weight) => weight > 0) ? cumulate(weights) : null;
      this.fieldsForRole.set(role, cumulative);
    }
    const index = cumulative ? pickIndex(prng, cumulative) : pickIndex(prng, this.fieldCumulative);
    return this.fieldCodes[index] ?? '';
  }

  /** The kind of agency for a field among the kinds present that day; the one-stop shop when none is; null without either. */
  private pickRole(prng: Prng, day: DayFrame, field: string): AgencyRole | null {
    let byField = this.roleChoices.get(day);
    if (!byField) {
      byField = new Map();
      this.roleChoices.set(day, byField);
    }
    let choice = byField.get(field);
    if (choice === undefined) {
      const shares = roleShares(field);
      const present = (Object.keys(shares) as AgencyRole[]).filter((role) =>
        role === 'commune-office' ? day.communeCodes.length > 0 : day.districtAgencies.has(role),
      );
      const usable = present.length > 0 ? present : day.districtAgencies.has('one-stop') ? (['one-stop'] as AgencyRole[]) : [];
      choice = usable.length > 0 ? { roles: usable, cumulative: cumulate(usable.map((role) => shares[role] ?? 1)) } : null;
      byField.set(field, choice);
    }
    return choice ? (choice.roles[pickIndex(prng, choice.cumulative)] ?? null) : null;
  }

  private drawChannel(prng: Prng): string {
    const draw = prng.next();
    const online = this.profile.onlineShare(this.year);
    if (draw < online) return 'truc-tuyen';
    if (draw < online + this.profile.postShare) return 'buu-chinh';
    return 'truc-tiep';
  }
}
