/**
 * Columns of a funnel plot's CSV (/data/charts/<id>.csv): the rows the chart draws
 * (src/engine/funnel-rows.ts), in the same conventions as the published tables (schemas.ts):
 * percentages with 2 decimals, empty = missing. Not a published table of its own (no file in
 * datapackage.json): only the funnel charts' downloads use it. survey, period and unit_code join
 * each row to indices.csv.
 */
import type { FunnelRow } from '../engine/funnel-rows.ts';
import type { PublishedField, TableSchema } from './schemas.ts';

/** Field names checked against FunnelRow at compile time, as schemas.ts does for its tables. */
type FunnelField = PublishedField & { name: keyof FunnelRow & string };

const percent = (name: FunnelField['name'], vi: string, en: string): FunnelField => ({
  name,
  type: 'number',
  decimals: 2,
  description_vi: `${vi} (%, 2 chữ số thập phân)`,
  description_en: `${en} (%, 2 decimals)`,
});

const fields: readonly FunnelField[] = [
  { name: 'survey', type: 'string', required: true, description_vi: 'Mã bộ phiếu khảo sát', description_en: 'Survey instrument id' },
  { name: 'period', type: 'string', required: true, description_vi: 'Kỳ', description_en: 'Period' },
  { name: 'unit_code', type: 'string', required: true, description_vi: 'Mã đơn vị hành chính', description_en: 'Administrative unit code' },
  {
    name: 'unit_valid_from',
    type: 'date',
    required: true,
    description_vi: 'Ngày bắt đầu hiệu lực của phiên bản đơn vị (cùng unit_code xác định đơn vị trong units.csv)',
    description_en: 'First day of the unit version (with unit_code it identifies the unit in units.csv)',
  },
  { name: 'n', type: 'integer', required: true, description_vi: 'Số người trả lời', description_en: 'Respondents' },
  percent('value', 'Chỉ số chung của đơn vị; trống khi bị ẩn', "The unit's overall index; empty when suppressed"),
  percent('province_value', 'Chỉ số chung của toàn tỉnh (tâm của biểu đồ phễu)', "The province's overall index (the funnel's centre)"),
  {
    name: 'design_effect',
    type: 'number',
    decimals: 3,
    description_vi: 'Hệ số thiết kế của chỉ số chung toàn tỉnh: phương sai Taylor / phương sai nhị thức (3 chữ số thập phân)',
    description_en: "Design effect of the province's overall index: Taylor variance / binomial variance (3 decimals)",
  },
  percent('limit95_low', 'Giới hạn dưới 95 % tại n của đơn vị', "Lower 95 % limit at the unit's n"),
  percent('limit95_high', 'Giới hạn trên 95 % tại n của đơn vị', "Upper 95 % limit at the unit's n"),
  percent('limit998_low', 'Giới hạn dưới 99,8 % tại n của đơn vị', "Lower 99.8 % limit at the unit's n"),
  percent('limit998_high', 'Giới hạn trên 99,8 % tại n của đơn vị', "Upper 99.8 % limit at the unit's n"),
  {
    name: 'classification',
    type: 'string',
    enum: ['above', 'below', 'consistent'],
    description_vi: 'above (cao hơn rõ so với toàn tỉnh), below (thấp hơn rõ), consistent (phù hợp với toàn tỉnh); trống khi bị ẩn',
    description_en: 'above (clearly above the province), below (clearly below), consistent (consistent with the province); empty when suppressed',
  },
];

export const funnelSchema: TableSchema = {
  name: 'funnel',
  title_vi: 'Biểu đồ phễu',
  title_en: 'Funnel plot',
  description_vi: 'Mỗi đơn vị với số người trả lời, chỉ số chung và giới hạn 95 % và 99,8 % quanh giá trị toàn tỉnh tại n của đơn vị.',
  description_en: "Each unit with its respondents, overall index and the 95 % and 99.8 % limits around the province's value at the unit's n.",
  formats: ['csv'],
  checkPrimaryKey: true,
  primaryKey: ['survey', 'period', 'unit_code', 'unit_valid_from'],
  fields,
};
