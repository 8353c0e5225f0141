/**
 * The registers of a whole-country sample folder, from the national reference lists committed in
 * data/national/: the 34 provinces (provinces-2025.csv, source S34) and their 3,321 commune-level
 * units (communes-2025.csv, S78), all valid from 1/7/2025, with real codes and names. Agencies are a
 * sample register in the shape of the new Khánh Hòa's (data/agencies.csv): seven province offices
 * per province and, in each commune, a public service centre, a health station and a primary
 * school. Nothing here names a province: every row comes from the two lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { apportion } from './apportion.ts';
import { createPrng } from './prng.ts';

/** The day the 34 provinces and the new commune-level units began (NQ 202/2025/QH15, NQ 60-NQ/TW). */
export const NATIONAL_MAP_START = '2025-07-01';

export interface ReferenceProvince {
  code: string;
  /** As the reference writes it: "Thành phố Hà Nội", "Cao Bằng". */
  name: string;
  sourceId: string;
}

export interface ReferenceCommune {
  code: string;
  name: string;
  kind: 'xa' | 'phuong' | 'dac-khu';
  provinceCode: string;
  sourceId: string;
}

export interface NationalReference {
  provinces: ReferenceProvince[];
  communes: ReferenceCommune[];
  /** Names that held a `<br>` left by the transcription of the source table, now a space. */
  repairedNames: string[];
}

export interface UnitRow {
  code: string;
  name_vi: string;
  name_en: string;
  level: 'country' | 'province' | 'commune';
  parent_code: string;
  valid_from: string;
  valid_to: string;
  source_id: string;
  note: string;
}

export interface AgencyRow {
  code: string;
  name_vi: string;
  name_en: string;
  unit_code: string;
  sector: string;
  has_procedures: boolean;
  valid_from: string;
  valid_to: string;
}

function readCsv(path: string, columns: string[]): Record<string, string>[] {
  if (!existsSync(path)) throw new Error(`${path}: file not found. It is part of the repository (data/national/); restore it with git checkout.`);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const missing = columns.filter((column) => !(parsed.meta.fields ?? []).includes(column));
  if (parsed.errors.length > 0 || missing.length > 0) {
    throw new Error(`${path}: expected a CSV with the columns ${columns.join(', ')}${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}.`);
  }
  return parsed.data;
}

/**
 * The transcription of CV 1027/CTK-CSCL kept 19 line breaks of the source's table cells as `<br>`
 * ("Xã<br>Nậm Nèn", "Phường Gò<br>Vấp"); a name is one line, so each becomes a space.
 */
export function repairName(name: string): string {
  return name.replace(/\s*<br\s*\/?>\s*/gi, ' ').replace(/\s+/g, ' ').trim();
}

const KINDS = new Set(['xa', 'phuong', 'dac-khu']);

export function readNationalReference(nationalDir: string): NationalReference {
  const provinces = readCsv(join(nationalDir, 'provinces-2025.csv'), ['province_code', 'province_name', 'source_id']).map((r) => ({
    code: r.province_code ?? '',
    name: r.province_name ?? '',
    sourceId: r.source_id ?? '',
  }));
  const repairedNames: string[] = [];
  const communes = readCsv(join(nationalDir, 'communes-2025.csv'), ['commune_code', 'commune_name', 'kind', 'province_code', 'source_id']).map(
    (r, index): ReferenceCommune => {
      const kind = r.kind ?? '';
      if (!KINDS.has(kind)) throw new Error(`${join(nationalDir, 'communes-2025.csv')}, line ${index + 2}: kind "${kind}" is not one of xa, phuong, dac-khu.`);
      const name = repairName(r.commune_name ?? '');
      if (name !== r.commune_name) repairedNames.push(name);
      return { code: r.commune_code ?? '', name, kind: kind as ReferenceCommune['kind'], provinceCode: r.province_code ?? '', sourceId: r.source_id ?? '' };
    },
  );
  const known = new Set(provinces.map((p) => p.code));
  const orphan = communes.find((c) => !known.has(c.provinceCode));
  if (orphan) throw new Error(`communes-2025.csv: commune ${orphan.code} names province ${orphan.provinceCode}, which provinces-2025.csv does not list.`);
  return { provinces, communes, repairedNames };
}

/**
 * The provinces and communes a folder is made of: every one, or `provinceCodes` only, and then
 * at most `communeCount` communes in all, split over the chosen provinces in proportion to their
 * size and picked by a seeded shuffle (so a small folder still mixes wards, communes and sizes).
 */
export function selectUnits(
  reference: NationalReference,
  options: { provinceCodes?: string[]; communeCount?: number; seed: number },
): { provinces: ReferenceProvince[]; communes: ReferenceCommune[] } {
  const wanted = options.provinceCodes;
  const unknown = (wanted ?? []).filter((code) => !reference.provinces.some((p) => p.code === code));
  if (unknown.length > 0) {
    throw new Error(`--provinces: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the 34 province codes (${reference.provinces.map((p) => p.code).join(', ')}).`);
  }
  const provinces = wanted ? reference.provinces.filter((p) => wanted.includes(p.code)) : reference.provinces;
  const byProvince = provinces.map((province) => reference.communes.filter((c) => c.provinceCode === province.code));
  const total = byProvince.reduce((sum, list) => sum + list.length, 0);
  const count = options.communeCount === undefined ? total : Math.min(options.communeCount, total);
  if (count < provinces.length * 2) {
    throw new Error(`--communes ${options.communeCount}: give at least 2 communes per province (${provinces.length * 2}), so each province has a ranking.`);
  }
  const quotas = count === total ? byProvince.map((list) => list.length) : apportion(count, byProvince.map((list) => list.length));
  const communes = byProvince.flatMap((list, index) => {
    const take = Math.max(2, quotas[index] ?? 0);
    if (take >= list.length) return list;
    const order = list.map((commune) => ({ commune, key: createPrng(`${options.seed}|pick|${commune.code}`).next() }));
    return order
      .sort((a, b) => a.key - b.key)
      .slice(0, take)
      .map((entry) => entry.commune)
      .sort((a, b) => a.code.localeCompare(b.code));
  });
  return { provinces, communes };
}

/** "Thành phố Hà Nội" stays; "Cao Bằng" becomes "Tỉnh Cao Bằng". */
export function provinceNameVi(name: string): string {
  return name.startsWith('Thành phố ') ? name : `Tỉnh ${name}`;
}

/** "Thành phố Hà Nội" → "Hà Nội City"; "Cao Bằng" → "Cao Bằng Province". */
export function provinceNameEn(name: string): string {
  return name.startsWith('Thành phố ') ? `${name.slice('Thành phố '.length)} City` : `${name} Province`;
}

const COMMUNE_KIND: Record<ReferenceCommune['kind'], { vi: string; en: string }> = {
  xa: { vi: 'Xã', en: 'Commune' },
  phuong: { vi: 'Phường', en: 'Ward' },
  'dac-khu': { vi: 'Đặc khu', en: 'Special Zone' },
};

/** The name without its kind word: "Phường Hoàn Kiếm" → "Hoàn Kiếm". */
export function bareCommuneName(commune: ReferenceCommune): string {
  const prefix = `${COMMUNE_KIND[commune.kind].vi} `;
  return commune.name.startsWith(prefix) ? commune.name.slice(prefix.length) : commune.name;
}

export function communeNameEn(commune: ReferenceCommune): string {
  return `${bareCommuneName(commune)} ${COMMUNE_KIND[commune.kind].en}`;
}

/** The whole country as a unit: the provinces' parent, whose pooled index centres their funnel. */
export const COUNTRY_CODE = 'VN';

export function nationalUnitRows(selection: { provinces: ReferenceProvince[]; communes: ReferenceCommune[] }): UnitRow[] {
  const country: UnitRow = {
    code: COUNTRY_CODE,
    name_vi: 'Cả nước',
    name_en: 'Viet Nam',
    level: 'country',
    parent_code: '',
    valid_from: NATIONAL_MAP_START,
    valid_to: '',
    source_id: 'S34',
    note: 'The whole country as the parent of its provinces (the map of 34 provinces from 2025-07-01), so its index pools every response.',
  };
  const provinceRows = selection.provinces.map(
    (p): UnitRow => ({
      code: p.code,
      name_vi: provinceNameVi(p.name),
      name_en: provinceNameEn(p.name),
      level: 'province',
      parent_code: COUNTRY_CODE,
      valid_from: NATIONAL_MAP_START,
      valid_to: '',
      source_id: p.sourceId,
      note: 'One of the 34 provinces from 2025-07-01 (NQ 202/2025/QH15); code from CV 915/CTK-CSCL.',
    }),
  );
  const communeRows = selection.communes.map(
    (c): UnitRow => ({
      code: c.code,
      name_vi: c.name,
      name_en: communeNameEn(c),
      level: 'commune',
      parent_code: c.provinceCode,
      valid_from: NATIONAL_MAP_START,
      valid_to: '',
      source_id: c.sourceId,
      note: 'Commune-level unit from 2025-07-01; code and name from CV 1027/CTK-CSCL, Phụ lục I.',
    }),
  );
  return [country, ...provinceRows, ...communeRows];
}

/** The offices of a province, in the roles src/sample/agency-roles.ts reads from the code suffix. */
const PROVINCE_OFFICES: { suffix: string; vi: string; en: string }[] = [
  { suffix: 'TTPV', vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administrative Service Centre' },
  { suffix: 'VPDK', vi: 'Văn phòng Đăng ký đất đai', en: 'Land Registration Office' },
  { suffix: 'SNNMT', vi: 'Sở Nông nghiệp và Môi trường', en: 'Department of Agriculture and Environment' },
  { suffix: 'SXD', vi: 'Sở Xây dựng', en: 'Department of Construction' },
  { suffix: 'STC', vi: 'Sở Tài chính', en: 'Department of Finance' },
  { suffix: 'STP', vi: 'Sở Tư pháp', en: 'Department of Justice' },
  { suffix: 'SNV', vi: 'Sở Nội vụ', en: 'Department of Home Affairs' },
];

const COMMUNE_OFFICES: { suffix: string; vi: string; en: string; sector: string; procedures: boolean }[] = [
  { suffix: 'TTPV', vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administrative Service Centre', sector: 'hanh-chinh', procedures: true },
  { suffix: 'TYT', vi: 'Trạm Y tế', en: 'Health Station', sector: 'y-te', procedures: false },
  { suffix: 'TH', vi: 'Trường Tiểu học', en: 'Primary School', sector: 'giao-duc', procedures: false },
];

/** "Tỉnh Cao Bằng" → "tỉnh Cao Bằng", as it reads inside an office's name. */
const inName = (unitName: string): string => unitName.charAt(0).toLowerCase() + unitName.slice(1);

export function nationalAgencyRows(units: readonly UnitRow[]): AgencyRow[] {
  return units.flatMap((unit) =>
    unit.level === 'country'
      ? []
      : unit.level === 'province'
      ? PROVINCE_OFFICES.map((office) => ({
          code: `${unit.code}-${office.suffix}`,
          name_vi: `${office.vi} ${inName(unit.name_vi)}`,
          name_en: `${office.en}, ${unit.name_en}`,
          unit_code: unit.code,
          sector: 'hanh-chinh',
          has_procedures: true,
          valid_from: NATIONAL_MAP_START,
          valid_to: '',
        }))
      : COMMUNE_OFFICES.map((office) => ({
          code: `${unit.code}-${office.suffix}`,
          name_vi: `${office.vi} ${inName(unit.name_vi)}`,
          name_en: `${office.en}, ${unit.name_en}`,
          unit_code: unit.code,
          sector: office.sector,
          has_procedures: office.procedures,
          valid_from: NATIONAL_MAP_START,
          valid_to: '',
        })),
  );
}
