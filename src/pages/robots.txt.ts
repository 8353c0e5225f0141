/** /robots.txt: everything may be indexed; the sitemap lists every page. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/routes.ts';
import { siteConfig } from '../site/site-config.ts';

export const GET: APIRoute = async () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', (await siteConfig()).base_url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
