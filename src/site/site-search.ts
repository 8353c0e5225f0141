/**
 * The search entries of this build (page-inventory.ts reads them once), sorted for one language:
 * the search pages, the shards and /search-index.json read the same list.
 */
import type { Lang } from './i18n.ts';
import { pageInventory } from './page-inventory.ts';
import { sortEntries, type SearchEntry } from './search-entries.ts';
import { entriesOfLetter, isUnitEntry, sortByName } from './search-letters.ts';
import { shardFiles, type ShardFile } from './search-shards.ts';

/** Every entry, by title (the order of /search-index.json). */
export async function siteSearchEntries(lang: Lang): Promise<SearchEntry[]> {
  return sortEntries((await pageInventory()).searchEntries, lang);
}

/** The pages of the site (home, rankings, plans …), by title: the search page lists them itself. */
export async function siteSearchPages(lang: Lang): Promise<SearchEntry[]> {
  return (await siteSearchEntries(lang)).filter((entry) => !isUnitEntry(entry));
}

/** The units of one A–Z page, by name. */
export async function siteSearchLetter(letter: string, lang: Lang): Promise<SearchEntry[]> {
  return sortByName(entriesOfLetter((await pageInventory()).searchEntries, letter), lang);
}

/** How many units each A–Z page lists. */
export async function siteSearchLetterCounts(): Promise<Map<string, number>> {
  const { searchEntries, searchLetters = [] } = await pageInventory();
  return new Map(searchLetters.map((letter) => [letter, entriesOfLetter(searchEntries, letter).length]));
}

/** The shard files of one language, entries by name as a result list shows them. */
export async function siteSearchShards(lang: Lang): Promise<ShardFile[]> {
  return shardFiles(sortByName((await pageInventory()).searchEntries, lang), lang);
}
