// The SQL engine (src/engine/sql/*.sql via computeIndices) on the hand-worked fixture
// (tests/fixtures/engine/README.md), and against the TypeScript reference on every cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndices, elementWeights } from '../../src/engine/compute-indices.ts';
import { openEngine, type Engine } from '../../src/engine/duckdb.ts';
import { cellIndices } from '../../src/engine/reference/cell-indices.ts';
import { cellsOfResponse } from '../../src/engine/reference/cells-of-response.ts';
import type { IndexRow } from '../../src/engine/tables.ts';
import { DataError } from '../../src/intake/data-error.ts';
import { allCells } from '../../src/intake/load-site-config.ts';
import { fixtureBreakdownValues, fixtureCrosswalk, fixtureCsv, fixtureResponses, fixtureSurvey, fixtureUnits, siteWith } from './indices-fixture.ts';

let engine: Engine;
let everyCell: IndexRow[]; // min_n_publish = 1: every value visible
let threshold3: IndexRow[]; // min_n_publish = 3
let withCrosswalk: IndexRow[]; // min_n_publish = 1, 90202's move read as a whole crosswalk link
// min_n_publish = 1, with a back-cast, and site.json `cells` narrowing the communes to years and
// quarters with the channel breakdown only (as a national site narrows its 3,321 communes)
let narrowCommunes: IndexRow[];
const narrowCells = (() => {
  const cells = allCells();
  cells.commune = { periods: ['year', 'quarter'], breakdowns: ['channel'] };
  return cells;
})();

beforeAll(async () => {
  engine = await openEngine();
  const input = { survey: fixtureSurvey, validatedCsvPath: fixtureCsv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues };
  everyCell = computeIndices(engine, { ...input, site: siteWith(1) });
  threshold3 = computeIndices(engine, { ...input, site: siteWith(3) });
  withCrosswalk = computeIndices(engine, { ...input, crosswalk: fixtureCrosswalk, site: siteWith(1) });
  narrowCommunes = computeIndices(engine, { ...input, crosswalk: fixtureCrosswalk, site: { ...siteWith(1), cells: narrowCells } });
});
afterAll(() => engine?.close());

/**
 * The one row of `unit` (a code, or `code@valid_from` for one version of a code listed twice),
 * basis direct unless `code@valid_from/back-cast`.
 */
function row(rows: IndexRow[], unit: string, period: string, indicator: string, breakdown = 'all', value = '*'): IndexRow {
  const [version, basis = 'direct'] = unit.split('/');
  const [code, validFrom] = (version ?? '').split('@');
  const found = rows.filter(
    (r) =>
      r.unit_code === code &&
      (validFrom === undefined || r.unit_valid_from === validFrom) &&
      r.basis === basis &&
      r.period === period &&
      r.indicator === indicator &&
      r.breakdown === breakdown &&
      r.breakdown_value === value,
  );
  expect(found, `${unit} ${period} ${indicator} ${breakdown}=${value}`).toHaveLength(1);
  return found[0]!;
}

describe('cell 1: commune 90101, 2024-Q1 (worked in the README)', () => {
  const at = (indicator: string) => row(everyCell, '90101', '2024-Q1', indicator);
  it('item values, counts and Wilson intervals', () => {
    expect(at('A1')).toMatchObject({ level: 'item', n: 4, satisfied: 2, value: 50, status: 'ok' });
    expect(at('A1').ci_low).toBeCloseTo(15.0036, 4);
    expect(at('A1').ci_high).toBeCloseTo(84.9964, 4);
    expect(at('A1').se).toBeCloseTo(28.8675, 4);
    expect(at('A2')).toMatchObject({ n: 4, satisfied: 3, value: 75 });
    expect(at('A2').ci_low).toBeCloseTo(30.0636, 4);
    expect(at('A2').ci_high).toBeCloseTo(95.4414, 4);
    expect(at('B2')).toMatchObject({ n: 3, satisfied: 3, value: 100, se: 0 });
    expect(at('B2').ci_low).toBeCloseTo(43.8494, 4);
    expect(at('B2').ci_high).toBeCloseTo(100, 9);
  });
  it('element A: 175/3 with Var = 5/4 · 4.25/144', () => {
    const a = at('A');
    expect(a).toMatchObject({ level: 'element', n: 5, satisfied: null, status: 'ok' });
    expect(a.value).toBeCloseTo(175 / 3, 9);
    expect(a.se).toBeCloseTo(100 * Math.sqrt(5.3125 / 144), 9);
    expect(a.ci_low).toBeCloseTo(20.6869, 4);
    expect(a.ci_high).toBeCloseTo(95.9798, 4);
  });
  it('element B: n = 4, Var = 1/48, interval clipped to 100', () => {
    const b = at('B');
    expect(b).toMatchObject({ n: 4, value: 75 });
    expect(b.se).toBeCloseTo(100 * Math.sqrt(1 / 48), 9);
    expect(b.ci_low).toBeCloseTo(46.7098, 4);
    expect(b.ci_high).toBe(100);
  });
  it('overall: 200/3 with Var = 5/4 · 50/9216', () => {
    const overall = at('overall');
    expect(overall).toMatchObject({ level: 'overall', n: 5 });
    expect(overall.value).toBeCloseTo(200 / 3, 9);
    expect(overall.se).toBeCloseTo((100 * Math.sqrt(62.5)) / 96, 9);
    expect(overall.ci_low).toBeCloseTo(50.5259, 4);
    expect(overall.ci_high).toBeCloseTo(82.8075, 4);
  });
});

describe('edge cases', () => {
  it('an item nobody answered: row with n = 0, suppressed; the element ignores it', () => {
    expect(row(everyCell, '90102', '2024', 'A3')).toMatchObject({ n: 0, satisfied: null, value: null, ci_low: null, ci_high: null, se: null, status: 'suppressed' });
    expect(row(everyCell, '90102', '2024', 'A')).toMatchObject({ n: 2, value: 75, status: 'ok' });
  });
  it('all answers 5: value 100, Wilson upper 100, Taylor interval [100, 100]', () => {
    const item = row(everyCell, '90201', '2024', 'B1');
    expect(item).toMatchObject({ n: 2, value: 100, se: 0 });
    expect(item.ci_high).toBeCloseTo(100, 9);
    expect(item.ci_low).toBeCloseTo(34.2372, 4);
    for (const indicator of ['A', 'B', 'overall']) {
      expect(row(everyCell, '90201', '2024', indicator)).toMatchObject({ value: 100, se: 0, ci_low: 100, ci_high: 100 });
    }
  });
  it('one respondent (min_n_publish = 1): value shown, no Taylor interval, items keep Wilson', () => {
    const overall = row(everyCell, '90202', '2024-05', 'overall');
    expect(overall).toMatchObject({ n: 1, status: 'ok', ci_low: null, ci_high: null, se: null });
    expect(overall.value).toBeCloseTo(125 / 3, 9);
    expect(row(everyCell, '90202', '2024-05', 'A').value).toBeCloseTo(100 / 3, 9);
    expect(row(everyCell, '90202', '2024-05', 'B')).toMatchObject({ value: 50, ci_low: null, se: null });
    const a2 = row(everyCell, '90202', '2024-05', 'A2');
    expect(a2).toMatchObject({ n: 1, satisfied: 1, value: 100, se: null });
    expect(a2.ci_low).toBeCloseTo(20.6543, 4);
  });
  it('suppression keeps n and empties value, interval, se and satisfied', () => {
    // 90102 2024 has 2 respondents < 3.
    for (const indicator of ['overall', 'A', 'A1']) {
      expect(row(threshold3, '90102', '2024', indicator)).toMatchObject({ n: 2, satisfied: null, value: null, ci_low: null, ci_high: null, se: null, status: 'suppressed' });
    }
    // B2 in cell 1 has N = 3 (published) while element B has n = 4.
    expect(row(threshold3, '90101', '2024-Q1', 'B2')).toMatchObject({ n: 3, satisfied: 3, value: 100, status: 'ok' });
    expect(threshold3.filter((r) => r.status === 'suppressed').every((r) => r.value === null && r.satisfied === null)).toBe(true);
  });
});

describe('pooling and membership', () => {
  it('the province pools respondents: 2047/2640, not the mean of its districts', () => {
    const province = row(everyCell, '90', '2024', 'overall');
    const d1 = row(everyCell, '901', '2024', 'overall');
    const d2 = row(everyCell, '902', '2024', 'overall');
    expect(d1).toMatchObject({ n: 9 });
    expect(d1.value).toBeCloseTo((100 * 639) / 840, 9);
    expect(d2).toMatchObject({ n: 3 });
    expect(d2.value).toBeCloseTo((100 * 29) / 36, 9);
    expect(province).toMatchObject({ n: 12 });
    expect(province.value).toBeCloseTo((100 * 2047) / 2640, 9);
    expect(Math.abs(province.value! - (d1.value! + d2.value!) / 2)).toBeGreaterThan(0.7);
  });
  it('2024-03-31 falls in 2024-Q1 and 2024-03', () => {
    expect(row(everyCell, '90101', '2024-03', 'overall').n).toBe(3);
    expect(row(everyCell, '90101', '2024-Q1', 'overall').n).toBe(5);
    expect(everyCell.some((r) => r.unit_code === '90101' && (r.period === '2024-Q2' || r.period === '2024-04'))).toBe(false);
  });
  it('a district-level response counts for the district and province, no commune', () => {
    expect(row(everyCell, '901', '2024-05', 'overall').n).toBe(1); // r8
    expect(row(everyCell, '90', '2024-05', 'overall').n).toBe(2); // r8 + r11
    const communesIn2024_05 = everyCell.filter((r) => r.period === '2024-05' && r.indicator === 'overall' && r.breakdown === 'all' && r.unit_code.length === 5);
    expect(communesIn2024_05.map((r) => [r.unit_code, r.n])).toEqual([['90202', 1]]); // r11 only
  });
  it('a commune listed twice belongs to its parent of the day', () => {
    expect(row(everyCell, '902', '2024-05', 'A1')).toMatchObject({ n: 1, satisfied: 0 }); // r11
    expect(row(everyCell, '901', '2024-08', 'A1')).toMatchObject({ n: 1, satisfied: 1 }); // r12
    expect(everyCell.some((r) => r.unit_code === '902' && r.period === '2024-08')).toBe(false);
  });
  it('a commune listed twice is two unit versions, each with its own 2024 cell', () => {
    // method.md → Units that change: (code, valid period) identifies a unit, so 90202 under 902
    // (from 2020-01-01) and 90202 under 901 (from 2024-07-01) are two units. Before unit versions
    // the 2024 cell of 90202 pooled r11 and r12 (n = 2); now each version holds its own half.
    expect(row(everyCell, '90202@2020-01-01', '2024', 'overall')).toMatchObject({ n: 1, basis: 'direct' }); // r11
    expect(row(everyCell, '90202@2024-07-01', '2024', 'overall')).toMatchObject({ n: 1, basis: 'direct' }); // r12
    expect(row(everyCell, '90202@2020-01-01', '2024', 'A1')).toMatchObject({ n: 1, satisfied: 0 }); // r11: A1 = 1
    expect(row(everyCell, '90202@2024-07-01', '2024', 'A1')).toMatchObject({ n: 1, satisfied: 1 }); // r12: A1 = 4
    // Every other unit has one version, from 2020-01-01; nothing is back-cast without a crosswalk.
    expect(everyCell.filter((r) => r.unit_valid_from !== '2020-01-01').every((r) => r.unit_code === '90202')).toBe(true);
    expect(everyCell.every((r) => r.basis === 'direct')).toBe(true);
  });
  it('a back-cast holds the old version before the new one starts, never the year it starts in', () => {
    // With 90202's move read as a whole link (90202@2020-01-01 → 90202@2024-07-01), r11
    // (2024-05-20, the old version) also counts in the new version's back-cast, for the periods
    // that end before 2024-07-01: 2024-Q2 and 2024-05. Not for 2024 (the year straddles the
    // start: the new version's 2024 is its direct Jul–Dec cell, r12 alone), and so not for any
    // breakdown, which are yearly.
    const backCast = withCrosswalk.filter((r) => r.basis === 'back-cast');
    expect([...new Set(backCast.map((r) => `${r.unit_code}@${r.unit_valid_from} ${r.period} ${r.breakdown}`))].sort()).toEqual([
      '90202@2024-07-01 2024-05 all',
      '90202@2024-07-01 2024-Q2 all',
    ]);
    expect(row(withCrosswalk, '90202@2024-07-01/back-cast', '2024-05', 'overall').value).toBeCloseTo(125 / 3, 9); // r11 as in cell 4
    expect(row(withCrosswalk, '90202@2024-07-01', '2024', 'overall').n).toBe(1); // r12 only
    // The direct cells are those of the run without a crosswalk.
    expect(withCrosswalk.filter((r) => r.basis === 'direct')).toEqual(everyCell);
  });
  it('breakdowns are yearly, and a missing value is no cell', () => {
    expect(row(everyCell, '90101', '2024', 'overall', 'field', 'dat-dai').n).toBe(2);
    expect(row(everyCell, '90101', '2024', 'overall', 'field', 'xay-dung').n).toBe(2);
    const fieldCells = everyCell.filter((r) => r.unit_code === '90101' && r.breakdown === 'field' && r.indicator === 'overall');
    expect(fieldCells.reduce((sum, r) => sum + r.n, 0)).toBe(4); // r4 has no field
    expect(row(everyCell, '90', '2024', 'overall', 'agency', '90101-UBND').n).toBe(3);
    expect(everyCell.some((r) => r.breakdown !== 'all' && r.period !== '2024')).toBe(false);
  });
});

describe('SQL = TypeScript reference on every cell', () => {
  const weights = elementWeights(fixtureSurvey);
  const cases = [
    ['min_n_publish 1', 1, [], () => everyCell, undefined],
    ['min_n_publish 3', 3, [], () => threshold3, undefined],
    ['min_n_publish 1 with a back-cast', 1, fixtureCrosswalk, () => withCrosswalk, undefined],
    ['min_n_publish 1 with a back-cast, communes narrowed by site.json cells', 1, fixtureCrosswalk, () => narrowCommunes, narrowCells],
  ] as const;
  for (const [label, minN, crosswalk, rows, cellDetail] of cases) {
    it(`${label}: same cells (unit version and basis included), same numbers to 1e-9`, () => {
      const cells = new Map<string, (number | null)[][]>();
      for (const response of fixtureResponses) {
        for (const cell of cellsOfResponse(response, fixtureUnits, crosswalk, cellDetail)) {
          const key = [cell.unit_code, cell.unit_valid_from, cell.basis, cell.period, cell.breakdown, cell.breakdown_value].join('|');
          cells.set(key, [...(cells.get(key) ?? []), response.answers]);
        }
      }
      const sqlRows = rows();
      const sqlCells = new Set(sqlRows.map((r) => [r.unit_code, r.unit_valid_from, r.basis, r.period, r.breakdown, r.breakdown_value].join('|')));
      expect([...sqlCells].sort()).toEqual([...cells.keys()].sort());
      expect(sqlRows).toHaveLength(cells.size * 8); // overall + 2 elements + 5 items
      for (const sqlRow of sqlRows) {
        const key = [sqlRow.unit_code, sqlRow.unit_valid_from, sqlRow.basis, sqlRow.period, sqlRow.breakdown, sqlRow.breakdown_value].join('|');
        const reference = cellIndices(cells.get(key)!, fixtureSurvey, weights, minN).find((r) => r.indicator === sqlRow.indicator)!;
        expect(sqlRow.survey).toBe('fixture');
        for (const field of ['level', 'n', 'satisfied', 'status'] as const) expect(sqlRow[field], `${key} ${sqlRow.indicator} ${field}`).toBe(reference[field]);
        for (const field of ['value', 'ci_low', 'ci_high', 'se'] as const) {
          const [actual, expected] = [sqlRow[field], reference[field]];
          if (expected === null) expect(actual, `${key} ${sqlRow.indicator} ${field}`).toBeNull();
          else expect(Math.abs(actual! - expected), `${key} ${sqlRow.indicator} ${field}`).toBeLessThan(1e-9);
        }
      }
    });
  }
});

describe('site.json cells: which periods and breakdowns a level gets', () => {
  it('narrows only the communes (and their back-casts); districts and the province keep every cell', () => {
    const kinds = (rows: IndexRow[], level: (r: IndexRow) => boolean) =>
      [...new Set(rows.filter(level).map((r) => `${r.period.includes('Q') ? 'quarter' : r.period.length === 7 ? 'month' : 'year'}|${r.breakdown}`))].sort();
    const commune = (r: IndexRow) => r.unit_code === '90101';
    // Commune 90101 without the setting: year, quarter, month with \`all\`; yearly field, channel, respondent type and agency.
    expect(kinds(withCrosswalk, commune)).toEqual(['month|all', 'quarter|all', 'year|agency', 'year|all', 'year|channel', 'year|field', 'year|respondent_type']);
    expect(kinds(narrowCommunes, commune)).toEqual(['quarter|all', 'year|all', 'year|channel']);
    const backCast = (r: IndexRow) => r.basis === 'back-cast';
    expect(kinds(narrowCommunes, backCast).every((k) => ['quarter|all', 'year|all', 'year|channel'].includes(k))).toBe(true);
    const province = (r: IndexRow) => r.unit_code === '90';
    expect(kinds(narrowCommunes, province)).toEqual(kinds(withCrosswalk, province));
    // A cell both runs have holds the same numbers: narrowing removes cells, it never changes one.
    const key = (r: IndexRow) => [r.unit_code, r.unit_valid_from, r.basis, r.period, r.breakdown, r.breakdown_value, r.indicator].join('|');
    const full = new Map(withCrosswalk.map((r) => [key(r), r]));
    for (const r of narrowCommunes) expect(r).toEqual(full.get(key(r)));
  });
});

describe('the respondent table, compressed or not', () => {
  it('gives the same rows either way; a small file is stored uncompressed by default', () => {
    const input = { survey: fixtureSurvey, validatedCsvPath: fixtureCsv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1) };
    const stored: string[] = [];
    const recording: Engine = { ...engine, run: (sql) => { if (sql.includes('ATTACH')) stored.push(sql.match(/ATTACH[^;]*/)?.[0] ?? ''); engine.run(sql); } };
    const compressed = computeIndices(recording, { ...input, compressRespondents: true });
    const plain = computeIndices(recording, { ...input, compressRespondents: false });
    const byDefault = computeIndices(recording, input);
    expect(stored).toEqual([
      "ATTACH IF NOT EXISTS ':memory:' AS respondent_store (COMPRESS)",
      "ATTACH IF NOT EXISTS ':memory:' AS respondent_store ",
      "ATTACH IF NOT EXISTS ':memory:' AS respondent_store ",
    ]);
    expect(compressed.length).toBeGreaterThan(100);
    expect(plain).toEqual(compressed);
    expect(byDefault).toEqual(everyCell);
    expect(plain).toEqual(everyCell);
  });
});

describe('element weights from the instrument', () => {
  it('weights 1 and 3 give overall = (A + 3B)/4 in SQL and reference alike', () => {
    const survey = structuredClone(fixtureSurvey);
    survey.elements[0]!.weight = 1;
    survey.elements[1]!.weight = 3;
    const rows = computeIndices(engine, { survey, validatedCsvPath: fixtureCsv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1) });
    expect(row(rows, '90101', '2024-Q1', 'overall').value).toBeCloseTo((175 / 3 + 3 * 75) / 4, 9);
    const cell1 = fixtureResponses.filter((r) => r.unit_code === '90101').map((r) => r.answers);
    const reference = cellIndices(cell1, survey, [1, 3], 1).find((r) => r.indicator === 'overall')!;
    expect(Math.abs(row(rows, '90101', '2024-Q1', 'overall').se! - reference.se!)).toBeLessThan(1e-9);
    // Weights are relative: 0.25 and 0.75 say the same as 1 and 3.
    survey.elements[0]!.weight = 0.25;
    survey.elements[1]!.weight = 0.75;
    const fractional = computeIndices(engine, { survey, validatedCsvPath: fixtureCsv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1) });
    expect(row(fractional, '90101', '2024-Q1', 'overall').value).toBeCloseTo((175 / 3 + 3 * 75) / 4, 9);
  });
});

describe('input errors a data editor can act on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'engine-indices-'));
  it('a response whose unit is not valid on its date stops the build, naming it', () => {
    const csv = join(dir, 'bad-unit.csv');
    writeFileSync(csv, 'response_id,date,unit_code,agency_code,field,channel,respondent_type,A1,A2,A3,B1,B2\nx1,2019-05-01,90101,,,,,5,5,5,5,5\nx2,2024-05-01,90101,,,,,5,5,5,5,5\n');
    const run = () => computeIndices(engine, { survey: fixtureSurvey, validatedCsvPath: csv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1), csvLabel: 'bad-unit.csv' });
    expect(run).toThrow(DataError);
    expect(run).toThrow(/90101 on 2019-05-01 \(no unit\)/);
  });
  it('a unit listed twice with overlapping validity stops the build for a response in the overlap', () => {
    const csv = join(dir, 'twice.csv');
    writeFileSync(csv, 'response_id,date,unit_code,agency_code,field,channel,respondent_type,A1,A2,A3,B1,B2\nx1,2024-05-01,90101,,,,,5,5,5,5,5\n');
    const commune = fixtureUnits.find((u) => u.code === '90101' && u.level === 'commune')!;
    const twice = [...fixtureUnits, { ...commune, valid_from: '2024-01-01', valid_to: '2024-12-31' }];
    const run = () => computeIndices(engine, { survey: fixtureSurvey, validatedCsvPath: csv, units: twice, breakdownValues: fixtureBreakdownValues, site: siteWith(1) });
    expect(run).toThrow(DataError);
    expect(run).toThrow(/90101 on 2024-05-01 \(2 units\)/);
  });
  it('a breakdown value that no register lists stops the build, naming it', () => {
    const csv = join(dir, 'unknown-field.csv');
    writeFileSync(csv, 'response_id,date,unit_code,agency_code,field,channel,respondent_type,A1,A2,A3,B1,B2\nx1,2024-05-01,90101,,dat-dai,,,5,5,5,5,5\nx2,2024-05-01,90101,90199-X,tu-phap,,,5,5,5,5,5\n');
    const run = () => computeIndices(engine, { survey: fixtureSurvey, validatedCsvPath: csv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1) });
    expect(run).toThrow(DataError);
    expect(run).toThrow(/1 responses have a breakdown value that no register lists, for example agency '90199-X'; field 'tu-phap'/);
  });
  it('a register value without responses gets no cell', () => {
    // fixtureBreakdownValues lists field dau-tu and agency 902-MC; no fixture response has them.
    expect(everyCell.filter((r) => r.breakdown_value === 'dau-tu' || r.breakdown_value === '902-MC')).toEqual([]);
    expect(everyCell.some((r) => r.breakdown === 'field' && r.breakdown_value === 'dat-dai')).toBe(true);
  });
  it('a header that does not match the instrument is refused', () => {
    const csv = join(dir, 'bad-header.csv');
    writeFileSync(csv, 'response_id,date,unit_code,agency_code,field,channel,respondent_type,A1,A2,B1,A3,B2\n');
    expect(() => computeIndices(engine, { survey: fixtureSurvey, validatedCsvPath: csv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1) })).toThrow(/header/);
  });
  it('an empty file (header only) gives no rows', () => {
    const csv = join(dir, 'empty.csv');
    writeFileSync(csv, 'response_id,date,unit_code,agency_code,field,channel,respondent_type,A1,A2,A3,B1,B2\n');
    expect(computeIndices(engine, { survey: fixtureSurvey, validatedCsvPath: csv, units: fixtureUnits, breakdownValues: fixtureBreakdownValues, site: siteWith(1) })).toEqual([]);
  });
});
