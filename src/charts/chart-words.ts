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

/** The words of the funnel plot (funnel-chart.ts) and of its table twin (FunnelFigure.astro). */
export interface FunnelWords {
  /** The three classes of method.md → Comparing units, as a phrase inside a sentence. */
  above: string;
  below: string;
  consistent: string;
  /** Legend of the two limit curves. */
  limit95: string;
  limit998: string;
  /** The horizontal line at the province's value. */
  province: string;
  /** x axis title: what n is, and that the axis is logarithmic. */
  nAxis: string;
  /** Before the list of suppressed units, which have no dot. */
  notDrawn: string;
  /** Why there are no limits when the province's design effect is undefined. */
  noLimits: string;
}

export const FUNNEL_WORDS: Record<ChartLang, FunnelWords> = {
  vi: {
    above: 'cao hơn rõ so với toàn tỉnh',
    below: 'thấp hơn rõ so với toàn tỉnh',
    consistent: 'phù hợp với toàn tỉnh',
    limit95: 'giới hạn 95\u00a0%',
    limit998: 'giới hạn 99,8\u00a0%',
    province: 'Toàn tỉnh',
    nAxis: 'Số người trả lời (n, thang logarit)',
    notDrawn: 'Quá ít phản hồi, không vẽ',
    noLimits: 'Không tính được giới hạn vì toàn tỉnh không có sai số chuẩn',
  },
  en: {
    above: 'clearly above the province',
    below: 'clearly below the province',
    consistent: 'consistent with the province',
    limit95: '95% limits',
    limit998: '99.8% limits',
    province: 'Whole province',
    nAxis: 'Respondents (n, log scale)',
    notDrawn: 'Too few responses, not drawn',
    noLimits: 'No limits: the province has no standard error',
  },
};
