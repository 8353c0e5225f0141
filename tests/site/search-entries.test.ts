import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/intake/types.ts';
import { unitsWithPages, type UnitListing } from '../../src/site/page-inventory.ts';
import { searchEntries, searchText, sortEntries, validityNote } from '../../src/site/search-entries.ts';

const unit = (over: Partial<Unit>): Unit => ({
  code: '',
  name_vi: '',
  name_en: '',
  level: 'commune',
  parent_code: null,
  valid_from: '2020-01-01',
  valid_to: null,
  ...over,
});

// A slice of data/units.csv: the province, a district, the old and new 22738 Đô Vinh (one name,
// two periods), the two names of code 22759, and Khánh Hòa (another province).
const UNITS: Unit[] = [
  unit({ code: '58', name_vi: 'Tỉnh Ninh Thuận', name_en: 'Ninh Thuận Province', level: 'province', valid_to: '2025-06-30' }),
  unit({ code: '585', name_vi: 'Huyện Ninh Sơn', name_en: 'Ninh Sơn District', level: 'district', parent_code: '58', valid_to: '2025-06-30' }),
  unit({ code: '22738', name_vi: 'Phường Đô Vinh', name_en: 'Đô Vinh Ward', parent_code: '582', valid_to: '2025-06-30' }),
  unit({ code: '22759', name_vi: 'Phường Kinh Dinh', name_en: 'Kinh Dinh Ward', parent_code: '582', valid_to: '2025-06-30' }),
  unit({ code: '56', name_vi: 'Tỉnh Khánh Hòa', name_en: 'Khánh Hòa Province', level: 'province' }),
  unit({ code: '22738', name_vi: 'Phường Đô Vinh', name_en: 'Đô Vinh Ward', parent_code: '56', valid_from: '2025-07-01' }),
  unit({ code: '22759', name_vi: 'Phường Phan Rang', name_en: 'Phan Rang Ward', parent_code: '56', valid_from: '2025-07-01' }),
];

describe('unitsWithPages', () => {
  const listed = unitsWithPages(UNITS, '58');

  it('keeps the site’s province, drops other provinces, and merges one name over two periods', () => {
    expect(listed.map((u) => `${u.code} ${u.name_vi}`)).toEqual([
      '58 Tỉnh Ninh Thuận',
      '585 Huyện Ninh Sơn',
      '22738 Phường Đô Vinh',
      '22759 Phường Kinh Dinh',
      '22759 Phường Phan Rang',
    ]);
    // 2020-01-01 … 2025-06-30 joined with 2025-07-01 … (open) = 2020-01-01 … (open).
    expect(listed.find((u) => u.code === '22738')).toMatchObject({ valid_from: '2020-01-01', valid_to: null });
  });

  it('narrows further with keep()', () => {
    expect(unitsWithPages(UNITS, '58', (u) => u.level !== 'commune').map((u) => u.code)).toEqual(['58', '585']);
  });
});

describe('validityNote', () => {
  const listing = (over: Partial<UnitListing>): UnitListing => ({ code: '1', name_vi: 'x', name_en: 'x', level: 'commune', valid_from: '2020-01-01', valid_to: null, ...over });

  it('says until when a unit existed, or since when a new one exists', () => {
    expect(validityNote(listing({ valid_to: '2025-06-30' }), '2020-01-01')).toEqual({ vi: 'đến 30/06/2025', en: 'until 30 Jun 2025' });
    expect(validityNote(listing({ valid_from: '2025-07-01' }), '2020-01-01')).toEqual({ vi: 'từ 01/07/2025', en: 'from 1 Jul 2025' });
    expect(validityNote(listing({}), '2020-01-01')).toBeUndefined();
  });
});

describe('searchEntries', () => {
  const entries = searchEntries({
    staticKeys: ['home', 'search'],
    rankingYears: ['2024'],
    units: unitsWithPages(UNITS, '58'),
    plans: [{ id: 'kh-95-2024', title: { vi: 'Kế hoạch 95', en: 'Plan 95' }, reference: '95/KH-UBND' }],
  });

  it('lists pages, ranking years, units and plans with both titles and both paths', () => {
    // 2 static + 1 ranking + 5 units + 1 plan.
    expect(entries).toHaveLength(9);
    expect(entries.find((e) => e.code === '585')).toEqual({
      kind: 'district',
      code: '585',
      title: { vi: 'Huyện Ninh Sơn', en: 'Ninh Sơn District' },
      path: { vi: '/don-vi/585-ninh-son/', en: '/en/units/585-ninh-son/' },
      note: { vi: 'đến 30/06/2025', en: 'until 30 Jun 2025' },
    });
    expect(entries.find((e) => e.kind === 'ranking')).toMatchObject({ title: { vi: 'Xếp hạng 2024', en: 'Ranking 2024' }, path: { vi: '/xep-hang/2024/' } });
  });

  it('searches both names and the code', () => {
    const ninhSon = entries.find((e) => e.code === '585');
    expect(ninhSon && searchText(ninhSon)).toBe('Huyện Ninh Sơn Ninh Sơn District 585');
  });

  it('sorts in Vietnamese alphabetical order on the Vietnamese page (D before Đ, Đ before H)', () => {
    const titles = sortEntries(entries, 'vi').map((e) => e.title.vi);
    expect(titles.indexOf('Kế hoạch 95')).toBeLessThan(titles.indexOf('Phường Đô Vinh'));
    expect(titles.indexOf('Huyện Ninh Sơn')).toBeLessThan(titles.indexOf('Kế hoạch 95'));
    const sorted = sortEntries(
      [
        { kind: 'page', title: { vi: 'Đ', en: 'b' }, path: { vi: '/', en: '/en/' } },
        { kind: 'page', title: { vi: 'H', en: 'c' }, path: { vi: '/', en: '/en/' } },
        { kind: 'page', title: { vi: 'D', en: 'a' }, path: { vi: '/', en: '/en/' } },
      ],
      'vi',
    );
    expect(sorted.map((e) => e.title.vi)).toEqual(['D', 'Đ', 'H']);
  });
});
