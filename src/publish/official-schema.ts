/**
 * Columns of the official-results chart's CSV (/data/charts/<id>.csv): the province's published
 * SIPAS against the national mean by year (src/site/official-series.ts), each value beside the id
 * of its source in sources.csv. Not a published table of its own: the figures are others', copied
 * with their sources into data/published/; only `difference` is computed here.
 */
import type { OfficialChartRow } from '../site/official-series.ts';
import type { PublishedField, TableSchema } from './schemas.ts';

type OfficialField = PublishedField & { name: keyof OfficialChartRow & string };

const percent = (name: OfficialField['name'], vi: string, en: string): OfficialField => ({
  name,
  type: 'number',
  decimals: 2,
  description_vi: `${vi} (%, 2 chữ số thập phân, như đã công bố)`,
  description_en: `${en} (%, 2 decimals), as published`,
});
const source = (name: OfficialField['name'], vi: string, en: string): OfficialField => ({
  name,
  type: 'string',
  description_vi: `Mã nguồn của ${vi} (sources.csv); trống khi không có nguồn`,
  description_en: `Source id of ${en} (sources.csv); empty when no source gives it`,
});

const fields: readonly OfficialField[] = [
  { name: 'year', type: 'string', required: true, description_vi: 'Năm khảo sát', description_en: 'Survey year' },
  percent('national_mean', 'SIPAS cả nước (trung bình)', 'National SIPAS (mean)'),
  source('national_source', 'SIPAS cả nước', 'the national SIPAS'),
  percent('lowest_province', 'SIPAS của tỉnh thấp nhất', 'SIPAS of the lowest province'),
  percent('highest_province', 'SIPAS của tỉnh cao nhất', 'SIPAS of the highest province'),
  source('range_source', 'tỉnh thấp nhất và cao nhất', 'the lowest and highest province'),
  { name: 'province_code', type: 'string', required: true, description_vi: 'Mã tỉnh trước ngày 01/07/2025', description_en: 'Province code before 1 July 2025' },
  percent('province_value', 'SIPAS của tỉnh', "The province's SIPAS"),
  source('province_source', 'SIPAS của tỉnh', "the province's SIPAS"),
  { name: 'rank', type: 'integer', description_vi: 'Thứ hạng của tỉnh trong cả nước, như đã công bố', description_en: "The province's national rank, as published" },
  { name: 'rank_of', type: 'integer', description_vi: 'Số tỉnh, thành phố được xếp hạng', description_en: 'Number of provinces ranked' },
  source('rank_source', 'thứ hạng', 'the rank'),
  {
    name: 'difference',
    type: 'number',
    decimals: 2,
    description_vi: 'SIPAS của tỉnh trừ SIPAS cả nước, điểm phần trăm (do trang này tính)',
    description_en: "The province's SIPAS minus the national SIPAS, percentage points (computed by this site)",
  },
];

export const officialSchema: TableSchema = {
  name: 'official-sipas',
  title_vi: 'SIPAS chính thức của tỉnh và cả nước',
  title_en: 'Official SIPAS of the province and the country',
  description_vi: 'SIPAS của tỉnh và trung bình cả nước theo năm, như đã công bố, kèm mã nguồn.',
  description_en: 'The province’s SIPAS and the national mean by year, as published, with source ids.',
  fields,
  primaryKey: ['year'],
  formats: ['csv'],
  checkPrimaryKey: true,
};
