/**
 * Search that holds at the whole country's size (3,321 communes and 34 provinces): instead of one
 * list of every entry, the entries are split into small files ("shards"), and the search page
 * fetches the one shard its query needs (quality.md: ≤ 50 KB compressed).
 *
 * A shard is keyed by two folded letters (or digits): it holds every entry with a word that
 * begins with them, among the words of its two titles and its code, leaving out the words that
 * name the entry's kind ("Xã", "Phường", "Thành phố", "Commune", "Ward" …), which would otherwise
 * put two thousand communes in shard "xa". Shard "ni" thus holds Xã Ninh Sơn, Huyện Ninh Sơn and
 * Xã Ninh Hải; shard "58" every entry whose code begins with 58.
 *
 * The query picks its shard by its first word of two letters or more that is not a kind word
 * ("xa ninh son" → "ni"; "thanh son" → "so", since "thanh" may be the start of "Thành phố"; a
 * name made only of such words, "Xã Thanh Quân", by its first word after the kind, "th"), and
 * the script then filters the shard with the same `matches` as before. Any such word works: an
 * entry matching the whole query has a word beginning with it, so it is in that shard. What a
 * shard cannot answer is a query made of kind words alone ("xã"), or of one letter ("n"): the
 * page then asks for more (a kind word narrows a search, it does not start one).
 *
 * The browser twin of `queryShardKey` and `KIND_WORDS` is in public/scripts/search.js; a test
 * holds the two to the same answers.
 */
import { foldDiacritics } from './fold-diacritics.ts';
import type { Lang } from './i18n.ts';
import { entryContext, entryDetail, searchText, type SearchEntry } from './search-entries.ts';

/**
 * The phrases naming a kind of unit, folded, in both languages: a unit's Vietnamese name begins
 * with one ("Thị trấn Tân Sơn"), its English name ends with one ("Tân Sơn Township").
 */
export const KIND_PHRASES: readonly string[] = [
  'thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'tinh', 'quan', 'xa',
  'special zone', 'municipality', 'commune', 'ward', 'district', 'province', 'city', 'township', 'town',
];

/** Every word of a kind phrase: a query word the shard choice passes over ("thanh", "xa"). */
export const KIND_WORDS: ReadonlySet<string> = new Set(KIND_PHRASES.flatMap((phrase) => phrase.split(' ')));

/** Shortest query word that picks a shard: a shard is keyed by two characters. */
export const KEY_LENGTH = 2;

/**
 * A name without the kind phrase it begins or ends with, as written: "Thành phố Phan Rang - Tháp
 * Chàm" → "Phan Rang - Tháp Chàm", "Ninh Sơn District" → "Ninh Sơn", "Xã Thanh Phong" →
 * "Thanh Phong" (a kind phrase is matched as whole words, so "Phong" is not "phố"). A name that
 * would be left empty is kept whole.
 */
export function nameWithoutKind(name: string): string {
  const tokens = name.trim().split(/\s+/);
  const folded = tokens.map((token) => foldDiacritics(token));
  const at = (start: number) => (phrase: string[]) => phrase.every((word, i) => folded[start + i] === word);
  const phrases = KIND_PHRASES.map((phrase) => phrase.split(' '));
  const lead = phrases.find((phrase) => tokens.length > phrase.length && at(0)(phrase))?.length ?? 0;
  const trail = phrases.find((phrase) => tokens.length - lead > phrase.length && at(tokens.length - phrase.length)(phrase))?.length ?? 0;
  return tokens.slice(lead, tokens.length - trail).join(' ');
}

/**
 * Folded words without the kind phrase they begin or end with (as whole words): the words of
 * "Thành phố Phan Rang - Tháp Chàm" → phan rang thap cham; words that are nothing but a kind are
 * kept ("xa").
 */
export function withoutKind(words: readonly string[]): string[] {
  const phrases = KIND_PHRASES.map((phrase) => phrase.split(' '));
  const at = (start: number) => (phrase: string[]) => phrase.every((word, i) => words[start + i] === word);
  const lead = phrases.find((phrase) => words.length > phrase.length && at(0)(phrase))?.length ?? 0;
  const trail = phrases.find((phrase) => words.length - lead > phrase.length && at(words.length - phrase.length)(phrase))?.length ?? 0;
  return words.slice(lead, words.length - trail);
}

/** The folded words of a name without its kind phrase: "Thành phố Phan Rang - Tháp Chàm" → phan rang thap cham. */
export function nameWords(name: string): string[] {
  return withoutKind(foldDiacritics(name).split(' ').filter((w) => w !== ''));
}

/** The shard keys of an entry: the first two characters of each word of its names and code. */
export function entryShardKeys(entry: SearchEntry): string[] {
  const words = [...nameWords(entry.title.vi), ...nameWords(entry.title.en), ...(entry.code ? [entry.code.toLowerCase()] : [])];
  return [...new Set(words.filter((w) => w.length >= KEY_LENGTH).map((w) => w.slice(0, KEY_LENGTH)))].sort();
}

/**
 * The shard a query needs: the first two characters of its first word of two characters or more
 * that is not a kind word, else of its first such word at all, once a kind phrase it begins or
 * ends with is set aside ("Xã Thanh Quân" → "th"); null when no word is that long.
 */
export function queryShardKey(query: string): string | null {
  const words = nameWords(query).filter((w) => w.length >= KEY_LENGTH);
  const word = words.find((w) => !KIND_WORDS.has(w)) ?? words[0];
  return word ? word.slice(0, KEY_LENGTH) : null;
}

/** A shard key must be a file name as it is: folded Vietnamese is ASCII letters and digits. */
const KEY_PATTERN = /^[a-z0-9]{2}$/;

/**
 * Entries grouped by shard key (each entry in the shard of every key it has), keys in order,
 * entries in the order given. Throws on a key that is not two ASCII letters or digits (a name
 * in a script that folding does not reduce to ASCII): its file name would need escaping.
 */
export function shardEntries<T extends SearchEntry>(entries: readonly T[]): Map<string, T[]> {
  const shards = new Map<string, T[]>();
  for (const entry of entries) {
    for (const key of entryShardKeys(entry)) {
      if (!KEY_PATTERN.test(key)) throw new Error(`search shards: "${entry.title.vi}" gives the key "${key}", which is not two ASCII letters or digits`);
      const shard = shards.get(key);
      if (shard) shard.push(entry);
      else shards.set(key, [entry]);
    }
  }
  return new Map([...shards].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** One entry of a shard file, in the language of the file, ready to show. */
export interface ShardEntry {
  /** What the query is matched against: both titles and the code (search-entries.ts → searchText). */
  search: string;
  title: string;
  /** Absent for a unit that has no page. */
  path?: string;
  /** Parent and validity: "Tỉnh Khánh Hòa, từ 01/07/2025". */
  context?: string;
  /** Kind, code and whether it has a page: "Cấp xã 22738 · không có trang riêng". */
  detail: string;
}

/** A shard file: /search-index/<lang>/<key>.json. */
export interface ShardFile {
  key: string;
  lang: Lang;
  entries: ShardEntry[];
}

/** An entry as its shard file gives it in `lang`. */
export function shardEntry(entry: SearchEntry, lang: Lang): ShardEntry {
  const context = entryContext(entry, lang);
  return {
    search: searchText(entry),
    title: entry.title[lang],
    ...(entry.path ? { path: entry.path[lang] } : {}),
    ...(context ? { context } : {}),
    detail: entryDetail(entry, lang),
  };
}

/** The shard files of `lang`: `entries` already in the order a result list shows them. */
export function shardFiles(entries: readonly SearchEntry[], lang: Lang): ShardFile[] {
  return [...shardEntries(entries)].map(([key, members]) => ({ key, lang, entries: members.map((entry) => shardEntry(entry, lang)) }));
}
