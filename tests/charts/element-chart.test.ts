import { describe, expect, it } from 'vitest';
import { elementChart } from '../../src/charts/element-chart.ts';
import { drawElementsVi, drawFieldsEn } from './fixture-charts.ts';
import { FIELD_NAMES, NINH_SON_ELEMENTS, NINH_SON_FIELDS } from './fixtures.ts';
import { markGroups, parseSvg, texts, textY, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const elements = drawElementsVi();
const fields = drawFieldsEn();

describe('elementChart', () => {
  it('prints n next to every drawn row, with Vietnamese grouping', () => {
    const all = texts(parseSvg(elements.svg));
    for (const n of ['540', '538', '536', '539', '534', '402']) expect(all).toContain(`n = ${n}`);
  });

  it('wraps long names onto as many lines as they need, and prints the emphasised row bold', () => {
    const root = parseSvg(elements.svg);
    // 40 characters: two lines in a 280 px margin, every word kept.
    const name = texts(root).find((t) => t.startsWith('Công chức'));
    expect(name?.split('\n').length).toBe(2);
    expect(name?.replace('\n', ' ')).toBe('Công chức trực tiếp giải quyết công việc');
    const narrow = elementChart(NINH_SON_ELEMENTS, { lang: 'vi', label: (r) => `${r.indicator} ${'rất dài '.repeat(12)}`, width: 340 });
    const long = texts(parseSvg(narrow.svg)).find((t) => t.startsWith('TC '));
    expect(long?.split('\n').length).toBeGreaterThan(2);
    expect(long).not.toContain('…');
    const bold = [...root.querySelectorAll('g[font-weight="bold"] text')].map((t) => t.textContent);
    expect(bold).toEqual(['Chỉ số hài lòng chung']);
  });

  it('draws no dot for the suppressed field, says why, and draws the target', () => {
    const root = parseSvg(fields.svg);
    expect(titles(root).some((t) => t.startsWith('Đầu tư'))).toBe(false);
    expect(titles(root).length).toBe(2);
    expect(texts(root)).toEqual(expect.arrayContaining(['too few responses (n = 12)', 'Target ≥ 85%', 'n = 210', 'n = 96']));
    // Whiskers: 2 intervals; the target line is drawn through the 2 drawn rows, not through the note.
    expect(markGroups(root, 'rule').flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(2);
    const target = markGroups(root, 'tick').filter((g) => g.getAttribute('stroke-dasharray') === '2,3');
    expect(target.flatMap((g) => [...g.querySelectorAll('line')]).length).toBe(2);
  });

  it('keeps the given order, or sorts by value with suppressed rows last', () => {
    expect(elements.rows.map((r) => r.indicator)).toEqual(['overall', 'TC', 'TT', 'CC', 'KQ', 'PA']);
    const sorted = elementChart(NINH_SON_FIELDS, { lang: 'vi', label: (r) => FIELD_NAMES[r.breakdown_value]!, sort: 'value' });
    expect(sorted.rows.map((r) => r.breakdown_value)).toEqual(['dat-dai', 'xay-dung', 'dau-tu']);
    const byValue = elementChart(NINH_SON_ELEMENTS, { lang: 'vi', label: (r) => r.indicator, sort: 'value' });
    // 88.0 CC > 86.2 TC > 84.1 KQ > 84.0 overall > 82.5 TT > 79.3 PA
    expect(byValue.rows.map((r) => r.indicator)).toEqual(['CC', 'TC', 'KQ', 'overall', 'TT', 'PA']);
    const root = parseSvg(byValue.svg);
    expect(textY(root, 'CC')).toBeLessThan(textY(root, 'PA'));
  });

  it('describes the rows in words', () => {
    expect(fields.description).toBe(
      'Ninh Son district by procedure field, 2024 (3 rows). Highest: Đất đai 86.20% (n = 210). ' +
        'Lowest: Xây dựng 83.00% (n = 96). Đầu tư: too few responses (n = 12). ' +
        'Target ≥ 85%: 1 of 2 estimates meet it (point estimates).',
    );
  });
});
