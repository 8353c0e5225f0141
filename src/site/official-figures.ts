/**
 * Figures published by others — the Ministry's national SIPAS, provinces' SIPAS and ranks, other
 * governance indices — as the official-results page shows them: read from `published/*.csv` of
 * the data folder, each row tied to its source (publisher, title, address) in
 * `published/sources.csv`. Nothing here is computed; values are shown with the precision they
 * were published with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Bilingual } from '../intake/types.ts';
import { formatNumber, formatPercent, formatPoints } from './format.ts';
import type { Lang } from './i18n.ts';
import { dataDir } from './site-config.ts';

export interface Source {
  id: string;
  publisher: string;
  title: string;
  /** `null` when the address was not recorded. */
  url: string | null;
  /** Language of the title as a tag (`vi`, `en`, `nl`), for the link's `lang`. */
  lang: string;
}

/** One published number: `geo` is `VN` or a province name; `index` names the index (SIPAS, PAPI …). */
export interface OfficialFigure {
  year: string;
  geo: string;
  index: string;
  measure: string;
  /** As written in the file, so the published precision is kept. */
  value: string;
  unit: string;
  qualifier: string;
  source_id: string;
  /** The province's code before 1/7/2025 (`58`), empty for national rows. */
  province_code: string;
  /** Our note on the figure in each language; quotations keep the source's words (data/published). */
  note: Bilingual;
}

export interface OfficialFigures {
  national: OfficialFigure[];
  province: OfficialFigure[];
  governance: OfficialFigure[];
  sources: Map<string, Source>;
}

type Raw = Record<string, string>;

function readCsv(path: string): Raw[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Raw>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`${path}, line ${(first?.row ?? 0) + 2}: ${first?.message}. Check the quoting of that line.`);
  }
  return parsed.data;
}

function figure(r: Raw, geo: string, index: string): OfficialFigure {
  return {
    year: r.year ?? '',
    geo,
    index,
    measure: r.measure ?? '',
    value: r.value ?? '',
    unit: r.unit ?? '',
    qualifier: r.qualifier ?? '',
    source_id: r.source_id ?? '',
    province_code: r.province_code_pre2025 ?? '',
    note: { vi: r.note_vi ?? '', en: r.note_en ?? '' },
  };
}

/** Reads the three published files and the sources; a missing figures file reads as no rows. */
export function readOfficialFigures(dir = join(dataDir(), 'published')): OfficialFigures {
  const rowsOf = (name: string): Raw[] => (existsSync(join(dir, name)) ? readCsv(join(dir, name)) : []);
  const sources = new Map<string, Source>();
  for (const r of rowsOf('sources.csv')) {
    const id = r.source_id ?? '';
    const url = r.url ?? '';
    sources.set(id, {
      id,
      publisher: r.publisher ?? '',
      title: r.title ?? '',
      url: /^https?:\/\//.test(url) ? url : null,
      // The language the title is written in: a source read in English may be listed under its
      // Vietnamese headline (`title_language`, empty when it is the source's language).
      lang: /^[a-z]{2}/.exec(r.title_language || r.language || '')?.[0] ?? 'vi',
    });
  }
  const figures: OfficialFigures = {
    national: rowsOf('sipas-national.csv').map((r) => figure(r, r.geo ?? '', 'SIPAS')),
    province: rowsOf('sipas-province.csv').map((r) => figure(r, r.province_name ?? '', 'SIPAS')),
    // National rows of other indices are coded `VN` like the national SIPAS rows.
    governance: rowsOf('governance-indices-ninhthuan.csv').map((r) => figure(r, r.province_code_pre2025 === 'VN' ? 'VN' : (r.province_name ?? ''), r.index ?? '')),
    sources,
  };
  for (const row of [...figures.national, ...figures.province, ...figures.governance]) {
    if (!sources.has(row.source_id)) {
      throw new Error(`published/: source "${row.source_id}" (year ${row.year}, ${row.measure}) is not in published/sources.csv. Add it there.`);
    }
  }
  return figures;
}

/** Rows grouped by year, most recent first, keeping the file's order within a year. */
export function groupByYear(rows: readonly OfficialFigure[]): { year: string; rows: OfficialFigure[] }[] {
  const groups = new Map<string, OfficialFigure[]>();
  for (const row of rows) {
    const list = groups.get(row.year);
    if (list) list.push(row);
    else groups.set(row.year, [row]);
  }
  return [...groups.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, list]) => ({ year, rows: list }));
}

/** What each measure code of the files means. Unknown codes are shown as the code itself. */
const MEASURE: Record<string, Bilingual> = {
  sipas: { vi: 'Chỉ số SIPAS của tỉnh', en: 'Provincial SIPAS' },
  sipas_mean: { vi: 'SIPAS cả nước', en: 'National SIPAS' },
  sipas_max_province: { vi: 'SIPAS cao nhất trong các tỉnh', en: 'Highest provincial SIPAS' },
  sipas_min_province: { vi: 'SIPAS thấp nhất trong các tỉnh', en: 'Lowest provincial SIPAS' },
  sipas_mean_change_vs_prev: { vi: 'SIPAS cả nước: thay đổi so với năm trước', en: 'National SIPAS: change on the previous year' },
  sipas_change_vs_prev: { vi: 'Thay đổi so với năm trước', en: 'Change on the previous year' },
  sipas_minus_national_mean: { vi: 'Chênh lệch so với trung bình cả nước', en: 'Difference from the national mean' },
  rank: { vi: 'Xếp hạng', en: 'Rank' },
  rank_places_gained_vs_prev: { vi: 'Số bậc tăng (+) hoặc giảm (−) so với năm trước', en: 'Places gained (+) or lost (−) on the previous year' },
  rank_within_group_loai_III: { vi: 'Xếp hạng trong nhóm tỉnh, thành phố loại III', en: 'Rank among category III provinces and cities' },
  rank_within_region: { vi: 'Xếp hạng trong vùng', en: 'Rank within the region' },
  n_component_indices_up_vs_prev: { vi: 'Số chỉ số thành phần tăng so với năm trước', en: 'Component indices up on the previous year' },
  n_component_indices_down_vs_prev: { vi: 'Số chỉ số thành phần giảm so với năm trước', en: 'Component indices down on the previous year' },
  respondents: { vi: 'Số người trả lời', en: 'Respondents' },
  questionnaires_issued: { vi: 'Số phiếu phát ra', en: 'Questionnaires issued' },
  questionnaires_returned: { vi: 'Số phiếu thu về', en: 'Questionnaires returned' },
  questionnaires_valid: { vi: 'Số phiếu hợp lệ', en: 'Valid questionnaires' },
  households_surveyed_planned: { vi: 'Số hộ dự kiến khảo sát', en: 'Households to be surveyed (planned)' },
  fields_covered: { vi: 'Số lĩnh vực được khảo sát', en: 'Procedure fields covered' },
  public_services_covered: { vi: 'Số dịch vụ công được khảo sát', en: 'Public services covered' },
  district_units_sampled: { vi: 'Số đơn vị cấp huyện được chọn mẫu', en: 'District-level units sampled' },
  commune_units_sampled: { vi: 'Số đơn vị cấp xã được chọn mẫu', en: 'Commune-level units sampled' },
  villages_sampled: { vi: 'Số thôn, tổ dân phố được chọn mẫu', en: 'Villages and residential groups sampled' },
  n_subindexes_perception: { vi: 'Số chỉ số thành phần: nhận định, đánh giá', en: 'Sub-indices: perceptions and assessments' },
  n_subindexes_satisfaction: { vi: 'Số chỉ số thành phần: mức độ hài lòng', en: 'Sub-indices: satisfaction' },
  n_subindexes_expectation: { vi: 'Số chỉ số thành phần: nhu cầu, mong đợi', en: 'Sub-indices: needs and expectations' },
  provinces_index_up_vs_prev: { vi: 'Số tỉnh có chỉ số tăng so với năm trước', en: 'Provinces whose index rose' },
  provinces_index_down_vs_prev: { vi: 'Số tỉnh có chỉ số giảm so với năm trước', en: 'Provinces whose index fell' },
  provinces_rank_up_vs_prev: { vi: 'Số tỉnh tăng hạng', en: 'Provinces that rose in rank' },
  provinces_rank_down_vs_prev: { vi: 'Số tỉnh giảm hạng', en: 'Provinces that fell in rank' },
  provinces_rank_unchanged_vs_prev: { vi: 'Số tỉnh giữ nguyên hạng', en: 'Provinces with unchanged rank' },
  pct_no_civil_servant_causing_difficulty: { vi: 'Tỷ lệ cho rằng công chức không gây phiền hà', en: 'Share saying no civil servant caused difficulty' },
  pct_not_asked_for_bribe: { vi: 'Tỷ lệ không bị đòi hỏi tiền ngoài quy định', en: 'Share not asked for a bribe' },
  satisfaction_policy_making_implementation: { vi: 'Hài lòng về xây dựng, tổ chức thực hiện chính sách', en: 'Satisfaction with policy making and implementation' },
  satisfaction_policy_change_vs_prev: { vi: 'Hài lòng về chính sách: thay đổi so với năm trước', en: 'Satisfaction with policy: change on the previous year' },
  satisfaction_policy_min_province: { vi: 'Hài lòng về chính sách: tỉnh thấp nhất', en: 'Satisfaction with policy: lowest province' },
  satisfaction_policy_max_province: { vi: 'Hài lòng về chính sách: tỉnh cao nhất', en: 'Satisfaction with policy: highest province' },
  satisfaction_public_admin_service_delivery: { vi: 'Hài lòng về cung ứng dịch vụ hành chính công', en: 'Satisfaction with public administrative service delivery' },
  satisfaction_service_delivery_change_vs_prev: { vi: 'Hài lòng về cung ứng dịch vụ: thay đổi so với năm trước', en: 'Satisfaction with service delivery: change on the previous year' },
  satisfaction_access_to_services: { vi: 'Hài lòng: tiếp cận dịch vụ', en: 'Satisfaction: access to services' },
  satisfaction_access_to_services_overall: { vi: 'Hài lòng: tiếp cận dịch vụ (chung)', en: 'Satisfaction: access to services (overall)' },
  satisfaction_access_min_province: { vi: 'Hài lòng về tiếp cận dịch vụ: mức thấp nhất giữa các tỉnh', en: 'Satisfaction with access: lowest across provinces' },
  satisfaction_access_max_province: { vi: 'Hài lòng về tiếp cận dịch vụ: mức cao nhất giữa các tỉnh', en: 'Satisfaction with access: highest across provinces' },
  satisfaction_administrative_procedures: { vi: 'Hài lòng: thủ tục hành chính', en: 'Satisfaction: administrative procedures' },
  satisfaction_administrative_procedures_min_province: { vi: 'Hài lòng về thủ tục hành chính: tỉnh thấp nhất', en: 'Satisfaction with procedures: lowest province' },
  satisfaction_administrative_procedures_max_province: { vi: 'Hài lòng về thủ tục hành chính: tỉnh cao nhất', en: 'Satisfaction with procedures: highest province' },
  satisfaction_civil_servants: { vi: 'Hài lòng: công chức trực tiếp giải quyết công việc', en: 'Satisfaction: civil servants' },
  satisfaction_service_results: { vi: 'Hài lòng: kết quả giải quyết thủ tục hành chính', en: 'Satisfaction: results of the service' },
  satisfaction_feedback_complaint_handling: { vi: 'Hài lòng: tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', en: 'Satisfaction: handling of feedback and complaints' },
  expect_better_civil_servant_attitude: { vi: 'Mong đợi: công chức có thái độ phục vụ tốt hơn', en: 'Expectation: better attitude of civil servants' },
  expect_better_complaint_settlement: { vi: 'Mong đợi: giải quyết tốt hơn phản ánh, kiến nghị', en: 'Expectation: better settlement of complaints' },
  expect_better_civil_servant_capability: { vi: 'Mong đợi: công chức có năng lực tốt hơn', en: 'Expectation: more capable civil servants' },
  score: { vi: 'Điểm', en: 'Score' },
  score_change_vs_prev: { vi: 'Thay đổi điểm so với năm trước', en: 'Change of score on the previous year' },
  score_minus_national_mean: { vi: 'Chênh lệch so với trung bình cả nước', en: 'Difference from the national mean' },
  national_mean: { vi: 'Trung bình cả nước', en: 'National mean' },
  max_province: { vi: 'Tỉnh cao nhất', en: 'Highest province' },
  min_province: { vi: 'Tỉnh thấp nhất', en: 'Lowest province' },
  appraisal_score: { vi: 'Điểm thẩm định', en: 'Appraisal score' },
  impact_score: { vi: 'Điểm đánh giá tác động', en: 'Impact score' },
  sipas_component: { vi: 'Chỉ số SIPAS trong PAR INDEX', en: 'SIPAS component of the PAR INDEX' },
  leader_survey_component: { vi: 'Khảo sát lãnh đạo, quản lý', en: 'Survey of leaders and managers' },
  socioeconomic_impact_component: { vi: 'Tác động đến phát triển kinh tế – xã hội', en: 'Impact on socio-economic development' },
};

export function measureLabel(measure: string, lang: Lang): string {
  return MEASURE[measure]?.[lang] ?? measure;
}

/** Count units as written in the files, and how each reads after a number. */
const COUNT_UNIT: Record<string, Bilingual> = {
  persons: { vi: 'người', en: 'persons' },
  'persons aged 18+': { vi: 'người từ 18 tuổi', en: 'persons aged 18+' },
  'persons 18+': { vi: 'người từ 18 tuổi', en: 'persons aged 18+' },
  'individuals and organisations': { vi: 'cá nhân, tổ chức', en: 'individuals and organisations' },
  'fields (lĩnh vực)': { vi: 'lĩnh vực', en: 'fields' },
  services: { vi: 'dịch vụ', en: 'services' },
  questionnaires: { vi: 'phiếu', en: 'questionnaires' },
  households: { vi: 'hộ', en: 'households' },
  provinces: { vi: 'tỉnh', en: 'provinces' },
  places: { vi: 'bậc', en: 'places' },
  points: { vi: 'điểm', en: 'points' },
  'district-level units': { vi: 'đơn vị cấp huyện', en: 'district-level units' },
  'commune-level units': { vi: 'đơn vị cấp xã', en: 'commune-level units' },
  'villages/hamlets/residential groups': { vi: 'thôn, tổ dân phố', en: 'villages and residential groups' },
  'sub-indexes': { vi: 'chỉ số thành phần', en: 'sub-indices' },
  'component indices': { vi: 'chỉ số thành phần', en: 'component indices' },
};

const QUALIFIER: Record<string, Bilingual> = {
  nearly: { vi: 'gần', en: 'nearly' },
  more_than: { vi: 'hơn', en: 'more than' },
};

/** Decimals as published: "82.99" → 2, "12000" → 0. */
function decimalsOf(value: string): number {
  return /\.(\d+)$/.exec(value)?.[1]?.length ?? 0;
}

/**
 * A published value with its unit, in the reader's language and number format, at the precision
 * it was published with: `82.99` percent → `82,99%`; `3.47` percentage points → `+3,47 điểm %`;
 * `16` "of 63" → `16/63`; `85.78` "points of 100" → `85,78/100 điểm`; `12000` persons, nearly →
 * `gần 12.000 người`. Changes (measures named `…_change_…`, `…gained…`, `…minus…`) carry a sign.
 */
export function formatOfficialValue(row: OfficialFigure, lang: Lang): string {
  const value = Number(row.value);
  if (row.value === '' || !Number.isFinite(value)) return row.value;
  const digits = decimalsOf(row.value);
  // "…_change_vs_prev" but not "…_unchanged_…", which is a count of provinces ("3 tỉnh", not "+3").
  const signed = /(?:^|_)change(?:_|$)|gained|minus/.test(row.measure);
  const plain = (v: number) =>
    signed ? formatPoints(v, lang, digits).replace(/ (điểm %|pp)$/, '') : formatNumber(v, lang, digits);
  const unit = row.unit.trim();
  let text: string;
  const ofTotal = /^(points )?of ([\d.]+)\s*(.*)$/.exec(unit);
  if (unit === 'percent') text = formatPercent(value, lang, digits);
  else if (unit === 'percent of respondents') text = `${formatPercent(value, lang, digits)} ${lang === 'vi' ? 'người trả lời' : 'of respondents'}`;
  else if (unit === 'percentage points') text = formatPoints(value, lang, digits);
  else if (ofTotal) {
    const [, points, total = '', rest = ''] = ofTotal;
    const totalText = formatNumber(Number(total), lang, decimalsOf(total));
    const restText = COUNT_UNIT[rest]?.[lang] ?? (lang === 'vi' ? rest.replace('as written:', 'nguyên văn:') : rest);
    const pointsText = points ? ` ${COUNT_UNIT.points?.[lang]}` : '';
    text = `${plain(value)}/${totalText}${pointsText}${restText ? ` ${restText}` : ''}`;
  } else {
    const unitText = COUNT_UNIT[unit]?.[lang] ?? unit;
    text = `${plain(value)}${unitText ? ` ${unitText}` : ''}`;
  }
  const qualifier = QUALIFIER[row.qualifier]?.[lang];
  return qualifier ? `${qualifier} ${text}` : text;
}
