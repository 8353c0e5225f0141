/**
 * Where a chart's image files and embed page live, and the iframe snippet a reader copies.
 * The files themselves are written after the pages (src/images/chart-images-integration.ts), so a
 * page links to them with the size left out and marked (`data-image-size`); the same step fills
 * the sizes in once the files exist (fillImageSizes).
 */
import type { ChartLayout } from '../charts/render-svg.ts';
import { formatBytes } from './format.ts';
import type { Lang } from './i18n.ts';
import { pathOf } from './routes.ts';

export type ImageFormat = 'svg' | 'png';

export const IMAGE_FORMATS: readonly ImageFormat[] = ['svg', 'png'];

/** `/data/charts/<id>.svg` (Vietnamese), `/data/charts/<id>.en.png` (English). */
export function chartImagePath(id: string, lang: Lang, format: ImageFormat): string {
  return `/data/charts/${id}${lang === 'vi' ? '' : `.${lang}`}.${format}`;
}

/** Site path of the chart's embed page. */
export function embedPath(id: string, lang: Lang): string {
  return pathOf({ key: 'embed', id }, lang);
}

/** Home pages repeat charts of other pages: an image cites the chart's own page where it has one. */
export function isHomePath(path: string): boolean {
  return path === pathOf({ key: 'home' }, 'vi') || path === pathOf({ key: 'home' }, 'en');
}

/** Height of title, caption and notes around the drawing on the embed page, px (two lines each). */
const EMBED_CHROME = 170;

/**
 * The iframe's height: the tallest of the drawings the embed page may show, plus its text; the
 * width is the host's (100 %), so the page picks the drawing that fits.
 */
export function embedHeight(drawings: Partial<Record<ChartLayout, string>>): number {
  const heights = Object.values(drawings).map((svg) => Number(/^<svg\b(?:[^>"]|"[^"]*")*?\sheight="([\d.]+)"/.exec(svg ?? '')?.[1] ?? 0));
  return Math.ceil(Math.max(0, ...heights) + EMBED_CHROME);
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The `<iframe>` a reader pastes into their page. */
export function embedSnippet(url: string, title: string, height: number): string {
  return `<iframe src="${attribute(url)}" title="${attribute(title)}" width="100%" height="${height}" loading="lazy" style="border:0"></iframe>`;
}

/** Attribute marking an image link whose size is not known yet. */
export const IMAGE_SIZE_MARK = 'data-image-size';

const MARKED_LINK = new RegExp(`<a\\b([^>]*?) ${IMAGE_SIZE_MARK}([^>]*)>([^<]*)\\((SVG|PNG)\\)</a>`, 'g');

/**
 * The page with every marked image link given its file's size: `…>Tải ảnh (PNG)</a>` →
 * `…>Tải ảnh (PNG, 41,2 kB)</a>`. `sizeOf` gets the link's path; a file it does not know stops
 * the build (a link to a missing image).
 */
export function fillImageSizes(html: string, lang: Lang, sizeOf: (path: string) => number | undefined): string {
  return html.replace(MARKED_LINK, (_, before: string, after: string, label: string, format: string) => {
    const href = /\shref="([^"]+)"/.exec(`${before}${after}`)?.[1] ?? '';
    const size = sizeOf(href);
    if (size === undefined) throw new Error(`chart images: a page links to ${href}, which was not written`);
    return `<a${before}${after}>${label}(${format}, ${formatBytes(size, lang)})</a>`;
  });
}
