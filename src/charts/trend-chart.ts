/**
 * Trend chart: one indicator of one unit over periods of one kind (years, quarters or months):
 * a line through the estimates, a shaded 95 % interval band and a whisker on each point.
 *
 * Method breaks (a period measured with a new instrument version) are drawn as a dashed vertical
 * rule labelled "Thay đổi phương pháp" halfway before the first period of the new method, and the
 * line and band are broken there: no segment joins values measured by different methods. A
 * missing or suppressed period breaks the line too; a suppressed one says "quá ít phản hồi (n = 12)".
 * Optional: a target line with its threshold, and a comparison series (e.g. the province) drawn
 * dashed with hollow squares, each series named at its line's end rather than in a colour legend.
 */
import * as Plot from '@observablehq/plot';
import { formatInterval, formatNumber, formatPercent, formatPeriod } from '../site/format.ts';
import { hasEstimate, hasInterval, type ChartLang, type ChartResult, type EstimateRow } from './chart-result.ts';
import { CHART_WORDS, targetText } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { periodKindOf, periodPosition, periodTickLabel, periodTicks, type PeriodKind } from './period-scale.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, renderSvg } from './render-svg.ts';
import { marginFor } from './text-layout.ts';

/** A row the trend chart can draw: an estimate and its period (IndexRow is one). */
export type TrendChartRow = EstimateRow & { period: string };

export interface TrendChartOptions<R extends TrendChartRow> {
  lang: ChartLang;
  /** Name of the series, printed at the end of its line (e.g. "Huyện Ninh Sơn"). */
  seriesLabel: string;
  /** Periods that are the first measured with a new method version (trends.csv `method_break`). */
  methodBreaks?: string[];
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Draws one series over time (and an optional comparison series); see the module comment. */
export function trendChart<R extends TrendChartRow>(rows: R[], options: TrendChartOptions<R>): ChartResult<R> {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const comparisonRows = options.comparison?.rows ?? [];
  if (rows.length === 0 && comparisonRows.length === 0) return emptyChart(lang, options.width);
  const breakPeriods = options.methodBreaks ?? [];
  const kind = periodKindOf([...rows, ...comparisonRows].map((r) => r.period).concat(breakPeriods));
  const breaks = breakPeriods.map(periodPosition);
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
  const height = options.height ?? 300;
  const marginTop = 34;
  const marginBottom = kind === 'year' ? 30 : 44;
  const marginLeft = 48;
  const seriesLabels = [options.seriesLabel, options.comparison?.label ?? ''];
  const marginRight = marginFor(seriesLabels, CHART_FONT_SIZE, 40, 200, true);

  // End-of-line labels: pushed apart when the two series end within 14 px of each other.
  const pxPerPoint = (height - marginTop - marginBottom) / (valueDomain[1] - valueDomain[0]);
  const mainEnd = lastDrawn(main);
  const comparisonEnd = lastDrawn(comparison);
  let mainDy = 0;
  let comparisonDy = 0;
  if (mainEnd && comparisonEnd) {
    const apart = ((comparisonEnd.value ?? 0) - (mainEnd.value ?? 0)) * pxPerPoint;
    if (Math.abs(apart) < 14) {
      const push = (14 - Math.abs(apart)) / 2;
      mainDy = apart >= 0 ? push : -push;
      comparisonDy = -mainDy;
    }
  }

  const breakRules = breaks
    .filter((b) => b - 0.5 > first && b - 0.5 < last)
    .map((b) => ({ position: b - 0.5 }));
  // Suppressed periods of the comparison series are written one line further right.
  const suppressed = [
    ...main.filter((p) => p.row !== null && p.value === null).map((p) => ({ point: p, dx: 0 })),
    ...comparison.filter((p) => p.row !== null && p.value === null).map((p) => ({ point: p, dx: 14 })),
  ];
  const dodge = options.comparison ? 5 : 0;
  const compare = (marks: Plot.Markish[]) => (options.comparison ? marks : []);
  const target = options.target;

  const description = describe(main, comparison, kind, options);
  const svg = renderSvg(
    {
      width,
      height,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain: [first - 0.5, last + 0.5] },
      y: { domain: valueDomain, clamp: true },
      marks: [
        Plot.gridY({ stroke: '#000000', strokeOpacity: 0.1 }),
        Plot.axisY({
          label: options.valueLabel ?? words.valueAxis,
          labelArrow: 'none',
          tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1),
        }),
        Plot.axisX({
          ticks: periodTicks(first, last, kind),
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
        Plot.text(breakRules, {
          x: 'position',
          frameAnchor: 'top',
          dy: -8,
          lineAnchor: 'bottom',
          textAnchor: 'middle',
          fill: CHART_COLOURS.reference,
          text: () => words.methodChange,
        }),
        Plot.areaY(main, { x: 'position', y1: 'low', y2: 'high', z: 'era', fill: CHART_COLOURS.estimate, fillOpacity: 0.15 }),
        Plot.ruleX(main.filter((p) => p.low !== null), { x: 'position', y1: 'low', y2: 'high', stroke: CHART_COLOURS.estimate, strokeOpacity: 0.6 }),
        Plot.line(main, { x: 'position', y: 'value', z: 'era', stroke: CHART_COLOURS.estimate, strokeWidth: 2 }),
        Plot.dot(main.filter((p) => p.value !== null), { x: 'position', y: 'value', r: 4, fill: CHART_COLOURS.estimate, title: 'title' }),
        ...compare([
          Plot.ruleX(comparison.filter((p) => p.low !== null), { x: 'position', y1: 'low', y2: 'high', dx: dodge, stroke: CHART_COLOURS.highlight, strokeOpacity: 0.7 }),
          Plot.line(comparison, { x: 'position', y: 'value', z: 'era', dx: dodge, stroke: CHART_COLOURS.highlight, strokeWidth: 1.5, strokeDasharray: '6,4' }),
          Plot.dot(comparison.filter((p) => p.value !== null), {
            x: 'position', y: 'value', dx: dodge, symbol: 'square', r: 3.5, fill: 'white', stroke: CHART_COLOURS.highlight, strokeWidth: 1.5, title: 'title',
          }),
        ]),
        ...[0, 14].map((dx) =>
          Plot.text(suppressed.filter((s) => s.dx === dx), {
            x: (s: { point: TrendPoint<R> }) => s.point.position,
            dx,
            // Written upwards from the bottom of the frame, clear of lines that run higher up.
            frameAnchor: 'bottom',
            textAnchor: 'start',
            dy: -6,
            rotate: -90,
            ...ABSENCE_TEXT,
            text: (s: { point: TrendPoint<R> }) => words.tooFew(s.point.row?.n ?? 0),
          }),
        ),
        Plot.text(mainEnd ? [mainEnd] : [], {
          x: 'position', y: 'value', dx: 10, dy: mainDy, textAnchor: 'start', fontWeight: 'bold', text: () => options.seriesLabel,
        }),
        ...compare([
          Plot.text(comparisonEnd ? [comparisonEnd] : [], {
            x: 'position', y: 'value', dx: 10 + dodge, dy: comparisonDy, textAnchor: 'start', text: () => options.comparison?.label ?? '',
          }),
        ]),
      ],
    },
    description,
  );
  const drawnRows = all.flatMap((p) => (p.row ? [p.row] : []));
  return { svg, description, rows: drawnRows };
}
