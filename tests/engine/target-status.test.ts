/**
 * Plan targets on hand-made cells; every case is worked out in tests/fixtures/engine-d2/README.md
 * ("Targets").
 */
import { describe, expect, it } from 'vitest';
import { buildRegisters } from '../../src/intake/registers.ts';
import { computeTargets, ksNamedByPlans, type TargetRegisters } from '../../src/engine/compute-targets.ts';
import type { CoverageRow, IndexRow, RankingRow, TargetRow } from '../../src/engine/tables.ts';
import type { Comparator, Plan, PlanTarget, SiteConfig } from '../../src/intake/types.ts';
import { ENGINE_SITE } from './engine-site.ts';

const site: SiteConfig = { ...ENGINE_SITE, rank_simulation: { draws: 10000, seed: 1 } };

/** An index cell of unit 585 in 2024; `unit` distinguishes the cases. */
function cell(unit_code: string, value: number | null, ci: [number, number] | null, n = 400, extra: Partial<IndexRow> = {}): IndexRow {
  return {
    survey: 'sipas',
    period: '2024',
    unit_code,
    breakdown: 'all',
    breakdown_value: '*',
    indicator: 'overall',
    level: 'overall',
    n,
    satisfied: null,
    value,
    ci_low: ci ? ci[0] : null,
    ci_high: ci ? ci[1] : null,
    status: value === null ? 'suppressed' : 'ok',
    se: ci ? (ci[1] - ci[0]) / 3.92 : null,
    unit_valid_from: '2020-01-01',
    basis: 'direct',
    ...extra,
  };
}
const field = (value: string): Partial<IndexRow> => ({ breakdown: 'field', breakdown_value: value });

const indices: IndexRow[] = [
  cell('u-met-uncertain', 86.2, [84.1, 88.3]),
  cell('u-met-clear', 88, [86, 90]),
  cell('u-not-met-clear', 80, [78, 82]),
  cell('u-at-threshold', 85, [83, 87]),
  cell('u-low-end-at', 86, [85, 87]),
  cell('u-high-end-at', 84, [83, 85]),
  cell('u-published-85', 84.996, [82.9, 87.1]),
  cell('u-suppressed', null, null, 20),
  cell('u-few-but-ok', 70, [60, 80], 25),
  cell('u-zero', null, null, 0),
  cell('u-no-interval', 90, null),
  cell('585', 87, [85.5, 88.5], 120, field('dat-dai')),
  cell('585', 86, [83, 89], 90, field('xay-dung')),
  cell('585', 84, [82, 86], 60, field('dau-tu')),
  cell('585', 80, [76.5, 83.5], 50, field('dat-dai-2')),
  cell('585', 90, [88, 92], 200, field('dat-dai-3')),
  cell('585', null, null, 12, field('thue')),
];

function target(id: string, unit_code: string, comparator: Comparator, threshold: number, extra: Partial<PlanTarget> = {}): PlanTarget {
  return {
    id,
    label: { vi: id, en: id },
    survey: 'sipas',
    unit_code,
    period: '2024',
    indicator: 'overall',
    breakdown: 'all',
    breakdown_values: [],
    comparator,
    threshold,
    and_following_years: false,
    ...extra,
  };
}
const fields = (...values: string[]): Partial<PlanTarget> => ({ breakdown: 'field', breakdown_values: values });

const plan = (targets: PlanTarget[]): Plan => ({
  id: 'kh-95',
  reference: '95/KH-UBND',
  date: '2024-02-27',
  issuer: { vi: 'x', en: 'x' },
  title: { vi: 'x', en: 'x' },
  unit_code: '585',
  source: { title: { vi: 'x', en: 'x' }, url: null },
  targets,
});

/**
 * Every unit the targets below name, one version each from 2020-01-01 (the cases are told apart by
 * unit code); `u-nowhere` and `587` are in the register but have no cell or row.
 */
const registers: TargetRegisters = buildRegisters(
  [...new Set([...indices.map((c) => c.unit_code), 'u-nowhere', '582', '584', '586', '587', '588', '589'])].map((code) => ({
    code,
    name_vi: code,
    name_en: code,
    level: 'district',
    parent_code: null,
    valid_from: '2020-01-01',
    valid_to: null,
  })),
  [],
  [],
);

const assess = (targets: PlanTarget[], rankings: RankingRow[] = [], coverage: CoverageRow[] = []): TargetRow[] =>
  computeTargets([plan(targets)], indices, rankings, coverage, site, registers);

const one = (t: PlanTarget, rankings: RankingRow[] = [], coverage: CoverageRow[] = []): TargetRow => {
  const rows = assess([t], rankings, coverage);
  expect(rows).toHaveLength(1);
  return rows[0] as TargetRow;
};
const verdict = (row: TargetRow): [string, string | null] => [row.status, row.certainty];

describe('index targets', () => {
  it('met but within the margin: 86.2 [84.1, 88.3] ≥ 85', () => {
    const row = one(target('t', 'u-met-uncertain', '>=', 85));
    expect(verdict(row)).toEqual(['met', 'uncertain']);
    expect(row.gap).toBeCloseTo(1.2, 12);
    expect([row.value, row.ci_low, row.ci_high]).toEqual([86.2, 84.1, 88.3]);
  });

  it('clearly met: 88 [86, 90] ≥ 85; clearly not met: 80 [78, 82] ≥ 85 (gap −5)', () => {
    expect(verdict(one(target('t', 'u-met-clear', '>=', 85)))).toEqual(['met', 'clear']);
    const row = one(target('t', 'u-not-met-clear', '>=', 85));
    expect(verdict(row)).toEqual(['not_met', 'clear']);
    expect(row.gap).toBe(-5);
  });

  it('at exactly the threshold, > is not met and >= is met', () => {
    expect(verdict(one(target('t', 'u-at-threshold', '>', 85)))).toEqual(['not_met', 'uncertain']);
    expect(verdict(one(target('t', 'u-at-threshold', '>=', 85)))).toEqual(['met', 'uncertain']);
    expect(one(target('t', 'u-at-threshold', '>=', 85)).gap).toBe(0);
  });

  it('an interval end on the threshold: clear for >= but not for > (met), the reverse when not met', () => {
    // 86 [85, 87]: ≥ 85 holds at both ends → clear; > 85 fails at 85 → uncertain.
    expect(verdict(one(target('t', 'u-low-end-at', '>=', 85)))).toEqual(['met', 'clear']);
    expect(verdict(one(target('t', 'u-low-end-at', '>', 85)))).toEqual(['met', 'uncertain']);
    // 84 [83, 85]: > 85 fails at both ends → clearly not met; ≥ 85 holds at 85 → uncertain.
    expect(verdict(one(target('t', 'u-high-end-at', '>', 85)))).toEqual(['not_met', 'clear']);
    expect(verdict(one(target('t', 'u-high-end-at', '>=', 85)))).toEqual(['not_met', 'uncertain']);
  });

  it('mirrors for <= and <', () => {
    // 80 [78, 82] ≤ 82 holds at both ends → clear; < 82 fails at 82 → uncertain.
    expect(verdict(one(target('t', 'u-not-met-clear', '<=', 82)))).toEqual(['met', 'clear']);
    expect(verdict(one(target('t', 'u-not-met-clear', '<', 82)))).toEqual(['met', 'uncertain']);
    // 88 [86, 90] ≤ 85 fails everywhere → clearly not met.
    expect(verdict(one(target('t', 'u-met-clear', '<=', 85)))).toEqual(['not_met', 'clear']);
  });

  it('decides on the value as published: 84.996 prints 85.00, so ≥ 85 is met', () => {
    const row = one(target('t', 'u-published-85', '>=', 85));
    expect(verdict(row)).toEqual(['met', 'uncertain']);
    expect(row.gap).toBeCloseTo(-0.004, 12);
  });

  it('too few responses when suppressed or n < min_n_publish; no data when missing or n = 0', () => {
    for (const unit of ['u-suppressed', 'u-few-but-ok']) {
      const row = one(target('t', unit, '>=', 85));
      expect([row.status, row.certainty, row.value, row.gap]).toEqual(['too_few', null, null, null]);
    }
    for (const unit of ['u-zero', 'u-nowhere']) {
      const row = one(target('t', unit, '>=', 85));
      expect([row.status, row.certainty, row.value, row.ci_low]).toEqual(['no_data', null, null, null]);
    }
  });

  it('cannot call a value without an interval clear', () => {
    expect(verdict(one(target('t', 'u-no-interval', '>=', 85)))).toEqual(['met', 'uncertain']);
  });
});

describe('targets naming several fields', () => {
  it('gives one row per field and an "all of them" row with the lowest value', () => {
    const rows = assess([target('fields', '585', '>=', 85, fields('dat-dai', 'xay-dung', 'dau-tu'))]);
    expect(rows.map((r) => [r.target, r.breakdown, r.breakdown_value, r.status, r.certainty, r.value])).toEqual([
      ['fields:dat-dai', 'field', 'dat-dai', 'met', 'clear', 87],
      ['fields:xay-dung', 'field', 'xay-dung', 'met', 'uncertain', 86],
      ['fields:dau-tu', 'field', 'dau-tu', 'not_met', 'uncertain', 84],
      ['fields:all', 'field', 'dat-dai+xay-dung+dau-tu', 'not_met', 'uncertain', 84],
    ]);
    const all = rows[3];
    expect([all?.gap, all?.ci_low, all?.ci_high]).toEqual([-1, null, null]);
  });

  it('is met only when each is, clear only when each is clear', () => {
    const met = assess([target('f', '585', '>=', 85, fields('dat-dai', 'xay-dung'))]).at(-1);
    expect([met?.status, met?.certainty, met?.value]).toEqual(['met', 'uncertain', 86]);
    const clear = assess([target('f', '585', '>=', 85, fields('dat-dai', 'dat-dai-3'))]).at(-1);
    expect([clear?.status, clear?.certainty, clear?.value, clear?.gap]).toEqual(['met', 'clear', 87, 2]);
  });

  it('keeps a single named field as one row under the target id', () => {
    const rows = assess([target('f', '585', '>=', 85, fields('dat-dai'))]);
    expect(rows.map((r) => [r.target, r.breakdown_value, r.status])).toEqual([['f', 'dat-dai', 'met']]);
  });

  it('is clearly not met when one field is clearly not met', () => {
    // dat-dai-2: 80 [76.5, 83.5] is wholly below 85.
    const all = assess([target('f', '585', '>=', 85, fields('dat-dai', 'dat-dai-2'))]).at(-1);
    expect([all?.target, all?.status, all?.certainty, all?.value]).toEqual(['f:all', 'not_met', 'clear', 80]);
  });

  it('is too few / no data when a field lacks data and none fails', () => {
    const tooFew = assess([target('f', '585', '>=', 85, fields('dat-dai', 'thue'))]).at(-1);
    expect([tooFew?.status, tooFew?.certainty, tooFew?.value]).toEqual(['too_few', null, null]);
    const noData = assess([target('f', '585', '>=', 85, fields('dat-dai', 'dau-tu-nuoc-ngoai'))]).at(-1);
    expect([noData?.status, noData?.certainty]).toEqual(['no_data', null]);
    // A clear failure decides even when another field has no data.
    const failing = assess([target('f', '585', '>=', 85, fields('dat-dai-2', 'thue'))]).at(-1);
    expect([failing?.status, failing?.certainty, failing?.value]).toEqual(['not_met', 'clear', 80]);
  });
});

describe('coverage targets', () => {
  const coverage: CoverageRow[] = [
    { survey: 'sipas', period: '2024', unit_code: '585', agencies_registered: 13, agencies_measured: 12, coverage: (100 * 12) / 13, unit_valid_from: '2020-01-01' },
    { survey: 'sipas', period: '2024', unit_code: '586', agencies_registered: 0, agencies_measured: 0, coverage: null, unit_valid_from: '2020-01-01' },
  ];
  it('compares the share of agencies measured, with no certainty', () => {
    // 12 / 13 = 92.31 % ≥ 90: met, gap 2.31.
    const row = one(target('cov', '585', '>=', 90, { indicator: 'coverage' }), [], coverage);
    expect([row.status, row.certainty, row.ci_low, row.ci_high]).toEqual(['met', null, null, null]);
    expect(row.gap).toBeCloseTo(1200 / 13 - 90, 12);
    expect(one(target('cov', '585', '>=', 95, { indicator: 'coverage' }), [], coverage).status).toBe('not_met');
  });
  it('has no data without registered agencies or without a row', () => {
    expect(one(target('cov', '586', '>=', 90, { indicator: 'coverage' }), [], coverage).status).toBe('no_data');
    expect(one(target('cov', '587', '>=', 90, { indicator: 'coverage' }), [], coverage).status).toBe('no_data');
  });
});

describe('rank targets (top k)', () => {
  function ranking(unit_code: string, rank: number | null, p_top_k: number | null, n = 500, k = 3): RankingRow {
    return {
      survey: 'sipas',
      period: '2024',
      unit_level: 'district',
      unit_code,
      value: 88,
      ci_low: 86,
      ci_high: 90,
      n,
      rank,
      rank_low: rank === null ? null : Math.max(1, rank - 1),
      rank_high: rank === null ? null : rank + 1,
      p_first: rank === null ? null : 0.1,
      k,
      p_top_k,
      status: rank === null ? 'not_ranked' : 'ranked',
      unit_valid_from: '2020-01-01',
      basis: 'direct',
      parent_code: '58',
    };
  }
  const rankings: RankingRow[] = [
    ranking('582', 2, 0.97),
    ranking('584', 3, 0.6),
    ranking('585', 5, 0.03),
    ranking('586', 4, 0.2),
    ranking('587', null, null, 80),
    ranking('588', null, null, 0),
    ranking('589', 3, 0.9499),
  ];
  const top3 = (unit: string): PlanTarget => target('rank', unit, '<=', 3, { indicator: 'rank' });

  it('is clear when P(top k) ≥ 0.95 (met) or ≤ 0.05 (not met)', () => {
    const rows = ['582', '584', '585', '586'].map((u) => one(top3(u), rankings));
    expect(rows.map((r) => [r.status, r.certainty, r.value, r.ci_low, r.ci_high, r.gap])).toEqual([
      ['met', 'clear', 2, 1, 3, -1],
      ['met', 'uncertain', 3, 2, 4, 0],
      ['not_met', 'clear', 5, 4, 6, 2],
      ['not_met', 'uncertain', 4, 3, 5, 1],
    ]);
  });

  it('reads P(top k) as published: 0.9499 prints 0.950, so clear', () => {
    expect(verdict(one(top3('589'), rankings))).toEqual(['met', 'clear']);
  });

  it('is too few when not ranked, no data without respondents or rows', () => {
    expect(one(top3('587'), rankings).status).toBe('too_few');
    expect(one(top3('588'), rankings).status).toBe('no_data');
    expect(one(top3('582'), []).status).toBe('no_data');
  });

  it('keeps the comparator as written: rank < 3 is top 2, gap = rank − 3', () => {
    const top2 = [ranking('582', 2, 0.8, 500, 2), ranking('584', 3, 0.3, 500, 2)];
    const rows = ['582', '584'].map((u) => one(target('r', u, '<', 3, { indicator: 'rank' }), top2));
    expect(rows.map((r) => [r.status, r.certainty, r.gap])).toEqual([
      ['met', 'uncertain', -1],
      ['not_met', 'uncertain', 0],
    ]);
  });

  it('refuses rankings computed without the k a target names', () => {
    expect(() => one(target('rank', '582', '<=', 2, { indicator: 'rank' }), rankings)).toThrow(/without k = 2/);
  });

  it('names the ks that computeRankings needs', () => {
    const plans = [
      plan([top3('582'), target('r2', '582', '<', 3, { indicator: 'rank' }), target('o', '585', '>=', 85)]),
      plan([top3('584')]),
    ];
    expect(ksNamedByPlans(plans)).toEqual([2, 3]);
    expect(() => ksNamedByPlans([plan([target('bad', '582', '>=', 3, { indicator: 'rank' })])])).toThrow(
      /rank target needs comparator "<="/,
    );
  });
});
