/**
 * A unit VERSION is a code and the day its validity starts (method.md → Units that change): 22741
 * was Phường Phước Mỹ until 2025-06-30 and is Phường Bảo An, a larger ward, from 2025-07-01. The
 * pages look published rows up by version id, `22741@2025-07-01`, never by code alone.
 */

/** `22741@2025-07-01`. */
export function versionId(code: string, validFrom: string): string {
  return `${code}@${validFrom}`;
}

/** The version id of a published row (indices, rankings, trends, coverage, targets). */
export function rowVersionId(row: { unit_code: string; unit_valid_from: string }): string {
  return versionId(row.unit_code, row.unit_valid_from);
}

/** The version id of a register row or a listing. */
export function unitVersionId(unit: { code: string; valid_from: string }): string {
  return versionId(unit.code, unit.valid_from);
}

/**
 * " (nửa năm: 01/07–31/12)" for a yearly row of a unit version that existed for only part of the
 * year (method.md → Units that change: 2025 is a part year on both sides of 1 July); empty
 * otherwise. `valid_to` comes from the register; rows carry only the start.
 */
export function partYearNote(
  row: { period: string; unit_valid_from: string; basis?: string },
  lang: 'vi' | 'en',
  validTo?: string | null,
): string {
  if (!/^\d{4}$/.test(row.period) || row.basis === 'back-cast') return '';
  const from = row.unit_valid_from > `${row.period}-01-01` ? row.unit_valid_from : null;
  const to = validTo && validTo < `${row.period}-12-31` ? validTo : null;
  if (!from && !to) return '';
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const day = (iso: string) =>
    lang === 'vi' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}` : `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
  const span = `${day(from ?? `${row.period}-01-01`)}–${day(to ?? `${row.period}-12-31`)}`;
  return lang === 'vi' ? ` (một phần năm: ${span})` : ` (part year: ${span})`;
}
