import { describe, expect, it } from 'vitest';
import type { IndexRow } from '../../src/engine/tables.ts';
import { buildRegisters } from '../../src/intake/registers.ts';
import type { Unit } from '../../src/intake/types.ts';
import { pageBreadcrumbs, unitBreadcrumbs } from '../../src/site/breadcrumbs.ts';
import { subunitRows, subunitsOf } from '../../src/site/subunits.ts';
import { cell } from './published-fixture.ts';

const unit = (over: Partial<Unit> & { code: string; name_vi: string }): Unit => ({
  name_en: `${over.name_vi} (en)`,
  level: 'commune',
  parent_code: null,
  valid_from: '2020-01-01',
  valid_to: '2025-06-30',
  ...over,
});

// A slice of data/units.csv: Ninh Thuận with two districts, communes of Ninh Sơn, and two codes
// that moved to Khánh Hòa on 2025-07-01 (22810 under a new name, 22738 under the same name).
const UNITS: Unit[] = [
  unit({ code: '58', name_vi: 'Tỉnh Ninh Thuận', level: 'province' }),
  unit({ code: '585', name_vi: 'Huyện Ninh Sơn', level: 'district', parent_code: '58' }),
  unit({ code: '582', name_vi: 'Thành phố Phan Rang - Tháp Chàm', level: 'district', parent_code: '58' }),
  unit({ code: '22813', name_vi: 'Xã Lâm Sơn', name_en: 'Lâm Sơn Commune', parent_code: '585' }),
  unit({ code: '22810', name_vi: 'Thị trấn Tân Sơn', name_en: 'Tân Sơn Township', parent_code: '585' }),
  unit({ code: '22828', name_vi: 'Xã Ma Nới', name_en: 'Ma Nới Commune', parent_code: '585' }),
  unit({ code: '22738', name_vi: 'Phường Đô Vinh', parent_code: '582' }),
  unit({ code: '56', name_vi: 'Tỉnh Khánh Hòa', level: 'province', valid_to: null }),
  unit({ code: '22810', name_vi: 'Xã Ninh Sơn', parent_code: '56', valid_from: '2025-07-01', valid_to: null }),
  unit({ code: '22738', name_vi: 'Phường Đô Vinh', parent_code: '56', valid_from: '2025-07-01', valid_to: null }),
  // A commune created in 2023 under Ninh Sơn: not below it in 2022.
  unit({ code: '22999', name_vi: 'Xã Mới', name_en: 'Mới Commune', parent_code: '585', valid_from: '2023-01-01' }),
];

// Keyed by unit version (code@valid_from): subunitsOf asks for the version valid in the year.
const CELLS: Record<string, IndexRow> = {
  '22813@2020-01-01': cell({ period: '2024', unit_code: '22813' }, 86.5, 120),
  '22810@2020-01-01': cell({ period: '2024', unit_code: '22810' }, null, 12),
  '585@2020-01-01': cell({ period: '2024', unit_code: '585' }, 84.2, 640),
  '582@2020-01-01': cell({ period: '2024', unit_code: '582' }, 88.1, 1500),
  // Xã Ninh Sơn (new 22810): its 2025 part-year row, which must not show under the old township.
  '22810@2025-07-01': cell({ period: '2025', unit_code: '22810', unit_valid_from: '2025-07-01' }, 90.1, 80),
};
const overall = (u: Unit) => CELLS[`${u.code}@${u.valid_from}`];

describe('subunitsOf', () => {
  it('lists the communes below a district in the year, alphabetically in Vietnamese', () => {
    expect(subunitsOf(UNITS, '585', '2024', overall, 'vi').map((s) => s.unit.name_vi)).toEqual([
      'Thị trấn Tân Sơn',
      'Xã Lâm Sơn',
      'Xã Ma Nới',
      'Xã Mới',
    ]);
  });

  it('leaves out a unit not yet valid in the year, and the versions moved elsewhere', () => {
    expect(subunitsOf(UNITS, '585', '2022', overall, 'vi').map((s) => s.unit.code)).toEqual(['22810', '22813', '22828']);
    // In 2025 the old communes still lay under the district until 30 June; Xã Ninh Sơn did not.
    expect(subunitsOf(UNITS, '585', '2025', overall, 'vi').map((s) => s.unit.name_vi)).not.toContain('Xã Ninh Sơn');
    expect(subunitsOf(UNITS, '56', '2024', overall, 'vi')).toEqual([]);
    expect(subunitsOf(UNITS, '56', '2025', overall, 'vi').map((s) => s.unit.name_vi)).toEqual(['Phường Đô Vinh', 'Xã Ninh Sơn']);
  });

  it('takes a unit version as parent: only sub-units valid while it was, each with its own version’s row', () => {
    const newKhanhHoa = UNITS.find((u) => u.code === '56') as Unit;
    expect(subunitsOf(UNITS, newKhanhHoa, '2025', overall, 'vi').map((s) => [s.unit.name_vi, s.overall?.value])).toEqual([
      ['Phường Đô Vinh', undefined],
      ['Xã Ninh Sơn', 90.1],
    ]);
    // The old Khánh Hòa (same code, until 2025-06-30) never had the new communes below it.
    const oldKhanhHoa: Unit = { ...newKhanhHoa, valid_to: '2025-06-30' };
    expect(subunitsOf(UNITS, oldKhanhHoa, '2025', overall, 'vi')).toEqual([]);
  });

  it('lists the province’s districts with their overall index', () => {
    const districts = subunitsOf(UNITS, '58', '2024', overall, 'vi');
    expect(districts.map((s) => [s.unit.code, s.overall?.value])).toEqual([
      ['585', 84.2],
      ['582', 88.1],
    ]);
  });
});

describe('subunitRows', () => {
  const rows = (lang: 'vi' | 'en') =>
    subunitRows(subunitsOf(UNITS, '585', '2024', overall, lang), lang, (u) => (u.code === '22813' ? `/${lang}/22813/` : undefined));

  it('gives value, interval and n, or "too few responses (n = …)", and links units with a page', () => {
    expect(rows('vi')).toEqual([
      { name: 'Thị trấn Tân Sơn', value: { text: 'quá ít phản hồi (n = 12)', className: 'suppressed' }, interval: '—', n: '12' },
      { name: { text: 'Xã Lâm Sơn', href: '/vi/22813/' }, value: '86,50\u00a0%', interval: '83,50\u00a0%–89,50\u00a0%', n: '120' },
      { name: 'Xã Ma Nới', value: { text: 'không có dữ liệu', className: 'suppressed' }, interval: '—', n: '—' },
      { name: 'Xã Mới', value: { text: 'không có dữ liệu', className: 'suppressed' }, interval: '—', n: '—' },
    ]);
  });

  it('words the same rows in English', () => {
    const en = rows('en');
    expect(en.map((r) => r.name)).toEqual([{ text: 'Lâm Sơn Commune', href: '/en/22813/' }, 'Ma Nới Commune', 'Mới Commune', 'Tân Sơn Township']);
    expect(en[3]).toMatchObject({ value: { text: 'too few responses (n = 12)' }, n: '12' });
    expect(en[0]).toMatchObject({ value: '86.50%', interval: '83.50%–89.50%' });
  });
});

describe('unitBreadcrumbs', () => {
  const registers = buildRegisters(UNITS, [], []);
  const href = (code: string) => (code === '22810' ? undefined : `/don-vi/${code}/`);

  it('goes from the province down to the unit, linking every step above it that has a page', () => {
    expect(unitBreadcrumbs(registers, '22813', '2024-12-31', 'vi', href)).toEqual([
      { name: 'Tỉnh Ninh Thuận', href: '/don-vi/58/' },
      { name: 'Huyện Ninh Sơn', href: '/don-vi/585/' },
      { name: 'Xã Lâm Sơn' },
    ]);
  });

  it('follows the register version valid on the date', () => {
    expect(unitBreadcrumbs(registers, '22738', '2024-12-31', 'en', href).map((c) => c.name)).toEqual([
      'Tỉnh Ninh Thuận (en)',
      'Thành phố Phan Rang - Tháp Chàm (en)',
      'Phường Đô Vinh (en)',
    ]);
    expect(unitBreadcrumbs(registers, '22738', '2025-12-31', 'vi', href).map((c) => c.name)).toEqual(['Tỉnh Khánh Hòa', 'Phường Đô Vinh']);
    expect(unitBreadcrumbs(registers, '585', '2024-12-31', 'vi', () => undefined)).toEqual([{ name: 'Tỉnh Ninh Thuận' }, { name: 'Huyện Ninh Sơn' }]);
    expect(unitBreadcrumbs(registers, '22810', '2019-12-31', 'vi', href)).toEqual([]);
  });
});

describe('pageBreadcrumbs', () => {
  it('links the unit and ends with the page (a plan of Huyện Ninh Sơn)', () => {
    const registers = buildRegisters(UNITS, [], []);
    const unitCrumbs = unitBreadcrumbs(registers, '585', '2024-03-15', 'vi', (code) => `/don-vi/${code}/`);
    expect(pageBreadcrumbs(unitCrumbs, '/don-vi/585/', 'Kế hoạch 95/KH-UBND')).toEqual([
      { name: 'Tỉnh Ninh Thuận', href: '/don-vi/58/' },
      { name: 'Huyện Ninh Sơn', href: '/don-vi/585/' },
      { name: 'Kế hoạch 95/KH-UBND' },
    ]);
    expect(pageBreadcrumbs(unitCrumbs, undefined, 'P').at(-2)).toEqual({ name: 'Huyện Ninh Sơn' });
    expect(pageBreadcrumbs([], '/x/', 'P')).toEqual([]);
  });
});
