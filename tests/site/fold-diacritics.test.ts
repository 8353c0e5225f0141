import { describe, expect, it } from 'vitest';
import { FOLD_SOURCE, foldDiacritics, matches } from '../../src/site/fold-diacritics.ts';

/**
 * The 12 Vietnamese vowels, each typed with its six tones (none, huyền, sắc, hỏi, ngã, nặng), in
 * lower and upper case, and the plain ASCII letter each must fold to. Typed out by hand, not built
 * with NFD, so the test does not share the code it checks.
 */
const VOWELS: [string, string, string][] = [
  ['a', 'aàáảãạ', 'AÀÁẢÃẠ'],
  ['a', 'ăằắẳẵặ', 'ĂẰẮẲẴẶ'],
  ['a', 'âầấẩẫậ', 'ÂẦẤẨẪẬ'],
  ['e', 'eèéẻẽẹ', 'EÈÉẺẼẸ'],
  ['e', 'êềếểễệ', 'ÊỀẾỂỄỆ'],
  ['i', 'iìíỉĩị', 'IÌÍỈĨỊ'],
  ['o', 'oòóỏõọ', 'OÒÓỎÕỌ'],
  ['o', 'ôồốổỗộ', 'ÔỒỐỔỖỘ'],
  ['o', 'ơờớởỡợ', 'ƠỜỚỞỠỢ'],
  ['u', 'uùúủũụ', 'UÙÚỦŨỤ'],
  ['u', 'ưừứửữự', 'ƯỪỨỬỮỰ'],
  ['y', 'yỳýỷỹỵ', 'YỲÝỶỸỴ'],
];
/** The 17 consonants; with the 12 vowels they are the 29 letters of the Vietnamese alphabet. */
const CONSONANTS: [string, string, string][] = [
  ['b', 'b', 'B'], ['c', 'c', 'C'], ['d', 'd', 'D'], ['d', 'đ', 'Đ'], ['g', 'g', 'G'], ['h', 'h', 'H'],
  ['k', 'k', 'K'], ['l', 'l', 'L'], ['m', 'm', 'M'], ['n', 'n', 'N'], ['p', 'p', 'P'], ['q', 'q', 'Q'],
  ['r', 'r', 'R'], ['s', 's', 'S'], ['t', 't', 'T'], ['v', 'v', 'V'], ['x', 'x', 'X'],
];

/** The browser twin, evaluated the way an inline <script> would define it. */
const browser = new Function(`${FOLD_SOURCE}\nreturn { foldDiacritics, matches };`)() as {
  foldDiacritics: (text: string) => string;
  matches: (query: string, text: string) => boolean;
};

describe('the letter tables of this test', () => {
  it('hold 29 letters, each form one precomposed code point', () => {
    expect(VOWELS.length + CONSONANTS.length).toBe(29);
    for (const [, lower, upper] of [...VOWELS, ...CONSONANTS]) {
      for (const form of [...lower, ...upper]) expect(form.normalize('NFC')).toBe(form);
    }
    expect(VOWELS.every(([, lower, upper]) => [...lower].length === 6 && [...upper].length === 6)).toBe(true);
  });
});

describe('foldDiacritics', () => {
  it('folds every vowel with every tone, lower and upper case, to its plain letter', () => {
    for (const [plain, lower, upper] of VOWELS) {
      for (const form of [...lower, ...upper]) {
        expect(foldDiacritics(form), form).toBe(plain);
        // The same letter arriving decomposed (as some keyboards and PDFs produce it).
        expect(foldDiacritics(form.normalize('NFD')), `${form} (NFD)`).toBe(plain);
        expect(browser.foldDiacritics(form), `${form} (browser)`).toBe(plain);
      }
    }
  });
  it('folds the consonants, đ and Đ to d', () => {
    for (const [plain, lower, upper] of CONSONANTS) {
      expect(foldDiacritics(lower)).toBe(plain);
      expect(foldDiacritics(upper)).toBe(plain);
      expect(browser.foldDiacritics(upper)).toBe(plain);
    }
  });
  it('turns punctuation and runs of spaces into single spaces', () => {
    expect(foldDiacritics('Thành phố Phan Rang-Tháp Chàm')).toBe('thanh pho phan rang thap cham');
    expect(foldDiacritics('  Phan Rang – Tháp Chàm, Ninh Thuận ')).toBe('phan rang thap cham ninh thuan');
    expect(foldDiacritics('Phường Đô Vinh')).toBe('phuong do vinh');
    expect(foldDiacritics('Kế hoạch 95/KH-UBND')).toBe('ke hoach 95 kh ubnd');
  });
});

describe('matches', () => {
  const cases: [string, string, boolean][] = [
    ['ninh son', 'Huyện Ninh Sơn', true],
    ['Ninh Sơn', 'Huyện Ninh Sơn', true],
    ['son', 'Huyện Ninh Sơn', true],
    ['ninh s', 'Huyện Ninh Sơn', true],
    ['do vinh', 'Phường Đô Vinh', true],
    ['ĐÔ VINH', 'Phường Đô Vinh', true],
    ['phan rang thap cham', 'Phan Rang - Tháp Chàm', true],
    ['phan rang-thap', 'Thành phố Phan Rang-Tháp Chàm', true],
    ['', 'Huyện Bác Ái', true],
    ['ninh sa', 'Huyện Ninh Sơn', false],
    ['ninh hai', 'Huyện Ninh Sơn', false],
    ['on', 'Huyện Ninh Sơn', false],
    ['thuan nam', 'Huyện Thuận Bắc', false],
  ];
  it.each(cases)('"%s" in "%s" → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
    expect(browser.matches(query, text)).toBe(expected);
  });
});
