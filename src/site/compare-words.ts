/**
 * The words of the compare pages: the verdict on a difference (method.md → Comparing units: say
 * "khác biệt có ý nghĩa thống kê" only when the 95 % interval of the difference excludes 0) and
 * the sentence that states a difference with its numbers.
 */
import { CHART_WORDS } from '../charts/chart-words.ts';
import { formatDifferenceInterval } from '../charts/difference-chart.ts';
import type { DataTableCell } from '../components/data-table.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { Lang } from './i18n.ts';

export const VERDICT = {
  significant: { vi: 'khác biệt có ý nghĩa thống kê', en: 'a statistically significant difference' },
  notSignificant: { vi: 'chưa đủ bằng chứng để nói đơn vị nào hơn', en: 'not enough evidence to say which unit is better' },
} as const;

/** The verdict on a difference: significant, not, or none (a suppressed cell: no difference). */
export function verdictText(significant: boolean | null, lang: Lang): string | null {
  if (significant === null) return null;
  return (significant ? VERDICT.significant : VERDICT.notSignificant)[lang];
}

/** The verdict as a table cell: "quá ít phản hồi" in the muted style when there is no difference. */
export function verdictCell(significant: boolean | null, lang: Lang): DataTableCell {
  const text = verdictText(significant, lang);
  if (text === null) return { text: lang === 'vi' ? 'quá ít phản hồi để so sánh' : 'too few responses to compare', className: 'suppressed' };
  return significant ? { text, className: 'verdict-significant' } : text;
}

/** A difference in points with its sign: `+3,81` / `−3,81` (a true minus sign, as in the intervals). */
export function differenceCell(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const text = formatNumber(Math.abs(value), lang, 2);
  return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : text;
}

export function differenceIntervalCell(low: number | null, high: number | null, lang: Lang): string {
  return formatDifferenceInterval(low, high, lang);
}

/** A unit's value as a cell: the value, with its interval and n on a second line; or "quá ít phản hồi". */
export function sideCell(cell: { value: number | null; ci_low: number | null; ci_high: number | null; n: number; status: string } | undefined, lang: Lang): DataTableCell {
  const words = CHART_WORDS[lang];
  if (!cell) return { text: words.noData, className: 'suppressed' };
  if (cell.status !== 'ok' || cell.value === null) return { text: words.tooFew(cell.n), className: 'suppressed' };
  const interval = cell.ci_low !== null && cell.ci_high !== null ? `${formatPercent(cell.ci_low, lang)}–${formatPercent(cell.ci_high, lang)}; ` : '';
  return { text: formatPercent(cell.value, lang), note: `${interval}${words.n(cell.n)}` };
}

/**
 * The sentence that states one difference: "Chỉ số chung của A (80,12 %) thấp hơn của B
 * (83,94 %) 3,81 điểm phần trăm (khoảng tin cậy 95 % của chênh lệch: −7,73 đến 0,11): chưa đủ
 * bằng chứng để nói đơn vị nào hơn." `subject` names the indicator ("chỉ số SIPAS chung").
 */
export function differenceSentence(
  d: { value_a: number | null; value_b: number | null; difference: number | null; diff_ci_low: number | null; diff_ci_high: number | null; significant: boolean | null },
  names: { a: string; b: string; subject: string },
  lang: Lang,
): string {
  const vi = lang === 'vi';
  if (d.difference === null || d.value_a === null || d.value_b === null) {
    return vi
      ? `Không so sánh được ${names.subject} của ${names.a} và ${names.b}: một trong hai đơn vị có quá ít phản hồi.`
      : `The ${names.subject} of ${names.a} and ${names.b} cannot be compared: one of them has too few responses.`;
  }
  const points = formatNumber(Math.abs(d.difference), lang, 2);
  const interval = formatDifferenceInterval(d.diff_ci_low, d.diff_ci_high, lang);
  const verdict = verdictText(d.significant, lang) ?? '';
  const va = formatPercent(d.value_a, lang);
  const vb = formatPercent(d.value_b, lang);
  if (vi) {
    const how = d.difference > 0 ? `cao hơn của ${names.b} (${vb}) ${points} điểm phần trăm` : d.difference < 0 ? `thấp hơn của ${names.b} (${vb}) ${points} điểm phần trăm` : `bằng của ${names.b} (${vb})`;
    return `${capitalFirst(names.subject)} của ${names.a} (${va}) ${how} (khoảng tin cậy 95\u00a0% của chênh lệch: ${interval}): ${verdict}.`;
  }
  const how = d.difference > 0 ? `${points} points higher than that of ${names.b} (${vb})` : d.difference < 0 ? `${points} points lower than that of ${names.b} (${vb})` : `the same as that of ${names.b} (${vb})`;
  return `The ${names.subject} of ${names.a} (${va}) is ${how} (95% confidence interval of the difference: ${interval}): ${verdict}.`;
}

const capitalFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
