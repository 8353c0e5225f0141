/**
 * Funnel plot (method.md → Comparing units): each unit's index against its number of respondents,
 * with the province's value as a horizontal line and the 95 % and 99.8 % limits around it
 * (src/engine/reference/funnel-limits.ts) drawn as curves computed at many n. A unit outside the
 * 99.8 % curves is "clearly above/below the province"; inside, "consistent with the province".
 * It is the honest display for many small units (65 communes), whose ranks would mostly be noise.
 *
 * x is n on a LOG scale. The limits narrow as 1/√n, so nearly all of their change happens at small
 * n: on a linear axis over n ≈ 20–600 the range 20–100, where the funnel opens up and the smallest
 * communes sit, would get an eighth of the width and its dots would pile up against the y axis,
 * while 400–600 (a few large wards) would take a third. On a log axis each doubling of n gets the
 * same width, the curves are smooth and the small units are as legible as the large ones.
 *
 * Colour is never the only cue: clearly above = a filled triangle pointing up, clearly below = a
 * filled triangle pointing down, consistent = a hollow circle (and a legend says so). The units
 * outside the limits are named beside their mark when there are few of them (`labelLimit`); the
 * page's own unit (`highlight`) gets a black ring and its name in bold. Suppressed units get no
 * mark, only a note under the axis with their n.
 */
import * as Plot from '@observablehq/plot';
import { funnelRows, type FunnelCentre, type FunnelRow, type FunnelUnit } from '../engine/funnel-rows.ts';
import { funnelLimits, Z_95, Z_998, type FunnelClass } from '../engine/reference/funnel-limits.ts';
import { capitalise, formatInterval, formatNumber, formatPercent } from '../site/format.ts';
import type { ChartLang, ChartResult } from './chart-result.ts';
import { CHART_WORDS, FUNNEL_WORDS } from './chart-words.ts';
import { emptyChart } from './empty-chart.ts';
import { valueAxisY } from './interval-marks.ts';
import { ABSENCE_TEXT, CHART_COLOURS, OKABE_ITO } from './palette.ts';
import { percentDomain } from './percent-domain.ts';
import { CHART_FONT_SIZE, CHART_WIDTH, isNarrow, keyRender, renderSvg } from './render-svg.ts';
import { charsPerLine, estimateTextWidth, keepTogether, LINE_HEIGHT, lineHeightPx, wrapWords } from './text-layout.ts';

/** A unit's class in words ("cao hơn rõ so với toàn tỉnh"); empty for an unclassified unit. */
export function funnelClassText(classification: FunnelClass | null, lang: ChartLang): string {
  return classification === null ? '' : FUNNEL_WORDS[lang][classification];
}

export interface FunnelChartOptions {
  lang: ChartLang;
  /** The name printed for a unit code, in `lang`. */
  unitName: (unitCode: string) => string;
  /** The province's value and design effect (`funnelCentre(provinceCell)`). */
  province: FunnelCentre;
  /** Unit code drawn with a ring and its name in bold (the page's own unit). */
  highlight?: string;
  /** Name the units outside the 99.8 % limits when there are at most this many (default 8). */
  labelLimit?: number;
  /** What is shown, for the description; default "tỷ lệ hài lòng" / "satisfaction". */
  subject?: string;
  valueLabel?: string;
  width?: number;
}

/** The curves are drawn through this many values of n, evenly spaced on the log axis. */
const CURVE_SAMPLES = 120;

const CLASS_COLOURS: Record<FunnelClass, string> = {
  // Okabe–Ito (palette.ts): green and vermillion keep apart under every common colour-vision deficiency.
  above: OKABE_ITO.bluishGreen,
  below: OKABE_ITO.vermillion,
  consistent: CHART_COLOURS.estimate,
};

/** The limit curves' strokes: the 99.8 % limits decide the classes, so they are solid. */
const CURVE_STYLE = {
  998: { stroke: '#595959', strokeWidth: 1.5, strokeDasharray: null },
  95: { stroke: '#595959', strokeWidth: 1, strokeDasharray: '4,3' },
} as const;
const PROVINCE_STYLE = { stroke: CHART_COLOURS.reference, strokeWidth: 2 } as const;

/** Mark of a class: shape first, colour second. */
function classMark(classification: FunnelClass): Record<string, unknown> {
  if (classification === 'consistent') return { symbol: 'circle', r: 4, fill: 'white', stroke: CLASS_COLOURS.consistent, strokeWidth: 1.5 };
  return {
    symbol: 'triangle',
    r: 5.5,
    fill: CLASS_COLOURS[classification],
    stroke: 'white',
    strokeWidth: 0.75,
    rotate: classification === 'below' ? 180 : 0,
  };
}

/** A line segment as a Plot symbol, so a legend can show a curve's stroke beside its words. */
const LINE_SYMBOL = {
  draw(context: CanvasPath) {
    context.moveTo(-9, 0);
    context.lineTo(9, 0);
  },
};

interface Datum {
  row: FunnelRow;
  name: string;
  highlighted: boolean;
  title: string;
}

interface LegendItem {
  mark: Record<string, unknown>;
  text: string;
}

/**
 * Ticks of a log axis over `domain` on a frame `frameWidth` px wide: the finest of 1-2-5,
 * 1-2-3-5 and 1-1.5-2-3-4-5-6-8 per decade whose ticks stay at least 56 px apart (a phone gets
 * 50, 100, 200, 500; the desktop column 30, 40, 50, 60, 80, 100 …).
 */
export function logTicks(domain: [number, number], frameWidth: number): number[] {
  const [low, high] = domain;
  const pxPerLog = frameWidth / Math.log(high / low);
  const steps = [[1, 2, 5], [1, 2, 3, 5], [1, 1.5, 2, 3, 4, 5, 6, 8]];
  let chosen: number[] = [];
  for (const mantissas of steps) {
    const ticks: number[] = [];
    for (let decade = 10 ** Math.floor(Math.log10(low)); decade <= high; decade *= 10) {
      for (const m of mantissas) {
        const tick = m * decade;
        if (tick >= low && tick <= high) ticks.push(tick);
      }
    }
    const tooClose = ticks.some((t, i) => i > 0 && Math.log(t / ticks[i - 1]!) * pxPerLog < 56);
    if (tooClose && chosen.length > 0) break;
    chosen = ticks;
    if (tooClose) break;
  }
  return chosen;
}

function listUnits(data: Datum[], lang: ChartLang): string {
  return data.map((d) => `${d.name} (${formatPercent(d.row.value, lang)}, ${CHART_WORDS[lang].n(d.row.n)})`).join('; ');
}

function describe(data: Datum[], suppressed: Datum[], options: FunnelChartOptions): string {
  const { lang } = options;
  const words = FUNNEL_WORDS[lang];
  const subject = options.subject ?? (lang === 'vi' ? 'tỷ lệ hài lòng' : 'satisfaction');
  const ns = data.map((d) => d.row.n);
  const span = ns.length > 0 ? formatInterval(Math.min(...ns), Math.max(...ns), lang, { unit: 'plain' }) : '';
  const p0 = options.province.value;
  const parts = [
    lang === 'vi'
      ? `Biểu đồ phễu: ${subject} của ${data.length} đơn vị theo số người trả lời (n = ${span}), quanh giá trị toàn tỉnh ${formatPercent(p0, lang)}.`
      : `Funnel plot: ${subject} of ${data.length} units against their number of respondents (n = ${span}), around the province's ${formatPercent(p0, lang)}.`,
  ];
  const classified = data.some((d) => d.row.classification !== null);
  if (!classified) parts.push(`${words.noLimits}.`);
  for (const cls of ['above', 'below'] as const) {
    const units = data.filter((d) => d.row.classification === cls);
    if (units.length > 0) parts.push(`${capitalise(words[cls])} (${lang === 'vi' ? 'ngoài' : 'outside the'} ${words.limit998}): ${listUnits(units, lang)}.`);
  }
  const consistent = data.filter((d) => d.row.classification === 'consistent').length;
  if (classified) {
    parts.push(lang === 'vi' ? `${formatNumber(consistent, lang)} đơn vị ${words.consistent}.` : `${formatNumber(consistent, lang)} units ${consistent === 1 ? 'is' : 'are'} ${words.consistent}.`);
  }
  const own = data.find((d) => d.highlighted);
  if (own) parts.push(`${own.title}.`);
  if (suppressed.length > 0) {
    parts.push(`${words.notDrawn}: ${suppressed.map((d) => `${d.name} (${CHART_WORDS[lang].n(d.row.n)})`).join('; ')}.`);
  }
  return parts.join(' ');
}

/** The point of the chart in at most two sentences: how many units differ clearly, and the page's own unit. */
function caption(data: Datum[], lang: ChartLang): string {
  const words = FUNNEL_WORDS[lang];
  const count = (cls: FunnelClass) => data.filter((d) => d.row.classification === cls).length;
  const [above, below, consistent] = [count('above'), count('below'), count('consistent')];
  const n = (k: number) => formatNumber(k, lang);
  let first: string;
  if (above + below + consistent === 0) first = `${words.noLimits}.`;
  else if (above + below === 0) {
    first = lang === 'vi'
      ? `Không đơn vị nào khác rõ so với toàn tỉnh: cả ${n(consistent)} đơn vị nằm trong ${words.limit998}.`
      : `No unit differs clearly from the province: all ${n(consistent)} lie within the ${words.limit998}.`;
  } else {
    const outside = lang === 'vi'
      ? [above > 0 ? `${n(above)} đơn vị cao hơn rõ` : '', below > 0 ? `${n(below)} đơn vị thấp hơn rõ` : ''].filter(Boolean).join(' và ')
      : [above > 0 ? `${n(above)} ${above === 1 ? 'unit is' : 'units are'} clearly above` : '', below > 0 ? `${n(below)} ${above > 0 ? '' : below === 1 ? 'unit is ' : 'units are '}clearly below` : ''].filter(Boolean).join(' and ');
    first = lang === 'vi'
      ? `${outside} so với toàn tỉnh (ngoài ${words.limit998}); ${n(consistent)} đơn vị ${words.consistent}.`
      : `${capitalise(outside)} the province (outside the ${words.limit998}); ${n(consistent)} ${consistent === 1 ? 'is' : 'are'} ${words.consistent}.`;
    first = capitalise(first);
  }
  const own = data.find((d) => d.highlighted && d.row.classification !== null);
  if (!own) return first;
  const second = lang === 'vi' ? `${own.name} ${words[own.row.classification!]}.` : `${own.name} is ${words[own.row.classification!]}.`;
  return `${first} ${second}`;
}

/**
 * Lays out legend items left to right, wrapping to a new line when the next would pass `width`.
 * Returns each item's x (px from the SVG's left) and line number.
 */
function legendLayout(items: LegendItem[], width: number): { item: LegendItem; x: number; line: number }[] {
  const placed: { item: LegendItem; x: number; line: number }[] = [];
  let x = 0;
  let line = 0;
  for (const item of items) {
    const itemWidth = 18 + 6 + estimateTextWidth(item.text, CHART_FONT_SIZE);
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      line += 1;
    }
    placed.push({ item, x, line });
    x += itemWidth + 18;
  }
  return placed;
}

interface LabelBox {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Where a name may go around its mark: right, left, then above or below on either side. */
const LABEL_SPOTS = [
  { dx: 9, dy: 0, anchor: 'start' },
  { dx: -9, dy: 0, anchor: 'end' },
  { dx: 4, dy: -1, anchor: 'start' },
  { dx: -4, dy: -1, anchor: 'end' },
  { dx: 4, dy: 1, anchor: 'start' },
  { dx: -4, dy: 1, anchor: 'end' },
] as const;

/**
 * Places each name (px, frame coordinates) at the spot around its mark that stays inside
 * `bounds`, crosses no name already placed nor a horizontal line at one of `bounds.lines` (the
 * province's value) and covers the fewest other marks; the first spot wins a tie. Names are placed
 * in the order given. Returns the text's anchor point and alignment.
 */
export function placeLabels<T>(
  items: { d: T; x: number; y: number; width: number }[],
  marks: { x: number; y: number }[],
  bounds: { left: number; right: number; top: number; bottom: number; line: number; lines?: number[] },
): { d: T; x: number; y: number; anchor: 'start' | 'end' }[] {
  const placed: LabelBox[] = [];
  const { line } = bounds;
  return items.map((item) => {
    let best: { score: number; x: number; y: number; anchor: 'start' | 'end'; box: LabelBox } | undefined;
    for (const spot of LABEL_SPOTS) {
      const x = item.x + spot.dx;
      const y = item.y + spot.dy * line;
      const x1 = spot.anchor === 'start' ? x : x - item.width;
      const box = { x1, x2: x1 + item.width, y1: y - line / 2, y2: y + line / 2 };
      const covers = (p: { x: number; y: number }) => p.x + 5 > box.x1 && p.x - 5 < box.x2 && p.y + 5 > box.y1 && p.y - 5 < box.y2;
      const outside = box.x1 < bounds.left || box.x2 > bounds.right || box.y1 < bounds.top || box.y2 > bounds.bottom;
      const score =
        (outside ? 100 : 0) +
        marks.filter((m) => (m.x !== item.x || m.y !== item.y) && covers(m)).length +
        10 * placed.filter((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2).length +
        10 * (bounds.lines ?? []).filter((y) => y > box.y1 && y < box.y2).length;
      if (!best || score < best.score) best = { score, x, y, anchor: spot.anchor, box };
    }
    placed.push(best!.box);
    return { d: item.d, x: best!.x, y: best!.y, anchor: best!.anchor };
  });
}

/** Draws the funnel of `units` around `options.province`; see the module comment. */
export function funnelChart(units: readonly FunnelUnit[], options: FunnelChartOptions): ChartResult<FunnelRow> {
  const { lang } = options;
  const rows = funnelRows(units, options.province);
  const drawnRows = rows.filter((r) => r.value !== null);
  if (drawnRows.length === 0) return { ...emptyChart(lang, options.width), rows };
  const words = FUNNEL_WORDS[lang];
  const chartWords = CHART_WORDS[lang];
  const width = options.width ?? CHART_WIDTH;
  const narrow = isNarrow(width);
  const line = lineHeightPx(CHART_FONT_SIZE);
  const { value: p0, deff } = options.province;
  const hasLimits = p0 !== null && deff !== null && drawnRows.some((r) => r.classification !== null);

  const data: Datum[] = rows.map((row) => {
    const name = options.unitName(row.unit_code);
    const limits = row.limit998_low !== null ? `; ${words.limit998}: ${formatInterval(row.limit998_low, row.limit998_high, lang)}` : '';
    const cls = row.classification ? `, ${words[row.classification]}` : '';
    return {
      row,
      name,
      highlighted: row.unit_code === options.highlight,
      title: `${name}: ${formatPercent(row.value, lang)}, ${chartWords.n(row.n)}${limits}${cls}`,
    };
  });
  const drawn = data.filter((d) => d.row.value !== null);
  const suppressed = data.filter((d) => d.row.value === null);

  // Scales: n on a log axis padded by a quarter on each side; values spanning the units, the
  // province and the 99.8 % limits at the axis's smallest n, so the curves stay inside the frame
  // (no clip path: Plot numbers those per render, which would make two drawings differ).
  const ns = drawn.map((d) => d.row.n);
  const xDomain: [number, number] = [Math.min(...ns) / 1.25, Math.max(...ns) * 1.25];
  const widest = hasLimits ? funnelLimits(p0 / 100, deff, xDomain[0], Z_998) : null;
  const yDomain = percentDomain([...drawn.map((d) => d.row.value), p0, widest?.low ?? null, widest?.high ?? null]);

  // Legend: the classes present, the province line and the two curves, above the frame.
  const present = (['above', 'below', 'consistent'] as const).filter((cls) => drawn.some((d) => d.row.classification === cls));
  const legendItems: LegendItem[] = [
    ...present.map((cls) => ({ mark: classMark(cls), text: capitalise(words[cls]) })),
    ...(p0 !== null ? [{ mark: { symbol: LINE_SYMBOL, fill: 'none', ...PROVINCE_STYLE }, text: `${words.province}: ${formatPercent(p0, lang)}` }] : []),
    ...(hasLimits
      ? ([998, 95] as const).map((level) => {
          const { strokeDasharray, ...style } = CURVE_STYLE[level];
          return { mark: { symbol: LINE_SYMBOL, fill: 'none', ...style, ...(strokeDasharray ? { strokeDasharray } : {}) }, text: capitalise(level === 998 ? words.limit998 : words.limit95) };
        })
      : []),
  ];
  const legend = legendLayout(legendItems, width - 8);
  const legendLines = (legend.at(-1)?.line ?? 0) + 1;

  // Notes under the axis: suppressed units, and why there are no limits.
  const noteText = [
    suppressed.length > 0 ? `${words.notDrawn}: ${suppressed.map((d) => `${d.name} (${keepTogether(chartWords.n(d.row.n))})`).join('; ')}.` : '',
    hasLimits || p0 === null ? '' : `${words.noLimits}.`,
  ].filter((t) => t !== '');
  const notes = noteText.flatMap((t) => wrapWords(t, charsPerLine(width - 8, CHART_FONT_SIZE)));

  const marginLeft = narrow ? 34 : 44;
  const marginRight = narrow ? 12 : 20;
  // Top: the value axis title, then the legend lines.
  const marginTop = line + 8 + legendLines * (line + 4) + 14;
  const axisHeight = 44;
  const marginBottom = axisHeight + (notes.length > 0 ? notes.length * line + 6 : 0);
  const frameHeight = Math.round(Math.max(240, Math.min(360, width * 0.42)));
  const height = marginTop + frameHeight + marginBottom;
  const frameWidth = width - marginLeft - marginRight;

  // Pixel positions (frame coordinates), for placing the names clear of each other.
  const xPx = (n: number) => (Math.log(n / xDomain[0]) / Math.log(xDomain[1] / xDomain[0])) * frameWidth;
  const yPx = (v: number) => (1 - (v - yDomain[0]) / (yDomain[1] - yDomain[0])) * frameHeight;
  const yValue = (px: number) => yDomain[0] + (1 - px / frameHeight) * (yDomain[1] - yDomain[0]);
  const xValue = (px: number) => xDomain[0] * (xDomain[1] / xDomain[0]) ** (px / frameWidth);

  const outside = drawn.filter((d) => d.row.classification === 'above' || d.row.classification === 'below');
  const named = drawn.filter((d) => d.highlighted || (outside.length <= (options.labelLimit ?? 8) && outside.includes(d)));
  const labels = placeLabels(
    named.map((d) => ({ d, x: xPx(d.row.n), y: yPx(d.row.value!), width: estimateTextWidth(d.name, CHART_FONT_SIZE, d.highlighted) })),
    drawn.map((d) => ({ x: xPx(d.row.n), y: yPx(d.row.value!) })),
    { left: -marginLeft + 2, right: frameWidth + marginRight - 2, top: 0, bottom: frameHeight, line, lines: p0 !== null ? [yPx(p0)] : [] },
  ).map((l) => ({ d: l.d, n: xValue(l.x), y: yValue(l.y), anchor: l.anchor }));

  // The curves: limits at CURVE_SAMPLES values of n spread evenly over the log axis.
  const curves = hasLimits
    ? Array.from({ length: CURVE_SAMPLES }, (_, i) => xDomain[0] * (xDomain[1] / xDomain[0]) ** (i / (CURVE_SAMPLES - 1))).flatMap((n) =>
        ([95, 998] as const).flatMap((level) => {
          const limits = funnelLimits(p0 / 100, deff, n, level === 95 ? Z_95 : Z_998)!;
          return [
            { n, value: limits.high, curve: `${level}-high`, level },
            { n, value: limits.low, curve: `${level}-low`, level },
          ];
        }),
      )
    : [];
  const curve = (level: 95 | 998) => {
    const { strokeDasharray, ...style } = CURVE_STYLE[level];
    return Plot.line(curves.filter((c) => c.level === level), {
      x: 'n',
      y: 'value',
      z: 'curve',
      ...style,
      ...(strokeDasharray ? { strokeDasharray } : {}),
      className: `funnel-limit-${level}`,
    });
  };

  const dotsOf = (cls: FunnelClass | null) => drawn.filter((d) => d.row.classification === cls);
  const dot = (cls: FunnelClass) =>
    Plot.dot(dotsOf(cls), { x: (d: Datum) => d.row.n, y: (d: Datum) => d.row.value, ...classMark(cls), title: 'title', className: `funnel-${cls}` });
  const own = drawn.filter((d) => d.highlighted);

  const description = describe(drawn, suppressed, options);
  const svg = renderSvg(
    {
      width,
      height,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      x: { type: 'log', domain: xDomain },
      y: { domain: yDomain, clamp: true },
      marks: [
        Plot.gridY({ stroke: '#000000', strokeOpacity: 0.1, ticks: narrow ? 5 : undefined }),
        Plot.gridX({ stroke: '#000000', strokeOpacity: 0.1, ticks: logTicks(xDomain, frameWidth) }),
        ...valueAxisY(options.valueLabel ?? chartWords.valueAxis, lang, { narrow, marginLeft, marginTop }),
        Plot.axisX({
          ticks: logTicks(xDomain, frameWidth),
          tickFormat: (v: number) => formatNumber(v, lang),
          label: words.nAxis,
          labelAnchor: 'center',
          labelArrow: 'none',
          labelOffset: 34,
        }),
        // Legend: a symbol and its words per item, above the frame.
        ...legend.map(({ item, x, line: row }) => {
          const dy = -marginTop + line + 8 + row * (line + 4) + line / 2 + 2;
          return [
            Plot.dot([item], { frameAnchor: 'top-left', dx: -marginLeft + x + 9, dy, ...item.mark, className: 'funnel-legend' }),
            Plot.text([item], { frameAnchor: 'top-left', dx: -marginLeft + x + 24, dy, lineAnchor: 'middle', textAnchor: 'start', text: (i: LegendItem) => i.text, className: 'funnel-legend' }),
          ];
        }),
        p0 !== null ? Plot.ruleY([p0], PROVINCE_STYLE) : null,
        curve(95),
        curve(998),
        dot('consistent'),
        dot('above'),
        dot('below'),
        // Units drawn when the province gives no limits: plain dots, no class.
        Plot.dot(dotsOf(null), { x: (d: Datum) => d.row.n, y: (d: Datum) => d.row.value, r: 4, fill: CHART_COLOURS.estimate, title: 'title' }),
        Plot.dot(own, { x: (d: Datum) => d.row.n, y: (d: Datum) => d.row.value, r: 9, fill: 'none', stroke: CHART_COLOURS.threshold, strokeWidth: 2, render: keyRender('own') }),
        ...(['start', 'end'] as const).flatMap((anchor) =>
          [false, true].map((bold) =>
            Plot.text(labels.filter((l) => l.anchor === anchor && l.d.highlighted === bold), {
              x: (l: (typeof labels)[number]) => l.n,
              y: (l: (typeof labels)[number]) => l.y,
              textAnchor: anchor,
              text: (l: (typeof labels)[number]) => l.d.name,
              fill: '#000000',
              stroke: 'white',
              strokeWidth: 3,
              paintOrder: 'stroke',
              className: 'funnel-name',
              ...(bold ? { fontWeight: 'bold', render: keyRender('own') } : {}),
            }),
          ),
        ),
        Plot.text(notes.length > 0 ? [notes.join('\n')] : [], {
          frameAnchor: 'bottom-left',
          dx: -marginLeft + 4,
          dy: axisHeight,
          lineAnchor: 'top',
          textAnchor: 'start',
          lineHeight: LINE_HEIGHT,
          ...ABSENCE_TEXT,
          text: (d: string) => d,
        }),
      ],
    },
    description,
  );
  return { svg, description, caption: caption(drawn, lang), rows };
}

