/**
 * The one-sentence answers at the top of the data pages, written from the data so they can never
 * disagree with the charts below them:
 * - home: where the plan's unit ranks and how sure that is ("Huyện Ninh Sơn xếp hạng 3/7 (khoảng
 *   hạng 2–4; 59 % khả năng trong nhóm 3 đứng đầu)");
 * - unit: which element and which procedure field pull its index down, and whether the latest
 *   change is statistically significant ("So với năm 2023, tỷ lệ hài lòng tăng 3,09 điểm phần
 *   trăm …, một thay đổi có ý nghĩa thống kê");
 * - plans: how many of the plan's targets are met, and which are not.
 */
import type { IndexRow, RankingRow, TrendRow } from '../engine/tables.ts';
import { CHART_WORDS } from '../charts/chart-words.ts';
import { previousPeriod } from '../engine/reference/period-calendar.ts';
import { formatInterval, formatNumber, formatPercent, formatPeriod, formatProbability, parsePeriod } from './format.ts';
import type { Lang } from './i18n.ts';
import type { AssessedTarget, TargetSummary } from './plan-content.ts';
import { targetThresholdCell, targetValueCell } from './table-cells.ts';
import { partYearNote } from './unit-versions.ts';

/** "Năm 2024, Huyện Ninh Sơn xếp hạng 3/7 (khoảng hạng 2–4; 59 % khả năng trong nhóm 3 đứng đầu)." */
export function rankLead(
  unit: string,
  year: string,
  row: RankingRow | undefined,
  unitCount: number,
  minNRank: number,
  lang: Lang,
): string {
  const vi = lang === 'vi';
  if (!row) return vi ? `Năm ${year}, ${unit} không có trong bảng xếp hạng.` : `In ${year}, ${unit} is not in the ranking.`;
  if (row.status !== 'ranked' || row.rank === null) {
    const n = formatNumber(row.n, lang);
    const min = formatNumber(minNRank, lang);
    return vi
      ? `Năm ${year}, ${unit} không được xếp hạng: chỉ có ${n} người trả lời, cần ít nhất ${min}.`
      : `In ${year}, ${unit} is not ranked: only ${n} people answered, at least ${min} are needed.`;
  }
  const rank = vi ? `${formatNumber(row.rank, lang)}/${formatNumber(unitCount, lang)}` : `${formatNumber(row.rank, lang)} of ${formatNumber(unitCount, lang)}`;
  const parts: string[] = [];
  if (row.rank_low !== null && row.rank_high !== null) {
    const interval = formatInterval(row.rank_low, row.rank_high, lang, { unit: 'plain' });
    parts.push(row.rank_low === row.rank_high ? (vi ? `chắc chắn ở hạng ${interval}` : `certainly rank ${interval}`) : vi ? `khoảng hạng ${interval}` : `rank interval ${interval}`);
  }
  if (row.k !== null && row.p_top_k !== null) parts.push(CHART_WORDS[lang].chanceTopK(formatProbability(row.p_top_k, lang), row.k));
  const detail = parts.length > 0 ? ` (${parts.join('; ')})` : '';
  return vi ? `Năm ${year}, ${unit} xếp hạng ${rank}${detail}.` : `In ${year}, ${unit} ranks ${rank}${detail}.`;
}

/**
 * "Năm 2026, trong 65 xã, phường, đặc khu của Tỉnh Khánh Hòa, 3 cao hơn rõ so với toàn tỉnh, 4 thấp
 * hơn rõ; 56 phù hợp với toàn tỉnh, 2 có quá ít phản hồi." The funnel plot's verdicts counted
 * (method.md → Comparing units): what a reader can say about many small units when ranks would
 * mostly be noise.
 */
export function funnelLead(
  year: string,
  units: string,
  province: string,
  classes: readonly ('above' | 'below' | 'consistent' | null)[],
  lang: Lang,
  /** What the funnel is centred on: the province (the default), or on a national site the whole country. */
  reference: 'province' | 'country' = 'province',
): string {
  const country = reference === 'country';
  const whole = lang === 'vi' ? (country ? 'cả nước' : 'toàn tỉnh') : country ? 'the whole country' : 'the province';
  const of = country ? (lang === 'vi' ? 'cả nước' : 'the country') : province;
  const count = (c: 'above' | 'below' | 'consistent' | null) => formatNumber(classes.filter((x) => x === c).length, lang);
  const total = formatNumber(classes.length, lang);
  const few = classes.filter((x) => x === null).length;
  const fewText = few === 0 ? '' : lang === 'vi' ? `, ${formatNumber(few, lang)} có quá ít phản hồi` : `, ${formatNumber(few, lang)} have too few responses`;
  return lang === 'vi'
    ? `Năm ${year}, trong ${total} ${units} của ${of}, ${count('above')} có tỷ lệ hài lòng cao hơn rõ so với ${whole} và ${count('below')} thấp hơn rõ; ${count('consistent')} phù hợp với ${whole}${fewText}.`
    : `In ${year}, of the ${total} ${units} of ${of}, ${count('above')} are clearly above ${whole} in satisfaction and ${count('below')} clearly below; ${count('consistent')} are consistent with ${whole}${fewText}.`;
}

/** "Năm 2026, 3 tỉnh, thành phố được xếp hạng; cao nhất là Thành phố Hà Nội (88,12 %)." For a ranking too small for a funnel plot. */
export function topOfRankingLead(year: string, units: string, rows: readonly RankingRow[], name: (code: string) => string, lang: Lang): string {
  const ranked = rows.filter((r) => r.status === 'ranked' && r.rank !== null);
  const top = ranked.filter((r) => r.rank === 1);
  const count = formatNumber(ranked.length, lang);
  if (top.length === 0) return lang === 'vi' ? `Năm ${year}, chưa ${units} nào đủ người trả lời để xếp hạng.` : `In ${year}, no ${units} had enough respondents to be ranked.`;
  const leaders = top.map((r) => `${name(r.unit_code)} (${formatPercent(r.value, lang)})`).join(lang === 'vi' ? ' và ' : ' and ');
  return lang === 'vi'
    ? `Năm ${year}, ${count} ${units} được xếp hạng; cao nhất là ${leaders}.`
    : `In ${year}, ${count} ${units} are ranked; the highest is ${leaders}.`;
}

const estimate = (row: IndexRow, lang: Lang): string => `${formatPercent(row.value, lang)}, ${CHART_WORDS[lang].n(row.n)}`;

/**
 * "Năm 2024, yếu tố thấp nhất của Huyện Ninh Sơn là Tiếp cận dịch vụ (78,12 %, n = 812); lĩnh vực
 * thấp nhất, trong các lĩnh vực đủ phản hồi, là Đất đai (80,50 %, n = 120)."
 * `name` turns the element row and the field row into their names.
 */
export function weakestLead(
  unit: string,
  year: string,
  element: IndexRow | undefined,
  field: IndexRow | undefined,
  name: (row: IndexRow) => string,
  lang: Lang,
): string {
  const vi = lang === 'vi';
  if (!element) {
    return vi
      ? `Năm ${year}, ${unit} chưa có đủ phản hồi để biết yếu tố nào kéo chỉ số xuống.`
      : `In ${year}, ${unit} has too few responses to tell which element pulls its index down.`;
  }
  const first = vi
    ? `Năm ${year}, yếu tố thấp nhất của ${unit} là ${name(element)} (${estimate(element, lang)})`
    : `In ${year}, the lowest element of ${unit} is ${name(element)} (${estimate(element, lang)})`;
  const second = field
    ? vi
      ? `lĩnh vực thủ tục thấp nhất, trong các lĩnh vực đủ phản hồi, là ${name(field)} (${estimate(field, lang)})`
      : `the lowest procedure field, among those with enough responses, is ${name(field)} (${estimate(field, lang)})`
    : vi
      ? 'không lĩnh vực thủ tục nào đủ phản hồi để so sánh'
      : 'no procedure field has enough responses to compare';
  return `${first}; ${second}.`;
}

/**
 * "5/6 chỉ tiêu đạt; 3 chỉ tiêu có kết luận nằm trong biên sai số. Chưa đạt: Lĩnh vực Đất đai, Xây
 * dựng, Đầu tư — Đất đai 83,86 % so với mức ≥ 85 % (trong biên sai số)." Counts as
 * summariseTargets (plan-content.ts) makes them; `name` names a target (targetAimName).
 */
export function targetSummaryLead(summary: TargetSummary, lang: Lang, name: (a: AssessedTarget) => string): string {
  const n = (x: number) => formatNumber(x, lang);
  const vi = lang === 'vi';
  const parts = [
    vi ? `${n(summary.met)}/${n(summary.total)} chỉ tiêu đạt` : `${n(summary.met)} of ${n(summary.total)} targets met`,
    vi
      ? `${n(summary.uncertain)} chỉ tiêu có kết luận nằm trong biên sai số`
      : `${n(summary.uncertain)} ${summary.uncertain === 1 ? 'verdict is' : 'verdicts are'} within the margin of error`,
  ];
  if (summary.unassessed.length > 0) {
    const count = n(summary.unassessed.length);
    parts.push(vi ? `${count} chỉ tiêu chưa đủ dữ liệu để đánh giá` : `${count} without enough data to assess`);
  }
  return [`${parts.join('; ')}.`, missedTargetsText(summary, lang, name), unassessedTargetsText(summary, lang, name)].filter(Boolean).join(' ');
}

/** "Đất đai 83,86 % so với mức ≥ 85 % (trong biên sai số)": one verdict row's value against its threshold. */
function againstThreshold(a: AssessedTarget, lang: Lang): string {
  const { row } = a;
  const vi = lang === 'vi';
  if (row.value === null) return CHART_WORDS[lang].status[row.status].toLowerCase();
  const value = row.indicator === 'rank' ? (vi ? `hạng ${targetValueCell(row, lang)}` : `rank ${targetValueCell(row, lang)}`) : targetValueCell(row, lang);
  const threshold = targetThresholdCell(row, lang);
  const against = row.indicator === 'rank' ? (vi ? `so với mục tiêu ${threshold}` : `against a target of ${threshold}`) : vi ? `so với mức ${threshold}` : `against ${threshold}`;
  const margin = row.certainty === 'uncertain' ? ` (${vi ? 'trong biên sai số' : 'within the margin of error'})` : '';
  return `${value} ${against}${margin}`;
}

/**
 * "Chưa đạt: Lĩnh vực Đất đai, Xây dựng, Đầu tư — Đất đai 83,86 % so với mức ≥ 85 % (trong biên
 * sai số)." Every target not met, by name, with the value that missed (for a target naming
 * several fields, each field that missed); empty when none missed. For summaries and captions.
 */
export function missedTargetsText(summary: TargetSummary, lang: Lang, name: (a: AssessedTarget) => string): string {
  if (summary.notMet.length === 0) return '';
  const missed = summary.notMet.map(({ verdict, parts }) =>
    parts.length > 0
      ? `${name(verdict)} — ${parts.map((p) => `${name(p)} ${againstThreshold(p, lang)}`).join('; ')}`
      : `${name(verdict)} — ${againstThreshold(verdict, lang)}`,
  );
  return `${lang === 'vi' ? 'Chưa đạt' : 'Not met'}: ${missed.join('; ')}.`;
}

/**
 * Why a table of every target has more rows than the count: "Bảng có 9 dòng cho 6 chỉ tiêu: chỉ
 * tiêu Lĩnh vực Đất đai, Xây dựng, Đầu tư có một dòng cho mỗi giá trị và một dòng “tất cả”, đạt
 * khi mọi giá trị đều đạt." Empty when there is one row per target.
 */
export function targetRowsNote(summary: TargetSummary, lang: Lang, name: (a: AssessedTarget) => string): string {
  if (summary.rows === summary.total) return '';
  const n = (x: number) => formatNumber(x, lang);
  const split = summary.split.map(name).join('; ');
  return lang === 'vi'
    ? `Bảng có ${n(summary.rows)} dòng cho ${n(summary.total)} chỉ tiêu: chỉ tiêu ${split} có một dòng cho mỗi giá trị và một dòng “tất cả”, đạt khi mọi giá trị đều đạt.`
    : `The table has ${n(summary.rows)} rows for ${n(summary.total)} targets: the ${split} target has one row per value and an “all of them” row, met only when every value is.`;
}

/** "Chưa đánh giá được: Chỉ số chung Y tế (quá ít phản hồi)." Empty when every target has a verdict. */
function unassessedTargetsText(summary: TargetSummary, lang: Lang, name: (a: AssessedTarget) => string): string {
  if (summary.unassessed.length === 0) return '';
  const listed = summary.unassessed.map((a) => `${name(a)} (${CHART_WORDS[lang].status[a.row.status].toLowerCase()})`);
  return `${lang === 'vi' ? 'Chưa đánh giá được' : 'Not assessed'}: ${listed.join('; ')}.`;
}

/** "năm 2023", "quý 1/2024", "tháng 3/2024" (vi); "2023", "Q1 2024", "Mar 2024" (en). */
function periodWords(period: string, lang: Lang): string {
  const text = formatPeriod(period, lang);
  if (lang === 'en') return text;
  return parsePeriod(period).kind === 'year' ? `năm ${text}` : text.charAt(0).toLowerCase() + text.slice(1);
}

/** "tăng 1,63–4,55 điểm", "giảm 0,70–3,50 điểm", "từ giảm 0,62 đến tăng 2,20 điểm" (and English). */
function changeInterval(low: number, high: number, lang: Lang): string {
  const f = (x: number) => formatNumber(Math.abs(x), lang, 2);
  const vi = lang === 'vi';
  if (low >= 0) return vi ? `tăng ${f(low)}–${f(high)} điểm` : `a rise of ${f(low)}–${f(high)} points`;
  if (high <= 0) return vi ? `giảm ${f(high)}–${f(low)} điểm` : `a fall of ${f(high)}–${f(low)} points`;
  return vi ? `từ giảm ${f(low)} đến tăng ${f(high)} điểm` : `from a fall of ${f(low)} to a rise of ${f(high)} points`;
}

/**
 * Whether the overall index changed since the period before, in words, from the trends.csv row
 * of `period` (method.md → change between two periods: significant when the 95 % interval of the
 * change excludes 0). Says why no change is given when there is no earlier period, when a method
 * break separates the two, or when either period has too few responses. `unit` names the unit
 * where the sentence stands apart from the unit's own page (the home page).
 *
 * "So với năm 2023, tỷ lệ hài lòng tăng 3,09 điểm phần trăm, từ 87,90 % lên 90,99 % (khoảng tin
 * cậy 95 % của mức thay đổi: tăng 1,63–4,55 điểm), một thay đổi có ý nghĩa thống kê."
 */
export function changeLead(period: string, trend: TrendRow | undefined, lang: Lang, unit?: string): string {
  const vi = lang === 'vi';
  const current = periodWords(period, lang);
  // A new unit's first year is a part year (2025: July–December): the comparison says so.
  const partYear = trend ? partYearNote({ period: trend.previous_period, unit_valid_from: trend.unit_valid_from }, lang) : '';
  const previous = `${periodWords(trend?.previous_period ?? previousPeriod(period), lang)}${partYear}`;
  if (!trend) {
    return vi
      ? `Không có kết quả ${previous}${unit ? ` của ${unit}` : ''} để so sánh với ${current}.`
      : `There is no ${previous} result${unit ? ` for ${unit}` : ''} to compare ${current} with.`;
  }
  if (trend.method_break) {
    const kind = parsePeriod(period).kind;
    const kindWords = vi ? { year: 'năm', quarter: 'quý', month: 'tháng' }[kind] : { year: 'years', quarter: 'quarters', month: 'months' }[kind];
    return vi
      ? `Không so sánh tỷ lệ hài lòng ${current}${unit ? ` của ${unit}` : ''} với ${previous}: phương pháp đo đã thay đổi giữa hai ${kindWords}, nên không tính mức thay đổi.`
      : `${unit ? `${unit}’s share satisfied` : 'The share satisfied'} in ${current} is not compared with ${previous}: the measurement method changed between the two ${kindWords}, so no change is computed.`;
  }
  if (trend.boundary_break) {
    return vi
      ? `Không so sánh tỷ lệ hài lòng ${current}${unit ? ` của ${unit}` : ''} với ${previous}: ${previous} là số tính ngược từ các xã cũ trên địa giới trước ngày 1/7/2025, nên không tính mức thay đổi.`
      : `${unit ? `${unit}’s share satisfied` : 'The share satisfied'} in ${current} is not compared with ${previous}: ${previous} is a back-cast from the old communes within the boundaries before 1 July 2025, so no change is computed.`;
  }
  if (trend.value === null || trend.previous_value === null || trend.change === null) {
    const who =
      trend.value === null && trend.previous_value === null
        ? vi
          ? `cả ${current} và ${previous} đều`
          : `both ${current} and ${previous}`
        : trend.value === null
          ? current
          : previous;
    return vi
      ? `Không tính được mức thay đổi${unit ? ` của ${unit}` : ''} so với ${previous}: ${who} có quá ít phản hồi.`
      : `No change${unit ? ` for ${unit}` : ''} from ${previous} can be computed: ${who} had too few responses.`;
  }
  const { change, value, previous_value: before } = trend;
  const points = formatNumber(Math.abs(change), lang, 2);
  const subject = vi ? `tỷ lệ hài lòng${unit ? ` của ${unit}` : ''}` : `the share satisfied${unit ? ` in ${unit}` : ''}`;
  const movement =
    change === 0
      ? vi
        ? `${subject} không đổi, ở mức ${formatPercent(value, lang)}`
        : `${subject} did not change, at ${formatPercent(value, lang)}`
      : vi
        ? `${subject} ${change > 0 ? 'tăng' : 'giảm'} ${points} điểm phần trăm, từ ${formatPercent(before, lang)} ${change > 0 ? 'lên' : 'xuống'} ${formatPercent(value, lang)}`
        : `${subject} ${change > 0 ? 'rose' : 'fell'} ${points} percentage points, from ${formatPercent(before, lang)} to ${formatPercent(value, lang)}`;
  const interval =
    trend.change_ci_low !== null && trend.change_ci_high !== null
      ? ` (${vi ? 'khoảng tin cậy 95\u00a0% của mức thay đổi' : '95% interval of the change'}: ${changeInterval(trend.change_ci_low, trend.change_ci_high, lang)})`
      : '';
  const verdict = trend.significant
    ? vi
      ? ', một thay đổi có ý nghĩa thống kê'
      : ', a statistically significant change'
    : vi
      ? ', nhưng thay đổi này nằm trong biên sai số: chưa đủ bằng chứng để nói tỷ lệ đã thay đổi'
      : ', but this change is within the margin of error: there is not enough evidence to say the share changed';
  const opening = vi ? `So với ${previous}` : `Compared with ${previous}`;
  return `${opening}, ${movement}${interval}${verdict}.`;
}
