import { describe, expect, it } from 'vitest';
import { LANGS, otherLang, pick, t, UI_KEYS } from '../../src/site/i18n.ts';

describe('shell strings', () => {
  it.each(UI_KEYS)('%s is written in both languages, and differently', (key) => {
    const vi = t(key, 'vi');
    const en = t(key, 'en');
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    // The same text in both means one side was not translated.
    expect(vi).not.toBe(en);
  });

  it('names each language in that language (what the switch link shows)', () => {
    expect(t('languageName', 'vi')).toBe('Tiếng Việt');
    expect(t('languageName', 'en')).toBe('English');
  });

  it('spells the navigation as the brief lists it', () => {
    expect(['navHome', 'navRanking', 'navPlans', 'navData', 'navMethodology', 'navOfficialResults', 'navAbout', 'navSearch'].map((k) => t(k as never, 'vi'))).toEqual([
      'Trang chủ',
      'Xếp hạng',
      'Kế hoạch',
      'Dữ liệu',
      'Phương pháp',
      'Kết quả chính thức',
      'Giới thiệu',
      'Tìm kiếm',
    ]);
  });

  it('keeps Vietnamese text in precomposed form (NFC), as the search folding expects', () => {
    for (const key of UI_KEYS) expect(t(key, 'vi')).toBe(t(key, 'vi').normalize('NFC'));
  });
});

describe('languages', () => {
  it('switches between the two', () => {
    expect(LANGS).toEqual(['vi', 'en']);
    expect(otherLang('vi')).toBe('en');
    expect(otherLang('en')).toBe('vi');
  });

  it('picks one side of a bilingual text', () => {
    expect(pick({ vi: 'Dữ liệu', en: 'Data' }, 'en')).toBe('Data');
  });
});
