/**
 * Calendar dates as the files write them. Everything downstream uses ISO `YYYY-MM-DD`, which
 * also sorts and compares correctly as plain text. Besides ISO, `DD/MM/YYYY` and `D/M/YYYY` are
 * read, the Vietnamese spreadsheet habit (day first, never month first).
 */

export type DateReading = { iso: string } | { problem: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Reads `text` (already trimmed) as a date; says what is wrong when it is not one. */
export function readDate(text: string): DateReading {
  const iso = ISO.exec(text);
  const dayFirst = iso ? null : DAY_FIRST.exec(text);
  if (!iso && !dayFirst) {
    const hint = /^\d{5}$/.test(text) ? ' (a spreadsheet date serial number: format the column as text dates)' : '';
    return { problem: `'${text}' is not a date in the form YYYY-MM-DD or DD/MM/YYYY${hint}` };
  }
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(dayFirst?.[3]), Number(dayFirst?.[2]), Number(dayFirst?.[1])];
  if (month < 1 || month > 12) return { problem: `'${text}' has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) return { problem: `'${text}' does not exist (month ${month} of ${year} has ${daysInMonth(year, month)} days)` };
  return { iso: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` };
}

/** The ISO form of a valid ISO date, or null: for fields that must already be ISO. */
export function readIsoDate(text: string): string | null {
  if (!ISO.test(text)) return null;
  const reading = readDate(text);
  return 'iso' in reading ? reading.iso : null;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2025-06-30` → `2025-07-01`: the day after an ISO date (the day a successor unit starts). */
export function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** `2020-01-01…2025-06-30`, or `from 2025-07-01` when still valid. */
export function validityText(from: string, to: string | null): string {
  return to === null ? `from ${from}` : `${from}…${to}`;
}
