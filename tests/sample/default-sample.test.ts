/**
 * The default sample after the reorganisation of 2025-07-01, generated afresh from the project's
 * registers (data/) with the default plan: old units to 2025-06-30, all 65 communes of the new
 * Khánh Hòa after, sizes as a provincial survey of communes would have, ending in November 2026.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGenerateOptions } from '../../src/sample/cli-options.ts';
import { generateSampleSet, plannedRows } from '../../src/sample/generate-sample-set.ts';
import { districtLookup, groupedIndex, readCheckedResponses, type CheckedResponse } from '../../src/sample/quick-indices.ts';
import { readInstrument, readRegisters } from '../../src/sample/read-registers.ts';

const dataDir = join(import.meta.dirname, '..', '..', 'data');
const out = mkdtempSync(join(tmpdir(), 'sample-default-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const registers = readRegisters(dataDir);
generateSampleSet(parseGenerateOptions(['--data', dataDir, '--out', out, '--years', '2025-2026'], {}, out), () => {});
const areaOf = districtLookup(registers.units);
const newCommunes = registers.units.filter((unit) => unit.level === 'commune' && unit.parent_code === '56').map((unit) => unit.code);

function load(survey: string, year: number): { rows: CheckedResponse[]; groups: number[][] } {
  const instrument = readInstrument(dataDir, survey);
  let position = 0;
  const groups = instrument.elements.map((element) => element.items.map(() => position++));
  const columns = instrument.elements.flatMap((element) => element.items.map((item) => item.column));
  const file = readCheckedResponses(join(out, survey, 'responses', `${year}.csv`), columns, areaOf, new Set());
  // --out without --defects: no row is set aside, so every unit code is valid on its date.
  expect(file.rejected).toEqual({});
  return { rows: file.rows, groups };
}
const countBy = (rows: CheckedResponse[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.unitCode, (counts.get(row.unitCode) ?? 0) + 1);
  return counts;
};

describe('default sample plan', () => {
  it('keeps the whole district years at 6000 SIPAS and 1050 health and education rows', () => {
    for (const year of [2021, 2022, 2023, 2024]) {
      expect(plannedRows('sipas', registers, year, '2026-11', 1)).toBe(6000);
      expect(plannedRows('y-te', registers, year, '2026-11', 1)).toBe(1050);
      expect(plannedRows('giao-duc', registers, year, '2026-11', 1)).toBe(1050);
    }
  });
});

describe.each(['sipas', 'y-te', 'giao-duc'])('default %s sample, 2025–2026', (survey) => {
  it('writes the old units before 2025-07-01 and the new province and its 65 communes after', () => {
    const rows = [...load(survey, 2025).rows, ...load(survey, 2026).rows];
    for (const row of rows) {
      if (row.date <= '2025-06-30') expect(['582', '584', '585', '586', '587', '588', '589'], `${row.date} ${row.unitCode}`).toContain(row.district);
      else expect(row.district, `${row.date} ${row.unitCode}`).toBe('56');
    }
    const after = (year: number) => new Set(rows.filter((row) => row.year === year && row.date >= '2025-07-01').map((row) => row.unitCode));
    for (const year of [2025, 2026]) expect(newCommunes.filter((code) => !after(year).has(code)), String(year)).toEqual([]);
    expect(newCommunes).toHaveLength(65);
  });

  it('ends in November 2026', () => {
    const months = [...new Set(load(survey, 2026).rows.map((row) => row.date.slice(0, 7)))].sort();
    expect(months[0]).toBe('2026-01');
    expect(months.at(-1)).toBe('2026-11');
  });
});

describe('default SIPAS sample per commune, 2026', () => {
  const { rows, groups } = load('sipas', 2026);
  const counts = countBy(rows.filter((row) => row.unitCode !== '56'));
  // January–November is 10.9 / 12.1 of a SIPAS year (month weights, sample-plan.test.ts).
  const wholeYear = (count: number): number => (count * 12.1) / 10.9;

  it('has most communes between 100 and 400 a year, a few below 100 and one or two below 30', () => {
    const sizes = newCommunes.map((code) => counts.get(code) ?? 0);
    const inRange = sizes.filter((n) => wholeYear(n) >= 100 && wholeYear(n) <= 400).length;
    expect(inRange / sizes.length).toBeGreaterThan(0.75);
    const notRanked = sizes.filter((n) => n < 100).length;
    expect(notRanked).toBeGreaterThanOrEqual(3);
    expect(notRanked).toBeLessThanOrEqual(12);
    const suppressed = sizes.filter((n) => n < 30).length;
    expect(suppressed).toBeGreaterThanOrEqual(1);
    expect(suppressed).toBeLessThanOrEqual(2);
    // The special zone (a few hundred islanders) is the smallest.
    expect(Math.min(...sizes)).toBe(counts.get('22736'));
  });

  it('stays within twice the rows of a district-era year, with the province offices a small part', () => {
    expect(rows.length).toBeLessThanOrEqual(12000);
    expect(rows.length).toBeGreaterThan(8000);
    const offices = rows.filter((row) => row.unitCode === '56').length / rows.length;
    expect(offices).toBeGreaterThan(0.02);
    expect(offices).toBeLessThan(0.08);
  });

  it('has health and education samples per commune well below SIPAS', () => {
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const sipasMedian = median(newCommunes.map((code) => counts.get(code) ?? 0));
    for (const survey of ['y-te', 'giao-duc']) {
      const other = countBy(load(survey, 2026).rows);
      expect(median(newCommunes.map((code) => other.get(code) ?? 0)), survey).toBeLessThan(sipasMedian / 2);
    }
  });

  it('has communes clearly above and below the province, most within its range', () => {
    const province = groupedIndex(rows, groups).value!;
    let above = 0;
    let below = 0;
    let within = 0;
    for (const code of newCommunes) {
      const estimate = groupedIndex(rows.filter((row) => row.unitCode === code), groups);
      if (estimate.n < 30 || estimate.value === null || estimate.se === null) continue;
      if (estimate.value - 1.96 * estimate.se > province) above++;
      else if (estimate.value + 1.96 * estimate.se < province) below++;
      else within++;
    }
    expect(above).toBeGreaterThanOrEqual(2);
    expect(below).toBeGreaterThanOrEqual(2);
    expect(within).toBeGreaterThan(above + below);
  });

  it('recovers in 2026 from the dip of the second half of 2025', () => {
    const secondHalf2025 = load('sipas', 2025).rows.filter((row) => row.date >= '2025-07-01');
    const index2025 = groupedIndex(secondHalf2025, groups).value!;
    const index2026 = groupedIndex(rows, groups).value!;
    expect(index2026 - index2025).toBeGreaterThan(1);
    expect(index2026).toBeLessThan(96);
  });
});
