/**
 * Difference chart (compare pages): one row per indicator, a dot at the difference between unit A
 * and unit B (percentage points) with a whisker over its 95 % interval, and a dashed line at 0.
 * A row whose interval excludes 0 gets a filled dot ("a statistically significant difference"),
 * one whose interval holds 0 a hollow dot: shape as well as the words of the table twin, never
 * colour alone. Above the frame, "← B cao hơn" on the left and "A cao hơn →" on the right say
 * which side is which. A row with a suppressed cell gets no dot, only "quá ít phản hồi".
 * On a phone (a narrow `width`) each name is written above its row's dot, across the whole width.
 */
import * as Plot from '@observablehq/plot';
import { nice } from 'd3';
import type { ComparisonRow } from '../engine/tables.ts';
import { formatNumber, formatPoints } from '../site/format.ts';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker, laneGrid, valueAxis, valueTicks } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, renderSvg } from './render-svg.ts';
import { BASELINE_GAP, charsPerLine, LINE_HEIGHT, lineHeightPx, marginFor, rowLabelAnchor, sideLabelWidth, STACK_PAD, wrapWords } from './text-layout.ts';

export interface DifferenceChartOptions {
  lang: ChartLang;
  /** The indicator's name in `lang` ("Chỉ số hài lòng chung", "Tiếp cận dịch vụ"). */
  label: (row: ComparisonRow) => string;
  /** The two units' names in `lang`: A is `unit_a` (the difference is A − B). */
  unitA: string;
  unitB: string;
  /** Rows whose name is printed bold (the overall index above its elements). */
  emphasis?: (row: ComparisonRow) => boolean;
  width?: number;
}

interface DifferenceDatum {
  key: string;
  row: ComparisonRow;
  name: string;
  wrapped: string;
  drawn: boolean;
  bold: boolean;
  title: string;
}

const WORDS = {
  vi: {
    axis: 'Chênh lệch (điểm phần trăm)',
    higher: (unit: string) => `${unit} cao hơn`,
    tooFew: 'quá ít phản hồi',
    significant: 'khác biệt có ý nghĩa thống kê',
    notSignificant: 'chưa đủ bằng chứng',
    interval: 'khoảng tin cậy 95\u00a0%',
  },
  en: {
    axis: 'Difference (percentage points)',
    higher: (unit: string) => `${unit} higher`,
    tooFew: 'too few responses',
    significant: 'a statistically significant difference',
    notSignificant: 'not enough evidence',
    interval: '95% confidence interval',
  },
} as const;

const hasDifference = (row: ComparisonRow): boolean =>
  row.difference !== null && row.diff_ci_low !== null && row.diff_ci_high !== null && Number.isFinite(row.difference);

/**
 * The 95 % interval of a difference, in points: vi `−8,90 đến 0,90`, en `−8.90 to 0.90` (words
 * rather than a dash, which would read as a minus between two signed numbers).
 */
export function formatDifferenceInterval(low: number | null, high: number | null, lang: ChartLang): string {
  if (low === null || high === null) return '—';
  const one = (v: number) => formatNumber(v, lang, 2).replace(/^-/, '\u2212');
  return `${one(low)} ${lang === 'vi' ? 'đến' : 'to'} ${one(high)}`;
}

/** A domain around 0 that holds every interval, rounded to nice ticks, never narrower than ±5. */
export function differenceDomain(rows: readonly ComparisonRow[]): [number, number] {
  const reach = Math.max(5, ...rows.filter(hasDifference).flatMap((r) => [Math.abs(r.diff_ci_low ?? 0), Math.abs(r.diff_ci_high ?? 0)]));
  const [low, high] = nice(-reach, reach, 8);
  return [low, high];
}

function describe(data: DifferenceDatum[], options: DifferenceChartOptions): string {
  const { lang } = options;
  const w = WORDS[lang];
  const parts = [
    lang === 'vi'
      ? `Chênh lệch giữa ${options.unitA} và ${options.unitB} (${options.unitA} trừ ${options.unitB}), ${data.length} chỉ số, với khoảng tin cậy 95\u00a0%.`
      : `Difference between ${options.unitA} and ${options.unitB} (${options.unitA} minus ${options.unitB}), ${data.length} indicators, with 95% confidence intervals.`,
  ];
  for (const d of data) parts.push(`${d.title}.`);
  if (data.some((d) => !d.drawn)) parts.push(lang === 'vi' ? `Dòng không có chấm: ${w.tooFew}.` : `Rows without a dot: ${w.tooFew}.`);
  return parts.join(' ');
}

/** At most two sentences: how many differences are significant, and the overall index's verdict. */
function caption(data: DifferenceDatum[], options: DifferenceChartOptions): string {
  const { lang } = options;
  const drawn = data.filter((d) => d.drawn);
  const significant = drawn.filter((d) => d.row.significant === true).length;
  if (drawn.length === 0) return lang === 'vi' ? 'Không chỉ số nào đủ phản hồi để so sánh.' : 'No indicator has enough responses to compare.';
  return lang === 'vi'
    ? `${formatNumber(significant, lang)}/${formatNumber(drawn.length, lang)} chênh lệch có khoảng tin cậy không chứa 0 (chấm đặc): khác biệt có ý nghĩa thống kê. Chấm rỗng: chưa đủ bằng chứng để nói đơn vị nào hơn.`
    : `${formatNumber(significant, lang)} of ${formatNumber(drawn.length, lang)} differences have an interval that excludes 0 (filled dots): a statistically significant difference. Hollow dots: not enough evidence to say which unit is better.`;
}

/** Space for the dot and whisker of a row in the stacked (phone) layout. */
const LANE = 24;

/** Draws the differences `rows` (one pair of units, one period); see the module comment. */
export function differenceChart(rows: ComparisonRow[], options: DifferenceChartOptions): ChartResult<ComparisonRow> {
  const { lang } = options;
  if (rows.length === 0) return emptyChart(lang, options.width);
  const w = WORDS[lang];
  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const line = lineHeightPx(CHART_FONT_SIZE);
  const nameChars = narrow ? charsPerLine(width - 20, CHART_FONT_SIZE, true) : charsPerLine(sideLabelWidth(width), CHART_FONT_SIZE);
  const data: DifferenceDatum[] = rows.map((row, index) => {
    const name = options.label(row);
    const drawn = hasDifference(row);
    const verdict = row.significant ? w.significant : w.notSignificant;
    return {
      key: String(index),
      row,
      name,
      wrapped: wrapWords(name, nameChars).join('\n'),
      drawn,
      bold: options.emphasis?.(row) ?? false,
      title: drawn
        ? `${name}: ${formatPoints(row.difference, lang)} (${w.interval}: ${formatDifferenceInterval(row.diff_ci_low, row.diff_ci_high, lang)}), ${verdict}`
        : `${name}: ${w.tooFew}`,
    };
  });
  const drawnData = data.filter((d) => d.drawn);
  const domain = differenceDomain(rows);
  const lines = Math.max(1, ...data.map((d) => d.wrapped.split('\n').length));
  // On a phone the frame spans the width, less room for a centred tick label such as "−20" at each end.
  const marginLeft = narrow ? 16 : marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, sideLabelWidth(width) + 20, data.some((d) => d.bold));
  const marginRight = narrow ? 16 : 24;
  const frameWidth = width - marginLeft - marginRight;
  // "← B higher" and "A higher →", each wrapped to half the frame, above it.
  const sideChars = charsPerLine(frameWidth / 2 - 8, CHART_FONT_SIZE);
  const leftSide = wrapWords(`← ${w.higher(options.unitB)}`, sideChars);
  const rightSide = wrapWords(`${w.higher(options.unitA)} →`, sideChars);
  const sideLines = Math.max(leftSide.length, rightSide.length);
  const marginTop = 12 + sideLines * line;
  const marginBottom = 40;
  const textHeight = narrow ? lines * line + STACK_PAD + BASELINE_GAP : 0;
  const rowHeight = narrow ? textHeight + LANE : lines > 1 ? Math.max(36, lines * line + 8) : 28;
  const laneDy = textHeight / 2;
  const ticks = valueTicks(domain, frameWidth);
  const labelAt = rowLabelAnchor(narrow, textHeight, rowHeight);
  const dot = { x: (d: DifferenceDatum) => d.row.difference, y: 'key', dy: laneDy, r: 4.5, title: 'title' } as const;
  const description = describe(data, options);
  const svg = renderSvg(
    {
      width,
      height: marginTop + marginBottom + data.length * rowHeight,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain, clamp: true },
      y: { type: 'band', domain: data.map((d) => d.key), padding: 0, axis: null },
      marks: [
        ...valueAxis(w.axis, lang, { ticks, grid: !narrow }),
        narrow ? laneGrid(drawnData, ticks, textHeight, 0) : null,
        // The line of "no difference", row by row in the dots' lanes, never across a label.
        Plot.tickX(data, { x: () => 0, y: 'key', insetTop: textHeight, stroke: CHART_COLOURS.reference, strokeDasharray: '5,4' }),
        Plot.text([leftSide.join('\n')], { frameAnchor: 'top-left', dy: -6, lineAnchor: 'bottom', textAnchor: 'start', fill: CHART_COLOURS.reference, lineHeight: LINE_HEIGHT, text: (d: string) => d }),
        Plot.text([rightSide.join('\n')], { frameAnchor: 'top-right', dy: -6, lineAnchor: 'bottom', textAnchor: 'end', fill: CHART_COLOURS.reference, lineHeight: LINE_HEIGHT, text: (d: string) => d }),
        ...intervalWhisker(drawnData, (d) => d.row.diff_ci_low, (d) => d.row.diff_ci_high, { dy: laneDy }),
        Plot.dot(drawnData.filter((d) => d.row.significant === true), { ...dot, fill: CHART_COLOURS.estimate }),
        Plot.dot(drawnData.filter((d) => d.row.significant !== true), { ...dot, fill: 'white', stroke: CHART_COLOURS.estimate, strokeWidth: 1.5 }),
        Plot.text(data.filter((d) => !d.drawn), {
          y: 'key',
          dy: laneDy,
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: () => w.tooFew,
        }),
        Plot.text(data.filter((d) => !d.bold), { y: 'key', text: 'wrapped', ...labelAt, lineHeight: LINE_HEIGHT }),
        Plot.text(data.filter((d) => d.bold), { y: 'key', text: 'wrapped', ...labelAt, fontWeight: 'bold', lineHeight: LINE_HEIGHT }),
      ],
    },
    description,
  );
  return { svg, description, caption: caption(data, options), rows };
}
