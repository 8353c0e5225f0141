/**
 * The search without JavaScript: an A–Z of the units, one page per first letter of the unit's
 * name (without its kind: Huyện Ninh Sơn is under N, Thành phố Phan Rang - Tháp Chàm under P),
 * so a reader can reach every unit whatever the size of the register. One list of every unit
 * would weigh 200 KB compressed at the whole country's 3,355 units (quality.md: 150 KB a page);
 * the largest letter, T, holds about a seventh of them.
 *
 * Letters are folded, as the search folds them: A, Ă and Â are one page, D and Đ one page (in
 * Vietnamese order inside it), so a reader who types "do vinh" looks under D and finds Đô Vinh.
 * Names beginning with a digit ("Phường 1 Bảo Lộc") share one page, `0-9`.
 */
import type { Lang } from './i18n.ts';
import type { SearchEntry } from './search-entries.ts';
import { nameWithoutKind, nameWords } from './search-shards.ts';

/** The page of names beginning with a digit. */
export const DIGITS = '0-9';

/** How a letter page is named: the folded letter with the Vietnamese letters it stands for. */
const LETTER_LABEL: Record<string, string> = { a: 'A, Ă, Â', d: 'D, Đ', e: 'E, Ê', o: 'O, Ô, Ơ', u: 'U, Ư', [DIGITS]: '0–9' };

export function letterLabel(letter: string): string {
  return LETTER_LABEL[letter] ?? letter.toUpperCase();
}

/** A unit is listed by letter; a page of the site (home, a ranking, a plan) on the search page itself. */
export function isUnitEntry(entry: SearchEntry): boolean {
  return entry.kind === 'province' || entry.kind === 'district' || entry.kind === 'commune';
}

/**
 * The letter page of a unit: the first folded character of its Vietnamese name without its kind
 * (`n` for Huyện Ninh Sơn, `d` for Phường Đô Vinh), `0-9` for a digit. The same in both languages,
 * so the two languages have the same letter pages.
 */
export function letterOf(entry: SearchEntry): string {
  const first = (nameWords(entry.title.vi)[0] ?? '').charAt(0);
  if (/[0-9]/.test(first)) return DIGITS;
  if (!/[a-z]/.test(first)) throw new Error(`search letters: "${entry.title.vi}" does not begin with a letter or digit once folded`);
  return first;
}

/** The letters that have units, in order (digits first). */
export function searchLetters(entries: readonly SearchEntry[]): string[] {
  return [...new Set(entries.filter(isUnitEntry).map(letterOf))].sort((a, b) => (a === DIGITS ? -1 : b === DIGITS ? 1 : a < b ? -1 : 1));
}

/** The units of one letter page. */
export function entriesOfLetter<T extends SearchEntry>(entries: readonly T[], letter: string): T[] {
  return entries.filter((entry) => isUnitEntry(entry) && letterOf(entry) === letter);
}

/**
 * Entries by name without their kind, in the reader's alphabetical order (Vietnamese collation on
 * a Vietnamese page): Huyện Ninh Sơn and Xã Ninh Sơn side by side, not among every "Xã".
 */
export function sortByName<T extends SearchEntry>(entries: readonly T[], lang: Lang): T[] {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  const name = new Map(entries.map((entry) => [entry, nameWithoutKind(entry.title[lang])]));
  return [...entries].sort(
    (a, b) => collator.compare(name.get(a) ?? '', name.get(b) ?? '') || collator.compare(a.title[lang], b.title[lang]) || (a.code ?? '').localeCompare(b.code ?? ''),
  );
}
