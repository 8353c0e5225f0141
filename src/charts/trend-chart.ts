/**
 * Trend chart: one indicator of one unit over periods of one kind (years, quarters or months):
 * a line through the estimates, a shaded 95 % interval band and a whisker on each point.
 *
 * Method breaks (a period measured with a new instrument version) are drawn as a dashed vertical
 * rule labelled "Thay đổi phương pháp" halfway before the first period of the new method, and the
 * line and band are broken there: no segment joins values measured by different methods. A
 * missing or suppressed period breaks the line too; a note under the axis says "2021: quá ít phản
 * hồi (n = 12)" (under the axis, not across the frame, where it would cross the lines).
 * A boundary break (the first period of a unit created on 1 July 2025) is drawn the same way,
 * labelled "Địa giới mới"; the periods before it are the unit's back-cast (rows with basis
 * `back-cast`: the old communes that lie wholly in it), drawn with hollow points and a dotted line
 * so they do not read as the unit's own measurements.
 * Optional: a target line with its threshold, and a comparison series (e.g. the province) drawn
 * dashed with hollow squares. Each series is named in the right margin at the height of its latest
 * point, with that point's value, rather than in a colour legend. A narrow `width` (a phone) gets
 * fewer ticks and names wrapped onto several lines.
 */
import * as Plot from '@observablehq/plot';
import { capitalise, formatInterval, formatPercent, formatPeriod } from '../site/format.ts';
import { hasEstimate, hasInterval, type ChartLang, type ChartResult, type EstimateRow } from './chart-result.ts';
import { CHART_WORDS, targetText } from './chart-words.ts';
import { valueAxisY } from './interval-marks.ts';
import { emptyChart } from './empty-chart.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { periodKindOf, periodPosition, periodTickLabel, periodTicks, type PeriodKind } from './period-scale.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, keyRender, renderSvg } from './render-svg.ts';
import { anchorWithin, charsPerLine, estimateTextWidth, LINE_HEIGHT, lineHeightPx, marginFor, wrapWords } from './text-layout.ts';

/** A row the trend chart can draw: an estimate and its period (IndexRow is one). */
export type TrendChartRow = EstimateRow & { period: string; basis?: string };

export interface TrendChartOptions<R extends TrendChartRow> {
  lang: ChartLang;
  /** Name of the series, printed at the end of its line (e.g. "Huyện Ninh Sơn"). */
  seriesLabel: string;
  /** Periods that are the first measured with a new method version (trends.csv `method_break`). */
  methodBreaks?: string[];
  /** The first period measured in the unit's new boundaries (trends.csv `boundary_break`). */
  boundaryBreak?: string;
  /** A horizontal target line, e.g. `{ threshold: 90, comparator: '>=' }`. */
  target?: { threshold: number; comparator?: string };
  /** A second series to compare with, same indicator and period kind (e.g. the province). */
  comparison?: { rows: R[]; label: string };
  /** What is shown, for the description; default "tỷ lệ hài lòng" / "satisfaction". */
  subject?: string;
  valueLabel?: string;
  /** Fixed axis range in %; default fits the data, interval bounds and target. */
  domain?: [number, number];
  width?: number;
  height?: number;
}

interface TrendPoint<R extends TrendChartRow> {
  position: number;
  /** Method era: how many method breaks come at or before this period. */
  era: number;
  row: R | null;
  value: number | null;
  low: number | null;
  high: number | null;
  title: string;
}

const KIND_WORDS: Record<ChartLang, Record<PeriodKind, string>> = {
  vi: { year: 'theo năm', quarter: 'theo quý', month: 'theo tháng' },
  en: { year: 'by year', quarter: 'by quarter', month: 'by month' },
};

/**
 * One point per period from the series' first to last period, in order; periods without a row
 * are points with no value, so the line breaks there instead of bridging the gap.
 */
function seriesPoints<R extends TrendChartRow>(
  rows: R[],
  label: string,
  breaks: number[],
  lang: ChartLang,
): TrendPoint<R>[] {
  const byPosition = new Map<number, R>();
  for (const row of rows) {
    const position = periodPosition(row.period);
    if (byPosition.has(position)) throw new Error(`trend chart: period ${row.period} appears twice in series "${label}"`);
    byPosition.set(position, row);
  }
  const positions = [...byPosition.keys()].sort((a, b) => a - b);
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first === undefined || last === undefined) return [];
  const words = CHART_WORDS[lang];
  const points: TrendPoint<R>[] = [];
  for (let position = first; position <= last; position += 1) {
    const row = byPosition.get(position) ?? null;
    const drawn = row !== null && hasEstimate(row);
    const interval = row !== null && hasInterval(row) ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
    points.push({
      position,
      era: breaks.filter((b) => b <= position).length,
      row,
      value: drawn ? row.value : null,
      low: drawn ? row.ci_low : null,
      high: drawn ? row.ci_high : null,
      title: row === null ? '' : `${label}, ${formatPeriod(row.period, lang)}: ${formatPercent(row.value, lang)}${interval}, ${words.n(row.n)}`,
    });
  }
  return points;
}

function lastDrawn<R extends TrendChartRow>(points: TrendPoint<R>[]): TrendPoint<R> | undefined {
  return points.filter((p) => p.value !== null).at(-1);
}

function describe<R extends TrendChartRow>(
  main: TrendPoint<R>[],
  comparison: TrendPoint<R>[],
  kind: PeriodKind,
  options: TrendChartOptions<R>,
): string {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const subject = options.subject ?? (lang === 'vi' ? 'tỷ lệ hài lòng' : 'satisfaction');
  const period = (p: TrendPoint<R>) => (p.row ? formatPeriod(p.row.period, lang) : '');
  const drawn = main.filter((p) => p.value !== null);
  const first = drawn[0];
  const last = drawn.at(-1);
  const parts: string[] = [];
  const span = main.length > 0 ? `${period(main[0]!)}–${period(main.at(-1)!)}` : '';
  parts.push(lang === 'vi'
    ? `${capitalise(subject)} của ${options.seriesLabel} ${KIND_WORDS.vi[kind]}, ${span}.`
    : `${capitalise(subject)} of ${options.seriesLabel} ${KIND_WORDS.en[kind]}, ${span}.`);
  if (first && last && first !== last) {
    parts.push(lang === 'vi'
      ? `Từ ${formatPercent(first.value, lang)} (${period(first)}) đến ${formatPercent(last.value, lang)} (${period(last)}).`
      : `From ${formatPercent(first.value, lang)} (${period(first)}) to ${formatPercent(last.value, lang)} (${period(last)}).`);
  } else if (first) {
    parts.push(`${period(first)}: ${formatPercent(first.value, lang)}.`);
  }
  if (options.boundaryBreak) {
    parts.push(lang === 'vi'
      ? `Trước ${formatPeriod(options.boundaryBreak, lang)}: số tính ngược từ các xã cũ nằm trọn trong đơn vị (điểm rỗng); không so sánh trực tiếp hai bên.`
      : `Before ${formatPeriod(options.boundaryBreak, lang)}: back-cast from the old communes that lie wholly in the unit (hollow points); the two sides are not directly comparable.`);
  }
  for (const breakPeriod of options.methodBreaks ?? []) {
    parts.push(lang === 'vi'
      ? `${words.methodChange} từ ${formatPeriod(breakPeriod, lang)}: không so sánh trực tiếp hai bên.`
      : `${words.methodChange} from ${formatPeriod(breakPeriod, lang)}: the two sides are not directly comparable.`);
  }
  for (const p of main) {
    if (p.row && p.value === null) parts.push(`${period(p)}: ${words.tooFew(p.row.n)}.`);
  }
  if (options.target) {
    const { threshold, comparator = '>=' } = options.target;
    parts.push(`${targetText(comparator, threshold, lang)}.`);
  }
  const compared = lastDrawn(comparison);
  if (options.comparison && compared) {
    parts.push(`${lang === 'vi' ? 'So sánh' : 'Compared with'} ${options.comparison.label}: ${formatPercent(compared.value, lang)} (${period(compared)}).`);
  }
  return parts.join(' ');
}

/** The point of the chart in at most two sentences: what is drawn over which span, and how to read it. */
function caption<R extends TrendChartRow>(main: TrendPoint<R>[], kind: PeriodKind, options: TrendChartOptions<R>): string {
  const { lang } = options;
  const subject = options.subject ?? (lang === 'vi' ? 'tỷ lệ hài lòng' : 'satisfaction');
  const period = (p: TrendPoint<R> | undefined) => (p?.row ? formatPeriod(p.row.period, lang) : '');
  const span = main.length > 1 ? `, ${period(main[0])}–${period(main.at(-1))}` : main.length === 1 ? `, ${period(main[0])}` : '';
  const first = lang === 'vi'
    ? `${capitalise(subject)} của ${options.seriesLabel} ${KIND_WORDS.vi[kind]}${span}.`
    : `${capitalise(subject)} of ${options.seriesLabel} ${KIND_WORDS.en[kind]}${span}.`;
  const breaks = options.methodBreaks ?? [];
  const firstBreak = breaks[0];
  let second = '';
  if (options.boundaryBreak !== undefined) {
    second = lang === 'vi'
      ? `Trước ${formatPeriod(options.boundaryBreak, lang)} (điểm rỗng, nét chấm) là số tính ngược từ các xã cũ nằm trọn trong đơn vị, không phải số đo của chính đơn vị; không so sánh trực tiếp hai bên vạch.`
      : `Before ${formatPeriod(options.boundaryBreak, lang)} (hollow points, dotted line) is a back-cast from the old communes that lie wholly in the unit, not the unit's own measurement; the two sides of the rule are not directly comparable.`;
  } else if (firstBreak !== undefined) {
    second = lang === 'vi'
      ? `Phương pháp đo thay đổi từ ${formatPeriod(firstBreak, lang)}, nên không so sánh trực tiếp hai bên vạch đứt nét.`
      : `The method changed in ${formatPeriod(firstBreak, lang)}, so the two sides of the dashed rule are not directly comparable.`;
  } else if (options.comparison) {
    second = lang === 'vi'
      ? `Đường đứt nét là ${options.comparison.label}, để so sánh.`
      : `The dashed line is ${options.comparison.label}, for comparison.`;
  }
  return second ? `${first} ${second}` : first;
}

/** Draws one series over time (and an optional comparison series); see the module comment. */
export function trendChart<R extends TrendChartRow>(rows: R[], options: TrendChartOptions<R>): ChartResult<R> {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const comparisonRows = options.comparison?.rows ?? [];
  if (rows.length === 0 && comparisonRows.length === 0) return emptyChart(lang, options.width);
  const breakPeriods = options.methodBreaks ?? [];
  const boundaryPeriods = options.boundaryBreak ? [options.boundaryBreak] : [];
  const kind = periodKindOf([...rows, ...comparisonRows].map((r) => r.period).concat(breakPeriods, boundaryPeriods));
  // Both kinds of break split the line into eras; each rule carries its own label.
  const breaks = [...breakPeriods, ...boundaryPeriods].map(periodPosition);
  const main = seriesPoints(rows, options.seriesLabel, breaks, lang);
  const comparison = options.comparison ? seriesPoints(comparisonRows, options.comparison.label, breaks, lang) : [];
  const all = [...main, ...comparison];
  const positions = all.map((p) => p.position);
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const valueDomain =
    options.domain ??
    percentDomain(all.flatMap((p) => [p.value, p.low, p.high]).concat(options.target?.threshold ?? null));

  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const line = lineHeightPx(CHART_FONT_SIZE);
  const height = options.height ?? (narrow ? 260 : 300);
  const marginLeft = narrow ? 36 : 48;
  const mainEnd = lastDrawn(main);
  const comparisonEnd = lastDrawn(comparison);
  // Each series is named in the right margin at the height of its latest point, with that point's
  // value (and its period when the series stops early): outside the frame, so no line crosses it.
  const lastPeriod = main.concat(comparison).map((p) => p.position).reduce((a, b) => Math.max(a, b), -Infinity);
  const endText = (label: string, end: TrendPoint<R> | undefined) => {
    if (!end) return '';
    const when = end.position === lastPeriod || !end.row ? '' : ` (${formatPeriod(end.row.period, lang)})`;
    const nameChars = charsPerLine(narrow ? 96 : 210, CHART_FONT_SIZE, true);
    return [...wrapWords(label, nameChars), `${formatPercent(end.value, lang)}${when}`].join('\n');
  };
  const mainText = endText(options.seriesLabel, mainEnd);
  const comparisonText = options.comparison ? endText(options.comparison.label, comparisonEnd) : '';
  const marginRight = marginFor([mainText, comparisonText], CHART_FONT_SIZE, 40, narrow ? 116 : 240, true);
  const frameWidth = width - marginLeft - marginRight;

  // Top margin: the axis title on its own line, then the break labels (wrapped to fit).
  const labelLines = (text: string) => wrapWords(text, charsPerLine(narrow ? 96 : 240, CHART_FONT_SIZE));
  const breakRules = [
    ...breakPeriods.map((p) => ({ position: periodPosition(p) - 0.5, text: labelLines(words.methodChange).join('\n') })),
    ...boundaryPeriods.map((p) => ({ position: periodPosition(p) - 0.5, text: labelLines(words.newBoundaries).join('\n') })),
  ].filter((b) => b.position > first && b.position < last);
  const labelHeight = Math.max(0, ...breakRules.map((b) => b.text.split('\n').length));
  // Each label sits on its rule, shifted to stay inside the chart; two labels too close to share a
  // line (a method change in 2023 and new boundaries in 2025, on a phone) are stacked, the later
  // one above. `tier` counts the label rows above the frame.
  const ruleX = (position: number) => ((position - (first - 0.5)) / (last - first + 1)) * frameWidth;
  const extent = (b: { position: number; text: string }) => {
    const w = Math.max(...b.text.split('\n').map((l) => estimateTextWidth(l, CHART_FONT_SIZE)));
    const x = ruleX(b.position);
    const anchor = anchorWithin(x, w, frameWidth + marginRight);
    const from = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { from, to: from + w, anchor };
  };
  const placedRules: { position: number; text: string; anchor: 'start' | 'middle' | 'end'; tier: number }[] = [];
  for (const rule of [...breakRules].sort((a, b) => a.position - b.position)) {
    const own = extent(rule);
    const clashes = placedRules.filter((p) => {
      const other = extent(p);
      return own.from < other.to + 8 && other.from < own.to + 8;
    });
    placedRules.push({ ...rule, anchor: own.anchor, tier: clashes.reduce((t, p) => Math.max(t, p.tier + 1), 0) });
  }
  const tiers = placedRules.reduce((t, p) => Math.max(t, p.tier + 1), 0);
  const tierHeight = labelHeight * line + 2;
  const marginTop = line + 10 + (tiers > 0 ? tiers * tierHeight + 2 : 0);

  // Suppressed periods are named in a note under the axis, never written across the lines.
  const suppressedNote = (points: TrendPoint<R>[], label: string | null) => {
    const items = points.filter((p) => p.row !== null && p.value === null)
      // No-break spaces keep "(n = 25)" on one line when the note wraps.
      .map((p) => `${p.row ? formatPeriod(p.row.period, lang) : ''}: ${words.tooFew(p.row?.n ?? 0).replace(/ = /g, '\u00a0=\u00a0')}`);
    return items.length === 0 ? '' : `${label ? `${label} — ` : ''}${items.join('; ')}`;
  };
  const notes = [suppressedNote(main, options.comparison ? options.seriesLabel : null), suppressedNote(comparison, options.comparison?.label ?? null)]
    .filter((n) => n !== '')
    .flatMap((n) => wrapWords(n, charsPerLine(width - 8, CHART_FONT_SIZE)));
  const axisHeight = kind === 'year' ? 30 : 44;
  const marginBottom = axisHeight + (notes.length > 0 ? notes.length * line + 6 : 0);
  const plotHeight = height + (notes.length > 0 ? notes.length * line + 6 : 0);

  // End labels: pushed apart when their blocks of lines would overlap.
  const pxPerPoint = (plotHeight - marginTop - marginBottom) / (valueDomain[1] - valueDomain[0]);
  let mainDy = 0;
  let comparisonDy = 0;
  if (mainEnd && comparisonEnd) {
    const apart = ((mainEnd.value ?? 0) - (comparisonEnd.value ?? 0)) * pxPerPoint;
    const needed = ((mainText.split('\n').length + comparisonText.split('\n').length) * line) / 2 + 4;
    if (Math.abs(apart) < needed) {
      // The higher value keeps the upper place (screen y grows downwards).
      const push = (needed - Math.abs(apart)) / 2;
      mainDy = apart >= 0 ? -push : push;
      comparisonDy = -mainDy;
    }
  }

  const dodge = options.comparison ? 5 : 0;
  const compare = (marks: Plot.Markish[]) => (options.comparison ? marks : []);
  const target = options.target;
  const xOf = (position: number) => ((position - (first - 0.5)) / (last - first + 1)) * frameWidth;
  // A tick label that would reach left of the frame would run into the value axis's lowest label.
  const tickHalfWidth = (p: number) => estimateTextWidth(kind === 'year' ? String(p) : periodTickLabel(p, kind, lang), CHART_FONT_SIZE) / 2;
  const xTicks = periodTicks(first, last, kind, Math.max(2, Math.floor(frameWidth / (kind === 'year' ? 44 : 40))))
    .filter((p) => xOf(p) - tickHalfWidth(p) >= -4);
  const backCast = (p: TrendPoint<R>) => p.row?.basis === 'back-cast';
  // The dotted line runs through every period before the boundary (gaps keep breaking it).
  const boundaryAt = boundaryPeriods[0] === undefined ? undefined : periodPosition(boundaryPeriods[0]);
  const beforeBoundary = (p: TrendPoint<R>) => boundaryAt !== undefined && p.position < boundaryAt;

  const description = describe(main, comparison, kind, options);
  const svg = renderSvg(
    {
      width,
      height: plotHeight,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain: [first - 0.5, last + 0.5] },
      y: { domain: valueDomain, clamp: true },
      marks: [
        Plot.gridY({ stroke: '#000000', strokeOpacity: 0.1 }),
        ...valueAxisY(options.valueLabel ?? words.valueAxis, lang, { narrow, marginLeft, marginTop }),
        Plot.axisX({
          ticks: xTicks,
          tickFormat: kind === 'year' ? 'd' : (p: number) => periodTickLabel(p, kind, lang),
          label: null,
        }),
        target
          ? [
              Plot.ruleY([target.threshold], { stroke: CHART_COLOURS.reference, strokeDasharray: '2,3', strokeWidth: 1.5 }),
              Plot.text([target], {
                y: 'threshold',
                frameAnchor: 'left',
                textAnchor: 'start',
                dx: 4,
                dy: -8,
                fill: CHART_COLOURS.reference,
                text: () => targetText(target.comparator ?? '>=', target.threshold, lang),
              }),
            ]
          : null,
        Plot.ruleX(breakRules, { x: 'position', stroke: CHART_COLOURS.reference, strokeDasharray: '6,4', strokeWidth: 1.5 }),
        ...Array.from({ length: tiers }, (_, tier) =>
          (['start', 'middle', 'end'] as const).map((textAnchor) =>
            Plot.text(placedRules.filter((b) => b.tier === tier && b.anchor === textAnchor), {
              x: 'position',
              frameAnchor: 'top',
              dy: -4 - tier * tierHeight,
              lineAnchor: 'bottom',
              textAnchor,
              lineHeight: LINE_HEIGHT,
              fill: CHART_COLOURS.reference,
              text: 'text',
            }),
          ),
        ).flat(),
        Plot.areaY(main, { x: 'position', y1: 'low', y2: 'high', z: 'era', fill: CHART_COLOURS.estimate, fillOpacity: 0.15 }),
        Plot.ruleX(main.filter((p) => p.low !== null), { x: 'position', y1: 'low', y2: 'high', stroke: CHART_COLOURS.estimate, strokeOpacity: 0.6 }),
        Plot.line(main.filter((p) => !beforeBoundary(p)), { x: 'position', y: 'value', z: 'era', stroke: CHART_COLOURS.estimate, strokeWidth: 2 }),
        Plot.line(main.filter(beforeBoundary), { x: 'position', y: 'value', z: 'era', stroke: CHART_COLOURS.estimate, strokeWidth: 1.5, strokeDasharray: '2,3' }),
        Plot.dot(main.filter((p) => p.value !== null && p !== mainEnd && !backCast(p)), { x: 'position', y: 'value', r: 4, fill: CHART_COLOURS.estimate, title: 'title' }),
        Plot.dot(main.filter((p) => p.value !== null && p !== mainEnd && backCast(p)), {
          x: 'position', y: 'value', r: 4, fill: 'white', stroke: CHART_COLOURS.estimate, strokeWidth: 1.5, title: 'title',
        }),
        Plot.dot(mainEnd ? [mainEnd] : [], { x: 'position', y: 'value', r: 4, fill: CHART_COLOURS.estimate, title: 'title', render: keyRender('latest') }),
        ...compare([
          Plot.ruleX(comparison.filter((p) => p.low !== null), { x: 'position', y1: 'low', y2: 'high', dx: dodge, stroke: CHART_COLOURS.highlight, strokeOpacity: 0.7 }),
          Plot.line(comparison, { x: 'position', y: 'value', z: 'era', dx: dodge, stroke: CHART_COLOURS.highlight, strokeWidth: 1.5, strokeDasharray: '6,4' }),
          Plot.dot(comparison.filter((p) => p.value !== null), {
            x: 'position', y: 'value', dx: dodge, symbol: 'square', r: 3.5, fill: 'white', stroke: CHART_COLOURS.highlight, strokeWidth: 1.5, title: 'title',
          }),
        ]),
        Plot.text(notes.length > 0 ? [notes.join('\n')] : [], {
          frameAnchor: 'bottom-left',
          dx: -marginLeft + 4,
          dy: axisHeight,
          lineAnchor: 'top',
          textAnchor: 'start',
          lineHeight: LINE_HEIGHT,
          ...ABSENCE_TEXT,
          text: (d: string) => d,
        }),
        Plot.text(mainEnd ? [mainEnd] : [], {
          y: 'value', frameAnchor: 'right', dx: 8, dy: mainDy, textAnchor: 'start', fontWeight: 'bold', lineHeight: LINE_HEIGHT, text: () => mainText, render: keyRender('latest'),
        }),
        ...compare([
          Plot.text(comparisonEnd ? [comparisonEnd] : [], {
            y: 'value', frameAnchor: 'right', dx: 8, dy: comparisonDy, textAnchor: 'start', lineHeight: LINE_HEIGHT, text: () => comparisonText,
          }),
        ]),
      ],
    },
    description,
  );
  const drawnRows = all.flatMap((p) => (p.row ? [p.row] : []));
  return { svg, description, caption: caption(main, kind, options), rows: drawnRows };
}
