/**
 * The words charts print inside the SVG, in Vietnamese and English. Numbers inside them are
 * formatted by ../site/format.ts so the charts read like the tables next to them.
 */
import type { ChartLang } from './chart-result.ts';
import { formatNumber, formatPercent } from '../site/format.ts';

export interface ChartWords {
  /** `n = 1.234` */
  n: (n: number) => string;
  /** Shown where a suppressed cell would be: "quá ít phản hồi (n = 12)". */
  tooFew: (n: number) => string;
  noData: string;
  notRanked: string;
  /** "hạng 2" */
  rank: (rank: string) => string;
  /** Axis title of rank scales. */
  rankAxis: string;
  /** "khoảng tin cậy 95 %" */
  interval: string;
  methodChange: string;
  /** The rule at the first period of the new administrative units (1 July 2025). */
  newBoundaries: string;
  target: string;
  /** Default axis title of percentage scales. */
  valueAxis: string;
  /** "top 3" zone of a rank bullet. */
  topK: (k: number) => string;
  /** "71% khả năng trong top 3" */
  chanceTopK: (probability: string, k: number) => string;
  status: { met: string; not_met: string; no_data: string; too_few: string; unit_ended: string };
  certainty: { clear: string; uncertain: string };
}

export const CHART_WORDS: Record<ChartLang, ChartWords> = {
  vi: {
    n: (n) => `n = ${formatNumber(n, 'vi')}`,
    tooFew: (n) => `quá ít phản hồi (n = ${formatNumber(n, 'vi')})`,
    noData: 'không có dữ liệu',
    notRanked: 'không xếp hạng',
    rank: (rank) => `hạng ${rank}`,
    rankAxis: 'Hạng (1 = cao nhất)',
    interval: 'khoảng tin cậy 95\u00a0%',
    methodChange: 'Thay đổi phương pháp',
    newBoundaries: 'Địa giới mới',
    target: 'Mục tiêu',
    valueAxis: 'Tỷ lệ hài lòng (%)',
    topK: (k) => `nhóm ${k} đứng đầu`,
    chanceTopK: (probability, k) => `${probability} khả năng trong nhóm ${k} đứng đầu`,
    status: { met: 'Đạt', not_met: 'Chưa đạt', no_data: 'Không có dữ liệu', too_few: 'Quá ít phản hồi', unit_ended: 'Đơn vị không còn' },
    certainty: { clear: 'chắc chắn', uncertain: 'trong biên sai số' },
  },
  en: {
    n: (n) => `n = ${formatNumber(n, 'en')}`,
    tooFew: (n) => `too few responses (n = ${formatNumber(n, 'en')})`,
    noData: 'no data',
    notRanked: 'not ranked',
    rank: (rank) => `rank ${rank}`,
    rankAxis: 'Rank (1 = highest)',
    interval: '95% confidence interval',
    methodChange: 'Method change',
    newBoundaries: 'New boundaries',
    target: 'Target',
    valueAxis: 'Satisfied (%)',
    topK: (k) => `top ${k}`,
    chanceTopK: (probability, k) => `${probability} chance of top ${k}`,
    status: { met: 'Met', not_met: 'Not met', no_data: 'No data', too_few: 'Too few responses', unit_ended: 'Unit no longer exists' },
    certainty: { clear: 'clear', uncertain: 'within margin of error' },
  },
};

/** `≥ 90%`: a comparator as a reader writes it. */
export function comparatorSymbol(comparator: string): string {
  const symbols: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };
  const symbol = symbols[comparator];
  if (symbol === undefined) throw new Error(`comparatorSymbol: unknown comparator "${comparator}"`);
  return symbol;
}

/** "≥ 90%" / "≥ 85.50%": whole thresholds print without decimals. */
export function thresholdText(comparator: string, threshold: number, lang: ChartLang): string {
  const digits = Number.isInteger(threshold) ? 0 : 2;
  return `${comparatorSymbol(comparator)} ${formatPercent(threshold, lang, digits)}`;
}

/** "Mục tiêu ≥ 90%" / "Target ≥ 90%". */
export function targetText(comparator: string, threshold: number, lang: ChartLang): string {
  return `${CHART_WORDS[lang].target} ${thresholdText(comparator, threshold, lang)}`;
}
