/**
 * Typed shapes of the input files under `data/` (see ../shared/spec/data-contract.md → Inputs).
 * Loaders in this folder turn loose files into these; everything downstream trusts them.
 */

/** Vietnamese first, English second: every user-facing text carries both. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** `data/site.json`: the publisher's settings. */
export interface SiteConfig {
  publisher: Bilingual;
  title: Bilingual;
  /** Absolute public URL of the site, ending in `/`; used for canonical links and citations. */
  base_url: string;
  /** The release this build publishes (data-contract.md → Releases). */
  release: Release;
  /** The next releases, for the calendar; empty when none is planned. */
  planned_releases: PlannedRelease[];
  licence: { id: string; title: string; path: string };
  thresholds: {
    /** Cells with fewer respondents are published as `suppressed` (method.md → Suppression). */
    min_n_publish: number;
    /** Units with fewer respondents are `not_ranked`. */
    min_n_rank: number;
    /** Share of a file's rows that may be quarantined before the build fails (0.01 = 1 %). */
    max_quarantine_share: number;
  };
  /** The province whose official results the site shows; absent on a national site. */
  province_code?: string;
  /**
   * Which units are ranked against which (method.md → Ranking): each level, within the country or
   * within each unit of a higher level. Defaulted when site.json leaves it out (DEFAULT_RANKINGS).
   */
  rankings: RankingLevel[];
  rank_simulation: { draws: number; seed: number };
  /**
   * Which cells of indices.csv each unit level gets (site.json `cells`, method.md → Notation):
   * the period kinds and the yearly breakdowns. Every level gets all of them unless site.json
   * narrows one, as a national site does for its 3,321 communes.
   */
  cells: Record<UnitLevel, CellDetail>;
  /**
   * Unit levels whose pages' charts get files of their own (SVG and PNG images, an embed page,
   * XLSX copies; site.json \`chart_files\`); every other page's charts always do. Every level
   * unless site.json narrows it: 3,321 communes would mean 80,000 image files.
   */
  chart_files: UnitLevel[];
  /** True when the responses are generated sample data: every page then shows a banner. */
  sample_data: boolean;
  sample_note?: Bilingual;
}

export type CellPeriodKind = 'year' | 'quarter' | 'month';
export type CellBreakdown = 'field' | 'channel' | 'respondent_type' | 'agency';

export interface CellDetail {
  /** Always includes `year`: rankings, trends and targets are yearly. */
  periods: CellPeriodKind[];
  breakdowns: CellBreakdown[];
}

export type ReleaseStatus = 'provisional' | 'final';
export type ChangeKind = 'revision' | 'correction' | 'new' | 'withdrawn';

/**
 * One reason given in a release's notes for values that changed since the previous release, with
 * the scope it explains. An absent list matches everything; `units` matches a row whose unit (or
 * one of its units) is listed or is an ancestor of a listed unit; `periods` match by prefix.
 */
export interface ReleaseChange {
  kind: ChangeKind;
  reason: Bilingual;
  surveys?: string[];
  periods?: string[];
  units?: string[];
}

export interface Release {
  /** The release id, e.g. `2026.2`: one segment of its frozen address. */
  version: string;
  date: string;
  /** `provisional`: the periods listed in provisional_periods may still change. */
  status: ReleaseStatus;
  provisional_periods: string[];
  notes?: Bilingual;
  changes: ReleaseChange[];
}

export interface PlannedRelease {
  version: string;
  date: string;
  status: ReleaseStatus;
  notes?: Bilingual;
}

export type UnitLevel = 'country' | 'province' | 'district' | 'commune';

/** What a ranked level is ranked within: the whole country, or each unit of a higher level. */
export type RankingScope = 'country' | 'province' | 'district';

/** One entry of site.json's `rankings`: the units of `level` ranked against each other `within` … */
export interface RankingLevel {
  level: UnitLevel;
  within: RankingScope;
  /**
   * What comparisons.csv sets against each other for every pair of these units: the overall index
   * and each element (`elements`, the default), or the overall index alone (`overall`: a national
   * site's communes make 190,000 pairs a year).
   */
  compare: 'elements' | 'overall';
}

/** A row of `data/units.csv`. Dates are ISO `YYYY-MM-DD`; `valid_to` null = still valid. */
export interface Unit {
  code: string;
  name_vi: string;
  name_en: string;
  level: UnitLevel;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
}

/** A row of `data/agencies.csv`. */
export interface Agency {
  code: string;
  name_vi: string;
  name_en: string;
  unit_code: string;
  sector: string;
  has_procedures: boolean;
  valid_from: string;
  valid_to: string | null;
}

/** A row of `data/fields.csv` (procedure field, lĩnh vực). */
export interface Field {
  code: string;
  name_vi: string;
  name_en: string;
}

export interface SurveyItem {
  /** Indicator code, e.g. `TC1`. */
  code: string;
  /** Column name in the responses CSV (usually equal to `code`). */
  column: string;
  question_vi: string;
  question_en: string;
}

export interface SurveyElement {
  code: string;
  name_vi: string;
  name_en: string;
  /** Weight in the overall index; absent = equal weights. */
  weight?: number;
  items: SurveyItem[];
}

/** `data/surveys/<id>/survey.json`: the instrument. */
export interface SurveyInstrument {
  id: string;
  title: Bilingual;
  /** Method versions in time order; a change of version between two periods is a method break. */
  method_versions: { version: string; valid_from: string; valid_to: string | null; note: Bilingual }[];
  legal_basis: { reference: string; date: string; title: Bilingual; source_id?: string }[];
  scale: { min: number; max: number; labels: Bilingual[]; satisfied: number[] };
  elements: SurveyElement[];
}

export type Comparator = '>' | '>=' | '<=' | '<';

/** One target of a plan, as written in `data/plans/<id>.json`. */
export interface PlanTarget {
  id: string;
  label: Bilingual;
  survey: string;
  unit_code: string;
  period: string;
  /**
   * The target holds for `period` and every later year the survey has data for ("năm 2024 và những
   * năm tiếp theo"): one assessment per year (compute-targets.ts). Only for a yearly `period`.
   */
  and_following_years: boolean;
  /** `overall`, an element or item code, `coverage`, or `rank`. */
  indicator: string;
  breakdown: 'all' | 'field' | 'channel' | 'respondent_type' | 'agency';
  /** One value per row; several values = one row each plus an "all of them" row. */
  breakdown_values: string[];
  comparator: Comparator;
  /** Percent for indices and coverage; k for rank targets. */
  threshold: number;
}

/** `data/plans/<id>.json`. */
export interface Plan {
  id: string;
  reference: string;
  date: string;
  issuer: Bilingual;
  title: Bilingual;
  unit_code: string;
  source: { title: Bilingual; url: string | null; source_id?: string };
  targets: PlanTarget[];
}

/** A response that passed validation: answers are integers on the scale or null (unanswered). */
export interface ValidatedResponse {
  response_id: string;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  unit_code: string;
  agency_code: string | null;
  field: string | null;
  channel: string | null;
  respondent_type: string | null;
  /** In the instrument's item order. */
  answers: (number | null)[];
}

/** One row of `reports/quarantine.csv`. Line numbers count the header as line 1. */
export interface QuarantinedRow {
  file: string;
  line: number;
  /** The column as named in the file; empty when the whole row is at fault. */
  column: string;
  /** For the person fixing the file: names the bad value. Never published. */
  reason: string;
  /** The kind of problem, without the value: what the site may publish counts of. */
  reason_code: QuarantineReasonCode;
}

/** Stable codes of the reasons a row is set aside (labels in src/intake/quarantine.ts). */
export type QuarantineReasonCode =
  | 'missing_response_id'
  | 'duplicate_response_id'
  | 'missing_date'
  | 'invalid_date'
  | 'date_out_of_range'
  | 'missing_unit'
  | 'unknown_unit'
  | 'unit_not_valid_on_date'
  | 'unknown_agency'
  | 'agency_not_valid_on_date'
  | 'unknown_field'
  | 'invalid_channel'
  | 'invalid_respondent_type'
  | 'answer_outside_scale'
  | 'answer_not_whole_number'
  | 'answer_not_a_number'
  | 'no_item_answered'
  | 'wrong_cell_count';
