/**
 * A page chart drawn at build time once per layout (CHART_WIDTHS): a phone, a tablet or a printed
 * A4 page, and the desktop column. Each SVG is drawn at the pixel width it is shown at, so its text
 * keeps its size, and the page's stylesheet shows one of them (no JavaScript). Captions and rows
 * come from the wide drawing; every drawing describes the same rows.
 */
import type { ChartResult } from './chart-result.ts';
import { CHART_WIDTHS, type ChartLayout } from './render-svg.ts';

export interface ChartDrawings<R> extends ChartResult<R> {
  /** The chart's SVG for each layout (`svg` is the wide one). */
  drawings: Record<ChartLayout, string>;
}

/** `draw(width)` at every layout's width. */
export function chartDrawings<R>(draw: (width: number) => ChartResult<R>): ChartDrawings<R> {
  const wide = draw(CHART_WIDTHS.wide);
  return { ...wide, drawings: { phone: draw(CHART_WIDTHS.phone).svg, page: draw(CHART_WIDTHS.page).svg, wide: wide.svg } };
}
