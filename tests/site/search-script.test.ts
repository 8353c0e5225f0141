/**
 * public/scripts/search.js runs in the browser without a bundler, so it carries its own copy of
 * the folding. These tests import that very file and hold it to src/site/fold-diacritics.ts.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldDiacritics, matches } from '../../src/site/fold-diacritics.ts';

interface SearchScript {
  foldDiacritics(text: string): string;
  matches(query: string, text: string): boolean;
}

let browser: SearchScript;

beforeAll(async () => {
  const file = fileURLToPath(new URL('../../public/scripts/search.js', import.meta.url));
  browser = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as SearchScript;
});

const SAMPLES = [
  'Phường Đô Vinh',
  'ĐÔ VINH',
  'Huyện Ninh Sơn',
  'Thành phố Phan Rang - Tháp Chàm',
  'Phan Rang-Tháp Chàm',
  'Xã Phước Dinh',
  'Kế hoạch 95/KH-UBND',
  'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
  'Bác Ái Đông',
  // The same word in decomposed form (NFD), as some keyboards and PDFs produce it.
  'Ninh Sơn'.normalize('NFD'),
  '  several   spaces\tand tabs ',
  '',
];

describe('search.js folds exactly like fold-diacritics.ts', () => {
  it.each(SAMPLES)('fold(%j)', (text) => {
    expect(browser.foldDiacritics(text)).toBe(foldDiacritics(text));
  });

  const pairs: [string, string][] = [
    ['do vinh', 'Phường Đô Vinh'],
    ['ninh son', 'Huyện Ninh Sơn'],
    ['son ninh', 'Huyện Ninh Sơn'],
    ['ninh sa', 'Huyện Ninh Sơn'],
    ['phan rang thap', 'Thành phố Phan Rang - Tháp Chàm'],
    ['585', 'Huyện Ninh Sơn Ninh Sơn District 585'],
    ['dong', 'Xã Bác Ái Đông'],
    ['vinh do', 'Phường Đô Vinh'],
    ['vinhx', 'Phường Đô Vinh'],
    ['', 'anything'],
  ];
  it.each(pairs)('matches(%j, %j) agrees', (query, text) => {
    expect(browser.matches(query, text)).toBe(matches(query, text));
  });
});

describe('the searches the brief names', () => {
  it('finds Phường Đô Vinh from "do vinh" and Huyện Ninh Sơn from "ninh son"', () => {
    expect(browser.matches('do vinh', 'Phường Đô Vinh')).toBe(true);
    expect(browser.matches('ninh son', 'Huyện Ninh Sơn')).toBe(true);
  });

  it('does not find Huyện Ninh Sơn from "ninh hai"', () => {
    expect(browser.matches('ninh hai', 'Huyện Ninh Sơn')).toBe(false);
  });
});
