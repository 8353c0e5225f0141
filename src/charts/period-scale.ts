/**
 * Survey periods on a continuous axis. Each period kind counts in its own unit, so consecutive
 * periods are always 1 apart and a missing period leaves a visible gap:
 * year → 2024; quarter → 4·year + (q − 1); month → 12·year + (m − 1).
 */
import { MONTHS_EN, parsePeriod, type ParsedPeriod } from '../site/format.ts';
import type { ChartLang } from './chart-result.ts';

export type PeriodKind = ParsedPeriod['kind'];

/** The position of a period on its kind's axis (see the module comment). */
export function periodPosition(period: string): number {
  const parsed = parsePeriod(period);
  if (parsed.kind === 'quarter') return parsed.year * 4 + parsed.quarter - 1;
  if (parsed.kind === 'month') return parsed.year * 12 + parsed.month - 1;
  return parsed.year;
}

/** The one kind shared by all `periods`; a chart cannot mix years with quarters. */
export function periodKindOf(periods: string[]): PeriodKind {
  const kinds = [...new Set(periods.map((p) => parsePeriod(p).kind))];
  if (kinds.length > 1) throw new Error(`period axis: periods of different kinds (${kinds.join(', ')}) in one chart`);
  return kinds[0] ?? 'year';
}

/**
 * Tick label at a position: years as plain digits (2024, never "2,024"); quarters and months on
 * two lines so ticks stay narrow: "Q1\n2024", vi "T3\n2024", en "Mar\n2024".
 */
export function periodTickLabel(position: number, kind: PeriodKind, lang: ChartLang): string {
  if (kind === 'year') return String(position);
  const perYear = kind === 'quarter' ? 4 : 12;
  const year = Math.floor(position / perYear);
  const index = position - year * perYear;
  if (kind === 'quarter') return `Q${index + 1}\n${year}`;
  return lang === 'vi' ? `T${index + 1}\n${year}` : `${MONTHS_EN[index]}\n${year}`;
}

/** Strides that keep ticks on calendar boundaries (every quarter, half year, year …). */
const STRIDES: Record<PeriodKind, number[]> = {
  year: [1, 2, 5, 10, 20],
  quarter: [1, 2, 4, 8, 20],
  month: [1, 2, 3, 6, 12, 24],
};

/** Tick positions from `first` to `last`: every period, or every stride-th when more than `max`. */
export function periodTicks(first: number, last: number, kind: PeriodKind, max = 12): number[] {
  const strides = STRIDES[kind];
  const stride = strides.find((s) => Math.floor(last / s) - Math.ceil(first / s) + 1 <= max) ?? strides[strides.length - 1] ?? 1;
  const ticks: number[] = [];
  for (let p = Math.ceil(first / stride) * stride; p <= last; p += stride) ticks.push(p);
  return ticks;
}
