import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOfficialValue, groupByYear, measureLabel, readOfficialFigures, type OfficialFigure } from '../../src/site/official-figures.ts';

const row = (over: Partial<OfficialFigure>): OfficialFigure => ({
  year: '2024',
  geo: 'VN',
  index: 'SIPAS',
  measure: 'sipas_mean',
  value: '',
  unit: '',
  qualifier: '',
  source_id: 'S01',
  province_code: '',
  note: { vi: '', en: '' },
  ...over,
});

describe('formatOfficialValue: as published, in the reader’s number format', () => {
  it.each([
    // [file value, unit, measure, qualifier, vi, en]
    ['83.94', 'percent', 'sipas_mean', '', '83,94\u00a0%', '83.94%'],
    ['90', 'percent', 'pct_not_asked_for_bribe', '', '90\u00a0%', '90%'], // published without decimals: none added
    ['3.47', 'percentage points', 'sipas_change_vs_prev', '', '+3,47 điểm %', '+3.47 pp'],
    ['-6.81', 'percentage points', 'sipas_change_vs_prev', '', '-6,81 điểm %', '-6.81 pp'],
    ['16', 'of 63', 'rank', '', '16/63', '16/63'],
    ['4', 'of 5 component indices', 'n_component_indices_up_vs_prev', '', '4/5 chỉ số thành phần', '4/5 component indices'],
    ['85.78', 'points of 100', 'score', '', '85,78/100 điểm', '85.78/100 points'],
    ['12000', 'persons', 'respondents', 'nearly', 'gần 12.000 người', 'nearly 12,000 persons'],
    ['39700', 'persons aged 18+', 'respondents', 'more_than', 'hơn 39.700 người từ 18 tuổi', 'more than 39,700 persons aged 18+'],
    ['-4', 'places', 'rank_places_gained_vs_prev', '', '-4 bậc', '-4 places'],
    ['3.086', 'points', 'score_change_vs_prev', '', '+3,086 điểm', '+3.086 points'],
    ['85.12', 'percent of respondents', 'expect_better_civil_servant_attitude', '', '85,12\u00a0% người trả lời', '85.12% of respondents'],
    // A count of provinces, not a change: no sign, though the measure's name holds "unchanged".
    ['3', 'provinces', 'provinces_rank_unchanged_vs_prev', '', '3 tỉnh', '3 provinces'],
  ])('%s %s (%s) → %s / %s', (value, unit, measure, qualifier, vi, en) => {
    const figure = row({ value, unit, measure, qualifier });
    expect(formatOfficialValue(figure, 'vi')).toBe(vi);
    expect(formatOfficialValue(figure, 'en')).toBe(en);
  });

  it('shows a value that is not a number as written', () => {
    expect(formatOfficialValue(row({ value: 'n/a', unit: 'percent' }), 'vi')).toBe('n/a');
  });
});

describe('measureLabel', () => {
  it('names known measures and falls back to the code', () => {
    expect(measureLabel('sipas_mean', 'vi')).toBe('SIPAS cả nước');
    expect(measureLabel('rank', 'en')).toBe('Rank');
    expect(measureLabel('something_new', 'vi')).toBe('something_new');
  });
});

describe('groupByYear', () => {
  it('puts the latest year first and keeps the file order within a year', () => {
    const rows = [row({ year: '2021', measure: 'a' }), row({ year: '2024', measure: 'b' }), row({ year: '2021', measure: 'c' })];
    expect(groupByYear(rows).map((g) => [g.year, g.rows.map((r) => r.measure)])).toEqual([
      ['2024', ['b']],
      ['2021', ['a', 'c']],
    ]);
  });
});

describe('readOfficialFigures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'official-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'sources.csv'),
    '\uFEFFsource_id,publisher,title,url,language,type\nS01,Sở Nội vụ,"Kết quả SIPAS, 2022",https://example.org/a,vi,official\nS02,Báo,Tin,n/a (not recorded),en(translation),news\n',
  );
  writeFileSync(join(dir, 'sipas-national.csv'), 'year,geo,measure,value,unit,qualifier,source_id,note_vi,note_en\n2022,VN,sipas_mean,80.08,percent,,S01,,\n');
  writeFileSync(
    join(dir, 'sipas-province.csv'),
    'year,province_code_pre2025,province_name,measure,value,unit,qualifier,source_id,note_vi,note_en\n2022,58,Ninh Thuận,rank,20,of 63,,S02,“giảm 04 bậc”,"""down 4 places"" (quoted, translated)"\n',
  );

  it('reads figures with their sources (a BOM, quoted commas, an address not recorded)', () => {
    const figures = readOfficialFigures(dir);
    expect(figures.national).toEqual([row({ year: '2022', measure: 'sipas_mean', value: '80.08', unit: 'percent', source_id: 'S01' })]);
    expect(figures.province[0]).toMatchObject({
      geo: 'Ninh Thuận',
      province_code: '58',
      measure: 'rank',
      value: '20',
      note: { vi: '“giảm 04 bậc”', en: '"down 4 places" (quoted, translated)' },
    });
    expect(figures.governance).toEqual([]); // file absent
    expect(figures.sources.get('S01')).toEqual({ id: 'S01', publisher: 'Sở Nội vụ', title: 'Kết quả SIPAS, 2022', url: 'https://example.org/a', lang: 'vi' });
    expect(figures.sources.get('S02')).toMatchObject({ url: null, lang: 'en' });
  });

  it('refuses a figure whose source is not listed, naming it', () => {
    writeFileSync(join(dir, 'sipas-national.csv'), 'year,geo,measure,value,unit,qualifier,source_id,note_vi,note_en\n2022,VN,sipas_mean,80.08,percent,,S99,,\n');
    expect(() => readOfficialFigures(dir)).toThrow(/source "S99".*sources\.csv/);
  });
});
