/**
 * Fixtures of the small-multiples charts (unit-trends-chart.ts, rank-history-chart.ts): three
 * Ninh Thuận districts and the province over 2021–2025, invented numbers. Cases covered:
 * - a method break (2023 is the first year of the new instrument): no line across it,
 * - a part year (2025: the districts existed January–June), starred on the axis,
 * - a suppressed year (Bác Ái 2021, n = 12): no dot, named in the notes,
 * - a year not ranked (Bác Ái 2021) and a tie in rank (2024: Ninh Sơn and Bác Ái both 2).
 * Intervals are value ± half-width.
 */
import type { IndexRow, RankingRow } from '../../src/engine/tables.ts';
import { DISTRICT_NAMES, index } from './fixtures.ts';

export const PANEL_UNITS = ['582', '584', '585'] as const;
export const PANEL_YEARS = ['2021', '2022', '2023', '2024', '2025'];
export const PANEL_BREAKS = ['2023'];
export const PANEL_PART_YEARS = [{ period: '2025', months: [1, 6] as [number, number] }];


const VALUES: Record<string, (number | null)[]> = {
  '582': [86.9, 89.5, 90.2, 92.8, 93.2],
  '584': [null, 81.8, 82.7, 84.8, 85.3],
  '585': [82.2, 85.6, 87.9, 84.9, 92.0],
};

export const PANEL_TRENDS: Record<string, IndexRow[]> = Object.fromEntries(
  PANEL_UNITS.map((code) => [code, PANEL_YEARS.map((year, i) => index(code, year, VALUES[code]![i]!, 2.5, VALUES[code]![i] === null ? 12 : 800 + i))]),
);
export const PANEL_PROVINCE: IndexRow[] = PANEL_YEARS.map((year, i) => index('58', year, [83.0, 85.6, 87.7, 89.8, 90.6][i]!, 0.8, 5600 + i));

function rank(unit_code: string, period: string, r: [number, number, number] | null, n: number): RankingRow {
  return {
    survey: 'sipas',
    period,
    unit_level: 'district',
    unit_code,
    value: r ? 80 + (4 - r[0]) : null,
    ci_low: null,
    ci_high: null,
    n,
    rank: r ? r[0] : null,
    rank_low: r ? r[1] : null,
    rank_high: r ? r[2] : null,
    p_first: r ? (r[0] === 1 ? 0.9 : 0.05) : null,
    k: r ? 3 : null,
    p_top_k: r ? 1 : null,
    status: r ? 'ranked' : 'not_ranked',
    unit_valid_from: '2020-01-01',
    basis: 'direct',
    parent_code: '58',
  };
}

const RANKS: Record<string, ([number, number, number] | null)[]> = {
  '582': [[1, 1, 1], [1, 1, 2], [1, 1, 2], [1, 1, 1], [1, 1, 2]],
  '584': [null, [3, 2, 3], [3, 2, 3], [2, 2, 3], [3, 2, 3]],
  '585': [[2, 1, 2], [2, 1, 3], [2, 1, 3], [2, 2, 3], [2, 1, 3]],
};

export const PANEL_RANKS: Record<string, RankingRow[]> = Object.fromEntries(
  PANEL_UNITS.map((code) => [code, PANEL_YEARS.map((year, i) => rank(code, year, RANKS[code]![i]!, RANKS[code]![i] ? 800 : 80))]),
);

export const panelLabel = (code: string, lang: 'vi' | 'en'): string => DISTRICT_NAMES[code]![lang];
