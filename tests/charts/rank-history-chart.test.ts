import { describe, expect, it } from 'vitest';
import { drawRankHistoryEn, drawRankHistoryVi, PHONE_WIDTH } from './fixture-charts.ts';
import { PANEL_UNITS, panelLabel } from './panel-fixtures.ts';
import { parseSvg, subpaths, texts, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const chart = drawRankHistoryEn();
const root = parseSvg(chart.svg);
const flat = texts(root).map((t) => t.replace(/\n/g, ' '));

describe('rankHistoryChart', () => {
  it('draws one titled panel per unit, none highlighted', () => {
    for (const code of PANEL_UNITS) expect(flat).toContain(panelLabel(code, 'en'));
    // Titles are all bold alike; no unit's marks are drawn differently from another's.
    const dotGroups = [...root.querySelectorAll('g[aria-label="dot"] > g')];
    expect(dotGroups).toHaveLength(3);
    expect(new Set(dotGroups.map((g) => g.getAttribute('fill')))).toEqual(new Set(['#0072B2']));
  });

  it('draws a dot and a rank-interval bar for every ranked year, nothing for a year not ranked', () => {
    // 3 units × 5 years, less Bac Ai 2021 (not ranked, n = 80).
    expect(root.querySelectorAll('g[aria-label="dot"] circle').length).toBe(14);
    expect(root.querySelectorAll('g[aria-label="rule"] > g[stroke-width="8"] line').length).toBe(14);
    expect(titles(root)).toContain('Ninh Son district, 2024: rank 2 (rank interval 2–3)');
    expect(flat.join('\n')).toContain('Bac Ai district 2021: not ranked (n\u00a0=\u00a080)');
  });

  it('puts rank 1 at the top', () => {
    const dots = [...root.querySelectorAll('g[aria-label="dot"] > g')][0]!;
    // Phan Rang-Thap Cham is first every year: all its dots on the top line of the rank axis.
    const ys = [...dots.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    const bacAi = [...[...root.querySelectorAll('g[aria-label="dot"] > g')][1]!.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    expect(new Set(ys).size).toBe(1);
    expect(Math.min(...bacAi)).toBeGreaterThan(ys[0]!);
  });

  it('joins no two years across the method break', () => {
    const breakX = Number(root.querySelector('g[aria-label="rule"] > g[stroke-dasharray="6,4"] line')?.getAttribute('x1'));
    expect(breakX).toBeGreaterThan(0);
    const paths = [...root.querySelectorAll('g[aria-label="line"] path')];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      for (const sub of subpaths(path.getAttribute('d') ?? '')) expect(new Set(sub.map(([x]) => x < breakX)).size).toBe(1);
    }
  });

  it('stars the part year and says so, in Vietnamese too', () => {
    expect(flat).toContain('2025*');
    expect(flat.join('\n')).toContain('* 2025: January–June only (part year).');
    const vi = texts(parseSvg(drawRankHistoryVi(PHONE_WIDTH).svg)).join('\n');
    expect(vi).toContain('* 2025: chỉ tháng 1–6 (một phần năm).');
    expect(vi).toContain('Hạng (1 = cao nhất)');
  });

  it('returns the rows drawn, unit by unit', () => {
    expect(chart.rows.map((r) => `${r.unit_code} ${r.period}`).slice(0, 6)).toEqual(['582 2021', '582 2022', '582 2023', '582 2024', '582 2025', '584 2021']);
    expect(chart.rows).toHaveLength(15);
  });
});
