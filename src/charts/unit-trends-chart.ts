/**
 * Every unit's yearly index as small multiples (panel-grid.ts): one panel per unit, one shared
 * y scale, each year's estimate with its 95 % interval (a vertical whisker), a line through the
 * years of one method (none across a method break, drawn as a dashed rule), and a reference series
 * (the province) drawn in every panel as a dashed line with hollow squares, so each unit reads
 * against the same yardstick. Suppressed years are named in the notes, never drawn.
 */
import * as Plot from '@observablehq/plot';
import { formatInterval, formatPercent } from '../site/format.ts';
import { hasEstimate, hasInterval, type ChartLang, type ChartResult } from './chart-result.ts';
import { CHART_WORDS } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { methodBreakNote, panelFrameMarks, panelGrid, partYearNoteText, percentAxisY, type PanelCell } from './panel-grid.ts';
import { CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { CHART_WIDTH, isNarrow, renderSvg } from './render-svg.ts';
import type { TrendChartRow } from './trend-chart.ts';

export interface UnitTrendPanel<R extends TrendChartRow> {
  /** The unit's name, the panel's title. */
  label: string;
  /** Its yearly rows, oldest first. */
  rows: R[];
}

export interface UnitTrendsOptions<R extends TrendChartRow> {
  lang: ChartLang;
  /** Drawn in every panel for comparison (the province). */
  reference?: { label: string; rows: R[] };
  /** Years first measured with a new method version (trends.csv `method_break`). */
  methodBreaks?: string[];
  /** Years the units existed for only part of (2025: January–June), with the months. */
  partYears?: { period: string; months: [number, number] }[];
  /** What is drawn, for the description ("tỷ lệ hài lòng SIPAS"). */
  subject?: string;
  width?: number;
}

interface Point<R> extends PanelCell {
  x: number;
  era: number;
  value: number | null;
  low: number | null;
  high: number | null;
  source: R;
  title: string;
}

export function unitTrendsChart<R extends TrendChartRow>(panels: UnitTrendPanel<R>[], options: UnitTrendsOptions<R>): ChartResult<R> {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const width = options.width ?? CHART_WIDTH;
  const referenceRows = options.reference?.rows ?? [];
  const allRows = [...panels.flatMap((p) => p.rows), ...referenceRows];
  if (panels.length === 0 || allRows.length === 0) return emptyChart(lang, width);
  const years = [...new Set(allRows.map((r) => Number(r.period)))].sort((a, b) => a - b);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  const breaks = (options.methodBreaks ?? []).map(Number).filter((b) => b > first && b <= last);
  const eraOf = (x: number) => breaks.filter((b) => b <= x).length;
  const partYears = (options.partYears ?? []).filter((p) => years.includes(Number(p.period)));

  const suppressed: string[] = [];
  const pointsOf = (rows: R[], label: string, cell: PanelCell): Point<R>[] =>
    rows.map((row) => {
      const drawn = hasEstimate(row);
      if (!drawn) suppressed.push(`${label} ${row.period}: ${words.tooFew(row.n).replace(/ = /g, '\u00a0=\u00a0')}`);
      const interval = hasInterval(row) ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
      return {
        ...cell,
        x: Number(row.period),
        era: eraOf(Number(row.period)),
        value: drawn ? row.value : null,
        low: drawn && hasInterval(row) ? row.ci_low : null,
        high: drawn && hasInterval(row) ? row.ci_high : null,
        source: row,
        title: `${label}, ${row.period}: ${formatPercent(row.value, lang)}${interval}, ${words.n(row.n)}`,
      };
    });

  const narrow = isNarrow(width);
  const referenceLabel = options.reference?.label ?? '';
  const header = [
    words.valueAxis,
    lang === 'vi'
      ? `Chấm tròn và đường liền: đơn vị, với ${words.interval}${options.reference ? `; ô vuông rỗng và đường chấm gạch: ${referenceLabel}` : ''}.`
      : `Dots and solid line: the unit, with its ${words.interval}${options.reference ? `; hollow squares and dashed line: ${referenceLabel}` : ''}.`,
  ];
  // The grid is sized before the points exist only through the titles and notes; the notes need the
  // suppressed cells, so the points are made first with a provisional cell and placed after.
  const unitPoints = panels.map((p) => pointsOf(p.rows, p.label, { col: 0, row: 0 }));
  const referencePoints = options.reference ? pointsOf(referenceRows, referenceLabel, { col: 0, row: 0 }) : [];
  const notes = [
    ...partYears.map((p) => partYearNoteText(p.period, p.months, lang)),
    methodBreakNote(breaks.map(String), lang),
    ...[...new Set(suppressed)],
  ].filter((n) => n !== '');
  const grid = panelGrid({ count: panels.length, width, frameHeight: narrow ? 130 : 140, titles: panels.map((p) => p.label), notes, header });
  const cells = panels.map((_, i) => grid.cell(i));
  const place = (points: Point<R>[], cell: PanelCell) => points.map((p) => ({ ...p, ...cell }));
  const own = unitPoints.flatMap((points, i) => place(points, cells[i] ?? { col: 0, row: 0 }));
  const reference = cells.flatMap((cell) => place(referencePoints, cell));
  const domain = percentDomain(allRows.flatMap((r) => (hasEstimate(r) ? [r.value, hasInterval(r) ? r.ci_low : null, hasInterval(r) ? r.ci_high : null] : [])));
  const line = (p: Point<R>) => `${p.col}|${p.row}|${p.era}`;

  const description = describe(panels, unitPoints, options, first, last, breaks);
  const svg = renderSvg(
    {
      width,
      height: grid.height,
      marginTop: grid.marginTop,
      marginBottom: grid.marginBottom,
      marginLeft: grid.marginLeft,
      marginRight: grid.marginRight,
      fx: grid.fx,
      fy: grid.fy,
      x: { domain: [first - 0.5, last + 0.5] },
      y: { domain, clamp: true },
      marks: [
        ...panelFrameMarks(grid, cells, {
          years,
          partYears: partYears.map((p) => p.period),
          breakPositions: breaks.map((b) => b - 0.5),
          lang,
          yAxis: percentAxisY(lang, narrow ? 4 : 4),
        }),
        Plot.line(reference, { x: 'x', y: 'value', z: line, fx: 'col', fy: 'row', dx: 4, stroke: CHART_COLOURS.highlight, strokeWidth: 1.5, strokeDasharray: '6,4' }),
        Plot.dot(reference.filter((p) => p.value !== null), {
          x: 'x', y: 'value', fx: 'col', fy: 'row', dx: 4, symbol: 'square', r: 3, fill: 'white', stroke: CHART_COLOURS.highlight, strokeWidth: 1.5, title: 'title',
        }),
        Plot.ruleX(own.filter((p) => p.low !== null), { x: 'x', y1: 'low', y2: 'high', fx: 'col', fy: 'row', stroke: CHART_COLOURS.estimate, strokeOpacity: 0.7, strokeWidth: 1.5 }),
        Plot.line(own, { x: 'x', y: 'value', z: line, fx: 'col', fy: 'row', stroke: CHART_COLOURS.estimate, strokeWidth: 2 }),
        Plot.dot(own.filter((p) => p.value !== null), { x: 'x', y: 'value', fx: 'col', fy: 'row', r: 3.5, fill: CHART_COLOURS.estimate, title: 'title' }),
      ],
    },
    description,
  );
  return { svg, description, caption: caption(panels.length, options, first, last, breaks), rows: [...panels.flatMap((p) => p.rows), ...referenceRows] };
}

function describe<R extends TrendChartRow>(
  panels: UnitTrendPanel<R>[],
  points: Point<R>[][],
  options: UnitTrendsOptions<R>,
  first: number,
  last: number,
  breaks: number[],
): string {
  const { lang } = options;
  const subject = options.subject ?? (lang === 'vi' ? 'tỷ lệ hài lòng' : 'satisfaction');
  const parts = [
    lang === 'vi'
      ? `${capitalised(subject)} theo năm, ${first}–${last}, mỗi đơn vị một ô, cùng một thang đo.`
      : `${capitalised(subject)} by year, ${first}–${last}, one panel per unit, on one shared scale.`,
  ];
  panels.forEach((panel, i) => {
    const drawn = (points[i] ?? []).filter((p) => p.value !== null);
    const a = drawn[0];
    const b = drawn.at(-1);
    if (!a || !b) return;
    parts.push(
      a === b
        ? `${panel.label}: ${formatPercent(a.value, lang)} (${a.source.period}).`
        : lang === 'vi'
          ? `${panel.label}: từ ${formatPercent(a.value, lang)} (${a.source.period}) đến ${formatPercent(b.value, lang)} (${b.source.period}).`
          : `${panel.label}: from ${formatPercent(a.value, lang)} (${a.source.period}) to ${formatPercent(b.value, lang)} (${b.source.period}).`,
    );
  });
  const note = methodBreakNote(breaks.map(String), lang);
  if (note) parts.push(note);
  return parts.join(' ');
}

function caption<R extends TrendChartRow>(count: number, options: UnitTrendsOptions<R>, first: number, last: number, breaks: number[]): string {
  const { lang } = options;
  const reference = options.reference?.label;
  const one = lang === 'vi'
    ? `${count} đơn vị, ${first}–${last}, trên cùng một thang đo${reference ? `, mỗi ô có ${reference} để so sánh` : ''}.`
    : `${count} units, ${first}–${last}, on one shared scale${reference ? `, each panel with ${reference} for comparison` : ''}.`;
  const two = breaks.length > 0
    ? lang === 'vi'
      ? `Phương pháp đo thay đổi từ ${breaks.join(', ')}, nên không so sánh trực tiếp hai bên vạch đứt nét.`
      : `The method changed in ${breaks.join(', ')}, so the two sides of the dashed rule are not directly comparable.`
    : '';
  return two ? `${one} ${two}` : one;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
