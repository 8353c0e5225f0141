import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { loadPlans, normalisePlan, periodRange, type PlanContext } from '../../src/intake/load-plans.ts';
import { fixtureData, FIXTURE_DATA } from './fixture.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const raw = (): Json => JSON.parse(readFileSync(join(FIXTURE_DATA, 'plans/kh-test.json'), 'utf8')) as Json;
let context: PlanContext;

beforeAll(async () => {
  const { registers, instrument } = await fixtureData();
  context = { registers, surveys: [instrument] };
});

function refusal(change: (o: Json) => void): string {
  const o = raw();
  change(o);
  try {
    normalisePlan(o, 'kh-test.json', context, () => {});
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).format();
  }
  throw new Error('expected a refusal');
}

describe('loadPlans', () => {
  it('reads the plans folder', async () => {
    const plans = await loadPlans(FIXTURE_DATA, context, () => {});
    expect(plans.map((p) => [p.id, p.targets.map((t) => t.id)])).toEqual([['kh-test', ['overall', 'fields', 'rank']]]);
    expect(plans[0]?.source.url).toBeNull();
  });

  it('checks what each target refers to', () => {
    expect(refusal((o) => (o.targets[0].survey = 'y-te'))).toBe(
      'kh-test.json, field targets[0].survey: survey "y-te" does not exist; known: mini.\n  How to fix: use the id of a folder under surveys/.',
    );
    expect(refusal((o) => (o.targets[0].indicator = 'PA'))).toBe(
      'kh-test.json, field targets[0].indicator: "PA" is not an indicator of survey mini.\n  How to fix: use overall, coverage, rank, or an element or item code of the survey (e.g. TC or TC1).',
    );
    expect(refusal((o) => (o.targets[1].breakdown_values = ['dat-dai', 'nong-nghiep']))).toBe(
      'kh-test.json, field targets[1].breakdown_values[1]: "nong-nghiep" is not a known field code.\n  How to fix: use a code from fields.csv.',
    );
    expect(refusal((o) => (o.targets[0].period = '2026'))).toBe(
      'kh-test.json, field targets[0].unit_code: unit 585 does not exist during 2026.\n  How to fix: check the unit code and the period.',
    );
    expect(refusal((o) => (o.targets[0].period = '2024-Q5'))).toBe(
      'kh-test.json, field targets[0].period: "2024-Q5" is not a period.\n  How to fix: write a year (2024), a quarter (2024-Q1) or a month (2024-03).',
    );
  });

  it('checks thresholds and comparators against the indicator', () => {
    expect(refusal((o) => (o.targets[0].threshold = 190))).toBe(
      'kh-test.json, field targets[0].threshold: must be between 0 and 100, found 190.\n  How to fix: correct the value.',
    );
    expect(refusal((o) => (o.targets[2].comparator = '>='))).toBe(
      'kh-test.json, field targets[2].comparator: must be "<=" for a rank target (rank at most k), found ">=".\n  How to fix: write "<=" and put k in threshold.',
    );
    expect(refusal((o) => (o.targets[2].id = 'overall'))).toBe(
      'kh-test.json, field targets[2].id: "overall" is already the id of another target.\n  How to fix: give each target its own id.',
    );
  });
});

describe('periodRange', () => {
  it('gives the first and last day of years, quarters and months', () => {
    expect(periodRange('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(periodRange('2024-Q2')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(periodRange('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2024-13')).toBeNull();
  });
});
