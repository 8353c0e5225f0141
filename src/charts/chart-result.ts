/**
 * What every chart function returns, and the columns the charts read from estimate rows.
 * A chart is a plain function `(rows, options) → ChartResult`: the SVG for the page, a summary
 * for screen readers, a caption of at most two sentences, and exactly the rows it drew (for the
 * "download this data" CSV).
 */
import type { Lang } from '../site/i18n.ts';

export type ChartLang = Lang;

export interface ChartResult<R> {
  /** `<svg role="img" aria-label="…">…</svg>`, `width` px wide (640 by default). */
  svg: string;
  /** Plain-language summary in the chart's language, with its numbers; the SVG's aria-label. */
  description: string;
  /** The chart's point in at most two sentences, for the visible caption (numbers: the table twin). */
  caption: string;
  /** The rows drawn, in drawing order, including suppressed rows shown as text. */
  rows: R[];
}

/** The columns of an estimate with its 95 % interval (IndexRow and RankingRow have them). */
export interface EstimateRow {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  status?: string;
}

/** Suppressed cells (status `suppressed` or no value) are never drawn as a mark, only as text. */
export function hasEstimate(row: EstimateRow): boolean {
  return row.value !== null && Number.isFinite(row.value) && row.status !== 'suppressed';
}

/** An interval is drawn only when both bounds exist (coverage rows have none). */
export function hasInterval(row: EstimateRow): boolean {
  return hasEstimate(row) && row.ci_low !== null && row.ci_high !== null;
}
