/**
 * Period labels of the published tables (`2024`, `2024-Q1`, `2024-03`): their kind, first and
 * last day, and the period of the same kind just before (2024-Q1 follows 2023-Q4).
 */
export type PeriodKind = 'year' | 'quarter' | 'month';

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or month 1–12; 0 for a year. */
  part: number;
}

function parsePeriod(period: string): ParsedPeriod {
  const year = YEAR.exec(period);
  if (year) return { kind: 'year', year: Number(year[1]), part: 0 };
  const quarter = QUARTER.exec(period);
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), part: Number(quarter[2]) };
  const month = MONTH.exec(period);
  if (month) return { kind: 'month', year: Number(month[1]), part: Number(month[2]) };
  throw new Error(`invalid period "${period}": write a year (2024), a quarter (2024-Q1) or a month (2024-03)`);
}

export function periodKind(period: string): PeriodKind {
  return parsePeriod(period).kind;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of the period, ISO `YYYY-MM-DD`, both inclusive. */
export function periodBounds(period: string): { start: string; end: string } {
  const { kind, year, part } = parsePeriod(period);
  const y = pad(year, 4);
  if (kind === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
  const firstMonth = kind === 'quarter' ? 3 * part - 2 : part;
  const lastMonth = kind === 'quarter' ? 3 * part : part;
  return {
    start: `${y}-${pad(firstMonth, 2)}-01`,
    end: `${y}-${pad(lastMonth, 2)}-${pad(lastDayOfMonth(year, lastMonth), 2)}`,
  };
}

/** The period of the same kind just before: 2024 → 2023, 2024-Q1 → 2023-Q4, 2024-01 → 2023-12. */
export function previousPeriod(period: string): string {
  const { kind, year, part } = parsePeriod(period);
  if (kind === 'year') return pad(year - 1, 4);
  if (kind === 'quarter') return part === 1 ? `${pad(year - 1, 4)}-Q4` : `${pad(year, 4)}-Q${part - 1}`;
  return part === 1 ? `${pad(year - 1, 4)}-12` : `${pad(year, 4)}-${pad(part - 1, 2)}`;
}
