/**
 * Target bullet chart: one row per target of a plan. On a grey track (0–100 %, or a zoomed range)
 * the side of the threshold that meets the target is shaded, a thin bar runs to the estimate, a
 * black whisker spans its 95 % interval and a tall black tick marks the threshold. The right column
 * says in words what the shapes show: "Chưa đạt / chắc chắn" (status, then certainty), so nothing
 * depends on colour. Targets without a value get a sentence instead of a bar: "quá ít phản hồi
 * (n = 12)" or "không có dữ liệu".
 */
import * as Plot from '@observablehq/plot';
import type { TargetRow } from '../engine/tables.ts';
import { formatInterval, formatNumber, formatPercent } from '../site/format.ts';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { CHART_WORDS, targetText, thresholdText } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, renderSvg } from './render-svg.ts';
import { LINE_HEIGHT, marginFor, wrapWords } from './text-layout.ts';

/**
 * The columns of targets.csv the chart reads. `n` is not a targets.csv column: pass it (from
 * indices.csv) to have "quá ít phản hồi (n = 12)" rather than "quá ít phản hồi".
 */
export type BulletRow = Pick<TargetRow, 'comparator' | 'threshold' | 'value' | 'ci_low' | 'ci_high' | 'status' | 'certainty'> & {
  n?: number | null;
};

export interface BulletChartOptions<R extends BulletRow> {
  lang: ChartLang;
  /** The target's name in `lang` ("Tỷ lệ hài lòng chung", "Lĩnh vực đất đai"); wraps to two lines. */
  label: (row: R) => string;
  /** Visible range in %; default 0–100. A zoom such as [60, 100] shows small gaps better. */
  domain?: [number, number];
  valueLabel?: string;
  width?: number;
}

/** "Đạt" / "Chưa đạt" and, when it applies, "chắc chắn" / "trong biên sai số". */
export function statusWords(status: TargetRow['status'], certainty: TargetRow['certainty'], lang: ChartLang): string[] {
  const words = CHART_WORDS[lang];
  return certainty === null ? [words.status[status]] : [words.status[status], words.certainty[certainty]];
}

interface BulletDatum<R> {
  key: string;
  row: R;
  name: string;
  wrapped: string;
  hasValue: boolean;
  side: string;
  absence: string;
  title: string;
}

/** Height of one target's row, and the insets that give the track, bar and ticks their heights. */
const ROW_HEIGHT = 60;
const TRACK_INSET = 22;
const BAR_INSET = 26;
const THRESHOLD_INSET = 16;
const NAME_CHARS = 26;

function absenceText(row: BulletRow, lang: ChartLang): string {
  const words = CHART_WORDS[lang];
  if (row.status === 'too_few') return row.n != null ? words.tooFew(row.n) : words.status.too_few.toLowerCase();
  return words.noData;
}

/** The part of the track on the meeting side of the threshold. */
function meetingZone(row: BulletRow, domain: [number, number]): [number, number] {
  return row.comparator === '<=' || row.comparator === '<' ? [domain[0], row.threshold] : [row.threshold, domain[1]];
}

function describe<R extends BulletRow>(data: BulletDatum<R>[], lang: ChartLang): string {
  const words = CHART_WORDS[lang];
  const heading = lang === 'vi' ? `${data.length} mục tiêu.` : `${data.length} targets.`;
  const lines = data.map((d) => {
    const goal = `${d.name} ${thresholdText(d.row.comparator, d.row.threshold, lang)}`;
    if (!d.hasValue) return `${goal}: ${d.absence}.`;
    const interval = d.row.ci_low !== null ? ` (${words.interval}: ${formatInterval(d.row.ci_low, d.row.ci_high, lang)})` : '';
    return `${goal}: ${formatPercent(d.row.value, lang)}${interval}, ${statusWords(d.row.status, d.row.certainty, lang).join(', ')}.`;
  });
  return [heading, ...lines].join(' ');
}

/** Draws one bullet per target row; see the module comment. */
export function bulletChart<R extends BulletRow>(rows: R[], options: BulletChartOptions<R>): ChartResult<R> {
  const { lang } = options;
  if (rows.length === 0) return emptyChart(lang, options.width);
  const words = CHART_WORDS[lang];
  const domain = options.domain ?? [0, 100];
  const data: BulletDatum<R>[] = rows.map((row, index) => {
    const name = options.label(row);
    const hasValue = row.value !== null && row.status !== 'too_few' && row.status !== 'no_data';
    const side = hasValue ? statusWords(row.status, row.certainty, lang).join('\n') : '';
    const interval = row.ci_low !== null ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
    const goal = targetText(row.comparator, row.threshold, lang);
    return {
      key: String(index),
      row,
      name,
      wrapped: wrapWords(name, NAME_CHARS).join('\n'),
      hasValue,
      side,
      absence: hasValue ? '' : absenceText(row, lang),
      title: `${name}: ${formatPercent(row.value, lang)}${interval}. ${goal}. ${side.replace('\n', ', ')}`,
    };
  });
  const valued = data.filter((d) => d.hasValue);
  const withInterval = valued.filter((d) => d.row.ci_low !== null && d.row.ci_high !== null);
  const marginLeft = marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, 190);
  const marginRight = marginFor(data.map((d) => d.side), CHART_FONT_SIZE, 60, 170, true);
  const marginTop = 8;
  const marginBottom = 40;
  const band = { y: 'key', insetTop: TRACK_INSET, insetBottom: TRACK_INSET } as const;
  const description = describe(data, lang);
  const svg = renderSvg(
    {
      width: options.width ?? CHART_WIDTH,
      height: marginTop + marginBottom + data.length * ROW_HEIGHT,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { domain, clamp: true },
      y: { type: 'band', domain: data.map((d) => d.key), padding: 0, axis: null },
      marks: [
        Plot.axisX({
          label: options.valueLabel ?? words.valueAxis,
          labelAnchor: 'center',
          labelArrow: 'none',
          tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1),
        }),
        Plot.barX(valued, { ...band, x1: domain[0], x2: domain[1], fill: CHART_COLOURS.track }),
        Plot.barX(valued, {
          ...band,
          x1: (d: BulletDatum<R>) => meetingZone(d.row, domain)[0],
          x2: (d: BulletDatum<R>) => meetingZone(d.row, domain)[1],
          fill: CHART_COLOURS.zone,
        }),
        Plot.barX(valued, {
          y: 'key',
          insetTop: BAR_INSET,
          insetBottom: BAR_INSET,
          x1: domain[0],
          x2: (d: BulletDatum<R>) => d.row.value,
          fill: CHART_COLOURS.estimate,
          title: 'title',
        }),
        ...intervalWhisker(withInterval, (d) => d.row.ci_low, (d) => d.row.ci_high, { stroke: CHART_COLOURS.reference, caps: true }),
        Plot.tickX(valued, {
          y: 'key',
          x: (d: BulletDatum<R>) => d.row.threshold,
          insetTop: THRESHOLD_INSET,
          insetBottom: THRESHOLD_INSET,
          stroke: CHART_COLOURS.threshold,
          strokeWidth: 3,
        }),
        Plot.text(valued, {
          y: 'key',
          x: (d: BulletDatum<R>) => d.row.value,
          dy: -ROW_HEIGHT / 2 + 12,
          text: (d: BulletDatum<R>) => formatPercent(d.row.value, lang),
        }),
        Plot.text(valued, {
          y: 'key',
          x: (d: BulletDatum<R>) => d.row.threshold,
          dy: ROW_HEIGHT / 2 - 10,
          fill: CHART_COLOURS.reference,
          text: (d: BulletDatum<R>) => targetText(d.row.comparator, d.row.threshold, lang),
        }),
        Plot.text(data.filter((d) => !d.hasValue), {
          y: 'key',
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: 'absence',
        }),
        Plot.text(data, { y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'end', dx: -10, lineHeight: LINE_HEIGHT }),
        Plot.text(valued, { y: 'key', text: 'side', frameAnchor: 'right', textAnchor: 'start', dx: 10, fontWeight: 'bold', lineHeight: LINE_HEIGHT }),
      ],
    },
    description,
  );
  return { svg, description, rows };
}
