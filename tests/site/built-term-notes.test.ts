/**
 * On every built data page (home, rankings, units, plans, both languages), each hard word the page
 * uses is explained in one sentence where it first appears (term-notes-check.ts), and every
 * note links to a section of the methodology page that exists. Reads dist/: runs after the build
 * (vitest.config.ts, SITE_TESTS).
 *
 * Editorial pages (methodology, about, release notes), the data catalogue and the official
 * results are prose that names these words in passing; the methodology is where they are defined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { LANGS } from '../../src/site/i18n.ts';
import { parsePath, pathOf, type RouteKey } from '../../src/site/routes.ts';
import { methodologyAnchors } from '../../src/site/term-explanations.ts';
import { htmlPages } from '../budget/page-weight.ts';
import { termNoteReport } from './term-notes-check.ts';

const DIST = join(process.cwd(), 'dist');
const DATA_PAGES: readonly RouteKey[] = ['home', 'ranking', 'trends', 'unit', 'plan'];
const pages = htmlPages(DIST).flatMap((p) => {
  const parsed = parsePath(p.path);
  if (!parsed || !DATA_PAGES.includes(parsed.route.key)) return [];
  return [{ ...p, lang: parsed.lang, release: parsed.release ?? null, key: parsed.route.key, report: termNoteReport(readFileSync(p.file, 'utf8'), parsed.lang) }];
});

describe('hard words explained where they first appear', () => {
  test('every kind of data page is built in both languages', () => {
    for (const lang of LANGS) {
      for (const key of DATA_PAGES) expect(pages.some((p) => p.lang === lang && p.key === key), `${key} ${lang}`).toBe(true);
    }
  });

  test('on every data page, each word used has its note no later than the section of its first use', () => {
    const problems = pages.flatMap((p) => p.report.problems.map((problem) => `${p.path}: ${problem}`));
    expect(problems).toEqual([]);
  });

  test('every note links to a section of the methodology page that exists', () => {
    // The methodology page of the page's own release: the live one, or a frozen copy's.
    const known = new Map<string, { path: string; ids: Set<string> }>();
    const methodology = (lang: (typeof LANGS)[number], release: string | null) => {
      const path = pathOf({ key: 'methodology' }, lang, release);
      let target = known.get(path);
      if (!target) {
        const { document } = parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
        target = { path, ids: new Set(Array.from(document.querySelectorAll('[id]')).map((e) => e.id)) };
        known.set(path, target);
      }
      return target;
    };
    for (const lang of LANGS) {
      const target = methodology(lang, null);
      for (const anchor of methodologyAnchors(lang)) expect(target.ids.has(anchor), `${target.path}#${anchor}`).toBe(true);
    }
    expect(pages.some((p) => p.release !== null), 'the frozen copies are checked too').toBe(true);
    const broken = pages.flatMap((p) =>
      p.report.links
        .filter((href) => {
          const target = methodology(p.lang, p.release);
          const [path, fragment = ''] = href.split('#');
          return !target || path !== target.path || !target.ids.has(decodeURIComponent(fragment));
        })
        .map((href) => `${p.path}: ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
