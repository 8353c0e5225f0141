/**
 * Small multiples: one panel per unit, laid out in a grid that wraps (Plot's `fx`/`fy` facets on a
 * panel's column and row), every panel sharing the same x (years) and y scale, so panels compare
 * by eye. A phone gets one column (the panels stack and keep their full width), a printed page
 * three, the desktop column four. Each panel carries its title above its frame and its own year
 * axis, so a panel read alone (a phone, scrolled) still says what and when it is.
 *
 * The shared pieces live here: the grid's geometry, the panel titles, the year axis with a part
 * year marked `*`, the method-break rules (no line is drawn across them: callers split their
 * lines by `era`) and the notes under the grid.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../site/format.ts';
import type { ChartLang } from './chart-result.ts';
import { CHART_WORDS } from './chart-words.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { CHART_FONT_SIZE, isNarrow } from './render-svg.ts';
import { charsPerLine, LINE_HEIGHT, lineHeightPx, wrapWords } from './text-layout.ts';

export interface PanelGridOptions {
  /** Number of panels. */
  count: number;
  /** Drawing width in px. */
  width: number;
  /** Height of one panel's frame, px. */
  frameHeight: number;
  /** Longest panel title, to size the space above each frame. */
  titles: string[];
  /** Lines of notes drawn under the grid (already wrapped by the caller or not: they are wrapped here). */
  notes: string[];
  /** Lines of the axis title and key drawn above the grid. */
  header: string[];
}

export interface PanelGrid {
  columns: number;
  rows: number;
  /** The panel's column and row. */
  cell(index: number): { col: number; row: number };
  /** Each title wrapped to the panel's width. */
  titleLines: string[][];
  notes: string[];
  header: string[];
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Plot's fx and fy scale options for this grid. */
  fx: Plot.ScaleOptions;
  fy: Plot.ScaleOptions;
  /** Space above each frame for its title, px. */
  titleSpace: number;
}

/** Height of the year axis under each panel (tick and label), px. */
const AXIS_SPACE = 26;

/** Columns for `count` panels at `width`: one on a phone, three on a page, four on the desktop. */
export function panelColumns(count: number, width: number): number {
  const wanted = isNarrow(width) ? 1 : width < 900 ? 3 : 4;
  return Math.max(1, Math.min(wanted, count));
}

export function panelGrid(options: PanelGridOptions): PanelGrid {
  const { count, width, frameHeight } = options;
  const narrow = isNarrow(width);
  const columns = panelColumns(count, width);
  const rows = Math.max(1, Math.ceil(count / columns));
  const line = lineHeightPx(CHART_FONT_SIZE);
  const marginLeft = narrow ? 36 : 40;
  const marginRight = 12;
  const gapX = columns > 1 ? 28 : 0;
  const panelWidth = (width - marginLeft - marginRight - gapX * (columns - 1)) / columns;
  const titleLines = options.titles.map((t) => wrapWords(t, charsPerLine(panelWidth, CHART_FONT_SIZE, true)));
  const titleSpace = Math.max(1, ...titleLines.map((l) => l.length)) * line + 6;
  const notes = options.notes.flatMap((n) => wrapWords(n, charsPerLine(width - 8, CHART_FONT_SIZE)));
  const header = options.header.flatMap((n) => wrapWords(n, charsPerLine(width - 8, CHART_FONT_SIZE)));
  const marginTop = header.length * line + 6 + titleSpace;
  const marginBottom = AXIS_SPACE + (notes.length > 0 ? notes.length * line + 8 : 0);
  const gapY = AXIS_SPACE + titleSpace + 4;
  const height = marginTop + marginBottom + rows * frameHeight + (rows - 1) * gapY;
  const band = (n: number, size: number, gap: number): Plot.ScaleOptions => ({
    domain: Array.from({ length: n }, (_, i) => i),
    axis: null,
    paddingInner: n > 1 ? gap / (size + gap) : 0,
    paddingOuter: 0,
  });
  return {
    columns,
    rows,
    cell: (index) => ({ col: index % columns, row: Math.floor(index / columns) }),
    titleLines,
    notes,
    header,
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    fx: band(columns, panelWidth, gapX),
    fy: band(rows, frameHeight, gapY),
    titleSpace,
  };
}

/** A year's tick label: the year, with `*` for a part year (explained in the notes). */
export function yearTick(year: number, partYears: readonly string[]): string {
  return partYears.includes(String(year)) ? `${year}*` : String(year);
}

/** "tháng 1–6" / "January–June": the months of a part year. */
export function monthSpan(months: [number, number], lang: ChartLang): string {
  const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return lang === 'vi' ? `tháng ${months[0]}–${months[1]}` : `${EN[months[0] - 1]}–${EN[months[1] - 1]}`;
}

/** "* 2025: chỉ tháng 1–6 (một phần năm).": the note that explains a starred year. */
export function partYearNoteText(period: string, months: [number, number], lang: ChartLang): string {
  return lang === 'vi'
    ? `* ${period}: chỉ ${monthSpan(months, lang)} (một phần năm).`
    : `* ${period}: ${monthSpan(months, lang)} only (part year).`;
}

/** The method-break note, when the x span crosses a break. */
export function methodBreakNote(breaks: readonly string[], lang: ChartLang): string {
  if (breaks.length === 0) return '';
  const words = CHART_WORDS[lang];
  return lang === 'vi'
    ? `Vạch đứt nét: ${words.methodChange.toLowerCase()} từ ${breaks.join(', ')}; không nối đường qua vạch, không so sánh trực tiếp hai bên.`
    : `Dashed rule: ${words.methodChange.toLowerCase()} from ${breaks.join(', ')}; no line crosses it, and the two sides are not directly comparable.`;
}

export interface PanelCell {
  col: number;
  row: number;
}

/** Marks every grid draws: titles above each frame, the year axis in each panel, break rules, header and notes. */
export function panelFrameMarks(
  grid: PanelGrid,
  panels: readonly PanelCell[],
  options: { years: number[]; partYears: readonly string[]; breakPositions: number[]; lang: ChartLang; yAxis: Plot.Markish[] },
): Plot.Markish[] {
  const titled = panels.map((p, i) => ({ ...p, title: (grid.titleLines[i] ?? []).join('\n') }));
  const rules = panels.flatMap((p) => options.breakPositions.map((x) => ({ ...p, x })));
  const line = lineHeightPx(CHART_FONT_SIZE);
  return [
    ...options.yAxis,
    Plot.axisX({
      facetAnchor: null,
      ticks: options.years,
      tickFormat: (y: number) => yearTick(y, options.partYears),
      label: null,
      tickSize: 4,
    }),
    Plot.ruleX(rules, { x: 'x', fx: 'col', fy: 'row', stroke: CHART_COLOURS.reference, strokeDasharray: '6,4', strokeWidth: 1.5 }),
    Plot.text(titled, {
      fx: 'col',
      fy: 'row',
      frameAnchor: 'top-left',
      dx: 0,
      dy: -grid.titleSpace + 2,
      lineAnchor: 'top',
      textAnchor: 'start',
      fontWeight: 'bold',
      lineHeight: LINE_HEIGHT,
      text: 'title',
    }),
    Plot.text(grid.header.length > 0 ? [grid.header.join('\n')] : [], {
      facet: 'super',
      frameAnchor: 'top-left',
      dx: -grid.marginLeft + 2,
      dy: -grid.marginTop + 2,
      lineAnchor: 'top',
      textAnchor: 'start',
      lineHeight: LINE_HEIGHT,
      text: (d: string) => d,
    }),
    Plot.text(grid.notes.length > 0 ? [grid.notes.join('\n')] : [], {
      facet: 'super',
      frameAnchor: 'bottom-left',
      dx: -grid.marginLeft + 4,
      dy: grid.marginBottom - grid.notes.length * line - 2,
      lineAnchor: 'top',
      textAnchor: 'start',
      lineHeight: LINE_HEIGHT,
      ...ABSENCE_TEXT,
      fontStyle: 'normal',
      text: (d: string) => d,
    }),
  ];
}

/** The y axis of a shared percentage scale, in every panel (each panel may be read alone). */
export function percentAxisY(lang: ChartLang, ticks: number): Plot.Markish[] {
  return [
    Plot.gridY({ facetAnchor: null, stroke: '#000000', strokeOpacity: 0.1, ticks }),
    Plot.axisY({ facetAnchor: null, label: null, ticks, tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1) }),
  ];
}
