import { describe, expect, it } from 'vitest';
import type { IndexRow, RankingRow, TargetRow } from '../../src/engine/tables.ts';
import { datasetTerms, termExplanation, termNotePlacer, termsIn } from '../../src/site/term-explanations.ts';
import { cell } from './published-fixture.ts';

const settings = { minNPublish: 30, rankDraws: 10000 };

describe('termsIn', () => {
  it('finds the words as the site writes them, in Vietnamese', () => {
    expect(termsIn('khoảng tin cậy 95\u00a0%: 89,42 %–90,22 %', 'vi')).toEqual(['ci']);
    expect(termsIn('Hạng 3/7 (khoảng hạng 95 %: 2–4)', 'vi')).toEqual(['rankInterval']);
    expect(termsIn('kèm khoảng thứ hạng 95 %', 'vi')).toEqual(['rankInterval']);
    expect(termsIn('3 chỉ tiêu có kết luận nằm trong biên sai số', 'vi')).toEqual(['margin']);
    expect(termsIn('Nông nghiệp: quá ít phản hồi (n = 19); xã không đủ phiếu', 'vi')).toEqual(['tooFew']);
    expect(termsIn('Chỉ số chung 90,99 %', 'vi')).toEqual([]);
  });
  it('finds the English words on English pages', () => {
    expect(termsIn('95% confidence interval: 89.42%–90.22%', 'en')).toEqual(['ci']);
    expect(termsIn('(95% interval of the change: a rise of 1.63–4.55 points)', 'en')).toEqual(['ci']);
    expect(termsIn('Rank 3 of 7 (95% rank interval: 2–4)', 'en')).toEqual(['rankInterval']);
    expect(termsIn('Met, within margin of error', 'en')).toEqual(['margin']);
    expect(termsIn('Agriculture: too few responses (n = 19)', 'en')).toEqual(['tooFew']);
  });
});

describe('termNotePlacer', () => {
  it('returns each word once, at the first text that uses it, in a fixed order', () => {
    const place = termNotePlacer('vi');
    expect(place.take('Hạng 3 (khoảng hạng 2–4); khoảng tin cậy 95 %')).toEqual(['ci', 'rankInterval']);
    expect(place.take(['khoảng tin cậy lần nữa', 'quá ít phản hồi'])).toEqual(['tooFew']);
    expect(place.take('không có gì', ['ci', 'margin'])).toEqual(['margin']);
  });
  it('explains "within the margin of error" once for a change and once for a target', () => {
    const place = termNotePlacer('vi');
    expect(place.take('thay đổi này nằm trong biên sai số', [], 'change')).toEqual(['margin']);
    expect(place.take('nằm trong biên sai số', [], 'change')).toEqual([]);
    expect(place.take('3 chỉ tiêu nằm trong biên sai số', [], 'target')).toEqual(['margin']);
  });
});

describe('datasetTerms', () => {
  const ok = cell({ period: '2024', unit_code: '585' }, 90, 800);
  const suppressed = cell({ period: '2021', unit_code: '585' }, null, 12);
  it('names the words the charts of the datasets print', () => {
    expect(datasetTerms([{ id: 'a', table: 'indices', rows: [ok] }])).toEqual(['ci']);
    expect(datasetTerms([{ id: 'a', table: 'indices', rows: [suppressed] as IndexRow[] }])).toEqual(['tooFew']);
    const ranked = { ci_low: 89, rank_low: 2, status: 'ranked' } as RankingRow;
    const uncertain = { ci_low: 82, certainty: 'uncertain', status: 'not_met' } as TargetRow;
    expect(datasetTerms([{ id: 'r', table: 'rankings', rows: [ranked] }, { id: 't', table: 'targets', rows: [uncertain] }])).toEqual(['ci', 'rankInterval', 'margin']);
    expect(datasetTerms([])).toEqual([]);
  });
});

describe('termExplanation', () => {
  it('quotes the thresholds of the configuration and links to the methodology section', () => {
    const few = termExplanation('tooFew', 'vi', settings);
    expect(few.sentence).toContain('dưới 30 người trả lời');
    expect(few.href).toBe('/phuong-phap/#ngưỡng-công-bố');
    expect(termExplanation('rankInterval', 'en', settings).sentence).toContain('10,000 simulations');
    expect(termExplanation('rankInterval', 'vi', settings).sentence).toContain('10.000 lần mô phỏng');
    expect(termExplanation('ci', 'en', settings).href).toBe('/en/methodology/#95-confidence-intervals');
  });
  it('explains a change within the margin of error as an interval that contains 0', () => {
    const change = termExplanation('margin', 'vi', settings, 'change');
    expect(change.sentence).toContain('chứa cả số 0');
    expect(change.href).toBe('/phuong-phap/#thay-đổi-giữa-hai-kỳ');
    expect(termExplanation('margin', 'en', settings, 'target').sentence).toContain('spans the threshold');
  });
});
