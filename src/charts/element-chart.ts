/**
 * Element chart: a horizontal dot and 95 % whisker per row, with `n = …` printed at the right.
 * Generic over what a row is — the five SIPAS elements, the items of one element, procedure fields,
 * channels, agencies — as long as it has an estimate, an interval and n; the caller names each row.
 * Rows stay in the order given (elements in instrument order) unless `sort: 'value'`.
 * Suppressed rows get no dot, only "quá ít phản hồi (n = 12)". Optional dashed target rule.
 * On a phone (a narrow `width`) each name and its n are written above the row's dot, across the
 * whole width, and grid and target lines stay in the dots' lanes, clear of the words.
 */
import * as Plot from '@observablehq/plot';
import { formatInterval, formatNumber, formatPercent } from '../site/format.ts';
import { hasEstimate, hasInterval, type ChartLang, type ChartResult, type EstimateRow } from './chart-result.ts';
import { CHART_WORDS, targetText } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker, laneGrid, valueAxis, valueTicks } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, renderSvg } from './render-svg.ts';
import { anchorWithin, BASELINE_GAP, charsPerLine, estimateTextWidth, keepTogether, LINE_HEIGHT, lineHeightPx, marginFor, rowLabelAnchor, sideLabelWidth, STACK_PAD, wrapWords } from './text-layout.ts';

export interface ElementChartOptions<R extends EstimateRow> {
  lang: ChartLang;
  /** The row's name in `lang` ("Tiếp cận dịch vụ", "Đất đai"); long names wrap, never cut. */
  label: (row: R) => string;
  /** Rows whose name is printed bold (e.g. the overall index above its elements). */
  emphasis?: (row: R) => boolean;
  /** `'input'` (default) keeps the given order; `'value'` sorts highest first, suppressed last. */
  sort?: 'input' | 'value';
  /** A vertical dashed target line, e.g. `{ threshold: 85, comparator: '>=' }`. */
  target?: { threshold: number; comparator?: string };
  /** First sentence of the description ("Các thành phần của Huyện Ninh Sơn, 2024"). */
  subject?: string;
  valueLabel?: string;
  domain?: [number, number];
  width?: number;
}

interface ElementDatum<R> {
  key: string;
  row: R;
  name: string;
  /** `name` wrapped onto as many lines as it needs (on a phone, followed by n). */
  wrapped: string;
  drawn: boolean;
  bold: boolean;
  title: string;
}

function ordered<R extends EstimateRow>(rows: R[], sort: 'input' | 'value'): R[] {
  if (sort === 'input') return rows;
  // Array.prototype.sort is stable, so equal values keep their given order.
  return [...rows].sort(
    (a, b) => Number(hasEstimate(b)) - Number(hasEstimate(a)) || (b.value ?? 0) - (a.value ?? 0),
  );
}

function describe<R extends EstimateRow>(data: ElementDatum<R>[], options: ElementChartOptions<R>): string {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const subject = options.subject ?? (lang === 'vi' ? 'Tỷ lệ hài lòng theo mục' : 'Satisfaction by row');
  const drawn = data.filter((d) => d.drawn).sort((a, b) => (b.row.value ?? 0) - (a.row.value ?? 0));
  const parts = [lang === 'vi' ? `${subject} (${data.length} mục).` : `${subject} (${data.length} rows).`];
  const top = drawn[0];
  const bottom = drawn.at(-1);
  const one = (d: ElementDatum<R>) => `${d.name} ${formatPercent(d.row.value, lang)} (${words.n(d.row.n)})`;
  if (top) parts.push(`${lang === 'vi' ? 'Cao nhất' : 'Highest'}: ${one(top)}.`);
  if (bottom && bottom !== top) parts.push(`${lang === 'vi' ? 'Thấp nhất' : 'Lowest'}: ${one(bottom)}.`);
  for (const d of data.filter((d) => !d.drawn)) parts.push(`${d.name}: ${words.tooFew(d.row.n)}.`);
  if (options.target) {
    const { threshold, comparator = '>=' } = options.target;
    const meeting = drawn.filter((d) => meets(d.row.value ?? 0, comparator, threshold)).length;
    parts.push(lang === 'vi'
      ? `${targetText(comparator, threshold, lang)}: ${meeting}/${drawn.length} mục có giá trị đạt (theo ước lượng điểm).`
      : `${targetText(comparator, threshold, lang)}: ${meeting} of ${drawn.length} estimates meet it (point estimates).`);
  }
  return parts.join(' ');
}

/** Whether a point estimate is on the target's side (for the description only; targets.csv rules). */
function meets(value: number, comparator: string, threshold: number): boolean {
  if (comparator === '>=') return value >= threshold;
  if (comparator === '>') return value > threshold;
  if (comparator === '<=') return value <= threshold;
  if (comparator === '<') return value < threshold;
  return value === threshold;
}

/** The point of the chart in at most two sentences: highest and lowest row, and the target if any. */
function caption<R extends EstimateRow>(data: ElementDatum<R>[], options: ElementChartOptions<R>): string {
  const { lang } = options;
  const drawn = data.filter((d) => d.drawn).sort((a, b) => (b.row.value ?? 0) - (a.row.value ?? 0));
  const top = drawn[0];
  const bottom = drawn.at(-1);
  const missing = data.length - drawn.length;
  const parts: string[] = [];
  if (!top) parts.push(lang === 'vi' ? 'Không mục nào đủ phản hồi để vẽ.' : 'No row has enough responses to draw.');
  else if (bottom && bottom !== top) {
    parts.push(lang === 'vi' ? `Cao nhất: ${top.name}; thấp nhất: ${bottom.name}.` : `Highest: ${top.name}; lowest: ${bottom.name}.`);
  } else parts.push(lang === 'vi' ? `Chỉ ${top.name} đủ phản hồi để vẽ.` : `Only ${top.name} has enough responses to draw.`);
  if (options.target && drawn.length > 0) {
    const { threshold, comparator = '>=' } = options.target;
    const meeting = drawn.filter((d) => meets(d.row.value ?? 0, comparator, threshold)).length;
    parts.push(lang === 'vi'
      ? `${formatNumber(meeting, lang)}/${formatNumber(drawn.length, lang)} mục có ước lượng điểm đạt ${targetText(comparator, threshold, lang).toLowerCase()}.`
      : `${formatNumber(meeting, lang)} of ${formatNumber(drawn.length, lang)} point estimates meet the ${targetText(comparator, threshold, lang).toLowerCase()}.`);
  } else if (missing > 0 && top) {
    parts.push(lang === 'vi'
      ? `${formatNumber(missing, lang)} mục có quá ít phản hồi nên không vẽ.`
      : `${formatNumber(missing, lang)} ${missing === 1 ? 'row has' : 'rows have'} too few responses to draw.`);
  }
  return parts.join(' ');
}

/** Space for the dot and whisker of a row in the stacked (phone) layout. */
const LANE = 24;

/** Draws one dot-and-whisker row per input row; see the module comment. */
export function elementChart<R extends EstimateRow>(rows: R[], options: ElementChartOptions<R>): ChartResult<R> {
  const { lang } = options;
  if (rows.length === 0) return emptyChart(lang, options.width);
  const words = CHART_WORDS[lang];
  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const line = lineHeightPx(CHART_FONT_SIZE);
  const drawingOrder = ordered(rows, options.sort ?? 'input');
  // Phone: the name and n stacked above each row's dot, across the whole width. Desktop: name on
  // the left, n on the right. Names wrap, never cut.
  const nameChars = narrow ? charsPerLine(width - 20, CHART_FONT_SIZE, true) : charsPerLine(sideLabelWidth(width), CHART_FONT_SIZE);
  const data: ElementDatum<R>[] = drawingOrder.map((row, index) => {
    const name = options.label(row);
    const interval = hasInterval(row) ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
    const drawn = hasEstimate(row);
    // On a phone: "name — n = 86" on one line when it fits, else n on a line of its own.
    const oneLine = `${name} — ${keepTogether(words.n(row.n))}`;
    const stacked = !drawn ? wrapWords(name, nameChars)
      : oneLine.length <= nameChars ? [oneLine] : [...wrapWords(name, nameChars), keepTogether(words.n(row.n))];
    return {
      key: String(index),
      row,
      name,
      wrapped: (narrow ? stacked : wrapWords(name, nameChars)).join('\n'),
      drawn,
      bold: options.emphasis?.(row) ?? false,
      title: `${name}: ${formatPercent(row.value, lang)}${interval}, ${words.n(row.n)}`,
    };
  });
  const lines = Math.max(1, ...data.map((d) => d.wrapped.split('\n').length));
  const target = options.target;
  const domain =
    options.domain ??
    percentDomain(data.filter((d) => d.drawn).flatMap((d) => [d.row.value, d.row.ci_low, d.row.ci_high]).concat(target?.threshold ?? null));
  const marginTop = target ? 30 : 12;
  const marginBottom = 40;
  const marginLeft = narrow ? 8 : marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, sideLabelWidth(width) + 20, data.some((d) => d.bold));
  const marginRight = narrow ? 12 : marginFor(data.map((d) => words.n(d.row.n)), CHART_FONT_SIZE, 60, 120);
  const frameWidth = width - marginLeft - marginRight;
  const textHeight = narrow ? lines * line + STACK_PAD + BASELINE_GAP : 0;
  const rowHeight = narrow ? textHeight + LANE : lines > 1 ? Math.max(36, lines * line + 8) : 28;
  const laneDy = textHeight / 2;
  const ticks = valueTicks(domain, frameWidth);
  const targetLabel = target ? targetText(target.comparator ?? '>=', target.threshold, lang) : '';
  const targetAnchor = target
    ? anchorWithin(((target.threshold - domain[0]) / (domain[1] - domain[0])) * frameWidth, estimateTextWidth(targetLabel, CHART_FONT_SIZE), frameWidth)
    : 'middle';
  const labelAt = rowLabelAnchor(narrow, textHeight, rowHeight);
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
        ...valueAxis(options.valueLabel ?? words.valueAxis, lang, { ticks, grid: !narrow }),
        narrow ? laneGrid(data.filter((d) => d.drawn), ticks, textHeight, 0) : null,
        target
          ? [
              // Drawn row by row, in the dots' lanes only: never across a label or a "too few" note.
              Plot.tickX(data.filter((d) => d.drawn), {
                x: () => target.threshold, y: 'key', insetTop: textHeight, stroke: CHART_COLOURS.reference, strokeDasharray: '2,3', strokeWidth: 1.5,
              }),
              Plot.text([target], {
                x: 'threshold',
                frameAnchor: 'top',
                dy: -8,
                lineAnchor: 'bottom',
                textAnchor: targetAnchor,
                fill: CHART_COLOURS.reference,
                text: () => targetLabel,
              }),
            ]
          : null,
        ...intervalWhisker(data.filter((d) => hasInterval(d.row)), (d) => d.row.ci_low, (d) => d.row.ci_high, { dy: laneDy }),
        Plot.dot(data.filter((d) => d.drawn), { x: (d: ElementDatum<R>) => d.row.value, y: 'key', dy: laneDy, r: 4.5, fill: CHART_COLOURS.estimate, title: 'title' }),
        Plot.text(data.filter((d) => !d.drawn), {
          y: 'key',
          dy: laneDy,
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: (d: ElementDatum<R>) => words.tooFew(d.row.n),
        }),
        Plot.text(data.filter((d) => !d.bold), { y: 'key', text: 'wrapped', ...labelAt, lineHeight: LINE_HEIGHT }),
        Plot.text(data.filter((d) => d.bold), { y: 'key', text: 'wrapped', ...labelAt, fontWeight: 'bold', lineHeight: LINE_HEIGHT }),
        narrow
          ? null
          : Plot.text(data.filter((d) => d.drawn), { y: 'key', text: (d: ElementDatum<R>) => words.n(d.row.n), frameAnchor: 'right', textAnchor: 'start', dx: 10 }),
      ],
    },
    description,
  );
  return { svg, description, caption: caption(data, options), rows: drawingOrder };
}
