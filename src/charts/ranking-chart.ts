/**
 * Ranking chart: one row per unit, a dot at the index with a whisker over its 95 % interval,
 * ranked units sorted from highest to lowest, then the units that are not ranked.
 *
 * Left: the unit's name (bold, and a diamond instead of a dot, for the highlighted unit). Right:
 * "hạng 2 (2–4), n = 512" — the rank, its 95 % rank interval when it differs, and the sample size.
 * On a phone (a narrow `width`) name and rank are written together above each row's dot, across
 * the whole width, and the grid and reference line stay in the dot's lane, clear of the words.
 * A unit with a value but too few respondents to rank gets a hollow dot and "không xếp hạng";
 * a suppressed unit gets no dot at all, only "quá ít phản hồi (n = 12)".
 */
import * as Plot from '@observablehq/plot';
import type { RankingRow } from '../engine/tables.ts';
import { formatInterval, formatNumber, formatPercent } from '../site/format.ts';
import { hasEstimate, hasInterval, type ChartLang, type ChartResult } from './chart-result.ts';
import { CHART_WORDS } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker, laneGrid, valueAxis, valueTicks } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, keyRender, renderSvg } from './render-svg.ts';
import { anchorWithin, BASELINE_GAP, charsPerLine, estimateTextWidth, keepTogether, LINE_HEIGHT, lineHeightPx, marginFor, rowLabelAnchor, sideLabelWidth, STACK_PAD, wrapWords } from './text-layout.ts';

export interface RankingChartOptions {
  lang: ChartLang;
  /** The name printed for a unit code, in `lang`. */
  unitName: (unitCode: string) => string;
  /** Unit code drawn with a bold name and a diamond (e.g. the district whose page this is). */
  highlight?: string;
  /** A vertical dashed line, e.g. the province's value, with its label ("Toàn tỉnh"). */
  reference?: { value: number; label: string };
  /** What is ranked, for the description; default "tỷ lệ hài lòng" / "satisfaction". */
  subject?: string;
  /** Axis title; default "Tỷ lệ hài lòng (%)". */
  valueLabel?: string;
  /** Fixed axis range in %, e.g. to share one range across years; default fits the data. */
  domain?: [number, number];
  width?: number;
}

type Kind = 'ranked' | 'unranked' | 'suppressed';

interface RankingDatum {
  key: string;
  row: RankingRow;
  kind: Kind;
  name: string;
  /** The name as printed: wrapped, and on a phone followed by the rank. */
  label: string;
  highlighted: boolean;
  side: string;
  title: string;
}

const ROW_HEIGHT = 28;

function kindOf(row: RankingRow): Kind {
  if (!hasEstimate(row)) return 'suppressed';
  return row.status === 'ranked' && row.rank !== null ? 'ranked' : 'unranked';
}

/** "2 (2–4)", or "2" when the rank interval is a single rank or unknown. */
function rankText(row: RankingRow, lang: ChartLang): string {
  const rank = formatNumber(row.rank, lang);
  if (row.rank_low === null || row.rank_high === null || row.rank_low === row.rank_high) return rank;
  return `${rank} (${formatInterval(row.rank_low, row.rank_high, lang, { unit: 'plain' })})`;
}

/** Ranked units by value, highest first; ties and equal values in unit-code order (stable builds). */
function drawingOrder(rows: RankingRow[]): RankingRow[] {
  const order: Record<Kind, number> = { ranked: 0, unranked: 1, suppressed: 2 };
  return [...rows].sort(
    (a, b) =>
      order[kindOf(a)] - order[kindOf(b)] ||
      (b.value ?? -Infinity) - (a.value ?? -Infinity) ||
      (a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1 : 0),
  );
}

function describe(data: RankingDatum[], options: RankingChartOptions): string {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const subject = options.subject ?? (lang === 'vi' ? 'tỷ lệ hài lòng' : 'satisfaction');
  const ranked = data.filter((d) => d.kind === 'ranked');
  const unranked = data.filter((d) => d.kind !== 'ranked');
  const one = (d: RankingDatum) => {
    const rank = d.row.rank_low !== null && d.row.rank_high !== null && d.row.rank_low !== d.row.rank_high
      ? `${formatNumber(d.row.rank, lang)}, ${lang === 'vi' ? 'khoảng' : 'interval'} ${formatInterval(d.row.rank_low, d.row.rank_high, lang, { unit: 'plain' })}`
      : formatNumber(d.row.rank, lang);
    return `${d.name}, ${formatPercent(d.row.value, lang)} (${words.rank(rank)})`;
  };
  const parts = [
    lang === 'vi'
      ? `Xếp hạng ${data.length} đơn vị theo ${subject}.`
      : `Ranking of ${data.length} units by ${subject}.`,
  ];
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  if (first) parts.push(`${lang === 'vi' ? 'Cao nhất' : 'Highest'}: ${one(first)}.`);
  if (last && last !== first) parts.push(`${lang === 'vi' ? 'Thấp nhất' : 'Lowest'}: ${one(last)}.`);
  const highlighted = ranked.find((d) => d.highlighted && d !== first && d !== last);
  if (highlighted) parts.push(`${one(highlighted)}.`);
  if (unranked.length > 0) {
    const list = unranked.map((d) =>
      d.kind === 'suppressed' ? `${d.name}: ${words.tooFew(d.row.n)}` : `${d.name} (${words.n(d.row.n)})`,
    );
    parts.push(`${lang === 'vi' ? 'Không xếp hạng' : 'Not ranked'}: ${list.join('; ')}.`);
  }
  if (options.reference) {
    parts.push(`${lang === 'vi' ? 'Đường tham chiếu' : 'Reference line'}: ${options.reference.label} ${formatPercent(options.reference.value, lang)}.`);
  }
  return parts.join(' ');
}

/** The point of the chart in at most two sentences: who is first and last, and the page's own unit. */
function caption(data: RankingDatum[], lang: ChartLang): string {
  const ranked = data.filter((d) => d.kind === 'ranked');
  const first = ranked[0];
  const last = ranked.at(-1);
  if (!first || !last) {
    return lang === 'vi' ? `Không đơn vị nào đủ phản hồi để xếp hạng.` : `No unit has enough responses to be ranked.`;
  }
  const parts = [
    first === last
      ? (lang === 'vi' ? `Chỉ ${first.name} đủ phản hồi để xếp hạng.` : `Only ${first.name} has enough responses to be ranked.`)
      : (lang === 'vi'
        ? `${first.name} cao nhất và ${last.name} thấp nhất trong ${ranked.length} đơn vị được xếp hạng.`
        : `${first.name} is highest and ${last.name} lowest of ${ranked.length} ranked units.`),
  ];
  const own = ranked.find((d) => d.highlighted && d !== first && d !== last);
  if (own) {
    const { rank, rank_low: low, rank_high: high } = own.row;
    const range = low !== null && high !== null && low !== high
      ? (lang === 'vi' ? `, có thể từ hạng ${formatNumber(low, lang)} đến ${formatNumber(high, lang)}` : `, plausibly anywhere from ${formatNumber(low, lang)} to ${formatNumber(high, lang)}`)
      : '';
    parts.push(lang === 'vi'
      ? `${own.name} đứng hạng ${formatNumber(rank, lang)}${range}.`
      : `${own.name} ranks ${formatNumber(rank, lang)}${range}.`);
  }
  return parts.join(' ');
}

/** Space for the dot and whisker of a row in the stacked (phone) layout. */
const LANE = 24;

/** Draws `rows` (one survey, period and unit level) as a ranking; see the module comment. */
export function rankingChart(rows: RankingRow[], options: RankingChartOptions): ChartResult<RankingRow> {
  const { lang } = options;
  if (rows.length === 0) return emptyChart(lang, options.width);
  const words = CHART_WORDS[lang];
  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const ordered = drawingOrder(rows);
  const line = lineHeightPx(CHART_FONT_SIZE);
  // Phone: the name and its rank stacked above the dot, across the whole width. Desktop: name on
  // the left, rank on the right, each wrapped to its margin rather than cut.
  const marginLeft = narrow ? 8 : 0;
  const marginRight = narrow ? 12 : 0;
  const stackChars = charsPerLine(width - 20, CHART_FONT_SIZE, true);
  const data: RankingDatum[] = ordered.map((row) => {
    const kind = kindOf(row);
    const name = options.unitName(row.unit_code);
    const side =
      kind === 'ranked'
        ? `${words.rank(rankText(row, lang))}, ${words.n(row.n)}`
        : kind === 'unranked'
          ? `${words.notRanked}, ${words.n(row.n)}`
          : words.notRanked;
    const interval = hasInterval(row) ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
    const title = `${name}: ${formatPercent(row.value, lang)}${interval}, ${side}`;
    // On a phone: "name — rank" on one line when it fits, else the rank on a line of its own.
    const oneLine = `${name} — ${keepTogether(side)}`;
    const label = narrow
      ? (oneLine.length <= stackChars ? [oneLine] : [...wrapWords(name, stackChars), ...wrapWords(keepTogether(side), stackChars)]).join('\n')
      : wrapWords(name, charsPerLine(sideLabelWidth(width), CHART_FONT_SIZE, true)).join('\n');
    return { key: row.unit_code, row, kind, name, label, highlighted: row.unit_code === options.highlight, side, title };
  });
  const drawn = data.filter((d) => d.kind !== 'suppressed');
  const domain =
    options.domain ??
    percentDomain(drawn.flatMap((d) => [d.row.value, d.row.ci_low, d.row.ci_high]).concat(options.reference?.value ?? null));
  const left = narrow ? marginLeft : marginFor(data.map((d) => d.label), CHART_FONT_SIZE, 80, sideLabelWidth(width) + 20, data.some((d) => d.highlighted));
  const right = narrow ? marginRight : marginFor(data.map((d) => d.side), CHART_FONT_SIZE, 60, 240);
  const frameWidth = width - left - right;
  const lines = Math.max(1, ...data.map((d) => d.label.split('\n').length));
  const textHeight = narrow ? lines * line + STACK_PAD + BASELINE_GAP : 0;
  const rowHeight = narrow ? textHeight + LANE : Math.max(ROW_HEIGHT, lines * line + 8);
  // Mark lane of a row: its centre, from the row's centre (0 on a desktop, where labels are beside it).
  const laneDy = textHeight / 2;
  const marginTop = options.reference ? 30 : 12;
  const marginBottom = 40;
  const ticks = valueTicks(domain, frameWidth);
  const is = (kind: Kind, highlighted: boolean) => (d: RankingDatum) => d.kind === kind && d.highlighted === highlighted;
  const dotStyle = { x: (d: RankingDatum) => d.row.value, y: 'key', dy: laneDy, title: 'title' } as const;
  const ownStyle = { ...dotStyle, symbol: 'diamond2', r: 7, render: keyRender('own') } as const;
  const reference = options.reference;
  const referenceText = reference ? `${reference.label}: ${formatPercent(reference.value, lang)}` : '';
  const referenceAnchor = reference
    ? anchorWithin(((reference.value - domain[0]) / (domain[1] - domain[0])) * frameWidth, estimateTextWidth(referenceText, CHART_FONT_SIZE), frameWidth)
    : 'middle';
  const label = (d: RankingDatum) => d.label;
  const labelAt = rowLabelAnchor(narrow, textHeight, rowHeight);

  const description = describe(data, options);
  const svg = renderSvg(
    {
      width,
      height: marginTop + marginBottom + data.length * rowHeight,
      marginTop,
      marginBottom,
      marginLeft: left,
      marginRight: right,
      x: { domain, clamp: true },
      y: { type: 'band', domain: data.map((d) => d.key), padding: 0, axis: null },
      marks: [
        ...valueAxis(options.valueLabel ?? words.valueAxis, lang, { ticks, grid: false }),
        // Row by row, and not in a suppressed row's lane, where its "quá ít phản hồi" note is written.
        laneGrid(drawn, ticks, textHeight, 0),
        reference
          ? [
              // Drawn row by row, in the marks' lanes only: never across a label or a "too few" note.
              Plot.tickX(drawn, { x: () => reference.value, y: 'key', insetTop: textHeight, stroke: CHART_COLOURS.reference, strokeDasharray: '5,4' }),
              Plot.text([reference], {
                x: 'value',
                frameAnchor: 'top',
                dy: -8,
                lineAnchor: 'bottom',
                textAnchor: referenceAnchor,
                fill: CHART_COLOURS.reference,
                text: () => referenceText,
              }),
            ]
          : null,
        ...intervalWhisker(drawn.filter((d) => hasInterval(d.row)), (d) => d.row.ci_low, (d) => d.row.ci_high, { dy: laneDy }),
        Plot.dot(data.filter(is('ranked', false)), { ...dotStyle, r: 4.5, fill: CHART_COLOURS.estimate }),
        Plot.dot(data.filter(is('unranked', false)), { ...dotStyle, r: 4.5, fill: 'white', stroke: CHART_COLOURS.estimate, strokeWidth: 1.5 }),
        Plot.dot(data.filter(is('ranked', true)), { ...ownStyle, fill: CHART_COLOURS.highlight, stroke: 'white' }),
        Plot.dot(data.filter(is('unranked', true)), { ...ownStyle, fill: 'white', stroke: CHART_COLOURS.highlight, strokeWidth: 1.5 }),
        Plot.text(data.filter((d) => d.kind === 'suppressed'), {
          y: 'key',
          dy: laneDy,
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: (d: RankingDatum) => words.tooFew(d.row.n),
        }),
        Plot.text(data.filter((d) => !d.highlighted), { y: 'key', text: label, ...labelAt, lineHeight: LINE_HEIGHT }),
        Plot.text(data.filter((d) => d.highlighted), { y: 'key', text: label, ...labelAt, lineHeight: LINE_HEIGHT, fontWeight: 'bold', render: keyRender('own') }),
        narrow ? null : Plot.text(data, { y: 'key', text: 'side', frameAnchor: 'right', textAnchor: 'start', dx: 10 }),
      ],
    },
    description,
  );
  return { svg, description, caption: caption(data, lang), rows: ordered };
}
