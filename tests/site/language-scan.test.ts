/** The language scan itself (language-scan.ts), on small pages whose answer is known. */
import { describe, expect, it } from 'vitest';
import { foreignWords } from './language-scan.ts';

const page = (lang: string, body: string) => `<!doctype html><html lang="${lang}"><body>${body}</body></html>`;

describe('foreignWords', () => {
  it('finds the English the issue found on the Vietnamese official-results page', () => {
    const found = foreignWords(page('vi', '<p>94,07 % highest province</p><p>national mean fell 7.08</p>'), 'vi');
    expect(found.map((f) => f.split('"')[1])).toEqual(['highest', 'province', 'national', 'mean', 'fell']);
  });

  it('finds untranslated Vietnamese on an English page, and reads aria-label', () => {
    expect(foreignWords(page('en', '<p>Satisfaction index của the district</p>'), 'en')).toHaveLength(1);
    expect(foreignWords(page('en', '<svg aria-label="Tỷ lệ hài lòng theo năm"></svg>'), 'en')).not.toEqual([]);
  });

  it('skips quotations in their own language, code, translate="no", addresses and file names', () => {
    const vi = page(
      'vi',
      '<a lang="en" href="#">Satisfaction of administrative services improves</a><code>unit_valid_from</code>' +
        '<span translate="no">not_met</span> Tải indices.csv tại https://sipas.example.org/en/data/ theo CC BY 4.0',
    );
    expect(foreignWords(vi, 'vi')).toEqual([]);
    expect(foreignWords(page('en', '<p><span lang="vi">Kế hoạch 95/KH-UBND</span> of Ninh Sơn District</p>'), 'en')).toEqual([]);
  });

  it('matches whole words only: "then" is not "the", "vào" is not "và"', () => {
    expect(foreignWords(page('vi', '<p>Phan Rang - Tháp Chàm</p>'), 'vi')).toEqual([]);
    expect(foreignWords(page('en', '<p>then</p>'), 'en')).toEqual([]);
    expect(foreignWords(page('en', '<p>Ninh Sơn District, Khánh Hòa Province</p>'), 'en')).toEqual([]);
  });
});
