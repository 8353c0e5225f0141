/**
 * Rank bullet chart, for targets such as "top 3 of the province's 7 districts": ranks 1…N left to
 * right on a grey track, the top-k zone shaded and closed by a dashed rule, a diamond at the unit's
 * rank and a black whisker over its 95 % rank interval. The right column says the status when a
 * target row is given ("Chưa đạt / trong biên sai số") and the simulated chance of the top k
 * ("61% khả năng trong nhóm 3 đứng đầu"). An unranked unit gets a sentence, never a mark.
 * On a phone (a narrow `width`) the words are stacked above the track, across the whole width.
 */
import * as Plot from '@observablehq/plot';
import type { RankingRow, TargetRow } from '../engine/tables.ts';
import { formatInterval, formatNumber, formatProbability } from '../site/format.ts';
import { hasEstimate, type ChartLang, type ChartResult } from './chart-result.ts';
import { statusWords } from './bullet-chart.ts';
import { CHART_WORDS } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, keyRender, renderSvg } from './render-svg.ts';
import { charsPerLine, estimateTextWidth, LINE_HEIGHT, lineHeightPx, marginFor, sideLabelWidth, STACK_PAD, wrapWords } from './text-layout.ts';

export interface RankBulletChartOptions<R extends RankingRow> {
  lang: ChartLang;
  /** The unit's name in `lang`. */
  label: (row: R) => string;
  /** How many units are ranked (7 districts): the scale runs 1…unitCount. */
  unitCount: number;
  /** The k of "top k". */
  k: number;
  /** The target's verdict for a row (from targets.csv), when there is one. */
  status?: (row: R) => Pick<TargetRow, 'status' | 'certainty'> | undefined;
  width?: number;
}

interface RankDatum<R> {
  key: string;
  row: R;
  name: string;
  wrapped: string;
  ranked: boolean;
  side: string;
  absence: string;
  title: string;
}

/**
 * The mark area of one unit, top to bottom (px): the top-k label (bottom at 19) left of the top-k
 * tick (22–50) across the track (28–44), the rank interval's caps (30–42) and the diamond on the
 * track's middle (36). The tick is drawn in each row's area only, never across the words.
 */
const AREA = { label: 19, tick: [22, 50], track: [28, 44], caps: [30, 42], middle: 36, height: 58 } as const;
/** Desktop rows are at least this tall. */
const ROW_HEIGHT = 60;
const SIDE_CHARS = 22;

function describe<R extends RankingRow>(data: RankDatum<R>[], options: RankBulletChartOptions<R>): string {
  const { lang, k, unitCount } = options;
  const words = CHART_WORDS[lang];
  const parts = [
    lang === 'vi'
      ? `Mục tiêu: thuộc ${words.topK(k)} trong ${unitCount} đơn vị.`
      : `Target: ${words.topK(k)} of ${unitCount} units.`,
  ];
  for (const d of data) {
    if (!d.ranked) {
      parts.push(`${d.name}: ${d.absence}.`);
      continue;
    }
    const interval = formatInterval(d.row.rank_low, d.row.rank_high, lang, { unit: 'plain' });
    const chance = words.chanceTopK(formatProbability(d.row.p_top_k, lang), k);
    const verdict = options.status?.(d.row);
    const status = verdict ? `, ${statusWords(verdict.status, verdict.certainty, lang).join(', ')}` : '';
    parts.push(lang === 'vi'
      ? `${d.name}: ${words.rank(formatNumber(d.row.rank, lang))} (khoảng ${interval}), ${chance}${status}.`
      : `${d.name}: ${words.rank(formatNumber(d.row.rank, lang))} (interval ${interval}), ${chance}${status}.`);
  }
  return parts.join(' ');
}

/** The point of the chart in at most two sentences: the unit's rank against the top k, and the verdict. */
function caption<R extends RankingRow>(data: RankDatum<R>[], options: RankBulletChartOptions<R>): string {
  const { lang, k, unitCount } = options;
  const words = CHART_WORDS[lang];
  const goal = lang === 'vi' ? `mục tiêu là ${words.topK(k)} trong ${unitCount} đơn vị` : `the target is the ${words.topK(k)} of ${unitCount} units`;
  const one = data.length === 1 ? data[0] : undefined;
  if (!one) return lang === 'vi' ? `Thứ hạng của ${data.length} đơn vị; ${goal}.` : `Ranks of ${data.length} units; ${goal}.`;
  if (!one.ranked) return lang === 'vi' ? `${one.name} không được xếp hạng (${one.absence}); ${goal}.` : `${one.name} is not ranked (${one.absence}); ${goal}.`;
  const first = lang === 'vi'
    ? `${one.name} đứng ${words.rank(formatNumber(one.row.rank, lang))}; ${goal}.`
    : `${one.name} is ${words.rank(formatNumber(one.row.rank, lang))}; ${goal}.`;
  const verdict = options.status?.(one.row);
  if (!verdict) return first;
  return `${first} ${lang === 'vi' ? 'Kết luận' : 'Verdict'}: ${statusWords(verdict.status, verdict.certainty, lang).join(', ').toLowerCase()}.`;
}

/** Draws one rank bullet per ranking row; see the module comment. */
export function rankBulletChart<R extends RankingRow>(rows: R[], options: RankBulletChartOptions<R>): ChartResult<R> {
  const { lang, k, unitCount } = options;
  const words = CHART_WORDS[lang];
  if (!(k >= 1 && k <= unitCount)) throw new Error(`rank bullet: k = ${k} is not between 1 and ${unitCount}`);
  if (rows.length === 0) return emptyChart(lang, options.width);
  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const line = lineHeightPx(CHART_FONT_SIZE);
  // Phone: name, verdict and chance stacked above the track, across the whole width.
  const stackChars = charsPerLine(width - 20, CHART_FONT_SIZE);
  const data: RankDatum<R>[] = rows.map((row, index) => {
    const name = options.label(row);
    const ranked = row.status === 'ranked' && row.rank !== null;
    const verdict = options.status?.(row);
    const chance = words.chanceTopK(formatProbability(row.p_top_k, lang), k);
    const sideLines = [
      ...(verdict ? [statusWords(verdict.status, verdict.certainty, lang).join(', ')] : []),
      ...wrapWords(chance, narrow ? stackChars : SIDE_CHARS),
    ];
    const interval = formatInterval(row.rank_low, row.rank_high, lang, { unit: 'plain' });
    return {
      key: String(index),
      row,
      name,
      wrapped: wrapWords(name, narrow ? stackChars : charsPerLine(sideLabelWidth(width), CHART_FONT_SIZE)).join('\n'),
      ranked,
      side: ranked ? sideLines.join('\n') : '',
      absence: ranked ? '' : hasEstimate(row) ? `${words.notRanked} (${words.n(row.n)})` : words.tooFew(row.n),
      title: ranked ? `${name}: ${words.rank(formatNumber(row.rank, lang))} (${interval}), ${chance}` : '',
    };
  });
  const ranked = data.filter((d) => d.ranked);
  const withInterval = ranked.filter((d) => d.row.rank_low !== null && d.row.rank_high !== null);
  const linesOf = (text: string) => (text === '' ? 0 : text.split('\n').length);
  const nameLines = (d: RankDatum<R>) => linesOf(d.wrapped);
  const maxNameLines = Math.max(1, ...data.map(nameLines));
  const maxSideLines = Math.max(0, ...data.map((d) => linesOf(d.side)));
  const marginLeft = narrow ? 8 : marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, sideLabelWidth(width) + 20);
  const marginRight = narrow ? 12 : marginFor(data.map((d) => d.side), CHART_FONT_SIZE, 60, 220);
  const frameWidth = width - marginLeft - marginRight;
  const textHeight = narrow ? (maxNameLines + maxSideLines) * line + 2 * STACK_PAD : 0;
  const rowHeight = narrow ? textHeight + AREA.height : Math.max(ROW_HEIGHT, Math.max(maxNameLines, maxSideLines) * line + 8);
  const top = narrow ? textHeight : (rowHeight - AREA.height) / 2;
  const inset = ([from, to]: readonly [number, number]) => ({ insetTop: top + from, insetBottom: rowHeight - top - to });
  const middle = top + AREA.middle - rowHeight / 2;
  const sideDy = top + 3 - rowHeight / 2;
  const marginTop = 8;
  const marginBottom = 40;
  const domain: [number, number] = [0.5, unitCount + 0.5];
  const ranks = Array.from({ length: unitCount }, (_, i) => i + 1);
  const topKText = words.topK(k);
  // The top-k label ends at the zone's edge, unless that would push it off the left of the frame.
  const zoneEdge = (k / unitCount) * frameWidth;
  const topKFits = zoneEdge - 4 - estimateTextWidth(topKText, CHART_FONT_SIZE) >= -marginLeft;
  const description = describe(data, options);
  const svg = renderSvg(
    {
      width,
      height: marginTop + marginBottom + data.length * rowHeight,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain },
      y: { type: 'band', domain: data.map((d) => d.key), padding: 0, axis: null },
      marks: [
        Plot.axisX({ ticks: ranks, tickFormat: 'd', label: words.rankAxis, labelAnchor: 'center', labelArrow: 'none' }),
        Plot.barX(ranked, { y: 'key', ...inset(AREA.track), x1: domain[0], x2: domain[1], fill: CHART_COLOURS.track }),
        Plot.barX(ranked, { y: 'key', ...inset(AREA.track), x1: domain[0], x2: k + 0.5, fill: CHART_COLOURS.zone }),
        Plot.tickX(ranked, { y: 'key', x: () => k + 0.5, ...inset(AREA.tick), stroke: CHART_COLOURS.reference, strokeDasharray: '5,4' }),
        Plot.text(ranked, {
          y: 'key',
          x: () => k + 0.5,
          dy: top + AREA.label - rowHeight / 2,
          lineAnchor: 'bottom',
          textAnchor: topKFits ? 'end' : 'start',
          dx: topKFits ? -4 : 4,
          fill: CHART_COLOURS.reference,
          text: () => topKText,
        }),
        ...intervalWhisker(withInterval, (d) => d.row.rank_low, (d) => d.row.rank_high, {
          stroke: CHART_COLOURS.reference,
          caps: true,
          dy: middle,
          capInsets: [inset(AREA.caps).insetTop, inset(AREA.caps).insetBottom],
        }),
        Plot.dot(ranked, {
          y: 'key',
          x: (d: RankDatum<R>) => d.row.rank,
          dy: middle,
          symbol: 'diamond2',
          r: 7,
          fill: CHART_COLOURS.estimate,
          stroke: 'white',
          title: 'title',
          render: keyRender('own'),
        }),
        Plot.text(data.filter((d) => !d.ranked), {
          y: 'key',
          dy: middle,
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: 'absence',
        }),
        narrow
          ? [
              // Name, then verdict and chance, right above the mark area (spare height goes above);
              // the name's place depends on how many lines the verdict and chance take.
              ...Array.from({ length: maxSideLines + 1 }, (_, lines) =>
                Plot.text(data.filter((d) => linesOf(d.side) === lines), {
                  y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'start', dy: sideDy - lines * line - 2, lineAnchor: 'bottom', lineHeight: LINE_HEIGHT,
                }),
              ),
              Plot.text(ranked, {
                y: 'key', text: 'side', frameAnchor: 'left', textAnchor: 'start', dy: sideDy, lineAnchor: 'bottom', lineHeight: LINE_HEIGHT, render: keyRender('verdict'),
              }),
            ]
          : [
              Plot.text(data, { y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'end', dx: -10, lineHeight: LINE_HEIGHT }),
              Plot.text(ranked, { y: 'key', text: 'side', frameAnchor: 'right', textAnchor: 'start', dx: 10, lineHeight: LINE_HEIGHT, render: keyRender('verdict') }),
            ],
      ],
    },
    description,
  );
  return { svg, description, caption: caption(data, options), rows };
}
