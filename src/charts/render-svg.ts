/**
 * Renders a Plot specification to an SVG string at build time, with a server-side DOM.
 *
 * linkedom is set up once per process (≈ 0.1 s), after which a chart costs a few milliseconds
 * (stack.md, "Charts rendered at build time"). The output is made accessible and compact here,
 * once, rather than in every chart:
 * - the root gets `role="img"` and the chart's description as `aria-label`; every inner element
 *   Plot labels (`<g aria-label="dot">`) gets `aria-hidden="true"`, because axe reports an
 *   aria-label on a role-less `<g>` (checked with axe-core 4.14 in Chromium). The page's table twin
 *   carries the numbers for assistive technology; `<title>` tooltips still work for the mouse.
 * - geometry attributes are rounded to 2 decimals (Plot writes 136.66666666666666), which keeps
 *   pages light and snapshots stable; text content is never touched.
 * - no `style` attribute (the site's Content-Security-Policy blocks them). Plot's own <style>
 *   element stays, so a standalone .svg scales; ChartFigure.astro strips it from pages, where
 *   the site stylesheet's `.chart svg` rules (max-width:100%; height:auto) apply instead.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** Default drawing width of a chart function called without `width` (tests, standalone files). */
export const CHART_WIDTH = 640;

/**
 * The widths every page chart is drawn at, each at the real pixel size it is shown at, so text
 * keeps its 12 px: a phone (a 360 px screen has a 328 px column; 340 scales down by 4 % there), a
 * page (a printed A4 page, 190 mm = 718 px between 10 mm margins, and a tablet's column), and the
 * desktop column (.wrap is 72rem wide with 1.5rem padding: 1152 − 48 = 1104 px). CSS shows one.
 */
export const CHART_WIDTHS = { phone: 340, page: 704, wide: 1104 } as const;

export type ChartLayout = keyof typeof CHART_WIDTHS;

/** Below this width a chart stacks its labels above the marks instead of in side margins. */
const NARROW_BELOW = 560;

/** Whether a chart `width` px wide uses the stacked (phone) layout. */
export function isNarrow(width: number): boolean {
  return width < NARROW_BELOW;
}

/**
 * The marks a reader must see without scrolling sideways, named in the SVG (`data-key`) so the
 * browser tests can find them: a series' latest point, the page's own unit, a target's verdict.
 */
export type ChartKey = 'latest' | 'own' | 'verdict';

/** A Plot render transform that tags the mark's group with `data-key="<key>"`. */
export function keyRender(key: ChartKey): Plot.RenderFunction {
  return function render(index, scales, values, dimensions, context, next) {
    const group = next?.(index, scales, values, dimensions, context) ?? null;
    group?.setAttribute('data-key', key);
    return group;
  };
}

/** Font size of chart text, in px of the 640-wide drawing. */
export const CHART_FONT_SIZE = 12;

/** An opening tag, attribute values quoted (as serialised): text between tags never matches. */
const TAG = /<[a-zA-Z][^\s>/]*(?:\s+[^\s=>/]+(?:="[^"]*")?)*\s*\/?>/g;
const GEOMETRY_ATTRIBUTE = /(\s(?:d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|points)=")([^"]*)"/g;
const DECIMAL = /-?\d*\.\d+(?:e[-+]?\d+)?/g;

function roundDecimals(value: string): string {
  return value.replace(DECIMAL, (number) => {
    const rounded = Math.round(Number(number) * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

/** Rounds the numbers of geometry attributes in serialised SVG; string work, faster than the DOM. */
function roundGeometry(svg: string): string {
  return svg.replace(TAG, (tag) =>
    tag.replace(GEOMETRY_ATTRIBUTE, (_, start: string, value: string) => `${start}${roundDecimals(value)}"`),
  );
}

/**
 * `Plot.plot(options)` on the build-time document, returned as the SVG's outerHTML.
 * Refuses Plot's title, subtitle and caption (they wrap the chart in <figure> with <h2>/<h3>,
 * which breaks the page's heading order; the page writes headings and captions itself).
 */
export function renderSvg(options: Plot.PlotOptions, description: string): string {
  for (const key of ['title', 'subtitle', 'caption'] as const) {
    if (options[key] != null) {
      throw new Error(`renderSvg: Plot's "${key}" option wraps the chart in <figure> with headings; let the page write them`);
    }
  }
  const figure = Plot.plot({
    ...options,
    document: document as unknown as Document,
    figure: false,
  });
  const svg = figure as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') {
    throw new Error(`renderSvg: expected an <svg>, Plot returned <${svg.tagName.toLowerCase()}>`);
  }
  // Presentation attributes, not a `style` attribute: the site's CSP forbids style attributes, and
  // the page stylesheet (`.chart svg`) scales the SVG down with max-width:100%; height:auto.
  svg.setAttribute('font-size', String(CHART_FONT_SIZE));
  // Makes the string a valid standalone .svg file too (embeds, downloads, snapshots).
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', description);
  for (const element of svg.querySelectorAll('[aria-label]')) element.setAttribute('aria-hidden', 'true');
  return roundGeometry(svg.outerHTML);
}
