/**
 * Marks several charts share: the horizontal interval whisker (a rule from low to high, with or
 * without end caps) and the value axis with its light grid. One definition, so every chart draws
 * an interval the same way.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../site/format.ts';
import type { ChartLang } from './chart-result.ts';
import { CHART_COLOURS } from './palette.ts';

/** Vertical inset of the caps in a bullet row (band scale), so caps are short ticks. */
const CAP_INSET = 24;

/**
 * A horizontal whisker per datum on the `key` row, from `low(d)` to `high(d)`; with `caps`, short
 * ticks at both ends (bullet charts, whose rows are bands).
 */
export function intervalWhisker<D>(
  data: D[],
  low: (d: D) => number | null,
  high: (d: D) => number | null,
  { stroke = CHART_COLOURS.estimate, caps = false }: { stroke?: string; caps?: boolean } = {},
): Plot.Markish[] {
  const rule = Plot.ruleY(data, { y: 'key', x1: low, x2: high, stroke, strokeWidth: 2 });
  if (!caps) return [rule];
  return [
    rule,
    ...[low, high].map((bound) =>
      Plot.tickX(data, { y: 'key', x: bound, insetTop: CAP_INSET, insetBottom: CAP_INSET, stroke, strokeWidth: 2 }),
    ),
  ];
}

/** The x axis of a percentage or rank chart, with its grid: integers print bare, others 1 decimal. */
export function valueAxis(label: string, lang: ChartLang): Plot.Markish[] {
  return [
    Plot.gridX({ stroke: '#000000', strokeOpacity: 0.1 }),
    Plot.axisX({
      label,
      labelAnchor: 'center',
      labelArrow: 'none',
      tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1),
    }),
  ];
}
