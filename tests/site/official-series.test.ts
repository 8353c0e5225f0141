/**
 * The province in the country by year (src/site/official-series.ts), on a small set of published
 * figures whose arithmetic is written out here.
 */
import { describe, expect, it } from 'vitest';
import type { OfficialFigure, OfficialFigures } from '../../src/site/official-figures.ts';
import { officialChartRows, officialSeries, yearsWithoutProvinceFigure } from '../../src/site/official-series.ts';

const fig = (year: string, geo: string, measure: string, value: string, unit: string, source_id: string, province_code = ''): OfficialFigure => ({
  year, geo, index: 'SIPAS', measure, value, unit, qualifier: '', source_id, province_code, note: { vi: '', en: '' },
});

const figures: OfficialFigures = {
  national: [
    fig('2015', 'VN (10 pilot provinces)', 'respondents', '12000', 'persons', 'S20'),
    fig('2021', 'VN', 'sipas_mean', '87.16', 'percent', 'S01'),
    fig('2021', 'VN', 'sipas_max_province', '94.07', 'percent', 'S01'),
    fig('2021', 'VN', 'sipas_min_province', '85.54', 'percent', 'S01'),
    fig('2022', 'VN', 'sipas_mean', '80.08', 'percent', 'S02'),
    fig('2023', 'VN', 'sipas_mean', '82.66', 'percent', 'S04'),
  ],
  province: [
    fig('2021', 'Ninh Thuận', 'sipas', '88.64', 'percent', 'S01', '58'),
    fig('2021', 'Ninh Thuận', 'rank', '16', 'of 63', 'S01', '58'),
    fig('2022', 'Ninh Thuận', 'sipas', '81.83', 'percent', 'S02', '58'),
    fig('2022', 'Ninh Thuận', 'sipas_minus_national_mean', '1.75', 'percentage points', 'S02', '58'),
    // Another province's figure of the same year must not leak into Ninh Thuận's row.
    fig('2023', 'Quảng Ninh', 'sipas', '90.61', 'percent', 'S04', '22'),
  ],
  governance: [],
  sources: new Map(),
};

describe('officialSeries', () => {
  const series = officialSeries(figures, '58');

  it('has one row per year with a national mean, 2021–2023 (the 2015 pilot has no mean)', () => {
    expect(series.map((y) => y.year)).toEqual(['2021', '2022', '2023']);
  });

  it('computes the difference from the national mean: 88.64 − 87.16 = 1.48; 81.83 − 80.08 = 1.75', () => {
    expect(series[0]?.difference).toBeCloseTo(1.48, 10);
    expect(series[1]?.difference).toBeCloseTo(1.75, 10);
    // 2022's source states 1.75 itself: the computed value agrees to the published decimals.
    expect(series[1]?.statedDifference).toEqual({ value: 1.75, source_id: 'S02' });
  });

  it('keeps each value with its source, the rank with its count, the range where published', () => {
    expect(series[0]).toMatchObject({
      national: { value: 87.16, source_id: 'S01' },
      province: { value: 88.64, source_id: 'S01' },
      rank: { value: 16, of: 63, source_id: 'S01' },
      lowest: { value: 85.54 },
      highest: { value: 94.07 },
    });
    expect(series[1]?.rank).toBeNull();
    expect(series[1]?.highest).toBeNull();
  });

  it('leaves a year without the province’s figure empty and names it', () => {
    expect(series[2]).toMatchObject({ province: null, rank: null, difference: null, national: { value: 82.66 } });
    expect(yearsWithoutProvinceFigure(series)).toEqual(['2023']);
  });

  it('flattens rows for the CSV with the source beside each value', () => {
    expect(officialChartRows(series, '58')[0]).toEqual({
      year: '2021',
      national_mean: 87.16,
      national_source: 'S01',
      lowest_province: 85.54,
      highest_province: 94.07,
      range_source: 'S01',
      province_code: '58',
      province_value: 88.64,
      province_source: 'S01',
      rank: 16,
      rank_of: 63,
      rank_source: 'S01',
      difference: 88.64 - 87.16,
    });
  });
});
