/**
 * Names of the codes the published tables carry (units, agencies, procedure fields, channels,
 * respondent types), in the page's language. A unit or agency code may have held two names
 * (22759 Phường Kinh Dinh until 30/06/2025, Phường Phan Rang after), so a name is looked up for a
 * period: the version valid at the period's end, else any version valid during it, else the
 * latest version (a code is never shown bare when the register knows it). A published row names
 * its version exactly: pass its unit_valid_from as the "period".
 */
import { periodRange } from '../intake/load-plans.ts';
import type { Registers } from '../intake/registers.ts';
import type { Bilingual } from '../intake/types.ts';
import type { Lang } from './i18n.ts';

interface Dated {
  valid_from: string;
  valid_to: string | null;
}

/**
 * The days of a period (`2024`, `2024-Q1`, `2024-03`) or of one ISO date (`2025-07-01`: a row's
 * unit_valid_from, which names one unit version exactly).
 */
function rangeOf(periodOrDate: string): { from: string; to: string } | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(periodOrDate) ? { from: periodOrDate, to: periodOrDate } : periodRange(periodOrDate);
}

/** Whether a version's validity overlaps the period (`2024`, `2024-Q1`, `2024-03`) or holds the date. */
export function validDuring(version: Dated, period: string): boolean {
  const range = rangeOf(period);
  if (!range) return false;
  return version.valid_from <= range.to && (version.valid_to === null || version.valid_to >= range.from);
}

/** The version to name a code by in `period` (see the module comment); undefined when none. */
export function versionFor<T extends Dated>(versions: readonly T[], period: string | undefined): T | undefined {
  if (versions.length === 0) return undefined;
  const range = period ? rangeOf(period) : null;
  if (range) {
    const atEnd = versions.find((v) => v.valid_from <= range.to && (v.valid_to === null || v.valid_to >= range.to));
    if (atEnd) return atEnd;
    const during = versions.filter((v) => validDuring(v, period as string)).at(-1);
    if (during) return during;
  }
  return versions.at(-1);
}

const nameIn = (named: { name_vi: string; name_en: string }, lang: Lang): string => (lang === 'vi' ? named.name_vi : named.name_en);

/** "Huyện Ninh Sơn" / "Ninh Sơn District"; the code itself when the register does not know it. */
export function unitName(registers: Registers, code: string, lang: Lang, period?: string): string {
  const version = versionFor(registers.unitVersions(code), period);
  return version ? nameIn(version, lang) : code;
}

export function agencyName(registers: Registers, code: string, lang: Lang, period?: string): string {
  const version = versionFor(registers.agencyVersions(code), period);
  return version ? nameIn(version, lang) : code;
}

export const CHANNEL_NAMES: Record<string, Bilingual> = {
  'truc-tiep': { vi: 'Trực tiếp', en: 'In person' },
  'truc-tuyen': { vi: 'Trực tuyến', en: 'Online' },
  'buu-chinh': { vi: 'Qua bưu chính', en: 'By post' },
};

export const RESPONDENT_TYPE_NAMES: Record<string, Bilingual> = {
  'ca-nhan': { vi: 'Cá nhân', en: 'Individuals' },
  'to-chuc': { vi: 'Tổ chức', en: 'Organisations' },
};

/** The name of one value of a breakdown (`field` `dat-dai` → "Đất đai"), for chart rows and tables. */
export function breakdownValueName(registers: Registers, breakdown: string, value: string, lang: Lang, period?: string): string {
  switch (breakdown) {
    case 'field': {
      const field = registers.field(value);
      return field ? nameIn(field, lang) : value;
    }
    case 'channel':
      return CHANNEL_NAMES[value]?.[lang] ?? value;
    case 'respondent_type':
      return RESPONDENT_TYPE_NAMES[value]?.[lang] ?? value;
    case 'agency':
      return agencyName(registers, value, lang, period);
    default:
      return lang === 'vi' ? 'Tất cả' : 'All';
  }
}

/** The Vietnamese words that begin a unit's name and say what kind of unit it is. */
const KIND_WORDS = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Tỉnh', 'Huyện', 'Quận', 'Phường', 'Xã'];

/** A name as it reads inside a Vietnamese sentence: "Tỉnh Khánh Hòa" → "tỉnh Khánh Hòa". */
export function nameInSentence(name: string): string {
  return KIND_WORDS.some((word) => name.startsWith(`${word} `)) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** A name without its kind word: "Tỉnh Khánh Hòa" → "Khánh Hòa"; "Khánh Hòa Province" → "Khánh Hòa". */
export function bareName(name: string): string {
  const word = KIND_WORDS.find((w) => name.startsWith(`${w} `));
  if (word) return name.slice(word.length + 1);
  return name.replace(/ (Province|City|District|Commune|Ward|Township|Special Zone)$/, '');
}
