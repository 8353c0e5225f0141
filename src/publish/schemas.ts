/**
 * One schema per published table (data-contract.md → Outputs). The field order of each schema IS
 * the column order of its CSV, Parquet and JSON files, and matches the row interfaces of
 * ../engine/tables.ts. The same schema becomes the Frictionless table schema in datapackage.json.
 */
import type { CrosswalkLink } from '../intake/load-crosswalk.ts';
import type { Agency, Field, SurveyInstrument, Unit } from '../intake/types.ts';
import type { ComparisonRow, CoverageRow, ElementRankingRow, IndexRow, IndicatorRow, RankingRow, TargetRow, TrendRow } from '../engine/tables.ts';
import type { RevisionRow } from './revisions.ts';

/** Frictionless field types used by the published files. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
export const FIELD_TYPES: readonly FieldType[] = ['string', 'integer', 'number', 'boolean', 'date'];

export type FileFormat = 'csv' | 'parquet' | 'json';

export interface PublishedField {
  name: string;
  type: FieldType;
  /** Decimals written for `number` fields (rounded half away from zero). */
  decimals?: number;
  description_vi: string;
  description_en: string;
  /** Never empty. */
  required?: boolean;
  /** The only values allowed (string fields). */
  enum?: readonly string[];
}

export interface TableSchema {
  /** File stem and table name: `indices` → indices.csv, indices.parquet, indices.json. */
  name: string;
  title_vi: string;
  title_en: string;
  description_vi: string;
  description_en: string;
  fields: readonly PublishedField[];
  primaryKey?: readonly string[];
  /**
   * JSON is written for tables whose size grows with the registers (units, agencies, plans,
   * instrument items: at most a few thousand rows), never for those that grow with
   * units × periods × breakdowns × indicators (indices, trends) or with respondents (responses).
   */
  formats: readonly FileFormat[];
  /**
   * Whether the writer checks the primary key is unique. Off only for responses, whose ids the
   * intake already made unique (duplicates are quarantined) and which may hold millions of rows.
   */
  checkPrimaryKey: boolean;
}

/** A schema whose field names are checked against a row interface at compile time. */
interface TypedTableSchema<Row> extends TableSchema {
  fields: readonly (PublishedField & { name: keyof Row & string })[];
}

const WITH_JSON: readonly FileFormat[] = ['csv', 'parquet', 'json'];
const WITHOUT_JSON: readonly FileFormat[] = ['csv', 'parquet'];

const BREAKDOWNS = ['all', 'field', 'channel', 'respondent_type', 'agency'] as const;
const LEVELS = ['overall', 'element', 'item'] as const;
const UNIT_LEVELS = ['country', 'province', 'district', 'commune'] as const;

// Fields shared by several tables, described once.
const survey = {
  name: 'survey',
  type: 'string',
  required: true,
  description_vi: 'Mã bộ phiếu khảo sát (sipas: hành chính công; y-te: y tế; giao-duc: giáo dục)',
  description_en: 'Survey instrument id (sipas: public administration; y-te: health; giao-duc: education)',
} as const;
const period = {
  name: 'period',
  type: 'string',
  required: true,
  description_vi: 'Kỳ: năm (2024), quý (2024-Q1) hoặc tháng (2024-03)',
  description_en: 'Period: year (2024), quarter (2024-Q1) or month (2024-03)',
} as const;
const unitCode = {
  name: 'unit_code',
  type: 'string',
  required: true,
  description_vi: 'Mã đơn vị hành chính (mã của Tổng cục Thống kê), tên xem trong units.csv',
  description_en: 'Administrative unit code (General Statistics Office code); names in units.csv',
} as const;
const unitValidFrom = {
  name: 'unit_valid_from',
  type: 'date',
  required: true,
  description_vi:
    'Ngày bắt đầu hiệu lực của phiên bản đơn vị mà dòng này thuộc về (một mã có thể được dùng lại cho đơn vị mới sau ngày 1/7/2025); cùng unit_code xác định đơn vị trong units.csv',
  description_en:
    'First day of the unit version the row belongs to (a code may be reused by a new unit after 1 July 2025); with unit_code it identifies the unit in units.csv',
} as const;
const basis = {
  name: 'basis',
  type: 'string',
  required: true,
  enum: ['direct', 'back-cast'],
  description_vi:
    'direct: từ phiếu của chính đơn vị; back-cast: tính ngược cho đơn vị mới, gộp phiếu của các xã cũ nằm trọn trong đơn vị đó, cho các kỳ trước ngày đơn vị được thành lập',
  description_en:
    "direct: from the unit's own responses; back-cast: for a new unit, pooled from the old communes that lie wholly in it, for periods before it existed",
} as const;
const breakdown = {
  name: 'breakdown',
  type: 'string',
  required: true,
  enum: BREAKDOWNS,
  description_vi:
    'Cách chia nhóm: all (toàn bộ), field (lĩnh vực), channel (kênh tiếp nhận), respondent_type (cá nhân/tổ chức), agency (cơ quan)',
  description_en: 'Breakdown: all, field (procedure field), channel, respondent_type (person/organisation), agency',
} as const;
const breakdownValue = {
  name: 'breakdown_value',
  type: 'string',
  required: true,
  description_vi: 'Giá trị của nhóm (mã lĩnh vực, kênh, loại người trả lời hoặc mã cơ quan); * khi breakdown là all',
  description_en: 'Value of the breakdown (field, channel, respondent type or agency code); * when breakdown is all',
} as const;
const indicator = {
  name: 'indicator',
  type: 'string',
  required: true,
  description_vi: 'Mã chỉ số: overall (chỉ số chung), mã yếu tố (TC) hoặc mã tiêu chí (TC1); xem indicators.csv',
  description_en: 'Indicator code: overall, an element code (TC) or an item code (TC1); see indicators.csv',
} as const;
const level = {
  name: 'level',
  type: 'string',
  required: true,
  enum: LEVELS,
  description_vi: 'Cấp của chỉ số: overall (chung), element (yếu tố), item (tiêu chí)',
  description_en: 'Indicator level: overall, element or item',
} as const;
const percent = <N extends string>(name: N, vi: string, en: string) =>
  ({ name, type: 'number', decimals: 2, description_vi: `${vi} (%, 2 chữ số thập phân)`, description_en: `${en} (%, 2 decimals)` }) as const;
const count = <N extends string>(name: N, vi: string, en: string, required: boolean) =>
  ({ name, type: 'integer', required, description_vi: vi, description_en: en }) as const;
const probability = <N extends string>(name: N, vi: string, en: string) =>
  ({ name, type: 'number', decimals: 3, description_vi: `${vi} (tỷ lệ 0–1, 3 chữ số thập phân)`, description_en: `${en} (fraction 0–1, 3 decimals)` }) as const;
const validFrom = {
  name: 'valid_from',
  type: 'date',
  required: true,
  description_vi: 'Có hiệu lực từ ngày (YYYY-MM-DD)',
  description_en: 'Valid from (YYYY-MM-DD)',
} as const;
const validTo = {
  name: 'valid_to',
  type: 'date',
  description_vi: 'Hết hiệu lực sau ngày (YYYY-MM-DD); trống = còn hiệu lực',
  description_en: 'Valid until (YYYY-MM-DD); empty = still valid',
} as const;
const nameVi = { name: 'name_vi', type: 'string', required: true, description_vi: 'Tên tiếng Việt', description_en: 'Name in Vietnamese' } as const;
const nameEn = { name: 'name_en', type: 'string', required: true, description_vi: 'Tên tiếng Anh', description_en: 'Name in English' } as const;

/**
 * The release flag (data-contract.md → Releases), appended as the LAST column of every result
 * table so the files published before it keep their columns. Set by publish/revisions.ts, never by
 * the engine. `r` wins over `p`: a reader who cites a provisional number that also moved needs to
 * know first that it moved.
 */
const flag = {
  name: 'flag',
  type: 'string',
  enum: ['p', 'r'],
  description_vi:
    'p: tạm thời (kỳ còn mở trong bản phát hành này: các giá trị có thể còn thay đổi); r: đã điều chỉnh so với bản phát hành trước (có giá trị của dòng đã thay đổi); để trống trong các trường hợp khác. Khi cả hai cùng đúng, ghi r',
  description_en:
    'p: provisional (the period is still open in this release: its values may change); r: revised since the previous release (some value of the row changed); empty otherwise. When both apply, r',
} as const;

export const indicesSchema: TypedTableSchema<IndexRow> = {
  name: 'indices',
  title_vi: 'Chỉ số hài lòng',
  title_en: 'Satisfaction indices',
  description_vi:
    'Một dòng cho mỗi bộ phiếu × kỳ × đơn vị × nhóm × chỉ số, với số người trả lời và khoảng tin cậy 95 %. Ô có ít người trả lời hơn ngưỡng công bố được ẩn (status = suppressed).',
  description_en:
    'One row per survey × period × unit × breakdown × indicator, with respondents and 95 % confidence interval. Cells with fewer respondents than the publication threshold are suppressed.',
  formats: WITHOUT_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'period', 'unit_code', 'unit_valid_from', 'breakdown', 'breakdown_value', 'indicator'],
  fields: [
    survey,
    period,
    unitCode,
    breakdown,
    breakdownValue,
    indicator,
    level,
    count('n', 'Số người trả lời ít nhất một câu hỏi của chỉ số', "Respondents who answered at least one of the indicator's items", true),
    count('satisfied', 'Số người trả lời hài lòng (theo thang đo của bộ phiếu); chỉ có ở cấp tiêu chí', 'Respondents who were satisfied (as the instrument defines it); items only', false),
    percent('value', 'Tỷ lệ hài lòng; trống khi bị ẩn', 'Satisfaction; empty when suppressed'),
    percent('ci_low', 'Cận dưới khoảng tin cậy 95 %', 'Lower bound of the 95 % confidence interval'),
    percent('ci_high', 'Cận trên khoảng tin cậy 95 %', 'Upper bound of the 95 % confidence interval'),
    {
      name: 'status',
      type: 'string',
      required: true,
      enum: ['ok', 'suppressed'],
      description_vi: 'ok, hoặc suppressed (ẩn vì ít người trả lời hơn ngưỡng công bố; value và khoảng tin cậy để trống)',
      description_en: 'ok, or suppressed (fewer respondents than the publication threshold; value and interval empty)',
    },
    {
      name: 'se',
      type: 'number',
      decimals: 2,
      description_vi: 'Sai số chuẩn của value (điểm phần trăm, 2 chữ số thập phân)',
      description_en: 'Standard error of value (percentage points, 2 decimals)',
    },
    unitValidFrom,
    basis,
    flag,
  ],
};

export const rankingsSchema: TypedTableSchema<RankingRow> = {
  name: 'rankings',
  title_vi: 'Xếp hạng đơn vị',
  title_en: 'Unit rankings',
  description_vi:
    'Xếp hạng theo chỉ số chung, với khoảng thứ hạng 95 % và xác suất đứng đầu / trong nhóm k đầu (mô phỏng với hạt giống cố định). Đơn vị có quá ít người trả lời không được xếp hạng.',
  description_en:
    'Ranking by the overall index, with the 95 % rank interval and the probability of ranking first / in the top k (simulation with a fixed seed). Units with too few respondents are not ranked.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'period', 'unit_level', 'unit_code', 'unit_valid_from', 'k'],
  fields: [
    survey,
    period,
    {
      name: 'unit_level',
      type: 'string',
      required: true,
      enum: UNIT_LEVELS,
      description_vi: 'Cấp đơn vị được xếp hạng: province (tỉnh), district (huyện), commune (xã)',
      description_en: 'Level of the ranked units: province, district, commune',
    },
    unitCode,
    percent('value', 'Chỉ số chung', 'Overall index'),
    percent('ci_low', 'Cận dưới khoảng tin cậy 95 %', 'Lower bound of the 95 % confidence interval'),
    percent('ci_high', 'Cận trên khoảng tin cậy 95 %', 'Upper bound of the 95 % confidence interval'),
    count('n', 'Số người trả lời', 'Respondents', true),
    count('rank', 'Thứ hạng theo giá trị ước lượng (1 = cao nhất)', 'Rank by the point estimate (1 = highest)', false),
    count('rank_low', 'Thứ hạng tốt nhất trong khoảng thứ hạng 95 %', 'Best rank of the 95 % rank interval', false),
    count('rank_high', 'Thứ hạng kém nhất trong khoảng thứ hạng 95 %', 'Worst rank of the 95 % rank interval', false),
    probability('p_first', 'Xác suất đứng thứ nhất', 'Probability of ranking first'),
    count('k', 'k của nhóm k đầu mà một chỉ tiêu nêu ra', 'The k of the top-k group a target names', false),
    probability('p_top_k', 'Xác suất nằm trong nhóm k đầu', 'Probability of ranking in the top k'),
    {
      name: 'status',
      type: 'string',
      required: true,
      enum: ['ranked', 'not_ranked'],
      description_vi: 'ranked, hoặc not_ranked (quá ít người trả lời; các cột thứ hạng để trống)',
      description_en: 'ranked, or not_ranked (too few respondents; rank columns empty)',
    },
    unitValidFrom,
    basis,
    {
      name: 'parent_code',
      type: 'string',
      required: true,
      description_vi: 'Mã tỉnh mà các đơn vị được xếp hạng trong đó (các đơn vị trực thuộc tỉnh trong kỳ)',
      description_en: 'Code of the province the units are ranked within (the units directly below it in the period)',
    },
    flag,
  ],
};

/**
 * element-rankings: rankings.csv's columns with the same meaning, but ranked on one element, then
 * the element's code. A new file rather than rows of rankings.csv, whose rows stay as published.
 */
export const elementRankingsSchema: TypedTableSchema<ElementRankingRow> = {
  name: 'element-rankings',
  title_vi: 'Xếp hạng đơn vị theo từng yếu tố',
  title_en: 'Unit rankings by element',
  description_vi:
    'Xếp hạng theo từng yếu tố của khảo sát, cùng quy tắc và ngưỡng với bảng xếp hạng theo chỉ số chung: khoảng thứ hạng 95 % và xác suất đứng đầu / trong nhóm k đầu (mô phỏng với hạt giống cố định, luồng riêng cho mỗi yếu tố). Đơn vị có quá ít người trả lời không được xếp hạng.',
  description_en:
    'Ranking on each element of the survey, with the same rules and thresholds as the ranking on the overall index: the 95 % rank interval and the probability of ranking first / in the top k (simulation with a fixed seed, a stream of its own for each element). Units with too few respondents are not ranked.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: [...(rankingsSchema.primaryKey ?? []), 'indicator'],
  fields: [
    // rankings.csv's columns up to (not including) its flag: indicator was published before the
    // flag existed, and the flag stays the last column of every table.
    ...rankingsSchema.fields
      .filter((field) => field.name !== 'flag')
      .map((field) =>
        field.name === 'value'
          ? percent('value', 'Tỷ lệ hài lòng của yếu tố', 'Satisfaction with the element')
          : field,
      ),
    {
      name: 'indicator',
      type: 'string',
      required: true,
      description_vi: 'Mã yếu tố được xếp hạng; xem indicators.csv',
      description_en: 'Code of the element ranked on; see indicators.csv',
    },
    flag,
  ],
};

export const targetsSchema: TypedTableSchema<TargetRow> = {
  name: 'targets',
  title_vi: 'Mức độ đạt chỉ tiêu kế hoạch',
  title_en: 'Attainment of plan targets',
  description_vi:
    'Mỗi chỉ tiêu của kế hoạch (một dòng cho mỗi lĩnh vực, cùng một dòng "tất cả"): trạng thái theo giá trị ước lượng và độ chắc chắn theo khoảng tin cậy 95 %.',
  description_en:
    'Each plan target (one row per field, plus an "all of them" row): status by the point estimate and certainty by the 95 % interval.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['plan', 'target', 'period', 'breakdown_value'],
  fields: [
    { name: 'plan', type: 'string', required: true, description_vi: 'Mã kế hoạch', description_en: 'Plan id' },
    { name: 'target', type: 'string', required: true, description_vi: 'Mã chỉ tiêu trong kế hoạch', description_en: 'Target id within the plan' },
    survey,
    unitCode,
    period,
    {
      ...indicator,
      description_vi: 'Chỉ số như trong indices.csv, hoặc coverage (độ bao phủ), hoặc rank (thứ hạng)',
      description_en: 'Indicator as in indices.csv, or coverage, or rank',
    },
    breakdown,
    breakdownValue,
    {
      name: 'comparator',
      type: 'string',
      required: true,
      enum: ['>', '>=', '<=', '<'],
      description_vi: 'Phép so sánh với ngưỡng (chỉ tiêu thứ hạng: <= k)',
      description_en: 'Comparison with the threshold (rank targets: <= k)',
    },
    {
      name: 'threshold',
      type: 'number',
      decimals: 2,
      required: true,
      description_vi: 'Ngưỡng: % với chỉ số và độ bao phủ, k với thứ hạng (2 chữ số thập phân)',
      description_en: 'Threshold: % for indices and coverage, k for ranks (2 decimals)',
    },
    { ...percent('value', 'Giá trị đạt được', 'Achieved value'), description_vi: 'Giá trị đạt được (% hoặc thứ hạng, 2 chữ số thập phân)', description_en: 'Achieved value (% or rank, 2 decimals)' },
    // For a rank target the interval is the rank interval: the same scale as value, row by row.
    {
      ...percent('ci_low', '', ''),
      description_vi: 'Cận dưới khoảng tin cậy 95 % (% hoặc thứ hạng như value, 2 chữ số thập phân)',
      description_en: 'Lower bound of the 95 % interval (% or rank, as value; 2 decimals)',
    },
    {
      ...percent('ci_high', '', ''),
      description_vi: 'Cận trên khoảng tin cậy 95 % (% hoặc thứ hạng như value, 2 chữ số thập phân)',
      description_en: 'Upper bound of the 95 % interval (% or rank, as value; 2 decimals)',
    },
    {
      name: 'gap',
      type: 'number',
      decimals: 2,
      description_vi: 'Chênh lệch value − threshold (điểm phần trăm hoặc số bậc, 2 chữ số thập phân)',
      description_en: 'Gap value − threshold (percentage points or ranks, 2 decimals)',
    },
    {
      name: 'status',
      type: 'string',
      required: true,
      enum: ['met', 'not_met', 'no_data', 'too_few', 'unit_ended'],
      description_vi:
        'met (đạt), not_met (chưa đạt), no_data (không có dữ liệu), too_few (quá ít người trả lời), unit_ended (đơn vị đã chấm dứt hoạt động trước kỳ này; xem successor_units)',
      description_en: 'met, not_met, no_data, too_few (too few respondents), unit_ended (the unit had ceased to exist before the period; see successor_units)',
    },
    {
      name: 'certainty',
      type: 'string',
      enum: ['clear', 'uncertain'],
      description_vi: 'clear (rõ ràng: cả khoảng tin cậy 95 % ở cùng phía ngưỡng), uncertain (trong biên sai số); trống khi không áp dụng',
      description_en: 'clear (the whole 95 % interval is on one side of the threshold), uncertain (within the margin of error); empty where it does not apply',
    },
    unitValidFrom,
    {
      name: 'successor_units',
      type: 'string',
      description_vi: 'Với unit_ended: mã các đơn vị mới tiếp nhận địa bàn của đơn vị, cách nhau bằng dấu ;',
      description_en: "For unit_ended: codes of the new units that took in the unit's territory, separated by ;",
    },
    flag,
  ],
};

export const trendsSchema: TypedTableSchema<TrendRow> = {
  name: 'trends',
  title_vi: 'Thay đổi so với kỳ trước',
  title_en: 'Change from the previous period',
  description_vi:
    'Một dòng cho mỗi ô của indices.csv có kỳ trước cùng loại. Khi phương pháp thay đổi giữa hai kỳ (method_break), các cột thay đổi để trống.',
  description_en:
    'One row per cell of indices.csv that has a previous period of the same type. When the method changed between the two periods (method_break), the change columns are empty.',
  formats: WITHOUT_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'period', 'unit_code', 'unit_valid_from', 'breakdown', 'breakdown_value', 'indicator'],
  fields: [
    survey,
    period,
    { ...period, name: 'previous_period', description_vi: 'Kỳ trước cùng loại', description_en: 'Previous period of the same type' },
    unitCode,
    breakdown,
    breakdownValue,
    indicator,
    percent('value', 'Giá trị kỳ này', 'Value this period'),
    percent('previous_value', 'Giá trị kỳ trước', 'Value in the previous period'),
    {
      name: 'change',
      type: 'number',
      decimals: 2,
      description_vi: 'Thay đổi value − previous_value (điểm phần trăm, 2 chữ số thập phân)',
      description_en: 'Change value − previous_value (percentage points, 2 decimals)',
    },
    {
      name: 'change_ci_low',
      type: 'number',
      decimals: 2,
      description_vi: 'Cận dưới khoảng tin cậy 95 % của thay đổi (điểm phần trăm)',
      description_en: 'Lower bound of the 95 % interval of the change (percentage points)',
    },
    {
      name: 'change_ci_high',
      type: 'number',
      decimals: 2,
      description_vi: 'Cận trên khoảng tin cậy 95 % của thay đổi (điểm phần trăm)',
      description_en: 'Upper bound of the 95 % interval of the change (percentage points)',
    },
    {
      name: 'significant',
      type: 'boolean',
      description_vi: 'true khi khoảng tin cậy của thay đổi không chứa 0; trống khi không tính được',
      description_en: 'true when the interval of the change excludes 0; empty when it cannot be computed',
    },
    {
      name: 'method_break',
      type: 'boolean',
      required: true,
      description_vi: 'true khi phương pháp đo thay đổi giữa hai kỳ (không so sánh được)',
      description_en: 'true when the method changed between the two periods (not comparable)',
    },
    {
      name: 'boundary_break',
      type: 'boolean',
      required: true,
      description_vi: 'true khi kỳ trước là số tính ngược (back-cast) còn kỳ này là số trực tiếp của đơn vị mới, qua ngày 1/7/2025 (không so sánh được)',
      description_en: 'true when the previous period is a back-cast and this one direct, across 1 July 2025 (not comparable)',
    },
    unitValidFrom,
    basis,
    flag,
  ],
};

export const comparisonsSchema: TypedTableSchema<ComparisonRow> = {
  name: 'comparisons',
  title_vi: 'So sánh hai đơn vị cùng kỳ',
  title_en: 'Two units compared in the same period',
  description_vi:
    'Chênh lệch chỉ số giữa mỗi cặp đơn vị được xếp hạng cùng nhau (cùng cấp, cùng tỉnh, cùng năm), cho chỉ số chung và từng yếu tố, với khoảng tin cậy 95 % của chênh lệch. Ô bị ẩn (quá ít người trả lời) để trống các cột số.',
  description_en:
    'Difference of the index between every pair of units ranked together (same level, province and year), for the overall index and each element, with the 95 % interval of the difference. A suppressed cell (too few respondents) leaves the number columns empty.',
  // Without JSON, as indices and trends: every pair of 65 communes makes it tens of thousands of
  // rows (about 6 MB of CSV), and the same rows as JSON would be 20 MB more for no new reader.
  formats: WITHOUT_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'period', 'unit_a', 'unit_a_valid_from', 'unit_b', 'unit_b_valid_from', 'indicator'],
  fields: [
    survey,
    period,
    { ...unitCode, name: 'unit_a', description_vi: 'Mã đơn vị thứ nhất (mã nhỏ hơn), tên xem trong units.csv', description_en: 'Code of the first unit (the lower code); names in units.csv' },
    { ...unitCode, name: 'unit_b', description_vi: 'Mã đơn vị thứ hai, tên xem trong units.csv', description_en: 'Code of the second unit; names in units.csv' },
    indicator,
    percent('value_a', 'Giá trị của đơn vị thứ nhất', 'Value of the first unit'),
    percent('value_b', 'Giá trị của đơn vị thứ hai', 'Value of the second unit'),
    {
      name: 'difference',
      type: 'number',
      decimals: 2,
      description_vi: 'Chênh lệch value_a − value_b (điểm phần trăm, 2 chữ số thập phân)',
      description_en: 'Difference value_a − value_b (percentage points, 2 decimals)',
    },
    {
      name: 'diff_ci_low',
      type: 'number',
      decimals: 2,
      description_vi: 'Cận dưới khoảng tin cậy 95 % của chênh lệch (điểm phần trăm)',
      description_en: 'Lower bound of the 95 % interval of the difference (percentage points)',
    },
    {
      name: 'diff_ci_high',
      type: 'number',
      decimals: 2,
      description_vi: 'Cận trên khoảng tin cậy 95 % của chênh lệch (điểm phần trăm)',
      description_en: 'Upper bound of the 95 % interval of the difference (percentage points)',
    },
    {
      name: 'significant',
      type: 'boolean',
      description_vi: 'true khi khoảng tin cậy của chênh lệch không chứa 0 (khác biệt có ý nghĩa thống kê); trống khi không tính được',
      description_en: 'true when the interval of the difference excludes 0 (a statistically significant difference); empty when it cannot be computed',
    },
    { ...unitValidFrom, name: 'unit_a_valid_from', description_vi: 'Ngày bắt đầu hiệu lực của phiên bản đơn vị thứ nhất (cùng unit_a xác định đơn vị trong units.csv)', description_en: 'First day of the first unit’s version (with unit_a it identifies the unit in units.csv)' },
    { ...unitValidFrom, name: 'unit_b_valid_from', description_vi: 'Ngày bắt đầu hiệu lực của phiên bản đơn vị thứ hai (cùng unit_b xác định đơn vị trong units.csv)', description_en: 'First day of the second unit’s version (with unit_b it identifies the unit in units.csv)' },
    flag,
  ],
};

export const coverageSchema: TypedTableSchema<CoverageRow> = {
  name: 'coverage',
  title_vi: 'Độ bao phủ cơ quan được khảo sát',
  title_en: 'Coverage of surveyed agencies',
  description_vi: 'Số cơ quan có thủ tục hành chính đã đăng ký và số cơ quan có người trả lời, theo bộ phiếu × kỳ × đơn vị.',
  description_en: 'Registered agencies with procedures and agencies with respondents, by survey × period × unit.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'period', 'unit_code', 'unit_valid_from'],
  fields: [
    survey,
    period,
    unitCode,
    count('agencies_registered', 'Số cơ quan có thủ tục hành chính trong danh mục', 'Agencies with procedures in the register', true),
    count('agencies_measured', 'Số cơ quan có ít nhất một người trả lời', 'Agencies with at least one respondent', true),
    percent('coverage', 'Độ bao phủ = agencies_measured / agencies_registered', 'Coverage = agencies_measured / agencies_registered'),
    unitValidFrom,
    flag,
  ],
};

export const indicatorsSchema: TypedTableSchema<IndicatorRow> = {
  name: 'indicators',
  title_vi: 'Danh mục chỉ số',
  title_en: 'Indicator dictionary',
  description_vi: 'Mã chỉ số của mỗi bộ phiếu: chỉ số chung, yếu tố và tiêu chí, với câu hỏi và phiên bản phương pháp.',
  description_en: 'Indicator codes of each instrument: overall, elements and items, with questions and method version.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'indicator'],
  fields: [
    survey,
    indicator,
    level,
    { name: 'element', type: 'string', description_vi: 'Mã yếu tố chứa chỉ số; trống với chỉ số chung', description_en: 'Element the indicator belongs to; empty for overall' },
    nameVi,
    nameEn,
    { name: 'question_vi', type: 'string', description_vi: 'Câu hỏi (tiếng Việt); chỉ có ở cấp tiêu chí', description_en: 'Question in Vietnamese; items only' },
    { name: 'question_en', type: 'string', description_vi: 'Câu hỏi (tiếng Anh); chỉ có ở cấp tiêu chí', description_en: 'Question in English; items only' },
    { name: 'method_version', type: 'string', required: true, description_vi: 'Phiên bản phương pháp', description_en: 'Method version' },
  ],
};

export const unitsSchema: TypedTableSchema<Unit> = {
  name: 'units',
  title_vi: 'Danh mục đơn vị hành chính',
  title_en: 'Administrative units',
  description_vi:
    'Mã, tên, cấp, đơn vị cấp trên và thời gian hiệu lực. Một mã có thể xuất hiện hai lần với hai khoảng hiệu lực không chồng nhau (sắp xếp lại đơn vị hành chính từ 01/7/2025).',
  description_en:
    'Codes, names, level, parent and validity. A code may appear twice with non-overlapping validity (administrative reorganisation of 1 July 2025).',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['code', 'valid_from'],
  fields: [
    { name: 'code', type: 'string', required: true, description_vi: 'Mã đơn vị (Tổng cục Thống kê)', description_en: 'Unit code (General Statistics Office)' },
    nameVi,
    nameEn,
    {
      name: 'level',
      type: 'string',
      required: true,
      enum: UNIT_LEVELS,
      description_vi: 'Cấp: province (tỉnh), district (huyện), commune (xã, phường, thị trấn)',
      description_en: 'Level: province, district, commune',
    },
    { name: 'parent_code', type: 'string', description_vi: 'Mã đơn vị cấp trên; trống với cấp tỉnh', description_en: 'Parent unit code; empty for provinces' },
    validFrom,
    validTo,
  ],
};

/** A row of crosswalk.csv: one piece of an old unit version's territory and where it went. */
export interface CrosswalkRow {
  old_code: string;
  old_valid_from: string;
  new_code: string;
  new_valid_from: string;
  whole_or_part: 'whole' | 'part';
}

/** The links of the 2025 reorganisation, as a table (data/crosswalk-2025.csv, versions resolved). */
export function crosswalkRows(links: readonly CrosswalkLink[]): CrosswalkRow[] {
  return links.map((link) => ({
    old_code: link.old.code,
    old_valid_from: link.old.valid_from,
    new_code: link.new.code,
    new_valid_from: link.new.valid_from,
    whole_or_part: link.whole ? 'whole' : 'part',
  }));
}

export const crosswalkSchema: TypedTableSchema<CrosswalkRow> = {
  name: 'crosswalk',
  title_vi: 'Bảng chuyển đổi đơn vị hành chính năm 2025',
  title_en: 'Crosswalk of the 2025 administrative reorganisation',
  description_vi:
    'Mỗi dòng: một đơn vị cấp xã cũ (mã và ngày bắt đầu hiệu lực) và đơn vị mới nhận toàn bộ hoặc một phần địa bàn của nó. Số tính ngược của đơn vị mới gộp các đơn vị cũ có whole_or_part = whole.',
  description_en:
    'Each row: an old commune-level unit (code and first day of validity) and the new unit that took in all or part of its territory. A new unit\'s back-cast pools the old units with whole_or_part = whole.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['old_code', 'old_valid_from', 'new_code', 'new_valid_from'],
  fields: [
    { name: 'old_code', type: 'string', required: true, description_vi: 'Mã đơn vị cũ', description_en: 'Code of the old unit' },
    { ...validFrom, name: 'old_valid_from', description_vi: 'Ngày bắt đầu hiệu lực của đơn vị cũ (xem units.csv)', description_en: 'First day of the old unit version (see units.csv)' },
    { name: 'new_code', type: 'string', required: true, description_vi: 'Mã đơn vị mới', description_en: 'Code of the new unit' },
    { ...validFrom, name: 'new_valid_from', description_vi: 'Ngày bắt đầu hiệu lực của đơn vị mới (xem units.csv)', description_en: 'First day of the new unit version (see units.csv)' },
    {
      name: 'whole_or_part',
      type: 'string',
      required: true,
      enum: ['whole', 'part'],
      description_vi: 'whole: toàn bộ địa bàn đơn vị cũ nhập vào đơn vị mới (tính vào số tính ngược); part: đơn vị cũ bị chia cho nhiều đơn vị mới (không tính)',
      description_en: 'whole: all of the old unit went into the new one (counted in its back-cast); part: the old unit was split between several new units (not counted)',
    },
  ],
};

export const agenciesSchema: TypedTableSchema<Agency> = {
  name: 'agencies',
  title_vi: 'Danh mục cơ quan phục vụ người dân',
  title_en: 'Agencies serving the public',
  description_vi: 'Cơ quan, đơn vị hành chính nơi đặt trụ sở, lĩnh vực và thời gian hiệu lực.',
  description_en: 'Agencies, the unit they serve, sector and validity.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['code', 'valid_from'],
  fields: [
    { name: 'code', type: 'string', required: true, description_vi: 'Mã cơ quan, như trong agencies.csv (ví dụ <mã đơn vị>-MC: bộ phận một cửa của đơn vị đó)', description_en: 'Agency code, as in agencies.csv (e.g. <unit code>-MC: the one-stop shop of that unit)' },
    nameVi,
    nameEn,
    { ...unitCode, description_vi: 'Mã đơn vị hành chính của cơ quan', description_en: 'Administrative unit of the agency' },
    {
      name: 'sector',
      type: 'string',
      required: true,
      enum: ['hanh-chinh', 'y-te', 'giao-duc'],
      description_vi: 'Ngành: hanh-chinh (hành chính), y-te (y tế), giao-duc (giáo dục)',
      description_en: 'Sector: hanh-chinh (administration), y-te (health), giao-duc (education)',
    },
    {
      name: 'has_procedures',
      type: 'boolean',
      required: true,
      description_vi: 'true khi cơ quan giải quyết thủ tục hành chính (được tính vào độ bao phủ)',
      description_en: 'true when the agency handles administrative procedures (counted in coverage)',
    },
    validFrom,
    validTo,
  ],
};

export const fieldsSchema: TypedTableSchema<Field> = {
  name: 'fields',
  title_vi: 'Danh mục lĩnh vực thủ tục hành chính',
  title_en: 'Procedure fields',
  description_vi: 'Mã và tên lĩnh vực (ví dụ dat-dai: đất đai, xay-dung: xây dựng, dau-tu: đầu tư).',
  description_en: 'Field codes and names (e.g. dat-dai: land, xay-dung: construction, dau-tu: investment).',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['code'],
  fields: [
    { name: 'code', type: 'string', required: true, description_vi: 'Mã lĩnh vực', description_en: 'Field code' },
    nameVi,
    nameEn,
  ],
};

/** One row of the published quarantine summary: counts only, never row contents. */
export interface QuarantineCount {
  survey: string;
  reason: string;
  rows: number;
}

export const quarantineSummarySchema: TypedTableSchema<QuarantineCount> = {
  name: 'quarantine-summary',
  title_vi: 'Tóm tắt các dòng bị loại riêng',
  title_en: 'Quarantined rows, summary',
  description_vi:
    'Số dòng phiếu bị đặt riêng (không dùng để tính) theo bộ phiếu và lý do. Nội dung các dòng không được công bố. Số dòng đọc = số dòng dùng + số dòng bị đặt riêng.',
  description_en:
    'Response rows set aside (not used) by survey and reason. Their contents are not published. Rows read = rows used + rows quarantined.',
  formats: WITH_JSON,
  checkPrimaryKey: true,
  primaryKey: ['survey', 'reason'],
  fields: [
    survey,
    { name: 'reason', type: 'string', required: true, description_vi: 'Mã lý do', description_en: 'Reason code' },
    count('rows', 'Số dòng', 'Rows', true),
  ],
};

/**
 * revisions.csv (data-contract.md → Releases): what changed in the result tables since the previous
 * release, one row per changed published value, with the kind and the reason the release notes
 * give (publish/revisions.ts). Without JSON: a release that adds late questionnaires from one
 * district moves every breakdown, indicator, trend and comparison of that district and its
 * province, thousands of rows.
 */
export const revisionsSchema: TypedTableSchema<RevisionRow> = {
  name: 'revisions',
  title_vi: 'Các giá trị đã thay đổi so với bản phát hành trước',
  title_en: 'Values changed since the previous release',
  description_vi:
    'Mỗi dòng: một giá trị đã công bố của các bảng kết quả thay đổi giữa hai bản phát hành liên tiếp, với giá trị cũ, giá trị mới, loại thay đổi và lý do nêu trong ghi chú phát hành. Dòng mới hoặc không còn được ghi một lần (cột column để trống).',
  description_en:
    'Each row: one published value of the result tables that changed between two consecutive releases, with the previous value, the new value, the kind of change and the reason the release notes give. A row that is new or no longer published is listed once (column empty).',
  formats: WITHOUT_JSON,
  checkPrimaryKey: true,
  primaryKey: ['release', 'file', 'key', 'column'],
  fields: [
    { name: 'release', type: 'string', required: true, description_vi: 'Bản phát hành có giá trị mới (ví dụ 2026.2)', description_en: 'Release holding the new value (e.g. 2026.2)' },
    { name: 'previous_release', type: 'string', required: true, description_vi: 'Bản phát hành trước đó, có giá trị cũ', description_en: 'The previous release, holding the previous value' },
    { name: 'file', type: 'string', required: true, description_vi: 'Tệp CSV chứa giá trị (ví dụ indices.csv)', description_en: 'CSV file holding the value (e.g. indices.csv)' },
    {
      name: 'key',
      type: 'string',
      required: true,
      description_vi: 'Khóa của dòng trong tệp: giá trị các cột khóa chính (theo thứ tự trong datapackage.json) nối bằng dấu |',
      description_en: "The row's key in the file: its primary-key values (in datapackage.json's order) joined with |",
    },
    { name: 'column', type: 'string', description_vi: 'Cột có giá trị thay đổi; trống với dòng mới hoặc không còn', description_en: 'Column whose value changed; empty for a new or withdrawn row' },
    { name: 'previous_value', type: 'string', description_vi: 'Giá trị đã công bố trong bản phát hành trước, đúng như trong tệp CSV; trống khi ô trống', description_en: 'Value published in the previous release, exactly as in its CSV; empty for an empty cell' },
    { name: 'value', type: 'string', description_vi: 'Giá trị công bố trong bản phát hành này, đúng như trong tệp CSV; trống khi ô trống', description_en: 'Value published in this release, exactly as in its CSV; empty for an empty cell' },
    {
      name: 'kind',
      type: 'string',
      required: true,
      enum: ['revision', 'correction', 'new', 'withdrawn'],
      description_vi:
        'revision (điều chỉnh do có thêm số liệu, ví dụ phiếu đến muộn), correction (sửa một lỗi), new (dòng mới trong bản này), withdrawn (dòng không còn trong bản này)',
      description_en: 'revision (more data, e.g. late questionnaires), correction (an error fixed), new (a row new in this release), withdrawn (a row no longer in this release)',
    },
    { name: 'reason', type: 'string', required: true, description_vi: 'Lý do theo ghi chú phát hành (tiếng Việt)', description_en: 'Reason given in the release notes (Vietnamese)' },
    { name: 'reason_en', type: 'string', required: true, description_vi: 'Lý do theo ghi chú phát hành (tiếng Anh)', description_en: 'Reason given in the release notes (English)' },
  ],
};

/** Columns of every responses file before the item columns (data-contract.md → Responses CSV). */
const RESPONSE_FIELDS: readonly PublishedField[] = [
  { name: 'response_id', type: 'string', required: true, description_vi: 'Mã phiếu, duy nhất trong bộ phiếu', description_en: 'Response id, unique within the survey' },
  { name: 'date', type: 'date', required: true, description_vi: 'Ngày giao dịch hoặc phỏng vấn (YYYY-MM-DD)', description_en: 'Date of the transaction or interview (YYYY-MM-DD)' },
  { ...unitCode, description_vi: 'Mã đơn vị thấp nhất đã biết (xã hoặc huyện), có hiệu lực vào ngày đó', description_en: 'Lowest known unit (commune or district), valid on that date' },
  { name: 'agency_code', type: 'string', description_vi: 'Mã cơ quan (agencies.csv)', description_en: 'Agency code (agencies.csv)' },
  { name: 'field', type: 'string', description_vi: 'Mã lĩnh vực (fields.csv)', description_en: 'Field code (fields.csv)' },
  {
    name: 'channel',
    type: 'string',
    enum: ['truc-tiep', 'truc-tuyen', 'buu-chinh'],
    description_vi: 'Kênh: truc-tiep (trực tiếp), truc-tuyen (trực tuyến), buu-chinh (bưu chính)',
    description_en: 'Channel: truc-tiep (in person), truc-tuyen (online), buu-chinh (post)',
  },
  {
    name: 'respondent_type',
    type: 'string',
    enum: ['ca-nhan', 'to-chuc'],
    description_vi: 'Người trả lời: ca-nhan (cá nhân), to-chuc (tổ chức)',
    description_en: 'Respondent: ca-nhan (person), to-chuc (organisation)',
  },
];

/** Number of leading columns of a responses file before the item columns. */
export const RESPONSE_ID_COLUMNS = RESPONSE_FIELDS.length;

/**
 * The responses of one survey: `responses-<survey id>` (e.g. responses-sipas.csv). One file per
 * survey because each instrument has its own items; one file for all would carry every other
 * survey's item columns as empty cells. Item columns are named by item code, in instrument order.
 */
export function responsesSchema(instrument: SurveyInstrument): TableSchema {
  const { min, max } = instrument.scale;
  const items: PublishedField[] = instrument.elements.flatMap((element) =>
    element.items.map((item) => ({
      name: item.code,
      type: 'integer' as const,
      description_vi: `${item.question_vi} (${element.name_vi}; trả lời ${min}–${max}, trống = không trả lời)`,
      description_en: `${item.question_en} (${element.name_en}; answer ${min}–${max}, empty = not answered)`,
    })),
  );
  return {
    name: `responses-${instrument.id}`,
    title_vi: `Phiếu trả lời đã kiểm tra — ${instrument.title.vi}`,
    title_en: `Validated responses — ${instrument.title.en}`,
    description_vi:
      'Một dòng cho mỗi phiếu đã qua kiểm tra, chỉ gồm các cột của hợp đồng dữ liệu (không có thông tin cá nhân).',
    description_en: 'One row per validated questionnaire, only the columns of the data contract (no personal data).',
    formats: WITHOUT_JSON,
    checkPrimaryKey: false,
    primaryKey: ['response_id'],
    fields: [...RESPONSE_FIELDS, ...items],
  };
}

/** The published tables that do not depend on an instrument, in the order datapackage.json lists them. */
export const FIXED_SCHEMAS: readonly TableSchema[] = [
  indicesSchema,
  rankingsSchema,
  elementRankingsSchema,
  targetsSchema,
  trendsSchema,
  comparisonsSchema,
  coverageSchema,
  indicatorsSchema,
  unitsSchema,
  crosswalkSchema,
  agenciesSchema,
  fieldsSchema,
  quarantineSummarySchema,
  revisionsSchema,
];
