/**
 * Which units get a data page, once the published results exist. The province and every
 * district with results in a year when the unit existed get one (a district whose sample was too
 * small still has a page that says so); a commune gets one only when its overall index is
 * published (not suppressed) for at least one year it existed in, so communes that never had
 * enough responses do not fill the site with pages that say nothing. A code under a name that
 * never overlaps a surveyed year (22759 "Phường Phan Rang", from 01/07/2025) gets no page.
 */
import type { IndexRow } from '../engine/tables.ts';
import type { UnitListing } from './page-inventory.ts';
import { validDuring } from './unit-names.ts';

/**
 * `yearlyOverall(code)`: the unit's whole-unit overall index rows of the main survey, one per
 * year (any order). Returns the listings that get a page, in the given order.
 */
export function unitsWithResults(listings: readonly UnitListing[], yearlyOverall: (code: string) => readonly IndexRow[]): UnitListing[] {
  return listings.filter((listing) => {
    const cells = yearlyOverall(listing.code).filter((cell) => validDuring(listing, cell.period));
    if (cells.length === 0) return false;
    return listing.level !== 'commune' || cells.some((cell) => cell.status === 'ok');
  });
}
