/**
 * Who the generated respondents are: in which district and month they were surveyed, for which
 * procedure field, at which agency, through which channel. The shares are plausible for a rural
 * Vietnamese province (land the largest field, online filing growing year by year) and are the
 * knobs to turn when the sample should look different; the answers themselves come from
 * response-model.ts.
 */
import type { AgencyRole } from './agency-roles.ts';

/** Respondent mix of one survey. */
export interface SurveyProfile {
  /** Sector (agencies.csv) of the agencies this survey evaluates. */
  sector: string;
  /** Relative sample size of each district (others 1) before 2025-07-01: the city and the big districts get more. */
  districtWeight: Record<string, number>;
  /** Relative number of interviews in January…December. */
  monthWeight: number[];
  /** Share of online (truc-tuyen) respondents in a year. */
  onlineShare: (year: number) => number;
  /** Share of postal (buu-chinh) respondents. */
  postShare: number;
  /** Whether rows carry a procedure field and a respondent type (SIPAS) or leave them empty. */
  hasFieldAndRespondentType: boolean;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

export const SURVEY_PROFILES: Record<string, SurveyProfile> = {
  sipas: {
    sector: 'hanh-chinh',
    districtWeight: { '582': 1.15, '584': 0.85, '585': 1.0, '586': 1.0, '587': 1.05, '588': 0.9, '589': 0.95 },
    // Fewer interviews around Tết (February), a year-end rush of land and construction files.
    monthWeight: [1.0, 0.7, 1.0, 0.95, 1.0, 1.05, 1.0, 0.95, 1.0, 1.1, 1.15, 1.2],
    // Online filing through the public-service portal grew from ~6 % (2021) by ~6 points a year.
    onlineShare: (year) => clamp(0.06 + 0.06 * (year - 2021), 0.02, 0.6),
    postShare: 0.03,
    hasFieldAndRespondentType: true,
  },
  'y-te': {
    sector: 'y-te',
    districtWeight: {},
    monthWeight: [1.0, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    onlineShare: (year) => clamp(0.05 + 0.03 * (year - 2021), 0.02, 0.5),
    postShare: 0,
    hasFieldAndRespondentType: false,
  },
  'giao-duc': {
    sector: 'giao-duc',
    districtWeight: {},
    // Parents are surveyed in the school year, hardly in the summer holidays.
    monthWeight: [1.0, 0.7, 1.0, 1.0, 1.0, 0.4, 0.15, 0.4, 1.0, 1.1, 1.1, 1.1],
    onlineShare: (year) => clamp(0.25 + 0.05 * (year - 2021), 0.02, 0.7),
    postShare: 0,
    hasFieldAndRespondentType: false,
  },
};

/**
 * Whole-year sample of a survey while the province was surveyed by district (to 2025-06-30): SIPAS
 * ≈ 860 per district (the usual ~500–1,000 of a district survey), health and education ≈ 150 per
 * district. A part year gets its share by the month weights.
 */
export const DISTRICT_ERA_RESPONSES_PER_YEAR: Record<string, number> = { sipas: 6000, 'y-te': 1050, 'giao-duc': 1050 };

/**
 * Whole-year sample per commune once the province is surveyed by commune (from 2025-07-01, when
 * the district level ended). Provincial surveys of communes plan about 90–200 questionnaires per
 * commune (../shared/reference/survey_design_examples.csv: Bình Dương 2018 150 per xã and 200 per
 * phường, Hội An 2024 90 per commune/ward), so SIPAS plans 150 per xã and 200 per phường; health stations and
 * primary schools are surveyed more lightly. Each commune's plan is base × kind factor × exp(σ · z),
 * z fixed per commune: most communes land between 100 and 400 a year, a few below 100 (not ranked)
 * and the special zone, a few hundred islanders, below 30 (not published).
 */
export const COMMUNE_PLAN = {
  basePerYear: { sipas: 150, 'y-te': 45, 'giao-duc': 40 } as Record<string, number>,
  /** By the unit name's first word(s): wards are bigger, the island special zone tiny. */
  kindFactor: [
    ['Phường', 4 / 3],
    ['Đặc khu', 0.1],
  ] as [string, number][],
  /** σ of the persistent size spread between communes, and of the year-to-year wobble. */
  persistent: 0.3,
  yearly: 0.1,
} as const;

/**
 * Whole-year sample of the province offices (one-stop centre, departments, land registration
 * office) once the communes are surveyed directly: only SIPAS, where firms and land or
 * construction files still go to the province.
 */
export const PROVINCE_OFFICES_PER_YEAR: Record<string, number> = { sipas: 600 };

/**
 * Share of SIPAS respondents by procedure field (fields.csv codes); `''` = field left empty.
 * Fields of another register that are not listed get the `khac` share each.
 */
export const FIELD_SHARE: Record<string, number> = {
  'dat-dai': 0.3,
  'xay-dung': 0.1,
  'dau-tu': 0.033,
  'tu-phap-ho-tich': 0.24,
  'lao-dong-xa-hoi': 0.1,
  'dang-ky-kinh-doanh': 0.07,
  'tai-nguyen-moi-truong': 0.03,
  'nong-nghiep': 0.03,
  'giao-thong-van-tai': 0.02,
  khac: 0.055,
  '': 0.02,
};

/**
 * Which kind of agency handles a field: P(role | field). Land goes to the land registry branch,
 * the environment office or the commune; construction to the economy-and-infrastructure office;
 * investment to finance-planning; civil status mostly to the commune.
 */
export const ROLE_SHARE_BY_FIELD: Record<string, Partial<Record<AgencyRole, number>>> = {
  'dat-dai': { 'land-registry': 0.31, environment: 0.07, 'commune-office': 0.62 },
  'xay-dung': { construction: 0.85, 'commune-office': 0.15 },
  'dau-tu': { 'finance-planning': 1 },
  'tu-phap-ho-tich': { 'commune-office': 0.9, justice: 0.1 },
  'lao-dong-xa-hoi': { labour: 0.25, 'commune-office': 0.75 },
  'dang-ky-kinh-doanh': { 'finance-planning': 0.85, 'one-stop': 0.15 },
  'tai-nguyen-moi-truong': { environment: 0.6, 'commune-office': 0.4 },
  'nong-nghiep': { construction: 0.5, 'commune-office': 0.5 },
  'giao-thong-van-tai': { construction: 0.7, 'commune-office': 0.3 },
  khac: { 'one-stop': 0.3, 'commune-office': 0.7 },
  '': { 'one-stop': 0.3, 'commune-office': 0.7 },
};

/** P(organisation) by field: firms file investment and business registrations, people the rest. */
export const ORGANISATION_SHARE_BY_FIELD: Record<string, number> = {
  'dau-tu': 0.6,
  'dang-ky-kinh-doanh': 0.45,
  'xay-dung': 0.2,
  'dat-dai': 0.1,
};
export const ORGANISATION_SHARE_OTHERWISE = 0.1;

/** Share of rows whose agency_code is left empty (the respondent did not say). */
export const AGENCY_EMPTY_SHARE = 0.03;

/**
 * How unevenly respondents spread over the communes of a district: each commune's weight is
 * exp(σ · z) with z ~ N(0, 1) fixed per commune plus a smaller yearly wobble, so some communes
 * fall under 30 respondents in a year. Towns and wards (thị trấn, phường) weigh a bit more.
 */
export const COMMUNE_SPREAD = { persistent: 0.6, yearly: 0.25, townFactor: 1.4 } as const;

/**
 * The coverage story of the sample (Kế hoạch 95/KH-UBND: "100 % of agencies with procedures
 * measured"): in Ninh Sơn 2024 every agency with procedures gets at least one respondent, while
 * in Thuận Bắc 2024 the commune office of Phước Kháng is never surveyed (coverage < 100 %).
 */
export const FULL_COVERAGE = [{ district: '585', year: 2024 }] as const;
export const UNSURVEYED_COMMUNES = [{ commune: '22843', year: 2024 }] as const;
