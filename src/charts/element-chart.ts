/**
 * Element chart: a horizontal dot and 95 % whisker per row, with `n = …` printed at the right.
 * Generic over what a row is — the five SIPAS elements, the items of one element, procedure fields,
 * channels, agencies — as long as it has an estimate, an interval and n; the caller names each row.
 * Rows stay in the order given (elements in instrument order) unless `sort: 'value'`.
 * Suppressed rows get no dot, only "quá ít phản hồi (n = 12)". Optional dashed target rule.
 */
import * as Plot from '@observablehq/plot';
import { formatInterval, formatPercent } from '../site/format.ts';
import { hasEstimate, hasInterval, type ChartLang, type ChartResult, type EstimateRow } from './chart-result.ts';
import { CHART_WORDS, targetText } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker, valueAxis } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, renderSvg } from './render-svg.ts';
import { LINE_HEIGHT, marginFor, wrapWords } from './text-layout.ts';

export interface ElementChartOptions<R extends EstimateRow> {
  lang: ChartLang;
  /** The row's name in `lang` ("Tiếp cận dịch vụ", "Đất đai"); long names wrap onto two lines. */
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
  /** `name` wrapped onto at most two lines. */
  wrapped: string;
  drawn: boolean;
  bold: boolean;
  title: string;
}

/** Characters per line of a row name before it wraps (a 200 px margin at 12 px). */
const NAME_CHARS = 28;

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

/** Draws one dot-and-whisker row per input row; see the module comment. */
export function elementChart<R extends EstimateRow>(rows: R[], options: ElementChartOptions<R>): ChartResult<R> {
  const { lang } = options;
  if (rows.length === 0) return emptyChart(lang, options.width);
  const words = CHART_WORDS[lang];
  const drawingOrder = ordered(rows, options.sort ?? 'input');
  const data: ElementDatum<R>[] = drawingOrder.map((row, index) => {
    const name = options.label(row);
    const interval = hasInterval(row) ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
    return {
      key: String(index),
      row,
      name,
      wrapped: wrapWords(name, NAME_CHARS).join('\n'),
      drawn: hasEstimate(row),
      bold: options.emphasis?.(row) ?? false,
      title: `${name}: ${formatPercent(row.value, lang)}${interval}, ${words.n(row.n)}`,
    };
  });
  const lines = Math.max(1, ...data.map((d) => d.wrapped.split('\n').length));
  const rowHeight = lines > 1 ? 36 : 28;
  const target = options.target;
  const domain =
    options.domain ??
    percentDomain(data.filter((d) => d.drawn).flatMap((d) => [d.row.value, d.row.ci_low, d.row.ci_high]).concat(target?.threshold ?? null));
  const marginTop = target ? 30 : 12;
  const marginBottom = 40;
  const marginLeft = marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, 200, data.some((d) => d.bold));
  const marginRight = marginFor(data.map((d) => words.n(d.row.n)), CHART_FONT_SIZE, 60, 120);
  const description = describe(data, options);
  const svg = renderSvg(
    {
      width: options.width ?? CHART_WIDTH,
      height: marginTop + marginBottom + data.length * rowHeight,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain, clamp: true },
      y: { type: 'point', domain: data.map((d) => d.key), padding: 0.5, axis: null },
      marks: [
        ...valueAxis(options.valueLabel ?? words.valueAxis, lang),
        target
          ? [
              Plot.ruleX([target.threshold], { stroke: CHART_COLOURS.reference, strokeDasharray: '2,3', strokeWidth: 1.5 }),
              Plot.text([target], {
                x: 'threshold',
                frameAnchor: 'top',
                dy: -8,
                lineAnchor: 'bottom',
                fill: CHART_COLOURS.reference,
                text: () => targetText(target.comparator ?? '>=', target.threshold, lang),
              }),
            ]
          : null,
        ...intervalWhisker(data.filter((d) => hasInterval(d.row)), (d) => d.row.ci_low, (d) => d.row.ci_high),
        Plot.dot(data.filter((d) => d.drawn), { x: (d: ElementDatum<R>) => d.row.value, y: 'key', r: 4.5, fill: CHART_COLOURS.estimate, title: 'title' }),
        Plot.text(data.filter((d) => !d.drawn), {
          y: 'key',
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: (d: ElementDatum<R>) => words.tooFew(d.row.n),
        }),
        Plot.text(data.filter((d) => !d.bold), { y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'end', dx: -10, lineHeight: LINE_HEIGHT }),
        Plot.text(data.filter((d) => d.bold), { y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'end', dx: -10, fontWeight: 'bold', lineHeight: LINE_HEIGHT }),
        Plot.text(data.filter((d) => d.drawn), { y: 'key', text: (d: ElementDatum<R>) => words.n(d.row.n), frameAnchor: 'right', textAnchor: 'start', dx: 10 }),
      ],
    },
    description,
  );
  return { svg, description, rows: drawingOrder };
}
