/**
 * The explicit empty state of every chart: a chart asked to draw no rows says "Không có dữ liệu"
 * in a short SVG of the usual width, rather than drawing empty axes a reader could misread.
 */
import * as Plot from '@observablehq/plot';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { ABSENCE_TEXT } from './palette.ts';
import { CHART_WIDTH, renderSvg } from './render-svg.ts';

const NO_DATA: Record<ChartLang, string> = { vi: 'Không có dữ liệu để vẽ biểu đồ.', en: 'No data to chart.' };

export function emptyChart<R>(lang: ChartLang, width = CHART_WIDTH): ChartResult<R> {
  const description = NO_DATA[lang];
  const svg = renderSvg(
    {
      width,
      height: 60,
      x: { axis: null },
      y: { axis: null },
      marks: [Plot.text([description], { text: (d: string) => d, frameAnchor: 'middle', ...ABSENCE_TEXT })],
    },
    description,
  );
  return { svg, description, caption: description, rows: [] };
}
