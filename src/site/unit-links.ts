/**
 * A unit's name, linked to its page when it has one: what every table of units prints in its
 * first column. The page is the one of the code's version valid in the period shown, or on the
 * date given (a published row's unit_valid_from names its version exactly; a code reused by a new
 * unit has one page per version).
 */
import type { DataTableCell } from '../components/data-table.ts';
import type { Lang } from './i18n.ts';
import { pageInventory, type UnitListing } from './page-inventory.ts';
import { pathOf, unitRoute } from './routes.ts';
import { siteRegisters } from './site-inputs.ts';
import { unitName, validDuring, versionFor } from './unit-names.ts';

export interface UnitLinker {
  name(code: string, lang: Lang, period?: string): string;
  /** The unit's page path in `lang`, or undefined when it has none. */
  href(code: string, lang: Lang, period?: string): string | undefined;
  /** The name as a table cell, a link when the unit has a page. */
  cell(code: string, lang: Lang, period?: string): DataTableCell;
  /** The slug of the unit's page (what its other addresses are named by), or undefined when it has none. */
  slugOf(code: string, period?: string): string | undefined;
}

let cached: Promise<UnitLinker> | undefined;

async function build(): Promise<UnitLinker> {
  const registers = await siteRegisters();
  const listings = new Map<string, UnitListing[]>();
  for (const listing of (await pageInventory()).unitListings) {
    const list = listings.get(listing.code);
    if (list) list.push(listing);
    else listings.set(listing.code, [listing]);
  }
  const pageOf = (code: string, period?: string): UnitListing | undefined => {
    const pages = listings.get(code);
    if (!pages) return undefined;
    return (period ? versionFor(pages.filter((l) => validDuring(l, period)), period) : undefined) ?? pages.at(-1);
  };
  const href = (code: string, lang: Lang, period?: string): string | undefined => {
    const page = pageOf(code, period);
    return page ? pathOf(unitRoute(page), lang) : undefined;
  };
  const name = (code: string, lang: Lang, period?: string) => unitName(registers, code, lang, period);
  return {
    name,
    href,
    slugOf: (code, period) => pageOf(code, period)?.slug,
    cell(code, lang, period) {
      const link = href(code, lang, period);
      return link ? { text: name(code, lang, period), href: link } : name(code, lang, period);
    },
  };
}

export function unitLinker(): Promise<UnitLinker> {
  cached ??= build();
  return cached;
}
