import { describe, expect, it } from 'vitest';
import { districtLookup, groupedIndex, normaliseAnswer, normaliseDate, type CheckedResponse } from '../../src/sample/quick-indices.ts';

const respondent = (answers: number[]): CheckedResponse => ({
  year: 2024,
  date: '2024-01-02',
  unitCode: '585',
  district: '585',
  agency: '',
  field: '',
  channel: '',
  respondentType: '',
  answers: Int8Array.from(answers),
});

describe('groupedIndex', () => {
  it('matches the hand-computed index and Taylor standard error', () => {
    // Element E1 = items 0, 1; element E2 = item 2; 0 = not answered.
    // r1 (5, 4, 2), r2 (3, –, 4), r3 (4, 2, –).
    // p0 = 2/3 (5 and 4 of 3), p1 = 1/2 (4 of 4, 2), p2 = 1/2 (4 of 2, 4).
    // E1 = (2/3 + 1/2) / 2 = 7/12, E2 = 1/2, overall = (7/12 + 6/12) / 2 = 13/24 = 54.1667 %.
    // Weights w0 = w1 = 1/4, w2 = 1/2; z_r = Σ w_c (y_rc − p_c a_rc) / N_c:
    // z1 = (1/3)/3/4 + (1/2)/2/4 − (1/2)/2/2 = 1/36 + 1/16 − 1/8 = −5/144
    // z2 = −(2/3)/3/4 + (1/2)/2/2 = −1/18 + 1/8 = 10/144
    // z3 = (1/3)/3/4 − (1/2)/2/4 = 1/36 − 1/16 = −5/144
    // Var = 3/2 · (25 + 100 + 25) / 144² = 225 / 144², SE = 15/144 = 10.4167 points.
    const rows = [respondent([5, 4, 2]), respondent([3, 0, 4]), respondent([4, 2, 0])];
    const estimate = groupedIndex(rows, [[0, 1], [2]]);
    expect(estimate.n).toBe(3);
    expect(estimate.value).toBeCloseTo((100 * 13) / 24, 10);
    expect(estimate.se).toBeCloseTo((100 * 15) / 144, 10);
  });

  it('skips elements without answers and counts only respondents who answered', () => {
    // Only element E1 has data: index = (p0 + p1) / 2 = (1 + 0) / 2 = 50 %.
    const rows = [respondent([5, 2, 0]), respondent([0, 0, 0])];
    const estimate = groupedIndex(rows, [[0, 1], [2]]);
    expect(estimate.n).toBe(1);
    expect(estimate.value).toBe(50);
  });
});

describe('normaliseDate and normaliseAnswer', () => {
  it('accept the loose forms and refuse impossible values', () => {
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseDate('29/02/2024')).toBe('2024-02-29');
    expect(normaliseDate('29/02/2023')).toBeNull();
    expect(normaliseDate('31/02/2024')).toBeNull();
    expect(normaliseDate('2024-13-01')).toBeNull();
    expect(normaliseAnswer('4.0')).toBe(4);
    expect(normaliseAnswer(' 5 ')).toBe(5);
    expect(normaliseAnswer('')).toBe(0);
    expect(normaliseAnswer('4.5')).toBeNull();
    expect(normaliseAnswer('6')).toBeNull();
    expect(normaliseAnswer('0')).toBeNull();
  });
});

describe('districtLookup', () => {
  const unit = (code: string, level: 'province' | 'district' | 'commune', parent_code: string | null, valid_from: string, valid_to: string | null) =>
    ({ code, name_vi: code, name_en: code, level, parent_code, valid_from, valid_to });
  const lookup = districtLookup([
    unit('58', 'province', null, '2020-01-01', '2025-06-30'),
    unit('585', 'district', '58', '2020-01-01', '2025-06-30'),
    unit('22816', 'commune', '585', '2020-01-01', '2025-06-30'),
    unit('22810', 'commune', '585', '2020-01-01', '2025-06-30'),
    unit('56', 'province', null, '2025-07-01', null),
    unit('22810', 'commune', '56', '2025-07-01', null),
  ]);

  it('gives the district before 2025-07-01 and the province after, by the version valid on the date', () => {
    expect(lookup('22810', '2025-06-30')).toBe('585');
    expect(lookup('22810', '2025-07-01')).toBe('56');
    expect(lookup('585', '2024-03-01')).toBe('585');
    // The province offices' rows are coded at the province itself.
    expect(lookup('56', '2026-03-01')).toBe('56');
  });

  it('finds no area for a code that has no version on the date', () => {
    expect(lookup('22816', '2026-03-01')).toBeNull();
    expect(lookup('56', '2025-06-30')).toBeNull();
  });
});
