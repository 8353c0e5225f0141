import { describe, expect, it } from 'vitest';
import type { TargetRow } from '../../src/engine/tables.ts';
import type { Plan, PlanTarget } from '../../src/intake/types.ts';
import { bulletDomain, summariseTargets, targetOfRow, type AssessedTarget } from '../../src/site/plan-content.ts';

const row = (over: Partial<TargetRow>): TargetRow => ({
  plan: 'kh', target: 't', survey: 'sipas', unit_code: '585', period: '2024', indicator: 'overall', breakdown: 'all', breakdown_value: '*',
  comparator: '>=', threshold: 85, value: null, ci_low: null, ci_high: null, gap: null, status: 'no_data', certainty: null,
  unit_valid_from: '2020-01-01', successor_units: null, ...over,
});
const target = (id: string): PlanTarget => ({
  id, label: { vi: id, en: id }, survey: 'sipas', unit_code: '585', period: '2024', indicator: 'overall', breakdown: 'all', breakdown_values: [], comparator: '>=', threshold: 85,
  and_following_years: false,
});
const plan = { id: 'kh', targets: [target('overall'), target('fields')] } as unknown as Plan;

describe('targetOfRow', () => {
  it('reads `id`, `id:<value>` and `id:all` back to the plan target and part', () => {
    expect(targetOfRow(plan, row({ target: 'overall' }))).toMatchObject({ target: { id: 'overall' }, part: 'whole' });
    expect(targetOfRow(plan, row({ target: 'fields:dat-dai' }))).toMatchObject({ target: { id: 'fields' }, part: 'value' });
    expect(targetOfRow(plan, row({ target: 'fields:all' }))).toMatchObject({ target: { id: 'fields' }, part: 'all' });
    expect(targetOfRow(plan, row({ target: 'gone' }))).toBeUndefined();
  });
});

describe('summariseTargets', () => {
  const assessed = (r: Partial<TargetRow>, part: AssessedTarget['part']): AssessedTarget => ({ row: row(r), target: target('x'), part, n: null });
  it('counts each plan target once (a split target by its "all" row)', () => {
    const summary = summariseTargets([
      assessed({ status: 'met', certainty: 'clear' }, 'whole'),
      assessed({ status: 'not_met', certainty: 'uncertain' }, 'whole'),
      // The parts of a split target do not count; its "all" row does (met, uncertain).
      assessed({ status: 'met', certainty: 'clear' }, 'value'),
      assessed({ status: 'met', certainty: 'uncertain' }, 'value'),
      assessed({ status: 'met', certainty: 'uncertain' }, 'all'),
      assessed({ status: 'too_few' }, 'whole'),
      assessed({ status: 'met', certainty: null }, 'whole'),
    ]);
    // 5 targets: met = 3 (1st, "all", coverage-like last); uncertain = 2 (2nd, "all"); unassessed = 1.
    expect(summary).toMatchObject({ total: 5, met: 3, uncertain: 2, rows: 7 });
    expect(summary.notMet.map((m) => m.verdict.row.status)).toEqual(['not_met']);
    expect(summary.unassessed.map((a) => a.row.status)).toEqual(['too_few']);
    expect(summary.split.map((a) => a.part)).toEqual(['all']);
  });
});

describe('bulletDomain', () => {
  it('starts 10 points below the lowest number, rounded down to a ten, and ends at 100', () => {
    // lowest of thresholds 85, 90, values 88.2, 81.4, interval bound 78.6 → 78.6 − 10 = 68.6 → 60.
    expect(bulletDomain([row({ threshold: 85, value: 88.2, ci_low: 84 }), row({ threshold: 90, value: 81.4, ci_low: 78.6 })])).toEqual([60, 100]);
  });
  it('never starts above 90 nor below 0', () => {
    expect(bulletDomain([row({ threshold: 100, value: 100 })])).toEqual([90, 100]);
    expect(bulletDomain([row({ threshold: 5, value: 2 })])).toEqual([0, 100]);
    expect(bulletDomain([])).toEqual([0, 100]);
  });
});
