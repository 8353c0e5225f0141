import { describe, expect, it } from 'vitest';
import type { Agency } from '../../src/intake/types.ts';
import { agencyRole } from '../../src/sample/agency-roles.ts';

const agency = (code: string, name_vi: string, unit_code: string, sector = 'hanh-chinh'): Agency => ({
  code,
  name_vi,
  name_en: '',
  unit_code,
  sector,
  has_procedures: sector === 'hanh-chinh',
  valid_from: '2025-07-01',
  valid_to: null,
});
const communes = new Set(['22810', '22813']);

describe('agencyRole', () => {
  it('gives the province offices of 2025 the roles the district offices had', () => {
    expect(agencyRole(agency('56-TTPV', 'Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa', '56'), communes)).toBe('one-stop');
    expect(agencyRole(agency('56-VPDK', 'Văn phòng Đăng ký đất đai tỉnh Khánh Hòa', '56'), communes)).toBe('land-registry');
    expect(agencyRole(agency('56-SNNMT', 'Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa', '56'), communes)).toBe('environment');
    expect(agencyRole(agency('56-SXD', 'Sở Xây dựng tỉnh Khánh Hòa', '56'), communes)).toBe('construction');
    expect(agencyRole(agency('56-STC', 'Sở Tài chính tỉnh Khánh Hòa', '56'), communes)).toBe('finance-planning');
    expect(agencyRole(agency('56-STP', 'Sở Tư pháp tỉnh Khánh Hòa', '56'), communes)).toBe('justice');
    expect(agencyRole(agency('56-SNV', 'Sở Nội vụ tỉnh Khánh Hòa', '56'), communes)).toBe('labour');
  });

  it('keeps a commune\'s own service centre, health station and school in their commune roles', () => {
    expect(agencyRole(agency('22810-TTPV', 'Trung tâm Phục vụ hành chính công xã Ninh Sơn', '22810'), communes)).toBe('commune-office');
    expect(agencyRole(agency('22810-TYT', 'Trạm Y tế xã Ninh Sơn', '22810', 'y-te'), communes)).toBe('health');
    expect(agencyRole(agency('22810-TH', 'Trường Tiểu học xã Ninh Sơn', '22810', 'giao-duc'), communes)).toBe('school');
  });

  it('falls back on the name when the code has no known suffix', () => {
    expect(agencyRole(agency('X-1', 'Sở Xây dựng', '56'), communes)).toBe('construction');
    expect(agencyRole(agency('X-2', 'Sở Nông nghiệp và Môi trường', '56'), communes)).toBe('environment');
    expect(agencyRole(agency('X-3', 'Sở Nội vụ', '56'), communes)).toBe('labour');
    expect(agencyRole(agency('X-4', 'Trung tâm Phục vụ hành chính công tỉnh', '56'), communes)).toBe('one-stop');
    expect(agencyRole(agency('X-5', 'Văn phòng Ủy ban', '56'), communes)).toBe('other');
  });
});
