/**
 * Target bullet chart: one row per target of a plan. On a grey track (0–100 %, or a zoomed range)
 * the side of the threshold that meets the target is shaded, a thin bar runs to the estimate, a
 * black whisker spans its 95 % interval and a tall black tick marks the threshold. The right column
 * says in words what the shapes show: "Chưa đạt / chắc chắn" (status, then certainty), so nothing
 * depends on colour. Targets without a value get a sentence instead of a bar: "quá ít phản hồi
 * (n = 12)" or "không có dữ liệu". The value is written above the bar and the threshold below it,
 * each kept inside the frame, so neither crosses the threshold tick or the interval. On a phone
 * (a narrow `width`) the name and the verdict are stacked above each bar.
 */
import * as Plot from '@observablehq/plot';
import type { TargetRow } from '../engine/tables.ts';
import { capitalise, formatInterval, formatNumber, formatPercent } from '../site/format.ts';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { CHART_WORDS, targetText, thresholdText } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { intervalWhisker, valueTicks } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS } from './palette.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, keyRender, renderSvg } from './render-svg.ts';
import { anchorWithin, charsPerLine, estimateTextWidth, LINE_HEIGHT, lineHeightPx, marginFor, sideLabelWidth, STACK_PAD, wrapWords } from './text-layout.ts';

/**
 * The columns of targets.csv the chart reads. `n` is not a targets.csv column: pass it (from
 * indices.csv) to have "quá ít phản hồi (n = 12)" rather than "quá ít phản hồi".
 */
export type BulletRow = Pick<TargetRow, 'comparator' | 'threshold' | 'value' | 'ci_low' | 'ci_high' | 'status' | 'certainty'> & {
  n?: number | null;
};

export interface BulletChartOptions<R extends BulletRow> {
  lang: ChartLang;
  /** The target's name in `lang` ("Tỷ lệ hài lòng chung", "Lĩnh vực đất đai"); wraps, never cut. */
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

/**
 * The mark area of one target, top to bottom (px): the value's label, then the threshold tick
 * (13–41) across the track (19–35) with the bar (23–31) and the interval's caps (21–33), then the
 * threshold's label from 44. Labels sit above and below the tick (a text's box reaches about 3 px
 * past its anchor), so they never cross it.
 */
const AREA = { value: 9, tick: [13, 41], track: [19, 35], bar: [23, 31], caps: [21, 33], whisker: 27, threshold: 44, height: 58 } as const;
/** Room above the mark area for the value's label, whose box reaches above the area's top. */
const VALUE_CLEARANCE = 6;
/** Desktop rows are at least this tall (the area plus a little air). */
const ROW_HEIGHT = 62;

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

/** The point of the chart in at most two sentences: which targets are not met, how many are uncertain. */
function caption<R extends BulletRow>(data: BulletDatum<R>[], lang: ChartLang): string {
  const notMet = data.filter((d) => d.hasValue && d.row.status === 'not_met').map((d) => d.name);
  const uncertain = data.filter((d) => d.hasValue && d.row.certainty === 'uncertain').length;
  const missing = data.filter((d) => !d.hasValue).length;
  const first = notMet.length > 0
    ? (lang === 'vi' ? `Chưa đạt: ${notMet.join('; ')}.` : `Not met: ${notMet.join('; ')}.`)
    : (lang === 'vi' ? 'Mọi mục tiêu có số liệu trong biểu đồ đều đạt.' : 'Every target with data in the chart is met.');
  const rest: string[] = [];
  if (uncertain > 0) {
    rest.push(lang === 'vi'
      ? `${formatNumber(uncertain, lang)} kết quả nằm trong biên sai số (chưa chắc chắn)`
      : `${formatNumber(uncertain, lang)} ${uncertain === 1 ? 'result is' : 'results are'} within the margin of error (not certain)`);
  }
  if (missing > 0) {
    rest.push(lang === 'vi'
      ? `${formatNumber(missing, lang)} mục không đủ số liệu`
      : `${formatNumber(missing, lang)} without enough data`);
  }
  return rest.length > 0 ? `${first} ${capitalise(rest.join('; '))}.` : first;
}

/** Draws one bullet per target row; see the module comment. */
export function bulletChart<R extends BulletRow>(rows: R[], options: BulletChartOptions<R>): ChartResult<R> {
  const { lang } = options;
  if (rows.length === 0) return emptyChart(lang, options.width);
  const words = CHART_WORDS[lang];
  const domain = options.domain ?? [0, 100];
  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const line = lineHeightPx(CHART_FONT_SIZE);
  // Phone: the target's name and its verdict stacked above its bar, across the whole width.
  // Desktop: name on the left, verdict on the right. Names wrap, never cut.
  const nameChars = narrow ? charsPerLine(width - 20, CHART_FONT_SIZE) : charsPerLine(sideLabelWidth(width), CHART_FONT_SIZE);
  const data: BulletDatum<R>[] = rows.map((row, index) => {
    const name = options.label(row);
    const hasValue = row.value !== null && row.status !== 'too_few' && row.status !== 'no_data';
    const verdict = hasValue ? statusWords(row.status, row.certainty, lang) : [];
    const side = narrow ? verdict.join(', ') : verdict.join('\n');
    const interval = row.ci_low !== null ? ` (${words.interval}: ${formatInterval(row.ci_low, row.ci_high, lang)})` : '';
    const goal = targetText(row.comparator, row.threshold, lang);
    return {
      key: String(index),
      row,
      name,
      wrapped: wrapWords(name, nameChars).join('\n'),
      hasValue,
      side,
      absence: hasValue ? '' : absenceText(row, lang),
      title: `${name}: ${formatPercent(row.value, lang)}${interval}. ${goal}. ${verdict.join(', ')}`,
    };
  });
  const valued = data.filter((d) => d.hasValue);
  const withInterval = valued.filter((d) => d.row.ci_low !== null && d.row.ci_high !== null);
  const nameLines = (d: BulletDatum<R>) => d.wrapped.split('\n').length;
  const maxNameLines = Math.max(1, ...data.map(nameLines));
  const marginLeft = narrow ? 8 : marginFor(data.map((d) => d.wrapped), CHART_FONT_SIZE, 80, sideLabelWidth(width) + 20);
  const marginRight = narrow ? 12 : marginFor(data.map((d) => d.side), CHART_FONT_SIZE, 60, 220, true);
  const frameWidth = width - marginLeft - marginRight;
  const textHeight = narrow ? (maxNameLines + 1) * line + 2 * STACK_PAD + VALUE_CLEARANCE : 0;
  const rowHeight = narrow ? textHeight + AREA.height : Math.max(ROW_HEIGHT, maxNameLines * line + 8);
  // Top of the mark area within a row: under the stacked words, or centred beside the margin words.
  const top = narrow ? textHeight : (rowHeight - AREA.height) / 2;
  const fromCentre = (y: number) => top + y - rowHeight / 2;
  const verdictDy = fromCentre(-VALUE_CLEARANCE);
  const inset = ([from, to]: readonly [number, number]) => ({ insetTop: top + from, insetBottom: rowHeight - top - to });
  const marginTop = 8;
  const marginBottom = 40;
  const ticks = valueTicks(domain, frameWidth);
  const xOf = (value: number) => ((value - domain[0]) / (domain[1] - domain[0])) * frameWidth;
  const anchored = (text: (d: BulletDatum<R>) => string, at: (d: BulletDatum<R>) => number) => (d: BulletDatum<R>) =>
    anchorWithin(xOf(at(d)), estimateTextWidth(text(d), CHART_FONT_SIZE), frameWidth);
  const valueText = (d: BulletDatum<R>) => formatPercent(d.row.value, lang);
  const thresholdLabel = (d: BulletDatum<R>) => targetText(d.row.comparator, d.row.threshold, lang);
  // Text marks take one anchor each, so labels are drawn in groups of equal anchor.
  const byAnchor = (rowsOf: BulletDatum<R>[], anchor: (d: BulletDatum<R>) => 'start' | 'middle' | 'end') =>
    (['start', 'middle', 'end'] as const).map((a) => [a, rowsOf.filter((d) => anchor(d) === a)] as const);
  const valueAnchor = anchored(valueText, (d) => d.row.value ?? 0);
  const thresholdAnchor = anchored(thresholdLabel, (d) => d.row.threshold);
  const description = describe(data, lang);
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
        Plot.axisX({
          label: options.valueLabel ?? words.valueAxis,
          labelAnchor: 'center',
          labelArrow: 'none',
          ticks,
          tickFormat: (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 1),
        }),
        Plot.barX(valued, { y: 'key', ...inset(AREA.track), x1: domain[0], x2: domain[1], fill: CHART_COLOURS.track }),
        Plot.barX(valued, {
          y: 'key',
          ...inset(AREA.track),
          x1: (d: BulletDatum<R>) => meetingZone(d.row, domain)[0],
          x2: (d: BulletDatum<R>) => meetingZone(d.row, domain)[1],
          fill: CHART_COLOURS.zone,
        }),
        Plot.barX(valued, {
          y: 'key',
          ...inset(AREA.bar),
          x1: domain[0],
          x2: (d: BulletDatum<R>) => d.row.value,
          fill: CHART_COLOURS.estimate,
          title: 'title',
        }),
        ...intervalWhisker(withInterval, (d) => d.row.ci_low, (d) => d.row.ci_high, {
          stroke: CHART_COLOURS.reference,
          caps: true,
          dy: fromCentre(AREA.whisker),
          capInsets: [inset(AREA.caps).insetTop, inset(AREA.caps).insetBottom],
        }),
        Plot.tickX(valued, {
          y: 'key',
          x: (d: BulletDatum<R>) => d.row.threshold,
          ...inset(AREA.tick),
          stroke: CHART_COLOURS.threshold,
          strokeWidth: 3,
        }),
        ...byAnchor(valued, valueAnchor).map(([textAnchor, group]) =>
          Plot.text(group, {
            y: 'key',
            x: (d: BulletDatum<R>) => d.row.value,
            dy: fromCentre(AREA.value),
            lineAnchor: 'bottom',
            textAnchor,
            text: valueText,
          }),
        ),
        ...byAnchor(valued, thresholdAnchor).map(([textAnchor, group]) =>
          Plot.text(group, {
            y: 'key',
            x: (d: BulletDatum<R>) => d.row.threshold,
            dy: fromCentre(AREA.threshold),
            lineAnchor: 'top',
            textAnchor,
            fill: CHART_COLOURS.reference,
            text: thresholdLabel,
          }),
        ),
        Plot.text(data.filter((d) => !d.hasValue), {
          y: 'key',
          dy: fromCentre(AREA.whisker),
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 6,
          ...ABSENCE_TEXT,
          text: 'absence',
        }),
        narrow
          ? [
              // Name, then verdict, right above the bar (any spare height goes above them), clear
              // of the value's label at the top of the mark area.
              Plot.text(data, {
                y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'start', dy: verdictDy - line - 2, lineAnchor: 'bottom', lineHeight: LINE_HEIGHT,
              }),
              Plot.text(valued, {
                y: 'key', text: 'side', frameAnchor: 'left', textAnchor: 'start', dy: verdictDy, lineAnchor: 'bottom', fontWeight: 'bold', render: keyRender('verdict'),
              }),
            ]
          : [
              Plot.text(data, { y: 'key', text: 'wrapped', frameAnchor: 'left', textAnchor: 'end', dx: -10, lineHeight: LINE_HEIGHT }),
              Plot.text(valued, {
                y: 'key', text: 'side', frameAnchor: 'right', textAnchor: 'start', dx: 10, fontWeight: 'bold', lineHeight: LINE_HEIGHT, render: keyRender('verdict'),
              }),
            ],
      ],
    },
    description,
  );
  return { svg, description, caption: caption(data, lang), rows };
}
