/**
 * The charts of a built page, read back from its HTML: the images and embed pages are made from
 * exactly what the page shows (same drawings, same title), after Astro has written the pages,
 * whatever component drew them, so no chart is drawn twice. Reads only the markup that
 * ChartFigure.astro writes: `<figure class="chart" id="…">`, its heading `#<id>-title`, the
 * caption paragraph after it and one `<svg data-layout="…">` per layout.
 */
import type { ChartLayout } from '../charts/render-svg.ts';

export interface PageFigure {
  id: string;
  title: string;
  /** The chart's point in at most two sentences (names the unit the page is about). */
  caption: string;
  /** Each layout's drawing as on the page. */
  drawings: Partial<Record<ChartLayout, string>>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of an HTML fragment: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .trim();
}

const FIGURE = /<figure class="chart" id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g;
const DRAWING = /<svg data-layout="(phone|page|wide)"[\s\S]*?<\/svg>/g;

/** Every chart figure of a page's HTML, in page order. */
export function pageFigures(html: string): PageFigure[] {
  const figures: PageFigure[] = [];
  for (const [, id = '', body = ''] of html.matchAll(FIGURE)) {
    const heading = new RegExp(`<h[2-6] id="${id}-title">([\\s\\S]*?)</h[2-6]>`).exec(body);
    if (!heading) continue;
    const figcaption = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(body)?.[1] ?? '';
    const caption = /<p>([\s\S]*?)<\/p>/.exec(figcaption)?.[1];
    const drawings: PageFigure['drawings'] = {};
    for (const match of body.matchAll(DRAWING)) drawings[match[1] as ChartLayout] = match[0];
    if (!drawings.wide) continue;
    figures.push({ id, title: htmlText(heading[1] ?? ''), caption: caption ? htmlText(caption) : '', drawings });
  }
  return figures;
}
