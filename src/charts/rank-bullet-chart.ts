/**
 * Rank bullet chart, for targets such as "top 3 of the province's 7 districts": ranks 1…N left to
 * right on a grey track, the top-k zone shaded and closed by a dashed rule, a diamond at the unit's
 * rank and a black whisker over its 95 % rank interval. The right column says the status when a
 * target row is given ("Chưa đạt / trong biên sai số") and the simulated chance of the top k
 * ("61% khả năng trong nhóm 3 đứng đầu"). An unranked unit gets a sentence, never a mark.
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
import { CHART_FONT_SIZE, CHART_WIDTH, renderSvg } from './render-svg.ts';
import { LINE_HEIGHT, marginFor, wrapWords } from './text-layout.ts';

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

const ROW_HEIGHT = 60;
const TRACK_INSET = 22;
const NAME_CHARS = 26;
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

/** Draws one rank bullet per ranking row; see the module comment. */
export function rankBulletChart<R extends RankingRow>(rows: R[], options: RankBulletChartOptions<R>): ChartResult<R> {
  const { lang, k, unitCount } = options;
  const words = CHART_WORDS[lang];
  if (!(k >= 1 && k <= unitCount)) throw new Error(`rank bullet: k = ${k} is not between 1 and ${unitCount}`);
  if (rows.length === 0) return emptyChart(lang, options.width);
  const data: RankDatum<R>[] = rows.map((row, index) => {
    const name = options.label(row);
    const ranked = row.status === 'ranked' && row.rank !== null;
    const verdict = options.status?.(row);
    const chance = words.chanceTopK(formatProbability(row.p_top_k, lang), k);
    const sideLines = [
      ...(verdict ? [statusWords(verdict.status, verdict.certainty, lang).join(', ')] : []),
      ...wrapWords(chance, SIDE_CHARS, 3),
    ];
    const interval = formatInterval(row.rank_low, row.rank_high, lang, { unit: 'plain' });
    return {
      key: String(index),
      row,
      name,
      wrapped: wrapWords(name, NAME_CHARS).join('\n'),
      ranked,
      side: ranked ? sideLines.join('\n') : '',
      absence: ranked ? '' : hasEstimate(row) ? `${words.notRanked} (${words.n(row.n)})` : words.tooFew(row.n),
      title: ranked ? `${name}: ${words.rank(formatNumber(row.rank, lang))} (${interval}), ${chance}` : '',
    };
  });
  const ranked = data.filter((d) => d.ranked);
  const withInterval = ranked.filter((d) => d.row.rank_low !== null && d.row.rank_high !== null);
  const marginLeft = marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, 190);
  const marginRight = marginFor(data.map((d) => d.side), CHART_FONT_SIZE, 60, 180);
  const marginTop = 22;
  const marginBottom = 40;
  const domain: [number, number] = [0.5, unitCount + 0.5];
  const band = { y: 'key', insetTop: TRACK_INSET, insetBottom: TRACK_INSET } as const;
  const ranks = Array.from({ length: unitCount }, (_, i) => i + 1);
  const description = describe(data, options);
  const svg = renderSvg(
    {
      width: options.width ?? CHART_WIDTH,
      height: marginTop + marginBottom + data.length * ROW_HEIGHT,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain },
      y: { type: 'band', domain: data.map((d) => d.key), padding: 0, axis: null },
      marks: [
        Plot.axisX({ ticks: ranks, tickFormat: 'd', label: words.rankAxis, labelAnchor: 'center', labelArrow: 'none' }),
        Plot.barX(ranked, { ...band, x1: domain[0], x2: domain[1], fill: CHART_COLOURS.track }),
        Plot.barX(ranked, { ...band, x1: domain[0], x2: k + 0.5, fill: CHART_COLOURS.zone }),
        Plot.ruleX([k + 0.5], { stroke: CHART_COLOURS.reference, strokeDasharray: '5,4' }),
        Plot.text([k + 0.5], {
          x: (x: number) => x,
          frameAnchor: 'top',
          dy: -6,
          lineAnchor: 'bottom',
          textAnchor: 'end',
          dx: -4,
          fill: CHART_COLOURS.reference,
          text: () => words.topK(k),
        }),
        ...intervalWhisker(withInterval, (d) => d.row.rank_low, (d) => d.row.rank_high, { stroke: CHART_COLOURS.reference, caps: true }),
        Plot.dot(ranked, {
          y: 'key',
          x: (d: RankDatum<R>) => d.row.rank,
          symbol: 'diamond2',
          r: 7,
          fill: CHART_COLOURS.estimate,
          stroke: 'white',
          title: 'title',
        }),
        Plot.text(data.filter((d) => !d.ranked), {
          y: 'key',
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: 'absence',
        }),
        Plot.text(data, { y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'end', dx: -10, lineHeight: LINE_HEIGHT }),
        Plot.text(ranked, { y: 'key', text: 'side', frameAnchor: 'right', textAnchor: 'start', dx: 10, lineHeight: LINE_HEIGHT }),
      ],
    },
    description,
  );
  return { svg, description, rows };
}
