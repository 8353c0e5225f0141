import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/intake/types.ts';
import { buildRegisters } from '../../src/intake/registers.ts';
import { unitsWithPages, type UnitListing } from '../../src/site/page-inventory.ts';
import { matches } from '../../src/site/fold-diacritics.ts';
import { entryContext, entryLine, searchEntries, searchText, sortEntries, validityNote } from '../../src/site/search-entries.ts';

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
  const listed = unitsWithPages(UNITS);

  it('lists every register version, in register order, with a version id', () => {
    // One listing per version (method.md → Units that change): the old and the new Phường Đô Vinh
    // are two units with two pages, no longer one page merged over both periods.
    expect(listed.map((u) => u.id)).toEqual([
      '58@2020-01-01',
      '585@2020-01-01',
      '22738@2020-01-01',
      '22759@2020-01-01',
      '56@2020-01-01',
      '22738@2025-07-01',
      '22759@2025-07-01',
    ]);
    expect(listed.find((u) => u.id === '22738@2020-01-01')).toMatchObject({ valid_from: '2020-01-01', valid_to: '2025-06-30' });
  });

  it('gives a reused code under the same name the start year in its address and chart ids, and the first version the old ones', () => {
    const slugs = Object.fromEntries(listed.map((u) => [u.id, [u.slug, u.chartKey]]));
    expect(slugs['22738@2020-01-01']).toEqual(['do-vinh', '22738']);
    expect(slugs['22738@2025-07-01']).toEqual(['do-vinh-2025', '22738-2025']);
    // Another name: its own address without a year, but chart ids that do not take the old unit's.
    expect(slugs['22759@2020-01-01']).toEqual(['kinh-dinh', '22759']);
    expect(slugs['22759@2025-07-01']).toEqual(['phan-rang', '22759-2025']);
  });

  it('gives the same addresses whatever the order of the register rows', () => {
    const reversed = unitsWithPages([...UNITS].reverse());
    expect(reversed.find((u) => u.id === '22738@2025-07-01')?.slug).toBe('do-vinh-2025');
    expect(reversed.find((u) => u.id === '22738@2020-01-01')?.slug).toBe('do-vinh');
  });

  it('narrows with keep()', () => {
    expect(unitsWithPages(UNITS, (u) => u.level !== 'commune').map((u) => u.id)).toEqual(['58@2020-01-01', '585@2020-01-01', '56@2020-01-01']);
  });
});

describe('validityNote', () => {
  const listing = (over: Partial<UnitListing>): UnitListing => ({
    id: '1@2020-01-01', code: '1', name_vi: 'x', name_en: 'x', level: 'commune', valid_from: '2020-01-01', valid_to: null, slug: 'x', chartKey: '1', ...over,
  });

  it('says until when a unit existed, or since when a new one exists', () => {
    expect(validityNote(listing({ valid_to: '2025-06-30' }), '2020-01-01')).toEqual({ vi: 'đến 30/06/2025', en: 'until 30 Jun 2025' });
    expect(validityNote(listing({ valid_from: '2025-07-01' }), '2020-01-01')).toEqual({ vi: 'từ 01/07/2025', en: 'from 1 Jul 2025' });
    expect(validityNote(listing({}), '2020-01-01')).toBeUndefined();
  });

  it('gives both ends for a unit that began and ended within the register', () => {
    expect(validityNote(listing({ valid_from: '2022-01-01', valid_to: '2025-06-30' }), '2020-01-01')).toEqual({
      vi: 'từ 01/01/2022 đến 30/06/2025',
      en: 'from 1 Jan 2022 until 30 Jun 2025',
    });
  });
});

// The register slice above plus the district Đô Vinh lay in, and code 22810 under its two names:
// Thị trấn Tân Sơn (district 585) until 30/06/2025, Xã Ninh Sơn (province 56) after.
const REGISTER: Unit[] = [
  ...UNITS,
  unit({ code: '582', name_vi: 'Thành phố Phan Rang - Tháp Chàm', name_en: 'Phan Rang - Tháp Chàm City', level: 'district', parent_code: '58', valid_to: '2025-06-30' }),
  unit({ code: '22810', name_vi: 'Thị trấn Tân Sơn', name_en: 'Tân Sơn Township', parent_code: '585', valid_to: '2025-06-30' }),
  unit({ code: '22810', name_vi: 'Xã Ninh Sơn', name_en: 'Ninh Sơn Commune', parent_code: '56', valid_from: '2025-07-01' }),
];
// Units with a page: the versions valid before 01/07/2025 but Khánh Hòa (no responses of it), and
// the new Phường Đô Vinh (surveyed since); the other new names have none.
const PAGES = unitsWithPages(REGISTER, (u) => u.code !== '56' && (u.valid_from < '2025-07-01' || u.code === '22738'));

describe('searchEntries', () => {
  const entries = searchEntries({
    staticKeys: ['home', 'search'],
    rankingYears: ['2024'],
    registers: buildRegisters(REGISTER, [], []),
    provinceCode: '58',
    pages: PAGES,
    plans: [{ id: 'kh-95-2024', title: { vi: 'Kế hoạch 95', en: 'Plan 95' }, reference: '95/KH-UBND' }],
  });
  const find = (query: string) => entries.filter((e) => matches(query, searchText(e)));
  const lines = (query: string, lang: 'vi' | 'en') => sortEntries(find(query), lang).map((e) => entryLine(e, lang));

  it('lists pages, ranking years, every register version of a unit, and plans', () => {
    // 2 static + 1 ranking + 9 unit versions (Khánh Hòa left out) + 1 plan.
    expect(entries).toHaveLength(13);
    expect(entries.find((e) => e.code === '585')).toEqual({
      kind: 'district',
      code: '585',
      title: { vi: 'Huyện Ninh Sơn', en: 'Ninh Sơn District' },
      path: { vi: '/don-vi/585-ninh-son/', en: '/en/units/585-ninh-son/' },
      parent: { vi: 'Tỉnh Ninh Thuận', en: 'Ninh Thuận Province' },
      note: { vi: 'đến 30/06/2025', en: 'until 30 Jun 2025' },
    });
    expect(entries.find((e) => e.kind === 'ranking')).toMatchObject({ title: { vi: 'Xếp hạng 2024', en: 'Ranking 2024' }, path: { vi: '/xep-hang/2024/' } });
    expect(entries.some((e) => e.code === '56')).toBe(false);
  });

  it('shows a unit with its parent and validity, in both languages', () => {
    expect(lines('huyen ninh son', 'vi')).toEqual(['Huyện Ninh Sơn — Tỉnh Ninh Thuận, đến 30/06/2025']);
    expect(lines('ninh son district', 'en')).toEqual(['Ninh Sơn District — Ninh Thuận Province, until 30 Jun 2025']);
    expect(lines('xa ninh son', 'vi')).toEqual(['Xã Ninh Sơn — Tỉnh Khánh Hòa, từ 01/07/2025']);
    expect(lines('ninh son commune', 'en')).toEqual(['Ninh Sơn Commune — Khánh Hòa Province, from 1 Jul 2025']);
    // The province has no parent: its validity alone.
    expect(lines('tinh ninh thuan', 'vi')).toEqual(['Tỉnh Ninh Thuận — đến 30/06/2025']);
  });

  it('finds units by names before and after 1/7/2025, with or without diacritics', () => {
    expect(lines('ninh son', 'vi')).toEqual(['Huyện Ninh Sơn — Tỉnh Ninh Thuận, đến 30/06/2025', 'Xã Ninh Sơn — Tỉnh Khánh Hòa, từ 01/07/2025']);
    expect(find('Ninh Sơn')).toEqual(find('ninh son'));
    // "đ" folds to "d": one name, two periods, two parents, and (since the version pages) two
    // pages: the new ward's address carries the year it began.
    const doVinh = find('do vinh');
    expect(doVinh.map((e) => entryContext(e, 'vi'))).toEqual(['Thành phố Phan Rang - Tháp Chàm, đến 30/06/2025', 'Tỉnh Khánh Hòa, từ 01/07/2025']);
    expect(doVinh.map((e) => e.path?.vi)).toEqual(['/don-vi/22738-do-vinh/', '/don-vi/22738-do-vinh-2025/']);
    // Code 22759 under both names; code 22810 finds both of its versions.
    expect(find('kinh dinh').map((e) => e.title.vi)).toEqual(['Phường Kinh Dinh']);
    expect(find('phan rang').map((e) => e.title.vi).sort()).toEqual(['Phường Phan Rang', 'Thành phố Phan Rang - Tháp Chàm']);
    expect(find('22810').map((e) => e.title.vi)).toEqual(['Thị trấn Tân Sơn', 'Xã Ninh Sơn']);
    expect(find('ninh sa')).toEqual([]);
  });

  it('links a unit version to its page, and leaves a version without a page unlinked', () => {
    expect(find('kinh dinh')[0]?.path).toEqual({ vi: '/don-vi/22759-kinh-dinh/', en: '/en/units/22759-kinh-dinh/' });
    expect(find('phuong phan rang')[0]).not.toHaveProperty('path');
    expect(find('xa ninh son')[0]).not.toHaveProperty('path');
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
