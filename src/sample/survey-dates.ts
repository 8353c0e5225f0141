/**
 * Interview dates. Offices receive citizens Monday to Friday and on Saturday mornings, so dates
 * fall mostly on weekdays; a few Sunday and holiday dates remain (online forms, data-entry dates).
 */
import { cumulate, pickIndex, type Prng } from './prng.ts';

/** Relative interview volume on Sunday…Saturday (getUTCDay order). */
const WEEKDAY_WEIGHT = [0.03, 1, 1, 1, 1, 1, 0.25] as const;

/** Fixed-date public holidays (MM-DD): New Year, Reunification Day, Labour Day, National Day. */
const FIXED_HOLIDAYS = new Set(['01-01', '04-30', '05-01', '09-02']);
const HOLIDAY_WEIGHT = 0.03;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : String(value));

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Draws interview days for one month. Precomputes the weekday weights once per month. */
export class MonthDays {
  readonly year: number;
  readonly month: number;
  readonly isoDays: string[];
  private readonly cumulative: Float64Array;

  constructor(year: number, month: number) {
    this.year = year;
    this.month = month;
    const count = daysInMonth(year, month);
    const weights: number[] = [];
    this.isoDays = [];
    for (let day = 1; day <= count; day++) {
      const iso = isoDate(year, month, day);
      const weekday = WEEKDAY_WEIGHT[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 1;
      weights.push(FIXED_HOLIDAYS.has(iso.slice(5)) ? HOLIDAY_WEIGHT : weekday);
      this.isoDays.push(iso);
    }
    this.cumulative = cumulate(weights);
  }

  /** `count` day indices (0-based) in increasing order, as an export sorted by date would list them. */
  drawSorted(prng: Prng, count: number): Int32Array {
    const days = new Int32Array(count);
    for (let i = 0; i < count; i++) days[i] = pickIndex(prng, this.cumulative);
    return days.sort();
  }
}
