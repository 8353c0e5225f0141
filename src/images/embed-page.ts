/**
 * A chart alone, for another site's iframe (`/nhung/<id>/`, `/en/embed/<id>/`): its title and
 * caption, the page's three drawings (the embed stylesheet shows the one that fits the iframe's
 * width, without JavaScript), the sample sizes and source, and a link back to the page the chart
 * comes from. No header, navigation or footer.
 *
 * Same policy as every page (src/site/csp.ts): nothing from another host, the stylesheet allowed
 * by its hash. Being framed is allowed: the policy has no `frame-ancestors` (a `<meta>` policy
 * cannot carry it, and browsers ignore it there) and the site sends no X-Frame-Options. The page
 * asks search engines not to index it: its content is the chart's page's, which is indexed.
 */
import type { ChartLayout } from '../charts/render-svg.ts';
import { contentSecurityPolicy } from '../site/csp.ts';
import { LANG_TAG, t, type Lang } from '../site/i18n.ts';
import { escapeXml } from './standalone-svg.ts';

export interface EmbedPageInput {
  lang: Lang;
  title: string;
  caption: string;
  drawings: Partial<Record<ChartLayout, string>>;
  /** Sample-size and source lines (image-texts.ts). */
  notes: string[];
  /** Absolute address of the chart on its page (`…/don-vi/585-ninh-son/#trend-…`). */
  pageUrl: string;
  /** Absolute address of this embed page (its canonical). */
  embedUrl: string;
  siteTitle: string;
  /** The compacted embed stylesheet (src/styles/embed.css). */
  css: string;
}

const LAYOUTS: readonly ChartLayout[] = ['phone', 'page', 'wide'];

export function embedPageHtml(input: EmbedPageInput): string {
  const { lang, title, caption, drawings, notes, pageUrl, embedUrl, siteTitle, css } = input;
  const svgs = LAYOUTS.map((layout) => drawings[layout]).filter((svg): svg is string => !!svg);
  return [
    '<!doctype html>',
    `<html lang="${LANG_TAG[lang]}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeXml(contentSecurityPolicy({ inlineStyles: [css] }))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeXml(`${title} · ${siteTitle}`)}</title>`,
    `<link rel="canonical" href="${escapeXml(embedUrl)}">`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<figure>',
    `<figcaption><h1>${escapeXml(title)}</h1>${caption ? `<p>${escapeXml(caption)}</p>` : ''}</figcaption>`,
    ...svgs,
    ...notes.map((note) => `<p class="embed-notes">${escapeXml(note)}</p>`),
    `<p class="embed-notes"><a href="${escapeXml(pageUrl)}" target="_top">${escapeXml(t('embedBack', lang))}</a> · ${escapeXml(siteTitle)}</p>`,
    '</figure>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
