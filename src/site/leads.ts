/**
 * The one-sentence answers at the top of the data pages, written from the data so they can never
 * disagree with the charts below them:
 * - home: where the plan's unit ranks and how sure that is ("Huyện Ninh Sơn xếp hạng 3/7 (khoảng
 *   hạng 2–4; 59 % khả năng trong nhóm 3 đứng đầu)");
 * - unit: which element and which procedure field pull its index down.
 */
import type { IndexRow, RankingRow } from '../engine/tables.ts';
import { CHART_WORDS } from '../charts/chart-words.ts';
import { formatInterval, formatNumber, formatPercent, formatProbability } from './format.ts';
import type { Lang } from './i18n.ts';

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
 * "3/6 chỉ tiêu đạt; 2 chỉ tiêu (đạt hoặc chưa đạt) nằm trong biên sai số; 1 chỉ tiêu chưa đủ dữ
 * liệu để đánh giá." Counts as summariseTargets (plan-content.ts) makes them.
 */
export function targetSummaryLead(
  summary: { total: number; met: number; uncertain: number; undecided: number },
  lang: Lang,
): string {
  const n = (x: number) => formatNumber(x, lang);
  const vi = lang === 'vi';
  const parts = [
    vi ? `${n(summary.met)}/${n(summary.total)} chỉ tiêu đạt` : `${n(summary.met)} of ${n(summary.total)} targets met`,
    vi
      ? `${n(summary.uncertain)} chỉ tiêu có kết luận nằm trong biên sai số`
      : `${n(summary.uncertain)} ${summary.uncertain === 1 ? 'verdict is' : 'verdicts are'} within the margin of error`,
  ];
  if (summary.undecided > 0) {
    parts.push(vi ? `${n(summary.undecided)} chỉ tiêu chưa đủ dữ liệu để đánh giá` : `${n(summary.undecided)} without enough data to assess`);
  }
  return `${parts.join('; ')}.`;
}
