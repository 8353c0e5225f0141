/** An image of figures others published credits them, not the site (src/images/image-texts.ts). */
import { describe, expect, it } from 'vitest';
import { citedSourceIds, sourceLine } from '../../src/images/image-texts.ts';

const SITE = {
  publisher: { vi: 'Nhóm dữ liệu mở', en: 'Open-data group' },
  title: { vi: 'Chỉ số hài lòng', en: 'Satisfaction index' },
};

describe('chart sources in images', () => {
  it('reads the source ids of the …_source columns, each once, in the order met', () => {
    const csv = '\ufeffyear,national_mean,national_source,range_source,province_source\n2021,87.16,S01,S01,S01\n2022,80.08,S02,,S02\n2023,82.66,S04,S04;S21,\n';
    expect(citedSourceIds(csv)).toEqual(['S01', 'S02', 'S04', 'S21']);
    expect(citedSourceIds('survey,period,unit_code,n\nsipas,2024,585,371\n')).toEqual([]);
  });

  it('names the published sources first and the site as the maker of the chart', () => {
    expect(sourceLine(SITE as never, 'vi', ['S01', 'S02'])).toBe(
      'Nguồn số liệu: S01, S02 (danh sách nguồn: trang Kết quả chính thức). Biểu đồ: Nhóm dữ liệu mở, Chỉ số hài lòng.',
    );
    expect(sourceLine(SITE as never, 'en')).toBe('Source: Open-data group, Satisfaction index.');
  });
});
