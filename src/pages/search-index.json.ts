/**
 * /search-index.json: every page of the site with its titles and addresses in both languages
 * (the list the search page shows), for scripts and other tools.
 */
import type { APIRoute } from 'astro';
import { pageInventory } from '../site/page-inventory.ts';
import { STATIC_ROUTE_KEYS } from '../site/routes.ts';
import { searchEntries, sortEntries } from '../site/search-entries.ts';
import { siteConfig } from '../site/site-config.ts';

export const GET: APIRoute = async () => {
  const inventory = await pageInventory();
  const entries = sortEntries(
    searchEntries({ staticKeys: STATIC_ROUTE_KEYS, rankingYears: inventory.rankingYears, units: inventory.unitListings, plans: inventory.plans }),
    'vi',
  );
  const body = { release: (await siteConfig()).release.version, entries };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
