import { describe, expect, it } from 'vitest';
import { termNoteProblems, termNoteReport } from './term-notes-check.ts';

const note = (term: string, text = 'giải thích.') => `<p class="term-note" data-term="${term}"><dfn>Từ</dfn>: ${text} <a href="/phuong-phap/#x">Cách tính</a></p>`;
const page = (body: string) => `<!doctype html><html><body><main>${body}</main></body></html>`;

describe('termNoteProblems', () => {
  it('accepts a word explained right after its first use, before the next section', () => {
    const html = page(`<p>Chỉ số 90 % (khoảng tin cậy 95 %: 89–91 %).</p>${note('ci')}<h2>Xu hướng</h2><p>khoảng tin cậy lần nữa</p>`);
    expect(termNoteProblems(html, 'vi')).toEqual([]);
  });

  it('accepts a note earlier on the page than the first use (the key figures explain the charts)', () => {
    const html = page(`<p>Tóm tắt</p>${note('tooFew')}<h2>Xu hướng</h2><svg><text>2021: quá ít phản hồi (n = 25)</text></svg>`);
    expect(termNoteProblems(html, 'vi')).toEqual([]);
  });

  it('reports a word with no note', () => {
    const html = page('<p>Hạng 3/7 (khoảng hạng 95 %: 2–4).</p>');
    expect(termNoteProblems(html, 'vi')).toEqual([expect.stringMatching(/^rankInterval: .*has no explanation/)]);
  });

  it('reports a note placed in a later section than the first use', () => {
    const html = page(`<p>3 chỉ tiêu nằm trong biên sai số.</p><h2>Chỉ tiêu</h2>${note('margin')}`);
    expect(termNoteProblems(html, 'vi')).toEqual([expect.stringMatching(/^margin: first used .*later section/)]);
  });

  it('reports a note for a word the page does not use', () => {
    expect(termNoteProblems(page(`<p>Không có gì.</p>${note('tooFew')}`), 'vi')).toEqual(['tooFew: a note explains a word the page does not use']);
  });

  it('reads the English words on English pages', () => {
    const html = page('<p>95% confidence interval: 89–91%. 3 verdicts are within the margin of error. Ag: too few responses (n = 3).</p>');
    expect(termNoteProblems(html, 'en').map((p) => p.split(':')[0])).toEqual(['ci', 'margin', 'tooFew']);
  });

  it('lists the links of the notes', () => {
    expect(termNoteReport(page(note('ci')), 'vi').links).toEqual(['/phuong-phap/#x']);
  });
});
