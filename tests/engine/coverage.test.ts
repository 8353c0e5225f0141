/**
 * Coverage of agencies on a hand-made register; the counts are worked out in
 * tests/fixtures/engine-d2/README.md ("Coverage"). The SQL (sql/coverage-agencies.sql) and the
 * reference (reference/coverage.ts) must agree.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/engine/compute-coverage.ts';
import { breakdownValuesOf, computeIndices } from '../../src/engine/compute-indices.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { referenceCoverage } from '../../src/engine/reference/coverage.ts';
import type { CoverageRow } from '../../src/engine/tables.ts';
import type { Agency, Unit, UnitLevel } from '../../src/intake/types.ts';
import { fixtureSurvey, siteWith } from './indices-fixture.ts';

const responsesCsv = new URL('../fixtures/engine-d2/coverage-responses.csv', import.meta.url).pathname;

const unit = (code: string, level: UnitLevel, parent_code: string | null, valid_from: string, valid_to: string | null): Unit => ({
  code,
  name_vi: code,
  name_en: code,
  level,
  parent_code,
  valid_from,
  valid_to,
});
const units: Unit[] = [
  unit('90', 'province', null, '2020-01-01', '2025-06-30'),
  unit('91', 'province', null, '2025-07-01', null),
  unit('901', 'district', '90', '2020-01-01', '2025-06-30'),
  unit('902', 'district', '90', '2020-01-01', '2025-06-30'),
  unit('90101', 'commune', '901', '2020-01-01', '2025-06-30'),
  unit('90101', 'commune', '91', '2025-07-01', null),
  unit('90201', 'commune', '902', '2020-01-01', '2025-06-30'),
  unit('90202', 'commune', '902', '2020-01-01', '2025-06-30'),
];

const agency = (code: string, unit_code: string, has_procedures: boolean, valid_from: string, valid_to: string | null): Agency => ({
  code,
  name_vi: code,
  name_en: code,
  unit_code,
  sector: has_procedures ? 'hanh-chinh' : 'y-te',
  has_procedures,
  valid_from,
  valid_to,
});
const agencies: Agency[] = [
  agency('901-MC', '901', true, '2020-01-01', '2025-06-30'),
  agency('901-TTYT', '901', false, '2020-01-01', '2025-06-30'),
  agency('902-MC', '902', true, '2020-01-01', '2025-06-30'),
  agency('902-OLD', '902', true, '2020-01-01', '2023-12-31'),
  agency('902-NEW', '902', true, '2024-07-01', '2025-06-30'),
  agency('90101-UBND', '90101', true, '2020-01-01', null),
  agency('90201-UBND', '90201', true, '2020-01-01', '2025-06-30'),
];

const periods = ['2023', '2024', '2024-Q1', '2024-Q3', '2025'];

/** [period, unit, unit version (valid_from), registered, measured] as worked out in the fixture README. */
const expected: [string, string, string, number, number][] = [
  ['2023', '90', '2020-01-01', 5, 3],
  ['2023', '901', '2020-01-01', 2, 2],
  ['2023', '90101', '2020-01-01', 1, 1],
  ['2023', '902', '2020-01-01', 3, 1],
  ['2023', '90201', '2020-01-01', 1, 0],
  ['2023', '90202', '2020-01-01', 0, 0],
  ['2024', '90', '2020-01-01', 5, 2],
  ['2024', '901', '2020-01-01', 2, 1],
  ['2024', '90101', '2020-01-01', 1, 0],
  ['2024', '902', '2020-01-01', 3, 1],
  ['2024', '90201', '2020-01-01', 1, 0],
  ['2024', '90202', '2020-01-01', 0, 0],
  ['2024-Q1', '90', '2020-01-01', 4, 1],
  ['2024-Q1', '901', '2020-01-01', 2, 1],
  ['2024-Q1', '90101', '2020-01-01', 1, 0],
  ['2024-Q1', '902', '2020-01-01', 2, 0],
  ['2024-Q1', '90201', '2020-01-01', 1, 0],
  ['2024-Q1', '90202', '2020-01-01', 0, 0],
  ['2024-Q3', '90', '2020-01-01', 5, 1],
  ['2024-Q3', '901', '2020-01-01', 2, 0],
  ['2024-Q3', '90101', '2020-01-01', 1, 0],
  ['2024-Q3', '902', '2020-01-01', 3, 1],
  ['2024-Q3', '90201', '2020-01-01', 1, 0],
  ['2024-Q3', '90202', '2020-01-01', 0, 0],
  ['2025', '90', '2020-01-01', 5, 1],
  ['2025', '901', '2020-01-01', 2, 1],
  // 90101 is two unit versions in 2025 (a unit is its code and valid_from): under 901 until
  // 2025-06-30, when its one-stop shop had no response (r10 is dated after the move), and under
  // 91 from 2025-07-01, with r10.
  ['2025', '90101', '2020-01-01', 1, 0],
  ['2025', '90101', '2025-07-01', 1, 1],
  ['2025', '902', '2020-01-01', 3, 0],
  ['2025', '90201', '2020-01-01', 1, 0],
  ['2025', '90202', '2020-01-01', 0, 0],
  ['2025', '91', '2025-07-01', 1, 1],
];

const counts = (rows: CoverageRow[]): [string, string, string, number, number][] =>
  rows.map((r) => [r.period, r.unit_code, r.unit_valid_from, r.agencies_registered, r.agencies_measured]);

let engine: Engine;
let fromCsv: CoverageRow[];
beforeAll(async () => {
  engine = await openEngine();
  fromCsv = computeCoverage(engine, { survey: 'sipas', validatedCsvPath: responsesCsv, agencies, units, periods });
});
afterAll(() => engine?.close());

describe('computeCoverage (SQL)', () => {
  it('counts registered and measured agencies per unit and period as worked out by hand', () => {
    expect(counts(fromCsv)).toEqual(expected);
  });

  it('divides: coverage = 100 · measured / registered, empty when nothing is registered', () => {
    const of = (period: string, code: string, validFrom = '2020-01-01'): number | null | undefined =>
      fromCsv.find((r) => r.period === period && r.unit_code === code && r.unit_valid_from === validFrom)?.coverage;
    expect(of('2023', '90')).toBe(60);
    expect(of('2023', '902')).toBeCloseTo(100 / 3, 12);
    expect(of('2024', '90')).toBe(40);
    expect(of('2024-Q1', '90')).toBe(25);
    expect(of('2025', '91', '2025-07-01')).toBe(100);
    expect(of('2025', '90101')).toBe(0);
    expect(of('2025', '90101', '2025-07-01')).toBe(100);
    expect(of('2023', '90202')).toBeNull();
  });

  it('reads a responses table as well as the validated CSV', () => {
    engine.run(`CREATE OR REPLACE TABLE responses AS SELECT * FROM read_csv('${responsesCsv}', header = true)`);
    const fromTable = computeCoverage(engine, { survey: 'sipas', agencies, units, periods });
    engine.run('DROP TABLE responses');
    expect(fromTable).toEqual(fromCsv);
  });

  it('reads the agency days the index computation leaves behind, with the same result as the CSV', () => {
    // The coverage responses as a one-item survey (TC1) through computeIndices, which keeps the
    // (date, agency) pairs of the responses it has read (agency-days.sql).
    const element = fixtureSurvey.elements[0]!;
    const survey = { ...fixtureSurvey, elements: [{ ...element, items: [{ ...element.items[0]!, code: 'TC1', column: 'TC1' }] }] };
    computeIndices(engine, {
      survey,
      validatedCsvPath: responsesCsv,
      units,
      breakdownValues: breakdownValuesOf({ fields: [{ code: 'dat-dai' }], agencies }),
      site: siteWith(1),
      agencyDaysTable: 'days_left',
    });
    try {
      expect(engine.all('SELECT count(*)::INTEGER AS n, count(agency_code)::INTEGER AS with_agency FROM days_left')).toEqual(
        engine.all(`SELECT count(*)::INTEGER AS n, count(agency_code)::INTEGER AS with_agency FROM (SELECT DISTINCT date, agency_code FROM read_csv('${responsesCsv}', header = true))`),
      );
      expect(computeCoverage(engine, { survey: 'sipas', responsesTable: 'days_left', agencies, units, periods })).toEqual(fromCsv);
      expect(computeCoverage(engine, { survey: 'sipas', responsesTable: 'days_left', agencies, units })).toEqual(
        computeCoverage(engine, { survey: 'sipas', validatedCsvPath: responsesCsv, agencies, units }),
      );
    } finally {
      engine.run('DROP TABLE IF EXISTS days_left');
    }
  });

  it('gives no rows for a survey whose responses reach no agency that handles procedures', () => {
    engine.run(`CREATE OR REPLACE TABLE health AS SELECT * REPLACE (NULL::VARCHAR AS agency_code) FROM read_csv('${responsesCsv}', header = true)`);
    const health = computeCoverage(engine, { survey: 'y-te', responsesTable: 'health', agencies, units, periods });
    engine.run('DROP TABLE health');
    expect(health).toEqual([]);
  });

  it('reports every year and quarter with a response when no periods are given', () => {
    // Response dates (coverage-responses.csv): 2023-03-10, 05-01, 08-01; 2024-02-01, 03-01,
    // 04-01, 06-01, 09-01; 2025-03-01, 09-01 → 3 years and 2023-Q1..Q3, 2024-Q1..Q3, 2025-Q1, Q3.
    const all = computeCoverage(engine, { survey: 'sipas', validatedCsvPath: responsesCsv, agencies, units });
    expect([...new Set(all.map((r) => r.period))]).toEqual([
      '2023', '2023-Q1', '2023-Q2', '2023-Q3', '2024', '2024-Q1', '2024-Q2', '2024-Q3', '2025', '2025-Q1', '2025-Q3',
    ]);
    // The periods both runs report hold the same rows.
    expect(all.filter((r) => periods.includes(r.period))).toEqual(fromCsv);
  });

  it('does not depend on the survey being called sipas', () => {
    const renamed = computeCoverage(engine, { survey: 'thu-tuc', validatedCsvPath: responsesCsv, agencies, units, periods });
    expect(renamed).toEqual(fromCsv.map((row) => ({ ...row, survey: 'thu-tuc' })));
  });

  it('agrees with the TypeScript reference', () => {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(responsesCsv, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const responses = parsed.data.map((r) => ({ date: r.date ?? '', agency_code: r.agency_code ? r.agency_code : null }));
    const fromReference = referenceCoverage({ survey: 'sipas', agencies, units, periods, responses });
    expect(counts(fromReference)).toEqual(expected);
    expect(fromReference).toEqual(fromCsv);
  });
});
