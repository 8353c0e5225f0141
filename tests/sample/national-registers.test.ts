// The registers of a generated whole-country folder, from the committed national lists
// (data/national/: 34 provinces, 3,321 communes of 1/7/2025).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  communeNameEn,
  nationalAgencyRows,
  nationalUnitRows,
  provinceNameEn,
  provinceNameVi,
  readNationalReference,
  repairName,
  selectUnits,
} from '../../src/sample/national-registers.ts';

const reference = readNationalReference(join(import.meta.dirname, '..', '..', 'data', 'national'));

describe('the national reference lists', () => {
  it('hold 34 provinces and 3,321 communes (2,621 xã, 687 phường, 13 đặc khu), each in a listed province', () => {
    expect(reference.provinces).toHaveLength(34);
    expect(reference.communes).toHaveLength(3321);
    const kinds = new Map<string, number>();
    for (const c of reference.communes) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ phuong: 687, xa: 2621, 'dac-khu': 13 });
    expect(new Set(reference.communes.map((c) => c.code)).size).toBe(3321);
    expect(reference.communes.filter((c) => c.provinceCode === '56')).toHaveLength(65);
  });

  it('reads the 19 line breaks the transcription left in names as spaces', () => {
    expect(repairName('Xã<br>Nậm Nèn')).toBe('Xã Nậm Nèn');
    expect(repairName('Phường Văn Miếu -<br>Quốc Tử Giám')).toBe('Phường Văn Miếu - Quốc Tử Giám');
    expect(reference.repairedNames).toHaveLength(19);
    expect(reference.communes.some((c) => c.name.includes('<'))).toBe(false);
    expect(reference.communes.find((c) => c.code === '26884')?.name).toBe('Phường Gò Vấp');
  });
});

describe('unit and agency rows', () => {
  it('names provinces and communes in both languages', () => {
    expect([provinceNameVi('Thành phố Hà Nội'), provinceNameEn('Thành phố Hà Nội')]).toEqual(['Thành phố Hà Nội', 'Hà Nội City']);
    expect([provinceNameVi('Cao Bằng'), provinceNameEn('Cao Bằng')]).toEqual(['Tỉnh Cao Bằng', 'Cao Bằng Province']);
    const byCode = new Map(reference.communes.map((c) => [c.code, c]));
    expect(communeNameEn(byCode.get('00070')!)).toBe('Hoàn Kiếm Ward');
    expect(communeNameEn(byCode.get('06994')!)).toBe('Vân Đồn Special Zone');
    expect(communeNameEn(byCode.get('22810')!)).toBe('Ninh Sơn Commune');
  });

  it('the whole country: the country, 34 provinces below it and 3,321 communes below them, from 2025-07-01; 7 offices a province, 3 a commune', () => {
    const units = nationalUnitRows(selectUnits(reference, { seed: 1 }));
    expect(units).toHaveLength(1 + 34 + 3321);
    expect(units[0]).toMatchObject({ code: 'VN', level: 'country', parent_code: '', name_vi: 'Cả nước' });
    expect(units.every((u) => u.valid_from === '2025-07-01' && u.valid_to === '')).toBe(true);
    expect(units.find((u) => u.code === '00070')).toMatchObject({ level: 'commune', parent_code: '01', name_vi: 'Phường Hoàn Kiếm' });
    expect(units.filter((u) => u.level === 'province').every((u) => u.parent_code === 'VN')).toBe(true);
    const agencies = nationalAgencyRows(units);
    expect(agencies).toHaveLength(34 * 7 + 3321 * 3);
    expect(agencies.find((a) => a.code === '04-TTPV')?.name_vi).toBe('Trung tâm Phục vụ hành chính công tỉnh Cao Bằng');
    expect(agencies.find((a) => a.code === '00070-TYT')).toMatchObject({ name_vi: 'Trạm Y tế phường Hoàn Kiếm', sector: 'y-te', has_procedures: false });
  });

  it('a small folder: 3 provinces, 40 communes split by size (Hà Nội 126, Khánh Hòa 65, TP HCM 168 → 14, 7, 19), the same for the same seed', () => {
    const pick = (seed: number) => selectUnits(reference, { provinceCodes: ['01', '56', '79'], communeCount: 40, seed });
    const { provinces, communes } = pick(1);
    expect(provinces.map((p) => p.code)).toEqual(['01', '56', '79']);
    // Hamilton: 40 × (126, 65, 168) / 359 = 14.04, 7.24, 18.72 → 14, 7, 18, and the leftover 1 to 18.72.
    const count = (code: string) => communes.filter((c) => c.provinceCode === code).length;
    expect([count('01'), count('56'), count('79')]).toEqual([14, 7, 19]);
    expect(pick(1).communes).toEqual(communes);
    expect(pick(2).communes).not.toEqual(communes);
    expect(() => selectUnits(reference, { provinceCodes: ['58'], seed: 1 })).toThrow(/58 is not among the 34 province codes/);
    expect(() => selectUnits(reference, { provinceCodes: ['01', '56'], communeCount: 3, seed: 1 })).toThrow(/at least 2 communes per province/);
  });
});
