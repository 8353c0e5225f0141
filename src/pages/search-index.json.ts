/**
 * /search-index.json: every page and unit of the site with its titles, addresses (for units that
 * have a page), parent and validity in both languages (the list the search page shows), for
 * scripts and other tools.
 */
import type { APIRoute } from 'astro';
import { siteConfig } from '../site/site-config.ts';
import { siteSearchEntries } from '../site/site-search.ts';

export const GET: APIRoute = async () => {
  const body = { release: (await siteConfig()).release.version, entries: await siteSearchEntries('vi') };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
