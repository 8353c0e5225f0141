import { describe, expect, it } from 'vitest';
import { trendChart } from '../../src/charts/trend-chart.ts';
import { drawTrendQuarterlyEn, drawTrendYearlyVi } from './fixture-charts.ts';
import { NINH_SON_QUARTERS, NINH_SON_YEARS } from './fixtures.ts';
import { markGroups, parseSvg, subpaths, texts, titles } from './svg-helpers.ts';

// Snapshots of these charts: all-charts.test.ts.
const yearly = drawTrendYearlyVi();
const quarterly = drawTrendQuarterlyEn();
const root = parseSvg(yearly.svg);

/** x of the method-break rule: the dashed vertical line drawn in the reference colour. */
function breakX(svg: Element): number {
  const rules = markGroups(svg, 'rule').filter((g) => g.getAttribute('stroke-dasharray') === '6,4');
  const lines = rules.flatMap((g) => [...g.querySelectorAll('line')]);
  expect(lines.length).toBe(1);
  expect(lines[0]!.getAttribute('x1')).toBe(lines[0]!.getAttribute('x2'));
  return Number(lines[0]!.getAttribute('x1'));
}

describe('trendChart', () => {
  it('draws the method break as a labelled dashed rule halfway between 2022 and 2023', () => {
    expect(texts(root)).toContain('Thay đổi phương pháp');
    const dots = markGroups(root, 'dot')[0]!;
    const x = (year: string) =>
      Number([...dots.querySelectorAll('circle')].find((c) => c.querySelector('title')?.textContent?.includes(`, ${year}:`))?.getAttribute('cx'));
    expect(breakX(root)).toBeCloseTo((x('2022') + x('2023')) / 2, 1);
  });

  it('never joins points across the method break, in either series', () => {
    const at = breakX(root);
    const lines = markGroups(root, 'line').flatMap((g) => [...g.querySelectorAll('path')]);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const path of lines) {
      for (const points of subpaths(path.getAttribute('d') ?? '')) {
        const left = points.some(([x]) => x < at);
        const right = points.some(([x]) => x > at);
        expect(left && right, `a subpath crosses x = ${at}: ${path.getAttribute('d')}`).toBe(false);
      }
    }
  });

  it('draws no dot for the suppressed year, and says why with its n in a note under the axis', () => {
    expect(titles(root).some((t) => t.startsWith('Huyện Ninh Sơn, 2021'))).toBe(false);
    expect(texts(root)).toContain('Huyện Ninh Sơn — 2021: quá ít phản hồi (n\u00a0=\u00a012)');
    // Written level under the axis (lineAnchor top, below the year labels), not turned across the frame.
    const note = [...root.querySelectorAll('text')].find((t) => t.textContent?.includes('quá ít phản hồi'));
    expect(note?.getAttribute('transform')).not.toContain('rotate');
    expect(note?.closest('g')?.getAttribute('transform')).toMatch(/translate\([-\d.]+,30\)/);
    // The province's 2021 value exists and is drawn.
    expect(titles(root).some((t) => t.startsWith('Tỉnh Ninh Thuận, 2021: 83,50\u00a0%'))).toBe(true);
  });

  it('draws an interval whisker for every drawn point of both series', () => {
    const whiskers = markGroups(root, 'rule').flatMap((g) => [...g.querySelectorAll('line')]).filter((l) => l.getAttribute('x1') === l.getAttribute('x2'));
    // 5 Ninh Sơn + 6 province whiskers + 1 method-break rule.
    expect(whiskers.length).toBe(12);
  });

  it('prints years as plain digits, the target with its threshold, and names both series with their latest value', () => {
    const all = texts(root);
    expect(all).toEqual(expect.arrayContaining(['2019', '2024', 'Mục tiêu ≥ 90\u00a0%', 'Huyện Ninh Sơn\n84,00\u00a0%', 'Tỉnh Ninh Thuận\n84,12\u00a0%']));
    expect(all.some((t) => t.includes('2,019') || t.includes('2.019'))).toBe(false);
  });

  it('draws the comparison dashed with hollow squares, so it differs from the main series without colour', () => {
    const comparisonLine = markGroups(root, 'line').find((g) => g.getAttribute('stroke-dasharray') !== null);
    expect(comparisonLine).toBeDefined();
    const hollow = markGroups(root, 'dot').find((g) => g.getAttribute('fill') === 'white');
    expect(hollow?.querySelectorAll('path').length).toBe(6);
  });

  it('returns exactly the rows drawn: both series, suppressed row included', () => {
    expect(yearly.rows.length).toBe(12);
    expect(yearly.rows.filter((r) => r.unit_code === '585').map((r) => r.period)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('breaks the line at a missing quarter and labels quarters on two lines', () => {
    const q = parseSvg(quarterly.svg);
    const [path] = markGroups(q, 'line').flatMap((g) => [...g.querySelectorAll('path')]);
    // Runs: Q1–Q2 2023 | Q4 2023–Q1 2024 | Q3–Q4 2024 (Q3 2023 missing, Q2 2024 suppressed).
    expect(subpaths(path!.getAttribute('d') ?? '').map((points) => points.length)).toEqual([2, 2, 2]);
    expect(texts(q)).toEqual(expect.arrayContaining(['Q1\n2023', 'Q4\n2024', 'Q2 2024: too few responses (n\u00a0=\u00a025)']));
  });

  it('describes the trend in words', () => {
    expect(yearly.description).toBe(
      'Tỷ lệ hài lòng của Huyện Ninh Sơn theo năm, 2019–2024. Từ 80,10\u00a0% (2019) đến 84,00\u00a0% (2024). ' +
        'Thay đổi phương pháp từ 2023: không so sánh trực tiếp hai bên. 2021: quá ít phản hồi (n = 12). ' +
        'Mục tiêu ≥ 90\u00a0%. So sánh Tỉnh Ninh Thuận: 84,12\u00a0% (2024).',
    );
  });

  it('refuses periods of different kinds in one chart', () => {
    expect(() => trendChart([...NINH_SON_YEARS, ...NINH_SON_QUARTERS], { lang: 'vi', seriesLabel: 'x' })).toThrow(
      'periods of different kinds (year, quarter)',
    );
  });
});

describe('trendChart across the 1 July 2025 boundary', () => {
  // Xã Ninh Sơn: back-cast 2021–2024 (from the old communes wholly inside it), direct from 2025.
  const template = NINH_SON_YEARS[0]!;
  const rows = [2021, 2022, 2023, 2024, 2025, 2026].map((year, i) => ({
    ...template,
    unit_code: '22810',
    period: String(year),
    value: 84 + i,
    ci_low: 81 + i,
    ci_high: 87 + i,
    status: 'ok' as const,
    basis: year < 2025 ? ('back-cast' as const) : ('direct' as const),
    unit_valid_from: '2025-07-01',
  }));
  const draw = (width: number) =>
    parseSvg(trendChart(rows, { lang: 'vi', seriesLabel: 'Xã Ninh Sơn', methodBreaks: ['2023'], boundaryBreak: '2025', width }).svg);
  /** The y a label is drawn at: the translations of its <text> and of the groups around it, added. */
  const yOf = (root: Element, words: string) => {
    let node: Element | null = [...root.querySelectorAll('text')].find((t) => t.textContent?.replace(/\s+/g, ' ').includes(words)) ?? null;
    if (!node) throw new Error(`no text with "${words}"`);
    let y = 0;
    for (; node && node !== root; node = node.parentElement) {
      const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
      if (match) y += Number(match[2]);
    }
    return y;
  };

  it('labels both rules, one above the other on a phone where they would overlap, side by side on a desktop', () => {
    const phone = draw(340);
    const wide = draw(1104);
    expect(yOf(phone, 'Địa giới mới')).not.toBe(yOf(phone, 'Thay đổi'));
    expect(yOf(wide, 'Địa giới mới')).toBe(yOf(wide, 'Thay đổi'));
  });

  it('draws the back-cast years as hollow points and says what they are', () => {
    const root = draw(1104);
    const hollow = [...root.querySelectorAll('circle')].filter((c) => c.closest('[fill="white"]') || c.getAttribute('fill') === 'white');
    expect(hollow.length).toBe(4);
    const chart = trendChart(rows, { lang: 'vi', seriesLabel: 'Xã Ninh Sơn', boundaryBreak: '2025' });
    expect(chart.caption).toContain('số tính ngược');
  });
});
