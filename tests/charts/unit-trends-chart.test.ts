import { describe, expect, it } from 'vitest';
import { panelColumns } from '../../src/charts/panel-grid.ts';
import { CHART_WIDTHS } from '../../src/charts/render-svg.ts';
import { drawUnitTrendsVi, PHONE_WIDTH } from './fixture-charts.ts';
import { PANEL_UNITS, panelLabel } from './panel-fixtures.ts';
import { markGroups, parseSvg, subpaths, texts, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const chart = drawUnitTrendsVi();
const root = parseSvg(chart.svg);

/** Translations of the facet groups of a mark group, as [x, y]. */
const facetOffsets = (group: Element): [number, number][] =>
  [...group.children].map((g) => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '');
    return [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)];
  });

describe('unitTrendsChart', () => {
  it('draws one titled panel per unit', () => {
    // Long names wrap onto several lines (tspans) in a narrow panel.
    const flat = texts(root).map((t) => t.replace(/\n/g, ' '));
    for (const code of PANEL_UNITS) expect(flat).toContain(panelLabel(code, 'vi'));
    // The estimates' dots sit in one facet group per panel.
    const dots = markGroups(root, 'dot');
    expect(dots.map((g) => g.children.length)).toEqual([3, 3]);
  });

  it('stacks the panels on a phone and lays them side by side on a page', () => {
    expect([PHONE_WIDTH, CHART_WIDTHS.page, CHART_WIDTHS.wide].map((w) => panelColumns(7, w))).toEqual([1, 3, 4]);
    const phone = parseSvg(drawUnitTrendsVi(PHONE_WIDTH).svg);
    const offsets = facetOffsets(markGroups(phone, 'dot')[1]!);
    // One column: every panel at the same x, each lower than the one before.
    expect(new Set(offsets.map(([x]) => x)).size).toBe(1);
    expect(offsets.map(([, y]) => y)).toEqual([...offsets.map(([, y]) => y)].sort((a, b) => a - b));
    expect(new Set(offsets.map(([, y]) => y)).size).toBe(3);
  });

  it('shares one y scale: every panel has the same y ticks', () => {
    const ticks = markGroups(root, 'y-axis tick label');
    expect(ticks.length).toBe(1);
    const perPanel = [...ticks[0]!.children].map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '));
    expect(perPanel).toHaveLength(3);
    expect(new Set(perPanel).size).toBe(1);
  });

  it('draws no line across the method break', () => {
    const rule = root.querySelector('g[aria-label="rule"] > g[stroke-dasharray="6,4"] line');
    const breakX = Number(rule?.getAttribute('x1'));
    expect(breakX).toBeGreaterThan(0);
    const lines = markGroups(root, 'line').flatMap((g) => [...g.querySelectorAll('path')]);
    expect(lines.length).toBeGreaterThan(0);
    for (const path of lines) {
      for (const sub of subpaths(path.getAttribute('d') ?? '')) {
        const sides = new Set(sub.map(([x]) => x < breakX));
        expect(sides.size).toBe(1);
      }
    }
  });

  it('draws the province in every panel as hollow squares', () => {
    const squares = markGroups(root, 'dot').find((g) => g.querySelector('g[fill="white"]'));
    expect(squares?.children.length).toBe(3);
    expect(squares?.querySelectorAll('path').length).toBe(3 * 5);
  });

  it('names the suppressed year, stars the part year, explains both', () => {
    expect(titles(root).some((t) => t.startsWith('Huyện Bác Ái, 2021'))).toBe(false);
    const all = texts(root).join('\n');
    expect(all).toContain('Huyện Bác Ái 2021: quá ít phản hồi (n\u00a0=\u00a012)');
    expect(all).toContain('2025*');
    expect(all).toContain('* 2025: chỉ tháng 1–6 (một phần năm).');
    expect(all).toMatch(/Vạch đứt nét: thay đổi phương pháp từ 2023/);
  });

  it('returns the rows drawn: each unit in panel order, then the province', () => {
    expect(chart.rows.map((r) => r.unit_code)).toEqual([...PANEL_UNITS.flatMap((c) => Array(5).fill(c)), ...Array(5).fill('58')]);
    expect(chart.caption).toBe('3 đơn vị, 2021–2025, trên cùng một thang đo, mỗi ô có Tỉnh Ninh Thuận để so sánh. Phương pháp đo thay đổi từ 2023, nên không so sánh trực tiếp hai bên vạch đứt nét.');
  });
});
