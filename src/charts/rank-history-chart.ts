/**
 * Rank history (method.md → Comparing units): each unit's yearly rank within its group with the
 * 95 % rank interval, as small multiples (panel-grid.ts), one panel per unit, all on one rank
 * axis (1 at the top). A vertical bar spans the rank interval, a dot marks the rank, and a line
 * joins the years of one method only: none crosses a method break (a dashed rule). No unit is
 * highlighted; each panel is titled with its unit. A year the unit was not ranked is named in the
 * notes with its n, never drawn.
 */
import * as Plot from '@observablehq/plot';
import type { RankingRow } from '../engine/tables.ts';
import { formatNumber } from '../site/format.ts';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { CHART_WORDS } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { methodBreakNote, panelFrameMarks, panelGrid, partYearNoteText, type PanelCell } from './panel-grid.ts';
import { CHART_COLOURS } from './palette.ts';
import { CHART_WIDTH, isNarrow, renderSvg } from './render-svg.ts';

export interface RankHistoryPanel {
  /** The unit's name, the panel's title. */
  label: string;
  /** Its ranking rows, one per year, oldest first. */
  rows: RankingRow[];
}

export interface RankHistoryOptions {
  lang: ChartLang;
  /** Years first measured with a new method version. */
  methodBreaks?: string[];
  /** Years the units existed for only part of, with the months. */
  partYears?: { period: string; months: [number, number] }[];
  width?: number;
}

interface Point extends PanelCell {
  x: number;
  era: number;
  rank: number | null;
  low: number | null;
  high: number | null;
  title: string;
}

const ranked = (r: RankingRow): boolean => r.status === 'ranked' && r.rank !== null;

export function rankHistoryChart(panels: RankHistoryPanel[], options: RankHistoryOptions): ChartResult<RankingRow> {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const width = options.width ?? CHART_WIDTH;
  const rows = panels.flatMap((p) => p.rows);
  if (panels.length === 0 || rows.length === 0) return emptyChart(lang, width);
  const years = [...new Set(rows.map((r) => Number(r.period)))].sort((a, b) => a - b);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  const breaks = (options.methodBreaks ?? []).map(Number).filter((b) => b > first && b <= last);
  const eraOf = (x: number) => breaks.filter((b) => b <= x).length;
  const partYears = (options.partYears ?? []).filter((p) => years.includes(Number(p.period)));
  // The rank axis runs over the largest group drawn (7 districts: 1–7).
  const deepest = Math.max(1, ...rows.map((r) => Math.max(r.rank_high ?? 0, r.rank ?? 0)), panels.length);

  const notRanked: string[] = [];
  const narrow = isNarrow(width);
  const header = [
    words.rankAxis,
    lang === 'vi'
      ? 'Chấm tròn: hạng theo giá trị ước lượng; thanh dọc: khoảng hạng 95 %.'
      : 'Dot: the rank of the estimate; vertical bar: the 95% rank interval.',
  ];
  const pointsOf = (panel: RankHistoryPanel): Omit<Point, 'col' | 'row'>[] =>
    panel.rows.map((row) => {
      const isRanked = ranked(row);
      if (!isRanked) notRanked.push(`${panel.label} ${row.period}: ${words.notRanked} (${words.n(row.n).replace(/ = /g, '\u00a0=\u00a0')})`);
      const interval = row.rank_low !== null && row.rank_high !== null ? `${formatNumber(row.rank_low, lang)}–${formatNumber(row.rank_high, lang)}` : '';
      return {
        x: Number(row.period),
        era: eraOf(Number(row.period)),
        rank: isRanked ? row.rank : null,
        low: isRanked ? row.rank_low : null,
        high: isRanked ? row.rank_high : null,
        title: isRanked
          ? `${panel.label}, ${row.period}: ${words.rank(formatNumber(row.rank ?? 0, lang))} (${lang === 'vi' ? 'khoảng hạng' : 'rank interval'} ${interval})`
          : `${panel.label}, ${row.period}: ${words.notRanked}`,
      };
    });
  const unplaced = panels.map(pointsOf);
  const notes = [
    ...partYears.map((p) => partYearNoteText(p.period, p.months, lang)),
    methodBreakNote(breaks.map(String), lang),
    ...notRanked,
  ].filter((n) => n !== '');
  const grid = panelGrid({ count: panels.length, width, frameHeight: narrow ? 110 : 120, titles: panels.map((p) => p.label), notes, header });
  const cells = panels.map((_, i) => grid.cell(i));
  const points: Point[] = unplaced.flatMap((ps, i) => ps.map((p) => ({ ...p, ...(cells[i] ?? { col: 0, row: 0 }) })));
  const rankTicks = Array.from({ length: deepest }, (_, i) => i + 1).filter((r) => deepest <= 8 || r === 1 || r % 5 === 0);
  const line = (p: Point) => `${p.col}|${p.row}|${p.era}`;

  const description = describe(panels, options, first, last, breaks);
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
      y: { domain: [0.5, deepest + 0.5], reverse: true },
      marks: [
        ...panelFrameMarks(grid, cells, {
          years,
          partYears: partYears.map((p) => p.period),
          breakPositions: breaks.map((b) => b - 0.5),
          lang,
          yAxis: [
            Plot.gridY({ facetAnchor: null, ticks: rankTicks, stroke: '#000000', strokeOpacity: 0.1 }),
            Plot.axisY({ facetAnchor: null, ticks: rankTicks, label: null, tickFormat: (v: number) => formatNumber(v, lang) }),
          ],
        }),
        Plot.ruleX(points.filter((p) => p.low !== null), {
          x: 'x', y1: (p: Point) => (p.low ?? 0) - 0.3, y2: (p: Point) => (p.high ?? 0) + 0.3, fx: 'col', fy: 'row',
          stroke: CHART_COLOURS.estimate, strokeOpacity: 0.35, strokeWidth: 8, strokeLinecap: 'round',
        }),
        Plot.line(points, { x: 'x', y: 'rank', z: line, fx: 'col', fy: 'row', stroke: CHART_COLOURS.estimate, strokeWidth: 1.5 }),
        Plot.dot(points.filter((p) => p.rank !== null), { x: 'x', y: 'rank', fx: 'col', fy: 'row', r: 3.5, fill: CHART_COLOURS.estimate, title: 'title' }),
      ],
    },
    description,
  );
  return { svg, description, caption: caption(options, first, last, breaks), rows };
}

function describe(panels: RankHistoryPanel[], options: RankHistoryOptions, first: number, last: number, breaks: number[]): string {
  const { lang } = options;
  const words = CHART_WORDS[lang];
  const parts = [
    lang === 'vi'
      ? `Thứ hạng theo năm, ${first}–${last}, với khoảng hạng 95 %, mỗi đơn vị một ô.`
      : `Rank by year, ${first}–${last}, with the 95% rank interval, one panel per unit.`,
  ];
  for (const panel of panels) {
    const years = panel.rows
      .map((r) => (ranked(r) ? `${r.period} ${formatNumber(r.rank ?? 0, lang)} (${formatNumber(r.rank_low ?? 0, lang)}–${formatNumber(r.rank_high ?? 0, lang)})` : `${r.period} ${words.notRanked}`))
      .join(', ');
    parts.push(`${panel.label}: ${years}.`);
  }
  const note = methodBreakNote(breaks.map(String), lang);
  if (note) parts.push(note);
  return parts.join(' ');
}

function caption(options: RankHistoryOptions, first: number, last: number, breaks: number[]): string {
  const { lang } = options;
  const one = lang === 'vi'
    ? `Thứ hạng của từng đơn vị qua các năm ${first}–${last}; thanh dọc càng dài thì thứ hạng càng không chắc chắn.`
    : `Each unit's rank over ${first}–${last}; the longer the bar, the less certain the rank.`;
  const two = breaks.length > 0
    ? lang === 'vi'
      ? `Không nối thứ hạng qua lần thay đổi phương pháp năm ${breaks.join(', ')}.`
      : `Ranks are not joined across the method change of ${breaks.join(', ')}.`
    : '';
  return two ? `${one} ${two}` : one;
}
