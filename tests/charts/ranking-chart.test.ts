import { describe, expect, it } from 'vitest';
import { drawRankingEn, drawRankingVi } from './fixture-charts.ts';
import { DISTRICT_NAMES } from './fixtures.ts';
import { markGroups, parseSvg, texts, textY, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const vi = drawRankingVi();
const en = drawRankingEn();
const root = parseSvg(vi.svg);

describe('rankingChart', () => {
  it('orders ranked units by value, ties by unit code, then unranked, then suppressed', () => {
    // 88.1 (582) > 86.4 (586) > 84.0 (585) = 84.0 (587) > 81.2 (589); then 584 (n = 80), 588 (n = 12).
    expect(vi.rows.map((r) => r.unit_code)).toEqual(['582', '586', '585', '587', '589', '584', '588']);
    // On the page: each name's vertical position, top to bottom.
    const ys = ['582', '586', '585', '587', '589', '584', '588'].map((code) => textY(root, DISTRICT_NAMES[code]!.vi));
    expect(new Set(ys).size).toBe(7);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('draws no dot for the suppressed unit, and says why with its n', () => {
    expect(titles(root).some((t) => t.includes('Thuận Bắc'))).toBe(false);
    expect(texts(root)).toContain('quá ít phản hồi (n = 12)');
    expect(texts(parseSvg(en.svg))).toContain('too few responses (n = 12)');
  });

  it('draws 6 estimates with whiskers: 4 dots, 1 hollow dot for the unranked unit, 1 diamond', () => {
    const dots = markGroups(root, 'dot');
    const circles = dots.flatMap((g) => [...g.querySelectorAll('circle')]);
    const symbols = dots.flatMap((g) => [...g.querySelectorAll('path')]);
    expect(circles.length).toBe(5);
    expect(symbols.length).toBe(1);
    expect(symbols[0]!.querySelector('title')?.textContent).toContain('Huyện Ninh Sơn');
    expect(circles.filter((c) => c.closest('g')?.getAttribute('fill') === 'white').length).toBe(1);
    const whiskers = markGroups(root, 'rule').flatMap((g) => [...g.querySelectorAll('line')]);
    expect(whiskers.length).toBe(6);
    // The reference line is drawn row by row through the 6 drawn units, none through the suppressed one's note.
    const reference = markGroups(root, 'tick').filter((g) => g.getAttribute('stroke-dasharray') === '5,4');
    expect(reference.flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(6);
  });

  it('highlights the unit with a bold name, not colour alone', () => {
    const bold = [...root.querySelectorAll('g[font-weight="bold"] text')].map((t) => t.textContent);
    expect(bold).toEqual(['Huyện Ninh Sơn']);
  });

  it('prints rank, rank interval and n at the right; unranked units with their n', () => {
    const all = texts(root);
    expect(all).toContain('hạng 1 (1–2), n = 520');
    // The tie: both share rank 3.
    expect(all.filter((t) => t.startsWith('hạng 3 (2–5)'))).toEqual(['hạng 3 (2–5), n = 540', 'hạng 3 (2–5), n = 505']);
    expect(all).toContain('không xếp hạng, n = 80');
    expect(texts(parseSvg(en.svg))).toContain('rank 5 (4–5), n = 460');
  });

  it('draws the reference line with its label', () => {
    expect(texts(root)).toContain('Toàn tỉnh: 84,12\u00a0%');
  });

  it('describes the ranking in words, also as the aria-label', () => {
    expect(vi.description).toBe(
      'Xếp hạng 7 đơn vị theo tỷ lệ hài lòng. ' +
        'Cao nhất: Thành phố Phan Rang-Tháp Chàm, 88,10\u00a0% (hạng 1, khoảng 1–2). ' +
        'Thấp nhất: Huyện Thuận Nam, 81,20\u00a0% (hạng 5, khoảng 4–5). ' +
        'Huyện Ninh Sơn, 84,00\u00a0% (hạng 3, khoảng 2–5). ' +
        'Không xếp hạng: Huyện Bác Ái (n = 80); Huyện Thuận Bắc: quá ít phản hồi (n = 12). ' +
        'Đường tham chiếu: Toàn tỉnh 84,12\u00a0%.',
    );
    expect(root.getAttribute('aria-label')).toBe(vi.description);
  });

});
