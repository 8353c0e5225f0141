/**
 * Finds words of the other language in a built page: English words on a Vietnamese page,
 * Vietnamese words on an English one. Each language has a list of words that are common in running
 * text and never a proper name or a term both languages share (SIPAS, PAPI, CSV, Parquet and unit
 * names are therefore never flagged). Text inside an element whose `lang` differs from the page's
 * (a source title in its own language, the language switch) is a quotation and is skipped, as are
 * `<code>`, `<script>`, `<style>` and the values of attributes; `title`, `aria-label` and `alt`
 * are read, because screen readers and tooltips speak them.
 *
 * The lists are the words the pages' text would use if a translation was left out. A word is
 * matched whole, case-insensitively, so "the" does not match "then" and "và" does not match "vào".
 * Left out of the Vietnamese list on purpose: "phương" (Xã Phương Hải is "Phương Hải Commune" in
 * English). Left out of the English list on purpose: "by" (the licence is "CC BY" in every language) and
 * "index" ("PAR INDEX" is the index's name). Addresses and file names (`indices.csv`) are
 * identifiers, not words, and are removed before the words are read; so is an element marked
 * `translate="no"` (HTML's own mark for text that is the same in every language: column names,
 * codes, hashes).
 */
import { parseHTML } from 'linkedom';
import type { Lang } from '../../src/site/i18n.ts';

/** English words that a Vietnamese page never needs (function words and the words of the figures). */
const ENGLISH = [
  'the', 'of', 'and', 'with', 'from', 'for', 'on', 'at', 'is', 'are', 'was', 'were', 'has',
  'have', 'not', 'this', 'that', 'which', 'than', 'or', 'be', 'into',
  'highest', 'lowest', 'province', 'provinces', 'provincial', 'national', 'mean', 'average', 'fell', 'rose',
  'rank', 'ranks', 'ranking', 'points', 'percent', 'respondents', 'change', 'year', 'years', 'district',
  'districts', 'commune', 'communes', 'satisfaction', 'indices', 'score', 'source', 'sources', 'note',
  'download', 'data', 'table', 'chart', 'value', 'values', 'interval', 'vietnam', 'viet', 'pilot', 'survey',
  'published', 'see', 'written', 'element', 'elements', 'target', 'targets', 'plan', 'unit', 'units',
] as const;

/** Vietnamese words that an English page never needs outside a name or a quotation. */
const VIETNAMESE = [
  'của', 'và', 'các', 'những', 'được', 'không', 'người', 'năm', 'cho', 'với', 'theo', 'trong', 'đã', 'này',
  'là', 'có', 'một', 'từ', 'đến', 'khi', 'hơn', 'nhất', 'điểm', 'chỉ', 'số', 'hài', 'lòng', 'khoảng',
  'tin', 'cậy', 'đơn', 'vị', 'cả', 'nước', 'xếp', 'hạng', 'phiếu', 'tải', 'dữ', 'liệu', 'bảng', 'biểu', 'đồ',
  'nguồn', 'chú', 'thích', 'tăng', 'giảm', 'mục', 'tiêu', 'kế', 'hoạch', 'kết', 'quả',
] as const;

const WORDS: Record<Lang, ReadonlySet<string>> = { vi: new Set(ENGLISH), en: new Set(VIETNAMESE) };

/** Attributes whose text is read to the reader. */
const SPOKEN_ATTRIBUTES = ['title', 'aria-label', 'alt'] as const;
const SKIPPED_TAGS = new Set(['code', 'script', 'style', 'kbd', 'samp']);

/** Text of `root` a reader of `lang` meets: quotations in another language left out. */
function readerText(root: Element, lang: Lang): string[] {
  const texts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      texts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (element.getAttribute('translate') === 'no') return;
    const own = element.getAttribute('lang');
    if (own !== null && own.split('-')[0] !== lang) return;
    for (const name of SPOKEN_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
    element.childNodes.forEach(walk);
  };
  walk(root);
  return texts;
}

/** Addresses (`https://…`, `sipas.example.org/…`) and file names (`indices.csv`, `SHA256SUMS`). */
const IDENTIFIER = /\b(?:https?:\/\/\S+|[\w.-]+\.(?:org|vn|com|net)\S*|[\w.-]+\.(?:csv|xlsx|json|parquet|svg|png|zip|pdf)\b|SHA256SUMS)/gi;

/** Words of `text`: runs of letters (any script) and apostrophes, lower-cased. */
function words(text: string): string[] {
  return (text.replace(IDENTIFIER, ' ').toLowerCase().normalize('NFC').match(/[\p{L}\p{M}’']+/gu) ?? []).map((w) => w.replace(/[’']s$/, ''));
}

/**
 * The other language's words found on a page written in `lang`, each with a few words around it,
 * e.g. `"highest" in "… 94,07% highest province …"`. Empty when the page is clean.
 */
export function foreignWords(html: string, lang: Lang): string[] {
  const { document } = parseHTML(html);
  const root = document.querySelector('html');
  if (!root) return [];
  const foreign = WORDS[lang];
  const found: string[] = [];
  for (const text of readerText(root, lang)) {
    const list = words(text);
    list.forEach((word, i) => {
      if (foreign.has(word)) found.push(`"${word}" in "${list.slice(Math.max(0, i - 4), i + 5).join(' ')}"`);
    });
  }
  return found;
}
