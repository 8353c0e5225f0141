/**
 * Cells of the data tables (the charts' table twins and the other tables of the data pages),
 * formatted once here so every table says the same thing the same way: a suppressed cell reads
 * "quá ít phản hồi (n = 12)" (never an empty cell or a 0), an interval is `81,20 %–86,10 %`,
 * a count is `1.234`, a probability is `59 %`.
 */
import type { TargetRow } from '../engine/tables.ts';
import { CHART_WORDS, thresholdText } from '../charts/chart-words.ts';
import { statusWords } from '../charts/bullet-chart.ts';
import type { DataTableCell } from '../components/data-table.ts';
import { formatInterval, formatNumber, formatPercent, formatPoints, formatProbability, MISSING } from './format.ts';
import type { Lang } from './i18n.ts';
import { FLAG_WORDS } from './release-words.ts';

interface Estimate {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  status?: string;
  /** The row's release flag (`p` provisional, `r` revised since the previous release). */
  flag?: string | null;
}

const isSuppressed = (row: Estimate): boolean => row.status === 'suppressed' || row.value === null;

/**
 * The value, or "quá ít phản hồi (n = 12)" in the muted style when the cell is suppressed; a
 * flagged row says so under the value ("r: đã sửa đổi"), as the CSV's `flag` column does.
 */
export function valueCell(row: Estimate, lang: Lang): DataTableCell {
  const note = row.flag === 'p' || row.flag === 'r' ? FLAG_WORDS[row.flag][lang] : undefined;
  if (isSuppressed(row)) return { text: CHART_WORDS[lang].tooFew(row.n), className: 'suppressed', ...(note && { note }) };
  const text = formatPercent(row.value, lang);
  return note ? { text, note } : text;
}

/** The 95 % interval, or `—` when there is none (suppressed cells, coverage). */
export function intervalCell(row: Pick<Estimate, 'ci_low' | 'ci_high'>, lang: Lang): string {
  return formatInterval(row.ci_low, row.ci_high, lang);
}

export function countCell(n: number | null, lang: Lang): string {
  return n === null ? MISSING : formatNumber(n, lang);
}

/** A rank interval `2–4` (or `3` when it is one rank). */
export function rankIntervalCell(low: number | null, high: number | null, lang: Lang): string {
  return formatInterval(low, high, lang, { unit: 'plain' });
}

export function probabilityCell(p: number | null, lang: Lang): string {
  return formatProbability(p, lang);
}

/** A target's status and certainty in words ("Chưa đạt, trong biên sai số"), styled by status. */
export function targetStatusCell(row: Pick<TargetRow, 'status' | 'certainty' | 'flag'>, lang: Lang): DataTableCell {
  const className = row.status === 'met' ? 'status-met' : row.status === 'not_met' ? 'status-not-met' : 'suppressed';
  const note = row.flag ? FLAG_WORDS[row.flag][lang] : undefined;
  return { text: statusWords(row.status, row.certainty, lang).join(', '), className, ...(note && { note }) };
}

/** A target's value: a percentage, or a rank for rank targets. */
export function targetValueCell(row: Pick<TargetRow, 'indicator' | 'value'>, lang: Lang): string {
  if (row.value === null) return MISSING;
  return row.indicator === 'rank' ? formatNumber(row.value, lang) : formatPercent(row.value, lang);
}

/** The gap to the threshold: percentage points, or ranks (negative = better than the target rank). */
export function targetGapCell(row: Pick<TargetRow, 'indicator' | 'gap'>, lang: Lang): string {
  if (row.gap === null) return MISSING;
  if (row.indicator !== 'rank') return formatPoints(row.gap, lang);
  const ranks = formatNumber(row.gap, lang);
  const signed = row.gap > 0 ? `+${ranks}` : ranks;
  return lang === 'vi' ? `${signed} hạng` : `${signed} ${Math.abs(row.gap) === 1 ? 'rank' : 'ranks'}`;
}

/** The interval of a target's value: percentages, or ranks. */
export function targetIntervalCell(row: Pick<TargetRow, 'indicator' | 'ci_low' | 'ci_high'>, lang: Lang): string {
  return formatInterval(row.ci_low, row.ci_high, lang, row.indicator === 'rank' ? { unit: 'plain' } : {});
}

/** What the target asks: "≥ 85 %", "> 90 %", or "nhóm 3 đứng đầu" / "top 3" for rank targets. */
export function targetThresholdCell(row: Pick<TargetRow, 'indicator' | 'comparator' | 'threshold'>, lang: Lang): string {
  if (row.indicator === 'rank') return CHART_WORDS[lang].topK(row.threshold);
  return thresholdText(row.comparator, row.threshold, lang);
}
