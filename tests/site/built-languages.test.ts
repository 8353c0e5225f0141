/**
 * No English left on a Vietnamese page and no Vietnamese left untranslated on an English one
 * (issue 13): every built page of each language is scanned for the other language's common words
 * (language-scan.ts). Quotations marked with their own `lang`, identifiers (`<code>`,
 * `translate="no"`), addresses and file names are not words of the page. Reads dist/.
 *
 * A release's frozen copy is the same pages drawn from that release's tables: its pages of every
 * kind but the hundreds of unit and compare pages are scanned (the banner and the words of a
 * frozen copy appear on each), which halves the time of the scan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LANGS } from '../../src/site/i18n.ts';
import { parsePath } from '../../src/site/routes.ts';
import { htmlPages } from '../budget/page-weight.ts';
import { foreignWords } from './language-scan.ts';

const MANY = new Set(['unit', 'comparePair', 'compareUnit']);
const pages = htmlPages(join(process.cwd(), 'dist')).flatMap((p) => {
  const parsed = parsePath(p.path);
  if (!parsed || (parsed.release !== undefined && MANY.has(parsed.route.key))) return [];
  return [{ ...p, lang: parsed.lang, frozen: parsed.release !== undefined }];
});

describe('each page in one language', () => {
  test('pages of both languages are scanned', () => {
    for (const lang of LANGS) {
      expect(pages.filter((p) => p.lang === lang && !p.frozen).length, lang).toBeGreaterThan(10);
      expect(pages.filter((p) => p.lang === lang && p.frozen).length, `${lang}, frozen copies`).toBeGreaterThan(10);
    }
  });

  test.each(LANGS)('no words of the other language on the %s pages', (lang) => {
    const found = pages
      .filter((p) => p.lang === lang)
      .flatMap((p) => foreignWords(readFileSync(p.file, 'utf8'), lang).map((word) => `${p.path}: ${word}`));
    expect(found).toEqual([]);
  });
});
