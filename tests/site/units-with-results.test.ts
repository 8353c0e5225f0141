import { describe, expect, it } from 'vitest';
import type { IndexRow } from '../../src/engine/tables.ts';
import type { UnitListing } from '../../src/site/page-inventory.ts';
import { unitsWithResults } from '../../src/site/units-with-results.ts';
import { cell } from './published-fixture.ts';

const listing = (code: string, level: UnitListing['level'], over: Partial<UnitListing> = {}): UnitListing => ({
  code, name_vi: code, name_en: code, level, valid_from: '2020-01-01', valid_to: '2025-06-30', ...over,
});

// Yearly overall cells by unit: null value = suppressed (n < 30).
const CELLS: Record<string, IndexRow[]> = {
  '58': [cell({ period: '2024', unit_code: '58' }, 84, 5988)],
  '588': [cell({ period: '2024', unit_code: '588' }, null, 12)],
  // A commune never published (n < 30 every year): no page.
  '22741': [cell({ period: '2023', unit_code: '22741' }, null, 22), cell({ period: '2024', unit_code: '22741' }, null, 25)],
  // Published in 2022 only (22738 Phường Đô Vinh in the sample data): a page.
  '22738': [cell({ period: '2022', unit_code: '22738' }, 86.73, 38), cell({ period: '2024', unit_code: '22738' }, null, 18)],
  // 22759 has data up to 2024 under its old name only.
  '22759': [cell({ period: '2024', unit_code: '22759' }, 83, 120)],
};
const yearly = (code: string) => CELLS[code] ?? [];

describe('unitsWithResults', () => {
  it('keeps the province and districts with any result, even a suppressed one', () => {
    const kept = unitsWithResults([listing('58', 'province'), listing('588', 'district'), listing('589', 'district')], yearly);
    // 589 has no cell at all: no page.
    expect(kept.map((u) => u.code)).toEqual(['58', '588']);
  });

  it('keeps a commune only when some year of it is published', () => {
    expect(unitsWithResults([listing('22741', 'commune'), listing('22738', 'commune')], yearly).map((u) => u.code)).toEqual(['22738']);
  });

  it('judges a code under each name by the years that name was valid', () => {
    const oldName = listing('22759', 'commune', { name_vi: 'Phường Kinh Dinh' });
    const newName = listing('22759', 'commune', { name_vi: 'Phường Phan Rang', valid_from: '2025-07-01', valid_to: null });
    expect(unitsWithResults([oldName, newName], yearly).map((u) => u.name_vi)).toEqual(['Phường Kinh Dinh']);
  });
});
