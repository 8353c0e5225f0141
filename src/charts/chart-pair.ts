/**
 * A page chart drawn twice at build time, for a phone and for the desktop column (CHART_WIDTHS):
 * each SVG is drawn at the pixel width it is shown at, so its text keeps its size, and the page's
 * stylesheet shows one of the two (no JavaScript). Captions and rows come from the wide drawing;
 * both drawings describe the same rows.
 */
import type { ChartResult } from './chart-result.ts';
import { CHART_WIDTHS } from './render-svg.ts';

export interface ChartPair<R> extends ChartResult<R> {
  /** The same chart laid out for a phone. */
  phoneSvg: string;
}

/** `draw(width)` at the phone and the wide width; `svg` is the wide one. */
export function chartPair<R>(draw: (width: number) => ChartResult<R>): ChartPair<R> {
  const wide = draw(CHART_WIDTHS.wide);
  const phone = draw(CHART_WIDTHS.phone);
  return { ...wide, phoneSvg: phone.svg };
}
