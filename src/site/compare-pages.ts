/**
 * Which compare pages exist (method.md → Comparing units), from one survey's comparisons.csv rows:
 * a page per pair for units of the small groups (Ninh Thuận's 7 districts: 21 pairs), and for
 * the communes (65 in one group: 2,080 pairs a year) a page per commune listing its difference
 * with every other commune of its group. Only units that have a page of their own get one.
 */
import type { ComparisonRow } from '../engine/tables.ts';
import type { UnitListing } from './page-inventory.ts';
import type { UnitSlug } from './routes.ts';
import { versionId } from './unit-versions.ts';

/** Units of these levels are compared pair by pair; the others (communes) unit by unit. */
const PAIR_LEVELS: ReadonlySet<string> = new Set(['province', 'district']);

export interface CompareInventory {
  /** `a` is comparisons.csv's unit_a; in the file's order. */
  pairs: { a: UnitListing; b: UnitListing }[];
  /** By code, then version start. */
  units: UnitListing[];
}

export function compareInventoryOf(rows: readonly ComparisonRow[], listings: readonly UnitListing[]): CompareInventory {
  const byId = new Map(listings.map((l) => [l.id, l]));
  const pairs = new Map<string, { a: UnitListing; b: UnitListing }>();
  const units = new Map<string, UnitListing>();
  for (const row of rows) {
    const a = byId.get(versionId(row.unit_a, row.unit_a_valid_from));
    const b = byId.get(versionId(row.unit_b, row.unit_b_valid_from));
    if (!a || !b) continue;
    if (PAIR_LEVELS.has(a.level) && PAIR_LEVELS.has(b.level)) {
      pairs.set(`${a.id}|${b.id}`, { a, b });
    } else {
      units.set(a.id, a);
      units.set(b.id, b);
    }
  }
  const ordered = [...units.values()].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : x.valid_from < y.valid_from ? -1 : 1));
  return { pairs: [...pairs.values()], units: ordered };
}

/** A unit as its compare addresses name it. */
export const unitSlug = (listing: UnitListing): UnitSlug => ({ code: listing.code, slug: listing.slug });
