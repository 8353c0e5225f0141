/**
 * Marks several charts share: the horizontal interval whisker (a rule from low to high, with or
 * without end caps) and the value axis with its light grid. One definition, so every chart draws
 * an interval the same way.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber } from '../site/format.ts';
import type { ChartLang } from './chart-result.ts';
import { CHART_COLOURS } from './palette.ts';

/** Vertical inset of the caps in a bullet row (band scale), so caps are short ticks. */
const CAP_INSET = 24;

/**
 * A horizontal whisker per datum on the `key` row, from `low(d)` to `high(d)`; with `caps`, short
 * ticks at both ends (bullet charts, whose rows are bands). `dy` moves the whisker down from the
 * row's centre and `capInsets` (top, bottom) size the caps, for rows that stack labels above the marks.
 */
export function intervalWhisker<D>(
  data: D[],
  low: (d: D) => number | null,
  high: (d: D) => number | null,
  {
    stroke = CHART_COLOURS.estimate,
    caps = false,
    dy = 0,
    capInsets = [CAP_INSET, CAP_INSET],
  }: { stroke?: string; caps?: boolean; dy?: number; capInsets?: [number, number] } = {},
): Plot.Markish[] {
  const rule = Plot.ruleY(data, { y: 'key', x1: low, x2: high, dy, stroke, strokeWidth: 2 });
  if (!caps) return [rule];
  return [
    rule,
    ...[low, high].map((bound) =>
      Plot.tickX(data, { y: 'key', x: bound, insetTop: capInsets[0], insetBottom: capInsets[1], stroke, strokeWidth: 2 }),
    ),
  ];
}

/**
 * The x axis of a percentage or rank chart, with its grid: integers print bare, others 1 decimal.
 * `ticks` fixes the tick values (a phone gets fewer); `grid: false` leaves the full-height grid out
 * (stacked layouts draw it per row, clear of the labels between rows).
 */
export function valueAxis(
  label: string,
  lang: ChartLang,
  { ticks, grid = true }: { ticks?: number[]; grid?: boolean } = {},
): Plot.Markish[] {
  return [
    grid ? Plot.gridX({ stroke: '#000000', strokeOpacity: 0.1, ...(ticks ? { ticks } : {}) }) : null,
    Plot.axisX({
      label,
      labelAnchor: 'center',
      labelArrow: 'none',
      ...(ticks ? { ticks } : {}),
      tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1),
    }),
  ];
}

/**
 * The value axis of a chart whose values run up the y axis (trends, the funnel plot): tick labels
 * in the page's number format (fewer on a phone), and the axis title written level across the top
 * left corner rather than turned along the axis.
 */
export function valueAxisY(
  label: string,
  lang: ChartLang,
  { narrow, marginLeft, marginTop }: { narrow: boolean; marginLeft: number; marginTop: number },
): Plot.Markish[] {
  return [
    Plot.axisY({
      label: null,
      ticks: narrow ? 5 : undefined,
      tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1),
    }),
    Plot.text([label], {
      frameAnchor: 'top-left',
      dx: -marginLeft,
      dy: -marginTop + 2,
      lineAnchor: 'top',
      textAnchor: 'start',
      text: (d: string) => d,
    }),
  ];
}

/** Round tick values over `domain`, about one per 70 px of a frame `frameWidth` px wide. */
export function valueTicks(domain: [number, number], frameWidth: number): number[] {
  return scaleLinear().domain(domain).ticks(Math.max(2, Math.floor(frameWidth / 70)));
}

/**
 * Light vertical grid lines at `ticks`, drawn inside each row's mark lane only (a band y scale with
 * `key` rows), so they never run through the labels stacked above the marks.
 */
export function laneGrid<D>(rows: D[], ticks: number[], insetTop: number, insetBottom: number): Plot.Markish {
  const cells = rows.flatMap((row) => ticks.map((tick) => ({ row, tick })));
  return Plot.tickX(cells, {
    x: 'tick',
    y: (c: { row: D }) => (c.row as { key: string }).key,
    insetTop,
    insetBottom,
    stroke: '#000000',
    strokeOpacity: 0.1,
    ariaLabel: 'x-grid',
  });
}
