/**
 * Checks one built page against product.md's rule for hard words: each of "khoảng tin cậy",
 * "khoảng hạng", "trong biên sai số", "quá ít phản hồi" (and the English equivalents) that the
 * page's main text uses has its one-sentence note (`.term-note[data-term]`, TermNote.astro), and
 * the reader meets that note no later than the end of the section where the word first appears:
 * inside it, after it before the next `h2`, or earlier on the page (the key figures explain the
 * words the charts below print). A note for a word the page never uses is an error too.
 */
import { parseHTML } from 'linkedom';
import type { Lang } from '../../src/site/i18n.ts';
import { TERM_KEYS, TERM_PATTERNS, type TermKey } from '../../src/site/term-explanations.ts';

interface Note {
  key: TermKey;
  start: number;
  end: number;
  href: string | null;
}

interface Flat {
  text: string;
  /** Offsets where an h2 starts. */
  sections: number[];
  notes: Note[];
}

/** The main text as one string, with where each h2 and each term note starts and ends. */
function flatten(html: string): Flat | null {
  const { document } = parseHTML(html);
  const main = document.querySelector('main');
  if (!main) return null;
  const flat: Flat = { text: '', sections: [], notes: [] };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      flat.text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') return;
    if (tag === 'h2') flat.sections.push(flat.text.length);
    const key = element.classList.contains('term-note') ? (element.getAttribute('data-term') as TermKey | null) : null;
    const start = flat.text.length;
    // Block boundaries read as spaces, so words of two elements never run together.
    flat.text += ' ';
    for (const child of Array.from(element.childNodes)) walk(child);
    flat.text += ' ';
    if (key) flat.notes.push({ key, start, end: flat.text.length, href: element.querySelector('a')?.getAttribute('href') ?? null });
  };
  walk(main);
  return flat;
}

const sectionOf = (flat: Flat, offset: number): number => flat.sections.filter((s) => s <= offset).length;

/** Every broken rule on the page, in words (empty when the page is right), and its notes' links. */
export function termNoteReport(html: string, lang: Lang): { problems: string[]; links: string[] } {
  const flat = flatten(html);
  if (!flat) return { problems: ['no <main> element'], links: [] };
  const problems: string[] = [];
  const inNote = (offset: number) => flat.notes.some((n) => offset >= n.start && offset < n.end);
  for (const key of TERM_KEYS) {
    const pattern = new RegExp(TERM_PATTERNS[key][lang].source, 'gi');
    const uses = [...flat.text.matchAll(pattern)].map((m) => m.index ?? 0);
    const firstUse = uses[0];
    const outsideNotes = uses.filter((u) => !inNote(u));
    const note = flat.notes.find((n) => n.key === key);
    if (firstUse === undefined) {
      if (note) problems.push(`${key}: a note explains a word the page does not use`);
      continue;
    }
    const context = flat.text.slice(Math.max(0, firstUse - 40), firstUse + 40).replace(/\s+/g, ' ');
    if (!note) {
      problems.push(`${key}: "…${context}…" has no explanation on the page`);
      continue;
    }
    if (outsideNotes.length === 0) problems.push(`${key}: used only inside its own note`);
    const explained = note.start <= firstUse || sectionOf(flat, note.start) === sectionOf(flat, firstUse);
    if (!explained) problems.push(`${key}: first used at "…${context}…", explained only in a later section`);
  }
  return { problems, links: flat.notes.map((n) => n.href ?? '') };
}

export const termNoteProblems = (html: string, lang: Lang): string[] => termNoteReport(html, lang).problems;
