/**
 * Small fixed rows for the chart snapshot tests. They are invented, not computed: the charts only
 * draw what they are given, so what matters is that each fixture is internally consistent and
 * covers the cases a chart must handle. Unit codes and names are the real Ninh Thuận districts
 * (/work/shared/reference/admin_units_ninhthuan_districts.csv); the numbers are made up.
 *
 * Cases covered:
 * - a tie (585 and 587 both 84.00 %, both rank 3 — ties share the better rank, method.md),
 * - a unit with a value but too few respondents to rank (584, n = 80 < min_n_rank 100),
 * - a suppressed unit (588, n = 12 < min_n_publish 30: no value, no interval),
 * - a method break (2023 is the first year of the new instrument) and a suppressed year (2021),
 * - a suppressed procedure field (dau-tu, n = 12),
 * - targets met / not met, clear / uncertain, too few, no data, and coverage (no interval).
 * Every interval is value ± half-width, e.g. 88.10 ± 2.80 → 85.30–90.90.
 */
import type { IndexRow, RankingRow, TargetRow } from '../../src/engine/tables.ts';

export const DISTRICT_NAMES: Record<string, { vi: string; en: string }> = {
  '58': { vi: 'Tỉnh Ninh Thuận', en: 'Ninh Thuan province' },
  '582': { vi: 'Thành phố Phan Rang-Tháp Chàm', en: 'Phan Rang-Thap Cham city' },
  '584': { vi: 'Huyện Bác Ái', en: 'Bac Ai district' },
  '585': { vi: 'Huyện Ninh Sơn', en: 'Ninh Son district' },
  '586': { vi: 'Huyện Ninh Hải', en: 'Ninh Hai district' },
  '587': { vi: 'Huyện Ninh Phước', en: 'Ninh Phuoc district' },
  '588': { vi: 'Huyện Thuận Bắc', en: 'Thuan Bac district' },
  '589': { vi: 'Huyện Thuận Nam', en: 'Thuan Nam district' },
};

function ranking(
  unit_code: string,
  value: number | null,
  halfWidth: number,
  n: number,
  rank: [number, number, number] | null,
  p_first: number | null,
  p_top_k: number | null,
): RankingRow {
  return {
    survey: 'sipas',
    period: '2024',
    unit_level: 'district',
    unit_code,
    value,
    ci_low: value === null ? null : value - halfWidth,
    ci_high: value === null ? null : value + halfWidth,
    n,
    rank: rank ? rank[0] : null,
    rank_low: rank ? rank[1] : null,
    rank_high: rank ? rank[2] : null,
    p_first,
    k: rank ? 3 : null,
    p_top_k,
    status: rank ? 'ranked' : 'not_ranked',
    // The districts of Ninh Thuận, from the start of the data series until 2025-06-30 (units.csv).
    unit_valid_from: '2020-01-01',
    basis: 'direct',
    parent_code: '58',
  };
}

/** Given in code order, not rank order, so the chart's sorting is exercised. */
export const RANKINGS_2024: RankingRow[] = [
  ranking('582', 88.1, 2.8, 520, [1, 1, 2], 0.812, 0.991),
  ranking('584', 79.5, 8.9, 80, null, null, null),
  ranking('585', 84.0, 3.1, 540, [3, 2, 5], 0.031, 0.612),
  ranking('586', 86.4, 3.0, 498, [2, 1, 3], 0.152, 0.934),
  ranking('587', 84.0, 3.2, 505, [3, 2, 5], 0.005, 0.583),
  ranking('588', null, 0, 12, null, null, null),
  ranking('589', 81.2, 3.6, 460, [5, 4, 5], 0, 0.08),
];

export const PROVINCE_2024 = 84.12;

/** An overall index row of the chart fixtures: `value ± halfWidth`, suppressed when `value` is null. */
export function index(unit_code: string, period: string, value: number | null, halfWidth: number, n: number, extra: Partial<IndexRow> = {}): IndexRow {
  return {
    survey: 'sipas',
    period,
    unit_code,
    breakdown: 'all',
    breakdown_value: '*',
    indicator: 'overall',
    level: 'overall',
    n,
    satisfied: null,
    value,
    ci_low: value === null ? null : value - halfWidth,
    ci_high: value === null ? null : value + halfWidth,
    status: value === null ? 'suppressed' : 'ok',
    se: value === null ? null : halfWidth / 1.96,
    unit_valid_from: '2020-01-01',
    basis: 'direct',
    ...extra,
  };
}

/** Ninh Sơn's overall index by year; 2021 suppressed; 2023 is the first year of a new method. */
export const NINH_SON_YEARS: IndexRow[] = [
  index('585', '2019', 80.1, 3.4, 480),
  index('585', '2020', 81.5, 3.3, 495),
  index('585', '2021', null, 0, 12),
  index('585', '2022', 82.3, 3.2, 510),
  index('585', '2023', 79.8, 3.3, 530),
  index('585', '2024', 84.0, 3.1, 540),
];
export const METHOD_BREAKS = ['2023'];

/** The province, pooled over districts, for comparison (narrower intervals: larger n). */
export const PROVINCE_YEARS: IndexRow[] = [
  index('58', '2019', 82.0, 1.3, 3400),
  index('58', '2020', 82.9, 1.3, 3450),
  index('58', '2021', 83.5, 1.2, 3500),
  index('58', '2022', 83.1, 1.2, 3520),
  index('58', '2023', 81.0, 1.3, 3600),
  index('58', '2024', 84.12, 1.2, 3620),
];

/** Quarterly series across a year boundary, with a missing quarter (2023-Q3: no survey). */
export const NINH_SON_QUARTERS: IndexRow[] = [
  index('585', '2023-Q1', 78.2, 6.5, 130),
  index('585', '2023-Q2', 80.4, 6.2, 135),
  index('585', '2023-Q4', 81.0, 6.0, 140),
  index('585', '2024-Q1', 83.1, 6.1, 131),
  index('585', '2024-Q2', null, 0, 25),
  index('585', '2024-Q3', 84.9, 5.8, 138),
  index('585', '2024-Q4', 85.6, 5.6, 142),
];

/** Ninh Sơn 2024: overall and the five SIPAS elements, in instrument order. */
export const NINH_SON_ELEMENTS: IndexRow[] = [
  index('585', '2024', 84.0, 3.1, 540),
  index('585', '2024', 86.2, 2.9, 538, { indicator: 'TC', level: 'element' }),
  index('585', '2024', 82.5, 3.2, 536, { indicator: 'TT', level: 'element' }),
  index('585', '2024', 88.0, 2.7, 539, { indicator: 'CC', level: 'element' }),
  index('585', '2024', 84.1, 3.1, 534, { indicator: 'KQ', level: 'element' }),
  index('585', '2024', 79.3, 4.0, 402, { indicator: 'PA', level: 'element' }),
];
export const ELEMENT_NAMES: Record<string, string> = {
  overall: 'Chỉ số hài lòng chung',
  TC: 'Tiếp cận dịch vụ',
  TT: 'Thủ tục hành chính',
  CC: 'Công chức trực tiếp giải quyết công việc',
  KQ: 'Kết quả giải quyết thủ tục hành chính',
  PA: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
};

/** Ninh Sơn 2024 by procedure field; investment has only 12 respondents (suppressed). */
export const NINH_SON_FIELDS: IndexRow[] = [
  index('585', '2024', 86.2, 4.1, 210, { breakdown: 'field', breakdown_value: 'dat-dai' }),
  index('585', '2024', 83.0, 7.4, 96, { breakdown: 'field', breakdown_value: 'xay-dung' }),
  index('585', '2024', null, 0, 12, { breakdown: 'field', breakdown_value: 'dau-tu' }),
];
export const FIELD_NAMES: Record<string, string> = { 'dat-dai': 'Đất đai', 'xay-dung': 'Xây dựng', 'dau-tu': 'Đầu tư' };

function target(name: string, indicator: string, threshold: number, value: number | null, halfWidth: number | null, status: TargetRow['status'], certainty: TargetRow['certainty'], extra: Partial<TargetRow> = {}): TargetRow {
  return {
    plan: 'kh-95-2024-ninh-son',
    target: name,
    survey: 'sipas',
    unit_code: '585',
    period: '2024',
    indicator,
    breakdown: 'all',
    breakdown_value: '*',
    comparator: '>=',
    threshold,
    value,
    ci_low: value === null || halfWidth === null ? null : value - halfWidth,
    ci_high: value === null || halfWidth === null ? null : value + halfWidth,
    gap: value === null ? null : value - threshold,
    status,
    certainty,
    unit_valid_from: '2020-01-01',
    successor_units: null,
    ...extra,
  };
}

/**
 * Targets of Kế hoạch 95/KH-UBND, with statuses that follow method.md:
 * - overall ≥ 90: 84.00 < 90 → not met; interval 80.90–87.10 lies wholly below 90 → clear.
 * - land ≥ 85: 86.20 ≥ 85 → met; interval 82.10–90.30 crosses 85 → within margin of error.
 * - construction ≥ 85: 83.00 < 85 → not met; interval 75.60–90.40 crosses 85 → uncertain.
 * - investment ≥ 85: n = 12 < 30 → too few (no value).
 * - education ≥ 80: no responses → no data.
 * - coverage ≥ 100: 100 % of 14 agencies measured → met; a count, so no interval, no certainty.
 */
export const KH95_TARGETS: (TargetRow & { n?: number })[] = [
  target('overall', 'overall', 90, 84.0, 3.1, 'not_met', 'clear'),
  target('dat-dai', 'overall', 85, 86.2, 4.1, 'met', 'uncertain', { breakdown: 'field', breakdown_value: 'dat-dai' }),
  target('xay-dung', 'overall', 85, 83.0, 7.4, 'not_met', 'uncertain', { breakdown: 'field', breakdown_value: 'xay-dung' }),
  { ...target('dau-tu', 'overall', 85, null, null, 'too_few', null, { breakdown: 'field', breakdown_value: 'dau-tu' }), n: 12 },
  target('giao-duc', 'overall', 80, null, null, 'no_data', null, { survey: 'giao-duc' }),
  target('coverage', 'coverage', 100, 100, null, 'met', null),
];
export const TARGET_NAMES: Record<string, string> = {
  overall: 'Tỷ lệ hài lòng chung',
  'dat-dai': 'Lĩnh vực đất đai',
  'xay-dung': 'Lĩnh vực xây dựng',
  'dau-tu': 'Lĩnh vực đầu tư',
  'giao-duc': 'Đơn vị sự nghiệp giáo dục',
  coverage: 'Cơ quan có TTHC được đo lường',
};

/**
 * The rank target (top 3 of 7): Ninh Sơn rank 3, interval 2–5, P(top 3) = 0.612 → met by the
 * point estimate, but 0.05 < 0.612 < 0.95 → within margin of error.
 */
export const RANK_TARGET: Pick<TargetRow, 'status' | 'certainty'> = { status: 'met', certainty: 'uncertain' };
