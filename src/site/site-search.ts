/**
 * The search entries of this build, sorted for one language: the search page and
 * /search-index.json read the same list.
 */
import { pageInventory } from './page-inventory.ts';
import { STATIC_ROUTE_KEYS } from './routes.ts';
import { searchEntries, sortEntries, type SearchEntry } from './search-entries.ts';
import type { Lang } from './i18n.ts';
import { siteConfig } from './site-config.ts';
import { siteRegisters } from './site-inputs.ts';

export async function siteSearchEntries(lang: Lang): Promise<SearchEntry[]> {
  const inventory = await pageInventory();
  const entries = searchEntries({
    staticKeys: STATIC_ROUTE_KEYS,
    rankingYears: inventory.rankingYears,
    registers: await siteRegisters(),
    provinceCode: (await siteConfig()).province_code ?? '',
    pages: inventory.unitListings,
    plans: inventory.plans,
  });
  return sortEntries(entries, lang);
}
