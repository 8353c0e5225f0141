/**
 * The funnel plot (src/charts/funnel-chart.ts) on the fixture of ./funnel-fixtures.ts, whose
 * limits are worked by hand there: province 80 %, deff 0.25, 99.8 % half-width 61.8 / √n points,
 * 95 % half-width 39.2 / √n. Snapshots and the checks all charts share: all-charts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CHART_WIDTHS, isNarrow } from '../../src/charts/render-svg.ts';
import { funnelChart, logTicks, placeLabels } from '../../src/charts/funnel-chart.ts';
import { funnelCentre, funnelCentreOf, funnelRows } from '../../src/engine/funnel-rows.ts';
import { drawFunnelEn, drawFunnelVi, PHONE_WIDTH } from './fixture-charts.ts';
import { COMMUNE_NAMES, FUNNEL_PROVINCE, FUNNEL_UNITS } from './funnel-fixtures.ts';
import { parseSvg, subpaths, texts, titles } from './svg-helpers.ts';

const vi = drawFunnelVi();
const root = parseSvg(vi.svg);
const nameVi = (code: string) => COMMUNE_NAMES[code]!.vi;

/** The <circle> of the consistent unit whose tooltip names `name`: its centre in px. */
function circleAt(svgRoot: Element, name: string): { x: number; y: number } {
  const circle = [...svgRoot.querySelectorAll('g.funnel-consistent circle')].find((c) => c.querySelector('title')?.textContent?.startsWith(`${name}:`));
  if (!circle) throw new Error(`no circle for ${name}`);
  return { x: Number(circle.getAttribute('cx')), y: Number(circle.getAttribute('cy')) };
}

/** Titles of the marks of one class group. */
const classTitles = (svgRoot: Element, cls: string) =>
  [...svgRoot.querySelectorAll(`g.funnel-${cls} title`)].map((t) => (t.textContent ?? '').split(':')[0]);

describe('funnel rows', () => {
  it('lists every unit, highest value first, the suppressed one last, with its limits and class', () => {
    expect(vi.rows.map((r) => `${r.unit_code} ${r.value} ${r.classification}`)).toEqual([
      '22822 89 consistent', // 89.0 at n 36 is far from 80 but under 80 + 10.3 = 90.3
      '22828 86 consistent', // 86.0 at n 100: limit 86.18
      '22786 85.5 above', // 85.5 at n 144: over 80 + 5.15 = 85.15
      '22738 84.5 above', // 84.5 at n 400: over 80 + 3.09 = 83.09
      '22810 80.5 consistent',
      '22801 79 consistent',
      '22759 76.5 below', // 76.5 at n 400: under 80 − 3.09 = 76.91
      '22813 71 below', // 71.0 at n 64: under 80 − 7.725 = 72.275
      '22795 null null', // suppressed (n 12): no value, no limits, no class
    ]);
  });

  it('carries the hand-worked limits at each unit’s n and the province’s centre', () => {
    const row = (code: string) => vi.rows.find((r) => r.unit_code === code)!;
    // n = 400: 99.8 % ± 3.09 → [76.91, 83.09]; 95 % ± 1.96 → [78.04, 81.96]
    expect(row('22738')).toMatchObject({ n: 400, province_value: 80 });
    expect(row('22738').design_effect).toBeCloseTo(0.25, 12);
    expect(row('22738').limit998_low).toBeCloseTo(76.91, 10);
    expect(row('22738').limit998_high).toBeCloseTo(83.09, 10);
    expect(row('22738').limit95_low).toBeCloseTo(78.04, 10);
    expect(row('22738').limit95_high).toBeCloseTo(81.96, 10);
    // n = 36: 99.8 % ± 10.3 → [69.7, 90.3]; 95 % ± 39.2 / 6 = 6.5333 → [73.4667, 86.5333]
    expect(row('22822').limit998_low).toBeCloseTo(69.7, 10);
    expect(row('22822').limit998_high).toBeCloseTo(90.3, 10);
    expect(row('22822').limit95_low).toBeCloseTo(73.4667, 4);
    expect(row('22822').limit95_high).toBeCloseTo(86.5333, 4);
    expect(row('22795')).toMatchObject({ value: null, limit95_low: null, limit998_high: null, classification: null });
  });

  it('gives the same rows when computed again from its own rows (what the figure and the CSV do)', () => {
    const rows = funnelRows(FUNNEL_UNITS, funnelCentre(FUNNEL_PROVINCE));
    expect(funnelRows(rows, funnelCentreOf(rows))).toEqual(rows);
    expect(funnelCentreOf(rows)).toEqual({ value: 80, deff: expect.closeTo(0.25, 12) });
  });
});

describe('funnelChart', () => {
  it('draws the limit curves where the formula puts them, at every sampled n', () => {
    // Calibrate the two scales on two drawn units: Xã Mỹ Sơn (n 36, 89 %) and Xã Ninh Sơn (n 225, 80.5 %).
    const a = circleAt(root, nameVi('22822'));
    const b = circleAt(root, nameVi('22810'));
    const pxPerLog = (b.x - a.x) / Math.log(225 / 36);
    const pxPerPoint = (b.y - a.y) / (80.5 - 89);
    const nAt = (x: number) => 36 * Math.exp((x - a.x) / pxPerLog);
    const yOf = (value: number) => a.y + (value - 89) * pxPerPoint;
    for (const [level, half] of [['998', 61.8], ['95', 39.2]] as const) {
      const paths = [...root.querySelectorAll(`g.funnel-limit-${level} path`)].flatMap((p) => subpaths(p.getAttribute('d') ?? ''));
      expect(paths.length).toBe(2); // upper and lower curve
      for (const path of paths) {
        expect(path.length).toBeGreaterThan(100);
        const upper = path[0]![1] < yOf(80);
        for (const [x, y] of path) {
          const n = nAt(x);
          const expected = yOf(80 + (upper ? 1 : -1) * (half / Math.sqrt(n)));
          // Coordinates are rounded to 0.01 px, and so is the calibration.
          expect(Math.abs(y - expected)).toBeLessThan(0.15);
        }
      }
    }
    // The province line at 80 %.
    const rule = root.querySelector('g[aria-label="rule"] line');
    expect(Number(rule?.getAttribute('y1'))).toBeCloseTo(yOf(80), 0);
  });

  it('marks the units outside the 99.8 % limits by shape and colour, and names them', () => {
    expect(classTitles(root, 'above').sort()).toEqual(['Phường Đô Vinh', 'Xã Bác Ái Tây']);
    expect(classTitles(root, 'below').sort()).toEqual(['Phường Phan Rang', 'Xã Lâm Sơn']);
    expect(classTitles(root, 'consistent').sort()).toEqual(['Xã Anh Dũng', 'Xã Bác Ái Đông', 'Xã Mỹ Sơn', 'Xã Ninh Sơn']);
    // Shapes: triangles (paths) outside, hollow circles inside; the "below" triangles point down.
    expect(root.querySelectorAll('g.funnel-above path').length).toBe(2);
    expect(root.querySelectorAll('g.funnel-below path').length).toBe(2);
    for (const p of root.querySelectorAll('g.funnel-below path')) expect(p.getAttribute('transform')).toContain('rotate(180)');
    expect(root.querySelector('g.funnel-consistent')?.getAttribute('fill')).toBe('white');
    expect(root.querySelector('g.funnel-above')?.getAttribute('fill')).not.toBe(root.querySelector('g.funnel-below')?.getAttribute('fill'));
    // The four units outside are named on the chart; the consistent ones are not (except the own unit).
    const all = texts(root);
    for (const name of ['Phường Đô Vinh', 'Xã Bác Ái Tây', 'Phường Phan Rang', 'Xã Lâm Sơn', 'Xã Ninh Sơn']) expect(all).toContain(name);
    expect(all).not.toContain('Xã Mỹ Sơn');
  });

  it('names none of them when more are outside than labelLimit', () => {
    const chart = funnelChart(FUNNEL_UNITS, { lang: 'vi', unitName: nameVi, province: funnelCentre(FUNNEL_PROVINCE), labelLimit: 3 });
    expect(texts(parseSvg(chart.svg))).not.toContain('Phường Đô Vinh');
  });

  it('draws the page’s own unit with a ring and its name in bold, tagged as own', () => {
    const own = [...root.querySelectorAll('[data-key="own"]')];
    expect(own.map((g) => g.getAttribute('aria-label')).sort()).toEqual(['dot', 'text']);
    expect(own.find((g) => g.getAttribute('aria-label') === 'text')?.getAttribute('font-weight')).toBe('bold');
    expect(own.find((g) => g.getAttribute('aria-label') === 'text')?.textContent).toBe('Xã Ninh Sơn');
    const ring = own.find((g) => g.getAttribute('aria-label') === 'dot')?.querySelector('circle');
    const dot = circleAt(root, 'Xã Ninh Sơn');
    expect([Number(ring?.getAttribute('cx')), Number(ring?.getAttribute('cy'))]).toEqual([dot.x, dot.y]);
  });

  it('explains shapes and lines in a legend, and lists the suppressed unit with its n', () => {
    const all = texts(root);
    for (const words of ['Cao hơn rõ so với toàn tỉnh', 'Thấp hơn rõ so với toàn tỉnh', 'Phù hợp với toàn tỉnh', 'Toàn tỉnh: 80,00\u00a0%', 'Giới hạn 99,8\u00a0%', 'Giới hạn 95\u00a0%']) {
      expect(all).toContain(words);
    }
    expect(all).toContain('Quá ít phản hồi, không vẽ: Xã Bác Ái (n\u00a0=\u00a012).');
    expect(all).toContain('Số người trả lời (n, thang logarit)');
    expect(titles(root).some((t) => t.startsWith('Xã Bác Ái:'))).toBe(false);
  });

  it('puts the limits of a unit in its tooltip', () => {
    expect(titles(root)).toContain('Phường Đô Vinh: 84,50\u00a0%, n = 400; giới hạn 99,8\u00a0%: 76,91\u00a0%–83,09\u00a0%, cao hơn rõ so với toàn tỉnh');
  });

  it('says its point in words, in both languages', () => {
    expect(vi.caption).toBe(
      '2 đơn vị cao hơn rõ và 2 đơn vị thấp hơn rõ so với toàn tỉnh (ngoài giới hạn 99,8\u00a0%); 4 đơn vị phù hợp với toàn tỉnh. ' +
        'Xã Ninh Sơn phù hợp với toàn tỉnh.',
    );
    const en = drawFunnelEn();
    expect(en.caption).toBe('2 units are clearly above and 2 clearly below the province (outside the 99.8% limits); 4 are consistent with the province.');
    expect(en.description).toContain('Clearly above the province (outside the 99.8% limits): Bac Ai Tay commune (85.50%, n = 144); Do Vinh ward (84.50%, n = 400).');
    expect(en.description).toContain('Too few responses, not drawn: Bac Ai commune (n = 12).');
  });

  it('says so when no unit is outside the limits', () => {
    const inside = FUNNEL_UNITS.filter((u) => ['22810', '22822', '22801'].includes(u.unit_code));
    const chart = funnelChart(inside, { lang: 'vi', unitName: nameVi, province: funnelCentre(FUNNEL_PROVINCE) });
    expect(chart.caption).toBe('Không đơn vị nào khác rõ so với toàn tỉnh: cả 3 đơn vị nằm trong giới hạn 99,8\u00a0%.');
    expect(texts(parseSvg(chart.svg))).not.toContain('Cao hơn rõ so với toàn tỉnh');
  });
});

describe('funnelChart without limits or data', () => {
  it('draws the units without curves or classes when the province has no standard error', () => {
    const chart = funnelChart(FUNNEL_UNITS, { lang: 'vi', unitName: nameVi, province: funnelCentre({ value: 80, se: null, n: 1600 }) });
    const svg = parseSvg(chart.svg);
    expect(svg.querySelectorAll('g.funnel-limit-998 path').length).toBe(0);
    expect(chart.rows.every((r) => r.classification === null && r.limit998_low === null)).toBe(true);
    expect(svg.querySelectorAll('g[aria-label="dot"] circle title').length).toBe(8);
    expect(chart.caption).toBe('Không tính được giới hạn vì toàn tỉnh không có sai số chuẩn.');
    // The note under the axis, after the suppressed unit's line.
    expect(texts(svg).flatMap((t) => t.split('\n'))).toContain('Không tính được giới hạn vì toàn tỉnh không có sai số chuẩn.');
  });

  it('says there is nothing to draw for no units, or only suppressed ones (whose rows the table still lists)', () => {
    const empty = funnelChart([], { lang: 'en', unitName: (c) => c, province: funnelCentre(FUNNEL_PROVINCE) });
    expect(empty.description).toBe('No data to chart.');
    expect(empty.rows).toEqual([]);
    expect(parseSvg(empty.svg).querySelector('text')?.textContent).toBe('No data to chart.');
    const suppressed = funnelChart(FUNNEL_UNITS.filter((u) => u.value === null), { lang: 'vi', unitName: nameVi, province: funnelCentre(FUNNEL_PROVINCE) });
    expect(suppressed.description).toBe('Không có dữ liệu để vẽ biểu đồ.');
    expect(suppressed.rows.map((r) => r.unit_code)).toEqual(['22795']);
  });
});

describe('funnelChart on a phone', () => {
  const phone = parseSvg(drawFunnelVi(PHONE_WIDTH).svg);

  it('is drawn at the phone width with the same marks, and its legend stacked on more lines', () => {
    expect(isNarrow(CHART_WIDTHS.phone)).toBe(true);
    expect(phone.getAttribute('width')).toBe(String(PHONE_WIDTH));
    expect(classTitles(phone, 'above').length + classTitles(phone, 'below').length + classTitles(phone, 'consistent').length).toBe(8);
    const legendRows = (svgRoot: Element) =>
      new Set([...svgRoot.querySelectorAll('g.funnel-legend[aria-label="text"]')].map((g) => g.getAttribute('transform')?.split(',')[1])).size;
    expect(legendRows(phone)).toBeGreaterThan(legendRows(root));
  });

  it('keeps every name inside the drawing', () => {
    for (const text of phone.querySelectorAll('g[aria-label="text"] text')) {
      const group = text.closest('g')!;
      const dx = Number(/translate\(([-\d.]+)/.exec(group.getAttribute('transform') ?? '')?.[1] ?? 0);
      const x = Number(/translate\(([-\d.]+)/.exec(text.getAttribute('transform') ?? '')?.[1] ?? 0) + dx;
      const width = [...(text.textContent ?? '')].length * 12 * 0.6;
      const anchor = group.getAttribute('text-anchor');
      const [left, right] = anchor === 'end' ? [x - width, x] : anchor === 'start' ? [x, x + width] : [x - width / 2, x + width / 2];
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(PHONE_WIDTH + 1);
    }
  });
});

describe('layout helpers', () => {
  it('picks log ticks at least 56 px apart: 1-2-5 on a phone, finer on a wide frame', () => {
    // 28.8–500 over 294 px: ln(500 / 28.8) = 2.854, 103 px per e-fold; 1-2-3-5 puts 200 and 300 40 px apart.
    expect(logTicks([28.8, 500], 294)).toEqual([50, 100, 200, 500]);
    // Over 576 px (202 px per e-fold): 30 and 50 are 103 px apart, 200 and 300 82 px.
    expect(logTicks([28.8, 500], 576)).toEqual([30, 50, 100, 200, 300, 500]);
  });

  it('places a name on the free side of its mark, and never over a name already placed', () => {
    const bounds = { left: 0, right: 300, top: 0, bottom: 200, line: 14 };
    // Right of (100, 100) is another mark at (130, 100): the name goes left.
    const [left] = placeLabels([{ d: 'a', x: 100, y: 100, width: 60 }], [{ x: 100, y: 100 }, { x: 130, y: 100 }], bounds);
    expect(left).toMatchObject({ anchor: 'end', x: 91, y: 100 });
    // Near the right edge the name goes left even with no mark around.
    const [edge] = placeLabels([{ d: 'b', x: 280, y: 50, width: 60 }], [], bounds);
    expect(edge).toMatchObject({ anchor: 'end', x: 271 });
    // Two marks side by side: the second name avoids the first one's box.
    const [first, second] = placeLabels(
      [{ d: 'c', x: 100, y: 100, width: 60 }, { d: 'd', x: 104, y: 102, width: 60 }],
      [{ x: 100, y: 100 }, { x: 104, y: 102 }],
      bounds,
    );
    expect(first).toMatchObject({ anchor: 'start', x: 109 });
    expect(second!.anchor === 'end' || Math.abs(second!.y - first!.y) >= 14).toBe(true);
    // A name beside a mark 3 px under the province's line (y 100) would cross it on either side
    // (box 96–110); it takes the first spot clear of it, above on the right (box 82–96).
    const [clear] = placeLabels([{ d: 'e', x: 100, y: 103, width: 60 }], [], { ...bounds, lines: [100] });
    expect(clear).toMatchObject({ anchor: 'start', x: 104, y: 89 });
  });

  it('writes no name across the province line in the fixture, at any width', () => {
    for (const width of [PHONE_WIDTH, 640, CHART_WIDTHS.page, CHART_WIDTHS.wide]) {
      const svg = parseSvg(drawFunnelVi(width).svg);
      const lineY = Number(svg.querySelector('g[aria-label="rule"] line')?.getAttribute('y1'));
      const names = [...svg.querySelectorAll('g.funnel-name text')];
      expect(names.length).toBe(5);
      for (const text of names) {
        const y = Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(text.getAttribute('transform') ?? '')?.[1]);
        expect(Math.abs(y - lineY), `${text.textContent} at ${width}px`).toBeGreaterThanOrEqual(7);
      }
    }
  });
});
