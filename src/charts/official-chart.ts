/**
 * The province in the country: the province's official SIPAS against the national mean, for every
 * year a source gives the national mean (src/site/official-series.ts). Published figures only,
 * with no interval (none was ever published; the page says so).
 *
 * - The national mean: a grey dashed line with hollow squares, named at its last point.
 * - The range between the lowest and the highest province, where a release names them: a light
 *   vertical bar behind the year, so a reader sees how far apart provinces are.
 * - The province: filled blue dots with their values, joined only between consecutive years that
 *   both have a figure (a year without one is not bridged by a line that would invent it); each
 *   year without a published figure gets a "∅" under its year, explained in the legend ("không
 *   có số liệu công bố của tỉnh"), so the absence is on the chart, not only in the text. (Words
 *   under each year would not fit a phone, where a year is 40 px wide.)
 * A legend above the frame names each mark, one line each, so a phone needs no right margin.
 */
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../site/format.ts';
import type { OfficialYear } from '../site/official-series.ts';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { emptyChart } from './empty-chart.ts';
import { valueAxisY } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, keyRender, renderSvg } from './render-svg.ts';

export interface OfficialChartOptions {
  lang: ChartLang;
  /** The province's name in `lang` ("Ninh Thuận"). */
  provinceName: string;
  width?: number;
}

const WORDS = {
  vi: {
    national: 'Cả nước (trung bình)',
    range: 'khoảng giữa tỉnh thấp nhất và cao nhất',
    missing: 'không có số liệu công bố của tỉnh',
    axis: 'SIPAS (%)',
  },
  en: {
    national: 'Viet Nam (mean)',
    range: 'range from the lowest to the highest province',
    missing: 'no published figure for the province',
    axis: 'SIPAS (%)',
  },
} as const;

interface Point {
  year: string;
  value: number;
  /** Consecutive years with a figure share a segment; a missing year starts a new one. */
  segment: number;
}

/** Points of one series, with a new segment after each year that has no value. */
function points(series: readonly OfficialYear[], pick: (y: OfficialYear) => number | null): Point[] {
  let segment = 0;
  const out: Point[] = [];
  for (const year of series) {
    const value = pick(year);
    if (value === null) {
      segment += 1;
      continue;
    }
    out.push({ year: year.year, value, segment });
  }
  return out;
}

function describe(series: readonly OfficialYear[], options: OfficialChartOptions): string {
  const { lang, provinceName } = options;
  const parts = series.map((y) => {
    const national = y.national ? formatPercent(y.national.value, lang) : '—';
    const own = y.province ? formatPercent(y.province.value, lang) : WORDS[lang].missing;
    return lang === 'vi'
      ? `${y.year}: ${provinceName} ${own}, cả nước ${national}`
      : `${y.year}: ${provinceName} ${own}, Viet Nam ${national}`;
  });
  return lang === 'vi'
    ? `Chỉ số SIPAS chính thức của ${provinceName} và trung bình cả nước theo năm. ${parts.join('; ')}.`
    : `Official SIPAS of ${provinceName} and the national mean by year. ${parts.join('; ')}.`;
}

function caption(series: readonly OfficialYear[], options: OfficialChartOptions): string {
  const { lang, provinceName } = options;
  const above = series.filter((y) => y.difference !== null && y.difference > 0).map((y) => y.year);
  const missing = series.filter((y) => y.province === null).map((y) => y.year);
  const first = lang === 'vi'
    ? `${provinceName} cao hơn trung bình cả nước ${above.length > 0 ? `trong các năm ${above.join(', ')}` : 'trong không năm nào có số liệu'}.`
    : `${provinceName} was above the national mean ${above.length > 0 ? `in ${above.join(', ')}` : 'in no year with a figure'}.`;
  const second = missing.length === 0 ? '' : lang === 'vi'
    ? ` Không nguồn nào chúng tôi có công bố SIPAS của tỉnh cho các năm ${missing.join(', ')}.`
    : ` No source we hold gives the province's SIPAS for ${missing.join(', ')}.`;
  return `${first}${second}`;
}

/** The chart of `series` (oldest year first), `width` px wide. */
export function officialChart(series: readonly OfficialYear[], options: OfficialChartOptions): ChartResult<OfficialYear> {
  const { lang } = options;
  const width = options.width ?? CHART_WIDTH;
  const rows = [...series];
  if (rows.length === 0) return emptyChart(lang, width);
  const words = WORDS[lang];
  const narrow = isNarrow(width);
  const national = points(rows, (y) => y.national?.value ?? null);
  const own = points(rows, (y) => y.province?.value ?? null);
  const ranges = rows.filter((y) => y.lowest && y.highest);
  const missing = rows.filter((y) => y.province === null);
  const domain = percentDomain(rows.flatMap((y) => [y.national?.value, y.province?.value, y.lowest?.value, y.highest?.value]));
  const legend: { text: string; fill: string }[] = [
    { text: `● ${options.provinceName}`, fill: CHART_COLOURS.estimate },
    { text: `□ ${words.national}`, fill: CHART_COLOURS.reference },
    ...(ranges.length > 0 ? [{ text: `▮ ${words.range}`, fill: CHART_COLOURS.muted }] : []),
    ...(missing.length > 0 ? [{ text: `∅ ${words.missing}`, fill: CHART_COLOURS.muted }] : []),
  ];
  const line = Math.round(CHART_FONT_SIZE * 1.3);
  const axisLabelHeight = line + 4;
  const marginTop = axisLabelHeight + legend.length * line + 10;
  const marginLeft = 40;
  const marginRight = 16;
  const marginBottom = 44;
  const height = marginTop + (narrow ? 220 : 260) + marginBottom;
  const svg = renderSvg(
    {
      width,
      height,
      marginTop,
      marginLeft,
      marginRight,
      marginBottom,
      x: { type: 'point', domain: rows.map((y) => y.year), padding: 0.5, label: null },
      y: { domain },
      marks: [
        Plot.gridY({ stroke: '#000000', strokeOpacity: 0.1, ticks: narrow ? 5 : undefined }),
        ...valueAxisY(words.axis, lang, { narrow, marginLeft, marginTop }),
        Plot.axisX({ label: null, tickSize: 0 }),
        // One text mark per legend line: `dy` is a constant of the mark, not a channel.
        ...legend.map((item, i) =>
          Plot.text([item], {
            frameAnchor: 'top-left',
            dx: -marginLeft,
            dy: -marginTop + axisLabelHeight + i * line,
            lineAnchor: 'top',
            textAnchor: 'start',
            text: 'text',
            fill: item.fill,
          }),
        ),
        Plot.ruleX(ranges, {
          x: 'year',
          y1: (y: OfficialYear) => y.lowest?.value,
          y2: (y: OfficialYear) => y.highest?.value,
          stroke: CHART_COLOURS.zone,
          strokeWidth: narrow ? 10 : 14,
        }),
        Plot.line(national, { x: 'year', y: 'value', z: 'segment', stroke: CHART_COLOURS.reference, strokeDasharray: '5 3', strokeWidth: 1.5 }),
        Plot.dot(national, { x: 'year', y: 'value', symbol: 'square', r: 3.5, fill: 'white', stroke: CHART_COLOURS.reference, strokeWidth: 1.5, title: (p: Point) => `${words.national}, ${p.year}: ${formatPercent(p.value, lang)}` }),
        Plot.line(own, { x: 'year', y: 'value', z: 'segment', stroke: CHART_COLOURS.estimate, strokeWidth: 2 }),
        Plot.dot(own, { x: 'year', y: 'value', r: 5, fill: CHART_COLOURS.estimate, title: (p: Point) => `${options.provinceName}, ${p.year}: ${formatPercent(p.value, lang)}`, render: keyRender('own') }),
        Plot.text(own, {
          x: 'year',
          y: 'value',
          dy: -12,
          text: (p: Point) => formatPercent(p.value, lang, narrow ? 1 : 2),
          fill: CHART_COLOURS.estimate,
          fontWeight: 'bold',
          stroke: 'white',
          strokeWidth: 3,
          paintOrder: 'stroke',
        }),
        Plot.text(missing, { x: 'year', frameAnchor: 'bottom', dy: 28, text: () => '∅', ...ABSENCE_TEXT }),
      ],
    },
    describe(rows, options),
  );
  return { svg, description: describe(rows, options), caption: caption(rows, options), rows };
}
