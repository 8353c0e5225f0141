/**
 * /sitemap.xml: every page in both languages, each with its alternate-language address, from
 * the one list in src/site/routes.ts (static pages) + src/site/page-inventory.ts (data pages).
 */
import type { APIRoute } from 'astro';
import { LANG_TAG, LANGS } from '../site/i18n.ts';
import { pageInventory } from '../site/page-inventory.ts';
import { absoluteUrl, allRoutes, pathOf } from '../site/routes.ts';
import { siteConfig } from '../site/site-config.ts';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async () => {
  const base = (await siteConfig()).base_url;
  const urls = allRoutes(await pageInventory()).flatMap((route) =>
    LANGS.map((lang) => {
      const alternates = LANGS.map(
        (l) => `<xhtml:link rel="alternate" hreflang="${LANG_TAG[l]}" href="${escapeXml(absoluteUrl(pathOf(route, l), base))}"/>`,
      ).join('');
      return `<url><loc>${escapeXml(absoluteUrl(pathOf(route, lang), base))}</loc>${alternates}</url>`;
    }),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
