import { describe, expect, it } from 'vitest';
import type { IndexRow } from '../../src/engine/tables.ts';
import type { UnitListing } from '../../src/site/page-inventory.ts';
import { unitsWithResults } from '../../src/site/units-with-results.ts';
import { cell } from './published-fixture.ts';

// A listing as page-inventory.ts makes it: one per unit VERSION, id = code@valid_from.
const listing = (code: string, level: UnitListing['level'], over: Partial<UnitListing> = {}): UnitListing => {
  const valid_from = over.valid_from ?? '2020-01-01';
  return { id: `${code}@${valid_from}`, code, name_vi: code, name_en: code, level, valid_from, valid_to: '2025-06-30', slug: code, chartKey: code, ...over };
};

// Yearly overall cells by unit version: null value = suppressed (n < 30).
const CELLS: Record<string, IndexRow[]> = {
  '58@2020-01-01': [cell({ period: '2024', unit_code: '58' }, 84, 5988)],
  '588@2020-01-01': [cell({ period: '2024', unit_code: '588' }, null, 12)],
  // A commune never published (n < 30 every year): no page.
  '22741@2020-01-01': [cell({ period: '2023', unit_code: '22741' }, null, 22), cell({ period: '2024', unit_code: '22741' }, null, 25)],
  // Published in 2022 only (22738 Phường Đô Vinh in the sample data): a page.
  '22738@2020-01-01': [cell({ period: '2022', unit_code: '22738' }, 86.73, 38), cell({ period: '2024', unit_code: '22738' }, null, 18)],
  // 22759 has direct data up to 2024 under its old name only; the new Phường Phan Rang (same code,
  // from 2025-07-01) has only a back-cast 2024 value, from its old communes.
  '22759@2020-01-01': [cell({ period: '2024', unit_code: '22759' }, 83, 120)],
  '22759@2025-07-01': [cell({ period: '2024', unit_code: '22759', unit_valid_from: '2025-07-01', basis: 'back-cast' }, 82.5, 410)],
  // A new commune with a direct 2026 value: a page.
  '22810@2025-07-01': [
    cell({ period: '2024', unit_code: '22810', unit_valid_from: '2025-07-01', basis: 'back-cast' }, 81, 300),
    cell({ period: '2026', unit_code: '22810', unit_valid_from: '2025-07-01' }, 85, 250),
  ],
};
const yearly = (id: string) => CELLS[id] ?? [];

describe('unitsWithResults', () => {
  it('keeps the province and districts with any result, even a suppressed one', () => {
    const kept = unitsWithResults([listing('58', 'province'), listing('588', 'district'), listing('589', 'district')], yearly);
    // 589 has no cell at all: no page.
    expect(kept.map((u) => u.code)).toEqual(['58', '588']);
  });

  it('keeps a commune only when some year of it is published', () => {
    expect(unitsWithResults([listing('22741', 'commune'), listing('22738', 'commune')], yearly).map((u) => u.code)).toEqual(['22738']);
  });

  it('judges each version of a code by its own direct rows; a back-cast alone makes no page', () => {
    const oldName = listing('22759', 'commune', { name_vi: 'Phường Kinh Dinh' });
    const newName = listing('22759', 'commune', { name_vi: 'Phường Phan Rang', valid_from: '2025-07-01', valid_to: null });
    expect(unitsWithResults([oldName, newName], yearly).map((u) => u.name_vi)).toEqual(['Phường Kinh Dinh']);
    const ninhSon = listing('22810', 'commune', { name_vi: 'Xã Ninh Sơn', valid_from: '2025-07-01', valid_to: null });
    expect(unitsWithResults([ninhSon], yearly).map((u) => u.id)).toEqual(['22810@2025-07-01']);
  });

  it('does not count a row of a year the version did not exist in', () => {
    // The old 22738's rows under a version that began in 2025 are outside its validity: no page.
    const shifted = listing('22738', 'commune', { valid_from: '2025-07-01', valid_to: null, id: '22738@2020-01-01' });
    expect(unitsWithResults([shifted], yearly)).toEqual([]);
  });
});
