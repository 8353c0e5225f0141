/**
 * The official-results chart shows what was published and says what was not: a dot per year with
 * the province's figure, no line across a year without one, a "∅" under each such year, and the
 * national mean at every year.
 */
import { describe, expect, it } from 'vitest';
import { officialChart } from '../../src/charts/official-chart.ts';
import { OFFICIAL_SERIES } from './official-fixtures.ts';
import { markGroups, parseSvg, texts } from './svg-helpers.ts';

const chart = officialChart(OFFICIAL_SERIES, { lang: 'vi', provinceName: 'Ninh Thuận' });
const root = parseSvg(chart.svg);

describe('officialChart', () => {
  it('labels the province’s two published values and marks the five years without one', () => {
    const all = texts(root);
    expect(all).toContain('88,64\u00a0%');
    expect(all).toContain('81,83\u00a0%');
    expect(all.filter((t) => t === '∅')).toHaveLength(5); // 2018, 2019, 2020, 2023, 2024
    expect(all).toContain('∅ không có số liệu công bố của tỉnh');
  });

  it('draws the national mean at all seven years and the province only where published', () => {
    const dots = markGroups(root, 'dot');
    expect(dots.map((g) => g.querySelectorAll('path, circle').length).sort()).toEqual([2, 7]);
  });

  it('says in its caption which years no source gives', () => {
    expect(chart.caption).toContain('2018, 2019, 2020, 2023, 2024');
    expect(chart.caption).toContain('cao hơn trung bình cả nước trong các năm 2021, 2022');
  });

  it('writes the English chart in English', () => {
    const en = officialChart(OFFICIAL_SERIES, { lang: 'en', provinceName: 'Ninh Thuận' });
    expect(texts(parseSvg(en.svg))).toContain('□ Viet Nam (mean)');
    expect(en.description).toContain('2021: Ninh Thuận 88.64%, Viet Nam 87.16%');
  });
});
