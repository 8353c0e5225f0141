/**
 * Column headers of the XLSX files, in both languages, one entry per column name of the published
 * tables and chart CSVs (the CSV keeps the machine names of schemas.ts). A column name means the
 * same in every table, so a label is given once. The scale of each number column is part of its
 * label, so nobody reads a fraction as a percentage: `(%)` for 0–100 percentages, `(điểm %)` /
 * `(percentage points)` for differences of percentages, `(0–1)` for fractions (probabilities).
 *
 * Adding a column to a table means adding its label here: tests/publish/column-labels.test.ts
 * fails naming each column without one (the XLSX then falls back to the column's machine name).
 */
import type { Bilingual } from '../intake/types.ts';
import type { PublishedField, TableSchema } from './schemas.ts';

/** How a number column's values are to be read. */
export type Scale = 'percent' | 'points' | 'fraction';

export interface ColumnLabel extends Bilingual {
  scale?: Scale;
}

const pct = (vi: string, en: string): ColumnLabel => ({ vi: `${vi} (%)`, en: `${en} (%)`, scale: 'percent' });
const points = (vi: string, en: string): ColumnLabel => ({ vi: `${vi} (điểm %)`, en: `${en} (percentage points)`, scale: 'points' });
const fraction = (vi: string, en: string): ColumnLabel => ({ vi: `${vi} (0–1)`, en: `${en} (0–1)`, scale: 'fraction' });

export const COLUMN_LABELS: Readonly<Record<string, ColumnLabel>> = {
  // Shared keys
  survey: { vi: 'Bộ phiếu', en: 'Survey' },
  period: { vi: 'Kỳ', en: 'Period' },
  previous_period: { vi: 'Kỳ trước', en: 'Previous period' },
  unit_code: { vi: 'Mã đơn vị', en: 'Unit code' },
  unit_name: { vi: 'Tên đơn vị', en: 'Unit name' },
  unit_name_vi: { vi: 'Tên đơn vị (tiếng Việt)', en: 'Unit name (Vietnamese)' },
  unit_name_en: { vi: 'Tên đơn vị (tiếng Anh)', en: 'Unit name (English)' },
  unit_valid_from: { vi: 'Phiên bản đơn vị, hiệu lực từ', en: 'Unit version valid from' },
  unit_level: { vi: 'Cấp đơn vị', en: 'Unit level' },
  parent_code: { vi: 'Mã đơn vị cấp trên', en: 'Parent unit code' },
  parent_name: { vi: 'Tên đơn vị cấp trên', en: 'Parent unit name' },
  basis: { vi: 'Cơ sở số liệu', en: 'Basis' },
  breakdown: { vi: 'Cách chia nhóm', en: 'Breakdown' },
  breakdown_value: { vi: 'Nhóm', en: 'Breakdown value' },
  indicator: { vi: 'Mã chỉ số', en: 'Indicator code' },
  indicator_name: { vi: 'Tên chỉ số', en: 'Indicator name' },
  indicator_name_vi: { vi: 'Tên chỉ số (tiếng Việt)', en: 'Indicator name (Vietnamese)' },
  indicator_name_en: { vi: 'Tên chỉ số (tiếng Anh)', en: 'Indicator name (English)' },
  level: { vi: 'Cấp', en: 'Level' },
  status: { vi: 'Trạng thái', en: 'Status' },
  n: { vi: 'Số người trả lời', en: 'Respondents' },
  satisfied: { vi: 'Số người hài lòng', en: 'Satisfied respondents' },
  value: pct('Giá trị', 'Value'),
  ci_low: pct('Cận dưới khoảng tin cậy 95 %', 'Lower bound of the 95 % interval'),
  ci_high: pct('Cận trên khoảng tin cậy 95 %', 'Upper bound of the 95 % interval'),
  se: points('Sai số chuẩn', 'Standard error'),
  // rankings
  rank: { vi: 'Thứ hạng', en: 'Rank' },
  rank_low: { vi: 'Thứ hạng tốt nhất trong khoảng 95 %', en: 'Best rank of the 95 % interval' },
  rank_high: { vi: 'Thứ hạng kém nhất trong khoảng 95 %', en: 'Worst rank of the 95 % interval' },
  p_first: fraction('Xác suất đứng thứ nhất', 'Probability of ranking first'),
  k: { vi: 'k (nhóm k đầu)', en: 'k (top-k group)' },
  p_top_k: fraction('Xác suất nằm trong nhóm k đầu', 'Probability of ranking in the top k'),
  // targets
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  comparator: { vi: 'Phép so sánh', en: 'Comparator' },
  threshold: { vi: 'Ngưỡng (% hoặc thứ hạng)', en: 'Threshold (% or rank)' },
  gap: { vi: 'Chênh lệch so với ngưỡng (điểm % hoặc bậc hạng)', en: 'Gap to the threshold (percentage points or ranks)' },
  certainty: { vi: 'Mức chắc chắn', en: 'Certainty' },
  successor_units: { vi: 'Đơn vị kế thừa', en: 'Successor units' },
  // trends
  previous_value: pct('Giá trị kỳ trước', 'Previous value'),
  change: points('Thay đổi', 'Change'),
  change_ci_low: points('Cận dưới khoảng tin cậy 95 % của thay đổi', 'Lower bound of the 95 % interval of the change'),
  change_ci_high: points('Cận trên khoảng tin cậy 95 % của thay đổi', 'Upper bound of the 95 % interval of the change'),
  significant: { vi: 'Có ý nghĩa thống kê', en: 'Significant' },
  method_break: { vi: 'Đổi phương pháp', en: 'Method break' },
  boundary_break: { vi: 'Đổi địa giới', en: 'Boundary break' },
  // coverage
  agencies_registered: { vi: 'Số cơ quan trong danh mục', en: 'Agencies registered' },
  agencies_measured: { vi: 'Số cơ quan có người trả lời', en: 'Agencies measured' },
  coverage: pct('Độ bao phủ', 'Coverage'),
  // indicators
  element: { vi: 'Yếu tố', en: 'Element' },
  question_vi: { vi: 'Câu hỏi (tiếng Việt)', en: 'Question (Vietnamese)' },
  question_en: { vi: 'Câu hỏi (tiếng Anh)', en: 'Question (English)' },
  method_version: { vi: 'Phiên bản phương pháp', en: 'Method version' },
  // registers
  code: { vi: 'Mã', en: 'Code' },
  name_vi: { vi: 'Tên tiếng Việt', en: 'Name in Vietnamese' },
  name_en: { vi: 'Tên tiếng Anh', en: 'Name in English' },
  valid_from: { vi: 'Hiệu lực từ', en: 'Valid from' },
  valid_to: { vi: 'Hiệu lực đến', en: 'Valid to' },
  sector: { vi: 'Ngành', en: 'Sector' },
  has_procedures: { vi: 'Có giải quyết thủ tục hành chính', en: 'Handles administrative procedures' },
  old_code: { vi: 'Mã đơn vị cũ', en: 'Old unit code' },
  old_name: { vi: 'Tên đơn vị cũ', en: 'Old unit name' },
  old_valid_from: { vi: 'Đơn vị cũ hiệu lực từ', en: 'Old unit valid from' },
  new_code: { vi: 'Mã đơn vị mới', en: 'New unit code' },
  new_name: { vi: 'Tên đơn vị mới', en: 'New unit name' },
  new_valid_from: { vi: 'Đơn vị mới hiệu lực từ', en: 'New unit valid from' },
  whole_or_part: { vi: 'Toàn bộ hay một phần', en: 'Whole or part' },
  // quarantine summary
  reason: { vi: 'Lý do', en: 'Reason' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  // responses
  response_id: { vi: 'Mã phiếu', en: 'Response id' },
  date: { vi: 'Ngày', en: 'Date' },
  agency_code: { vi: 'Mã cơ quan', en: 'Agency code' },
  agency_name: { vi: 'Tên cơ quan', en: 'Agency name' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  field_name: { vi: 'Tên lĩnh vực', en: 'Field name' },
  channel: { vi: 'Kênh tiếp nhận', en: 'Channel' },
  respondent_type: { vi: 'Loại người trả lời', en: 'Respondent type' },
  // funnel chart
  province_value: pct('Chỉ số chung của tỉnh', "Province's overall index"),
  design_effect: { vi: 'Hệ số thiết kế', en: 'Design effect' },
  limit95_low: pct('Giới hạn dưới 95 %', 'Lower 95 % limit'),
  limit95_high: pct('Giới hạn trên 95 %', 'Upper 95 % limit'),
  limit998_low: pct('Giới hạn dưới 99,8 %', 'Lower 99.8 % limit'),
  limit998_high: pct('Giới hạn trên 99,8 %', 'Upper 99.8 % limit'),
  classification: { vi: 'Xếp loại', en: 'Classification' },
  // comparisons
  unit_a: { vi: 'Mã đơn vị A', en: 'Unit A code' },
  unit_b: { vi: 'Mã đơn vị B', en: 'Unit B code' },
  unit_a_name: { vi: 'Tên đơn vị A', en: 'Unit A name' },
  unit_b_name: { vi: 'Tên đơn vị B', en: 'Unit B name' },
  unit_a_name_vi: { vi: 'Tên đơn vị A (tiếng Việt)', en: 'Unit A name (Vietnamese)' },
  unit_a_name_en: { vi: 'Tên đơn vị A (tiếng Anh)', en: 'Unit A name (English)' },
  unit_b_name_vi: { vi: 'Tên đơn vị B (tiếng Việt)', en: 'Unit B name (Vietnamese)' },
  unit_b_name_en: { vi: 'Tên đơn vị B (tiếng Anh)', en: 'Unit B name (English)' },
  unit_a_valid_from: { vi: 'Phiên bản đơn vị A, hiệu lực từ', en: 'Unit A version valid from' },
  unit_b_valid_from: { vi: 'Phiên bản đơn vị B, hiệu lực từ', en: 'Unit B version valid from' },
  value_a: pct('Giá trị của đơn vị A', 'Value of unit A'),
  value_b: pct('Giá trị của đơn vị B', 'Value of unit B'),
  difference: points('Chênh lệch A − B', 'Difference A − B'),
  diff_ci_low: points('Cận dưới khoảng tin cậy 95 % của chênh lệch', 'Lower bound of the 95 % interval of the difference'),
  diff_ci_high: points('Cận trên khoảng tin cậy 95 % của chênh lệch', 'Upper bound of the 95 % interval of the difference'),
  // official-results chart
  year: { vi: 'Năm', en: 'Year' },
  national_mean: pct('SIPAS cả nước (trung bình)', 'National SIPAS (mean)'),
  national_source: { vi: 'Nguồn của SIPAS cả nước', en: 'Source of the national SIPAS' },
  lowest_province: pct('SIPAS của tỉnh thấp nhất', 'SIPAS of the lowest province'),
  highest_province: pct('SIPAS của tỉnh cao nhất', 'SIPAS of the highest province'),
  range_source: { vi: 'Nguồn của tỉnh thấp nhất và cao nhất', en: 'Source of the lowest and highest province' },
  province_code: { vi: 'Mã tỉnh', en: 'Province code' },
  province_name: { vi: 'Tên tỉnh', en: 'Province name' },
  province_name_vi: { vi: 'Tên tỉnh (tiếng Việt)', en: 'Province name (Vietnamese)' },
  province_name_en: { vi: 'Tên tỉnh (tiếng Anh)', en: 'Province name (English)' },
  province_source: { vi: 'Nguồn của SIPAS của tỉnh', en: "Source of the province's SIPAS" },
  rank_of: { vi: 'Số tỉnh được xếp hạng', en: 'Provinces ranked' },
  rank_source: { vi: 'Nguồn của thứ hạng', en: 'Source of the rank' },
  // releases: the flag of the result tables, and revisions.csv
  flag: { vi: 'Đánh dấu (p: tạm thời; r: đã điều chỉnh)', en: 'Flag (p: provisional; r: revised)' },
  release: { vi: 'Bản phát hành', en: 'Release' },
  previous_release: { vi: 'Bản phát hành trước', en: 'Previous release' },
  file: { vi: 'Tệp', en: 'File' },
  key: { vi: 'Khóa của dòng', en: 'Row key' },
  column: { vi: 'Cột', en: 'Column' },
  kind: { vi: 'Loại thay đổi', en: 'Kind of change' },
  reason_en: { vi: 'Lý do (tiếng Anh)', en: 'Reason (English)' },
};

/**
 * Columns whose value depends on the table: `value` is a percentage in indices, rankings and trends
 * but in targets it is "% or rank" (rank targets), so its label there says so; in revisions it is
 * any column's published text.
 */
const TABLE_LABELS: Readonly<Record<string, Readonly<Record<string, ColumnLabel>>>> = {
  'official-sipas': {
    difference: points('Chênh lệch so với cả nước (tỉnh − cả nước)', 'Difference from the national mean (province − national)'),
  },
  // revisions.csv holds the published texts of any column, not percentages.
  revisions: {
    previous_value: { vi: 'Giá trị trong bản phát hành trước', en: 'Value in the previous release' },
    value: { vi: 'Giá trị trong bản phát hành này', en: 'Value in this release' },
    reason: { vi: 'Lý do (tiếng Việt)', en: 'Reason (Vietnamese)' },
  },
  targets: {
    value: { vi: 'Giá trị đạt được (% hoặc thứ hạng)', en: 'Achieved value (% or rank)' },
    ci_low: { vi: 'Cận dưới khoảng tin cậy 95 % (% hoặc thứ hạng)', en: 'Lower bound of the 95 % interval (% or rank)' },
    ci_high: { vi: 'Cận trên khoảng tin cậy 95 % (% hoặc thứ hạng)', en: 'Upper bound of the 95 % interval (% or rank)' },
  },
};

/**
 * An answer column of a responses table (TC1, GD_TC2, …): its header is its item code in both
 * languages (the question is in the notes sheet).
 */
function isAnswerColumn(schema: TableSchema, field: PublishedField): boolean {
  return schema.name.startsWith('responses-') && field.type === 'integer' && !(field.name in COLUMN_LABELS);
}

/** The label of a column, or undefined when it has none (the test names such columns). */
export function columnLabel(schema: TableSchema, field: PublishedField): ColumnLabel | undefined {
  const special = TABLE_LABELS[schema.name]?.[field.name];
  if (special) return special;
  const label = COLUMN_LABELS[field.name];
  if (label) return label;
  if (isAnswerColumn(schema, field)) return { vi: field.name, en: field.name };
  return undefined;
}

/** The label to print: the column's, else its machine name (a missing label never stops a build). */
export function labelOrName(schema: TableSchema, field: PublishedField): ColumnLabel {
  return columnLabel(schema, field) ?? { vi: field.name, en: field.name };
}
