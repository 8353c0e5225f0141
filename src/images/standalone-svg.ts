/**
 * A chart as a file a reader takes away (`/data/charts/<id>.svg`, and the PNG drawn from it): the
 * page's desktop drawing, unchanged, framed by what a picture pasted into a report must carry by
 * itself: the title above, and below it the sample sizes, the source and the citation (site,
 * release, page address). The text is laid out here, without a browser, with the same width
 * estimates as the charts (text-layout.ts), for the font the PNG is rendered with (chart-font.ts).
 */
import { charsPerLine, wrapWords } from '../charts/text-layout.ts';
import { CHART_FONT_STACK } from './chart-font.ts';

export interface StandaloneTexts {
  title: string;
  /** The chart's point (its caption on the page), under the title: it names the unit shown. */
  subtitle?: string;
  /** "Cỡ mẫu: n = 86–412 mỗi điểm", when the chart's rows have an n. */
  sampleSize?: string;
  /** "Nguồn: <publisher>, <site title>." */
  source: string;
  /** "Trích dẫn: … <page address>". */
  citation: string;
}

/** Space around the drawing, px. */
const PAD = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 15;
const NOTE_SIZE = 13;
const LINE_GAP = 1.35;
const INK = '#1b1f24';
const MUTED = '#4d5561';

/** Text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The opening `<svg …>` tag; attribute values may hold `>` (serialisers leave it unescaped). */
export const SVG_OPEN_TAG = /^<svg\b((?:[^>"]|"[^"]*")*)>/;

/** Reads a number attribute of the outer `<svg …>` tag. */
function rootNumber(svg: string, name: string): number {
  const open = SVG_OPEN_TAG.exec(svg)?.[0] ?? '';
  const value = Number(new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`standaloneSvg: the chart's <svg> has no ${name}`);
  return value;
}

/** Lines of a text block starting with its first baseline at `top + size`. */
function textBlock(lines: string[], top: number, size: number, attributes: string): { markup: string; bottom: number } {
  const step = Math.round(size * LINE_GAP);
  const spans = lines.map((line, i) => `<tspan x="${PAD}" y="${top + size + i * step}">${escapeXml(line)}</tspan>`).join('');
  return { markup: `<text font-size="${size}" ${attributes}>${spans}</text>`, bottom: top + size + (lines.length - 1) * step + Math.round(size * 0.35) };
}

/**
 * The standalone SVG of a chart: `chart` is the drawing's `<svg …>…</svg>` as a page shows it (with
 * width, height and viewBox, no <style>); its page attribute `data-layout` is dropped, its font
 * family replaced by the chart font's stack (which the outer SVG names too).
 */
export function standaloneSvg(chart: string, texts: StandaloneTexts): string {
  const chartWidth = rootNumber(chart, 'width');
  const chartHeight = rootNumber(chart, 'height');
  const width = chartWidth + 2 * PAD;
  const textWidth = width - 2 * PAD;
  const title = textBlock(wrapWords(texts.title, charsPerLine(textWidth, TITLE_SIZE, true)), PAD - 4, TITLE_SIZE, `font-weight="bold" fill="${INK}"`);
  const subtitle = texts.subtitle
    ? textBlock(wrapWords(texts.subtitle, charsPerLine(textWidth, SUBTITLE_SIZE)), title.bottom + 4, SUBTITLE_SIZE, `fill="${MUTED}"`)
    : { markup: '', bottom: title.bottom };
  const chartTop = subtitle.bottom + 12;
  const notes = [texts.sampleSize, texts.source, texts.citation]
    .filter((note): note is string => !!note)
    .flatMap((note) => wrapWords(note, charsPerLine(textWidth, NOTE_SIZE)));
  const footer = textBlock(notes, chartTop + chartHeight + 8, NOTE_SIZE, `fill="${MUTED}"`);
  const height = footer.bottom + PAD - 4;
  const inner = chart
    .replace(SVG_OPEN_TAG, (_, attributes: string) => {
      const kept = attributes.replace(/\sdata-layout="[^"]*"/, '').replace(/\sfont-family="[^"]*"/, '');
      return `<svg x="${PAD}" y="${chartTop}"${kept} font-family="${escapeXml(CHART_FONT_STACK)}">`;
    });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(CHART_FONT_STACK)}" font-size="12" color="${INK}">`,
    `<title>${escapeXml(texts.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    title.markup,
    ...(subtitle.markup ? [subtitle.markup] : []),
    inner,
    footer.markup,
    '</svg>',
    '',
  ].join('\n');
}
