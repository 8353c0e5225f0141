/**
 * public/scripts/compare.js runs in the browser without a bundler; this imports that very file and
 * checks where its form leads: the first unit's compare page at the second unit's row, the anchor
 * the page gives that row (compare-content.ts → versusAnchor), and nowhere for one unit twice. The
 * form itself is exercised in Chromium by tests/browser/compare.test.ts.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { versusAnchor } from '../../src/site/compare-content.ts';
import { pathOf } from '../../src/site/routes.ts';

interface Choice {
  value: string;
  dataset: { anchor?: string };
}
interface CompareScript {
  compareTarget(first: Choice | undefined, second: Choice | undefined): string | null;
}

let script: CompareScript;

beforeAll(async () => {
  const file = fileURLToPath(new URL('../../public/scripts/compare.js', import.meta.url));
  script = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as CompareScript;
});

const option = (code: string, slug: string, lang: 'vi' | 'en'): Choice => ({
  value: pathOf({ key: 'compareUnit', code, slug }, lang),
  dataset: { anchor: versusAnchor(code, lang) },
});

describe('compare.js', () => {
  it('leads to the first unit’s page at the second unit’s row, in the page’s language', () => {
    expect(script.compareTarget(option('22741', 'bao-an', 'vi'), option('22366', 'nha-trang', 'vi'))).toBe('/so-sanh/22741-bao-an/#so-voi-22366');
    expect(script.compareTarget(option('22366', 'nha-trang', 'en'), option('22741', 'bao-an', 'en'))).toBe('/en/compare/22366-nha-trang/#versus-22741');
  });

  it('leads nowhere for the same unit twice or a missing choice', () => {
    expect(script.compareTarget(option('22741', 'bao-an', 'vi'), option('22741', 'bao-an', 'vi'))).toBeNull();
    expect(script.compareTarget(undefined, option('22741', 'bao-an', 'vi'))).toBeNull();
  });
});
