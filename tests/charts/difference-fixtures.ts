/**
 * Bác Ái (584) against Ninh Sơn (585), 2024, as comparisons.csv holds them: the overall index and
 * the five SIPAS elements. Two intervals exclude 0 (TT below, CC above), the rest contain it, and
 * PA has a suppressed cell (no difference). Invented numbers, shaped like the sample data.
 */
import type { ComparisonRow } from '../../src/engine/tables.ts';

const row = (indicator: string, a: number | null, b: number | null, low: number | null, high: number | null): ComparisonRow => {
  const difference = a !== null && b !== null ? a - b : null;
  return {
    survey: 'sipas', period: '2024', unit_a: '584', unit_b: '585', indicator,
    value_a: a, value_b: b, difference, diff_ci_low: low, diff_ci_high: high,
    significant: low === null || high === null ? null : low > 0 || high < 0,
    unit_a_valid_from: '2020-01-01', unit_b_valid_from: '2020-01-01',
  };
};

export const BAC_AI_NINH_SON_2024: ComparisonRow[] = [
  row('overall', 80.12, 83.94, -7.73, 0.11),
  row('TC', 82.5, 84.1, -6.2, 3.0),
  row('TT', 74.3, 83.2, -14.1, -3.7),
  row('CC', 91.6, 85.0, 1.9, 11.3),
  row('KQ', 79.0, 80.2, -6.4, 4.0),
  row('PA', null, 78.4, null, null),
];
