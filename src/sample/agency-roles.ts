/**
 * What an agency does, so that a generated land respondent is served by a land office and not by
 * a school. The role comes from the agency code's suffix (`585-VPDK`, `22810-UBND`, `56-SXD`), which
 * is how data/agencies.csv names them, with the Vietnamese name as a fallback for other registers.
 * The province departments of the new Khánh Hòa (from 2025-07-01) take the roles the district
 * offices had: the 2025 mergers put environment with agriculture (Sở Nông nghiệp và Môi trường),
 * planning and investment with finance (Sở Tài chính), labour with home affairs (Sở Nội vụ).
 */
import type { Agency } from '../intake/types.ts';

export type AgencyRole =
  | 'one-stop'
  | 'land-registry'
  | 'environment'
  | 'construction'
  | 'finance-planning'
  | 'justice'
  | 'labour'
  | 'commune-office'
  | 'health'
  | 'school'
  | 'other';

const ROLE_BY_CODE_SUFFIX: Record<string, AgencyRole> = {
  MC: 'one-stop',
  VPDK: 'land-registry',
  TNMT: 'environment',
  KTHT: 'construction',
  QLDT: 'construction',
  TCKH: 'finance-planning',
  TP: 'justice',
  LDTBXH: 'labour',
  TTYT: 'health',
  // Province offices from 2025-07-01 (unit 56); a commune's own TTPV is a commune office (see below).
  TTPV: 'one-stop',
  SNNMT: 'environment',
  SXD: 'construction',
  STC: 'finance-planning',
  STP: 'justice',
  SNV: 'labour',
};

/** Name fragments (lower case) for registers whose codes do not follow the suffix convention. */
const ROLE_BY_NAME: [string, AgencyRole][] = [
  ['một cửa', 'one-stop'],
  ['phục vụ hành chính công', 'one-stop'],
  ['đăng ký đất đai', 'land-registry'],
  ['tài nguyên', 'environment'],
  ['môi trường', 'environment'],
  ['xây dựng', 'construction'],
  ['hạ tầng', 'construction'],
  ['quản lý đô thị', 'construction'],
  ['tài chính', 'finance-planning'],
  ['tư pháp', 'justice'],
  ['lao động', 'labour'],
  ['nội vụ', 'labour'],
];

/** `communeCodes`: codes of commune-level units, whose administrative offices serve at commune level. */
export function agencyRole(agency: Agency, communeCodes: ReadonlySet<string>): AgencyRole {
  if (agency.sector === 'y-te') return 'health';
  if (agency.sector === 'giao-duc') return 'school';
  if (communeCodes.has(agency.unit_code)) return 'commune-office';
  const suffix = agency.code.split('-').pop()?.toUpperCase() ?? '';
  const bySuffix = ROLE_BY_CODE_SUFFIX[suffix];
  if (bySuffix) return bySuffix;
  const name = agency.name_vi.toLowerCase();
  for (const [fragment, role] of ROLE_BY_NAME) if (name.includes(fragment)) return role;
  return 'other';
}
