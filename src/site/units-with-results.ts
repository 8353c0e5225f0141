/**
 * Which unit versions get a data page, once the published results exist. A province or district
 * with direct results in a year when it existed gets one (a district whose sample was too small
 * still has a page that says so); a commune gets one only when its overall index is published
 * (not suppressed) for at least one year it existed in, so communes that never had enough
 * responses do not fill the site with pages that say nothing. A version without direct results
 * (the old Khánh Hòa, whose communes are not in this data) gets no page; a new unit's back-cast
 * alone does not make one.
 */
import type { IndexRow } from '../engine/tables.ts';
import type { UnitListing } from './page-inventory.ts';
import { validDuring } from './unit-names.ts';

/**
 * `yearlyOverall(id)`: the unit version's whole-unit overall index rows of the main survey, one per
 * year (any order). Returns the listings that get a page, in the given order.
 */
export function unitsWithResults(listings: readonly UnitListing[], yearlyOverall: (id: string) => readonly IndexRow[]): UnitListing[] {
  return listings.filter((listing) => {
    const cells = yearlyOverall(listing.id).filter((cell) => cell.basis === 'direct' && validDuring(listing, cell.period));
    if (cells.length === 0) return false;
    return listing.level !== 'commune' || cells.some((cell) => cell.status === 'ok');
  });
}
