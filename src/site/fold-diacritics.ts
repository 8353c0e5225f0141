/**
 * Search that ignores Vietnamese diacritics, so a reader typing on a keyboard without Telex or VNI
 * ("ninh son", "do vinh") finds "Huyện Ninh Sơn", "Phường Đô Vinh".
 *
 * Folding: Unicode NFD splits a letter from its marks (ấ → a + ◌̂ + ◌́, ư → u + ◌̛), the combining
 * marks U+0300–U+036F are dropped, and đ/Đ — a letter of its own that NFD leaves whole — becomes d.
 * Everything that is not a letter or digit (hyphens, dashes, commas, dots) becomes one space, so
 * "Phan Rang-Tháp Chàm" folds to "phan rang thap cham".
 *
 * The browser needs the same two functions without a bundler: FOLD_SOURCE below is their plain
 * JavaScript twin for an inline <script>; a test runs it on every case the TypeScript passes.
 */

/** Lower-case, strip diacritics (đ → d), punctuation to spaces, single spaces, trimmed. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * True when every word of the query begins some word of the text, after folding both, in any
 * order: "ninh son" and "son" match "Huyện Ninh Sơn"; "ninh sa" does not. An empty query matches.
 */
export function matches(query: string, text: string): boolean {
  const words = foldDiacritics(text).split(' ');
  return foldDiacritics(query)
    .split(' ')
    .every((part) => part === '' || words.some((word) => word.startsWith(part)));
}

/**
 * The same two functions as dependency-free browser JavaScript (no types, no imports), to inline
 * in a page's <script>. Defines `foldDiacritics` and `matches` in the script's scope.
 */
export const FOLD_SOURCE = `function foldDiacritics(text) {
  return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, ' ').trim();
}
function matches(query, text) {
  var words = foldDiacritics(text).split(' ');
  return foldDiacritics(query).split(' ').every(function (part) {
    return part === '' || words.some(function (word) { return word.startsWith(part); });
  });
}`;
