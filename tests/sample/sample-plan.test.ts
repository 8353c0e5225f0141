import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SURVEY_PROFILES } from '../../src/sample/case-mix.ts';
import { plannedRows } from '../../src/sample/generate-sample-set.ts';
import { readRegisters } from '../../src/sample/read-registers.ts';
import { areasOfYear, communeAnnualPlan, communeSizeFactor, yearShare } from '../../src/sample/sample-plan.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'registers');
const registers = readRegisters(fixtures);
const sipas = SURVEY_PROFILES.sipas!;

describe('yearShare', () => {
  it('weights months by the survey season', () => {
    // SIPAS month weights 1.0 0.7 1.0 0.95 1.0 1.05 | 1.0 0.95 1.0 1.1 1.15 1.2: total 12.1,
    // January–June 5.7, July–December 6.4, January–November 10.9.
    expect(yearShare(sipas, (month) => month <= 6)).toBeCloseTo(5.7 / 12.1, 12);
    expect(yearShare(sipas, (month) => month >= 7)).toBeCloseTo(6.4 / 12.1, 12);
    expect(yearShare(sipas, (month) => month <= 11)).toBeCloseTo(10.9 / 12.1, 12);
    expect(yearShare(sipas, () => true)).toBeCloseTo(1, 12);
  });
});

describe('areasOfYear', () => {
  const summary = (year: number) => areasOfYear(registers.units, year).map((area) => [area.unit.code, area.design, area.communes.length]);

  it('samples by district to 2025-06-30 and by the communes of the new province after', () => {
    // Fixture: 584 (1 commune), 585 (3, of which 22816 ends 2022-06-30), 588 (2); new 56 with 5 communes.
    expect(summary(2024)).toEqual([['584', 'districts', 1], ['585', 'districts', 2], ['588', 'districts', 2]]);
    expect(summary(2025)).toEqual([['584', 'districts', 1], ['585', 'districts', 2], ['588', 'districts', 2], ['56', 'communes', 5]]);
    expect(summary(2026)).toEqual([['56', 'communes', 5]]);
    // The old 56 (to 2025-06-30) has no communes: it is never an area.
    for (const area of areasOfYear(registers.units, 2025)) if (area.unit.code === '56') expect(area.unit.valid_from).toBe('2025-07-01');
  });
});

describe('commune plans', () => {
  const xa = registers.units.find((unit) => unit.code === '22810' && unit.valid_from === '2025-07-01')!;

  it('gives a ward 4/3 and the special zone 1/10 of a commune of the same draw', () => {
    // Same code → same z, so only the kind factor differs.
    const ward = { ...xa, name_vi: 'Phường Ninh Sơn' };
    const zone = { ...xa, name_vi: 'Đặc khu Ninh Sơn' };
    expect(communeSizeFactor(ward, 1) / communeSizeFactor(xa, 1)).toBeCloseTo(4 / 3, 12);
    expect(communeSizeFactor(zone, 1) / communeSizeFactor(xa, 1)).toBeCloseTo(0.1, 12);
    // SIPAS 150 a year per commune × the factor; health 45.
    expect(communeAnnualPlan('sipas', xa, 1)).toBeCloseTo(150 * communeSizeFactor(xa, 1), 9);
    expect(communeAnnualPlan('y-te', xa, 1)).toBeCloseTo(45 * communeSizeFactor(xa, 1), 9);
  });

  it('plans 6000 SIPAS rows for a district year, the communes and offices after, both in 2025', () => {
    const newCommunes = registers.units.filter((unit) => unit.parent_code === '56');
    const communes = newCommunes.reduce((sum, unit) => sum + communeAnnualPlan('sipas', unit, 1), 0);
    // Offices 600 a year (56-VPDK, 56-SXD have procedures).
    expect(plannedRows('sipas', registers, 2024, '2026-11', 1)).toBe(6000);
    expect(plannedRows('sipas', registers, 2025, '2026-11', 1)).toBe(Math.round((6000 * 5.7) / 12.1 + ((communes + 600) * 6.4) / 12.1));
    expect(plannedRows('sipas', registers, 2026, '2026-11', 1)).toBe(Math.round(((communes + 600) * 10.9) / 12.1));
    expect(plannedRows('sipas', registers, 2026, '2026-12', 1)).toBe(Math.round(communes + 600));
    // Health: no province offices of the sector, so the communes only.
    const health = newCommunes.reduce((sum, unit) => sum + communeAnnualPlan('y-te', unit, 1), 0);
    const healthMonths = SURVEY_PROFILES['y-te']!.monthWeight;
    const healthShare = healthMonths.slice(0, 11).reduce((a, b) => a + b, 0) / healthMonths.reduce((a, b) => a + b, 0);
    expect(plannedRows('y-te', registers, 2026, '2026-11', 1)).toBe(Math.round(health * healthShare));
  });
});
