/**
 * Which data pages exist: ranking years, units, plans, compare pages. The sitemap, the search index and the
 * navigation read this one list, and the data pages' `getStaticPaths` should too, so a page
 * can never be built without being findable (or listed without being built).
 *
 * Sources: units from `units.csv` of the data folder (read and checked by the intake), kept
 * when the published results have something to show for them (units-with-results.ts); plans
 * from `plans/*`; ranking years from the published `rankings.csv`. Before the pipeline has run
 * there are no published results, hence no ranking and unit pages.
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { publishedParts } from '../publish/file-parts.ts';
import { loadRegisters } from '../intake/load-registers.ts';
import { readStructuredFile, STRUCTURED_EXTENSIONS } from '../intake/read-structured.ts';
import type { Unit, UnitLevel } from '../intake/types.ts';
import { compareInventoryOf, unitSlug, type CompareInventory } from './compare-pages.ts';
import { MAIN_SURVEY } from './index-selections.ts';
import { PUBLISHED_DIR, publishedData } from './published-data.ts';
import type { Registers } from '../intake/registers.ts';
import { ownPageGroups } from './ranking-groups.ts';
import type { PageInventory, UnitSlug } from './routes.ts';
import { STATIC_ROUTE_KEYS, unitNameSlug } from './routes.ts';
import { searchEntries, type SearchEntry } from './search-entries.ts';
import { searchLetters } from './search-letters.ts';
import { dataDir, siteConfig } from './site-config.ts';
import { unitVersionId } from './unit-versions.ts';
import { unitsWithResults } from './units-with-results.ts';

/** A unit version as lists, search and its page show it. */
export interface UnitListing {
  /** Version id (unit-versions.ts): `22741@2025-07-01`; how the pages look its rows up. */
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  level: UnitLevel;
  /** Validity of this version (ISO dates; null = still valid). */
  valid_from: string;
  valid_to: string | null;
  /** The page address's name part (routes.ts → unitNameSlug), unique for the code. */
  slug: string;
  /**
   * The unit's part of its chart ids: the code for the code's first version (the ids it always
   * had), the code and start year for a later version (`22741-2025`), whose charts would
   * otherwise take the old unit's ids.
   */
  chartKey: string;
}

/**
 * Units that may get a page: every version of every unit in the register (the register lists the
 * province's territory before and after the 2025 reorganisation). A code reused by a new unit is
 * another unit with its own page (22810 Thị trấn Tân Sơn until 2025-06-30, Xã Ninh Sơn after); when
 * the two also share a name (22813 Xã Lâm Sơn, which took in Xã Lương Sơn), the later one's address
 * gets the year it started (`22813-lam-son-2025`), so the old page keeps the address it always had.
 * Pass `keep` to narrow (e.g. to units with published results).
 */
export function unitsWithPages(units: readonly Unit[], keep: (unit: Unit) => boolean = () => true): UnitListing[] {
  const taken = new Set<string>();
  const seenCodes = new Set<string>();
  const listings: UnitListing[] = [];
  const inOrder = [...units].sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0));
  for (const unit of inOrder) {
    const { code, name_vi, name_en, level, valid_from, valid_to } = unit;
    const base = unitNameSlug(name_vi);
    const slug = taken.has(`${code}-${base}`) ? `${base}-${valid_from.slice(0, 4)}` : base;
    taken.add(`${code}-${slug}`);
    const chartKey = seenCodes.has(code) ? `${code}-${valid_from.slice(0, 4)}` : code;
    seenCodes.add(code);
    if (keep(unit)) listings.push({ id: unitVersionId(unit), code, name_vi, name_en, level, valid_from, valid_to, slug, chartKey });
  }
  const position = new Map(units.map((u, i) => [unitVersionId(u), i]));
  return listings.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** A plan as lists and search show it. */
export interface PlanListing {
  id: string;
  title: { vi: string; en: string };
  reference: string;
}

/** Plans of `plans/*.(json|yaml)` (id, title, reference), sorted by file name. */
export async function readPlanListings(dir = join(dataDir(), 'plans')): Promise<PlanListing[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => (STRUCTURED_EXTENSIONS as readonly string[]).includes(extname(name)))
    .sort();
  const listings: PlanListing[] = [];
  for (const name of files) {
    const plan = (await readStructuredFile(join(dir, name), `plans/${name}`, warn)) as PlanListing;
    listings.push({ id: plan.id, title: plan.title, reference: plan.reference });
  }
  return listings;
}

/** Yearly periods of the published ranking, oldest first; none before the pipeline has run. */
export function readRankingYears(): string[] {
  if (publishedParts(PUBLISHED_DIR, 'rankings.csv').length === 0) return [];
  const years = new Set(publishedData().rankings.map((r) => r.period).filter((p) => /^\d{4}$/.test(p)));
  return [...years].sort();
}

export interface SiteInventory extends PageInventory {
  unitListings: UnitListing[];
  plans: PlanListing[];
  /** The compare pages (compare-pages.ts); none before the pipeline has run. */
  compare: CompareInventory;
  /** What the search finds (search-entries.ts), unsorted; its units give the A–Z pages. */
  searchEntries: SearchEntry[];
}

const warn = (message: string): void => console.warn(message);

let cached: Promise<SiteInventory> | undefined;

/** The inventory of this build, read once. */
export function pageInventory(): Promise<SiteInventory> {
  cached ??= readInventory();
  return cached;
}

/** Units with a page: see units-with-results.ts; none before the pipeline has run. */
function unitsWithPublishedResults(listings: UnitListing[]): UnitListing[] {
  if (publishedParts(PUBLISHED_DIR, 'indices.csv').length === 0) return [];
  const data = publishedData();
  const yearlyOverall = (id: string) =>
    data.ofUnit(MAIN_SURVEY, id).filter((r) => r.breakdown === 'all' && r.indicator === 'overall' && /^\d{4}$/.test(r.period));
  return unitsWithResults(listings, yearlyOverall);
}

/** The groups ranked on a page of their own, named by the unit they are ranked within (its page's slug). */
function groupsWithOwnPage(registers: Registers, listings: readonly UnitListing[]): { year: string; within: UnitSlug }[] {
  const rows = publishedData().rankings;
  const byId = new Map(listings.map((l) => [l.id, l]));
  const found: { year: string; within: UnitSlug }[] = [];
  for (const year of [...new Set(rows.map((r) => r.period))].sort()) {
    const inYear = rows.filter((r) => r.period === year);
    for (const key of ownPageGroups(inYear)) {
      const [level, parentCode] = key.split('|');
      const member = inYear.find((r) => r.unit_level === level && r.parent_code === parentCode);
      const parent = member ? registers.unitOn(parentCode ?? '', member.unit_valid_from) : null;
      const listing = parent ? byId.get(unitVersionId(parent)) : undefined;
      if (listing) found.push({ year, within: unitSlug(listing) });
    }
  }
  return found;
}

async function readInventory(): Promise<SiteInventory> {
  const registers = await loadRegisters(dataDir(), warn);
  const unitListings = unitsWithPublishedResults(unitsWithPages(registers.units));
  const plans = await readPlanListings();
  const compare = publishedParts(PUBLISHED_DIR, 'comparisons.csv').length > 0
    ? compareInventoryOf(publishedData().comparisons(MAIN_SURVEY), unitListings)
    : { pairs: [], units: [] };
  const rankingYears = readRankingYears();
  const rankingGroups = rankingYears.length > 0 ? groupsWithOwnPage(registers, unitListings) : [];
  const entries = searchEntries({
    staticKeys: STATIC_ROUTE_KEYS,
    rankingYears,
    registers,
    provinceCode: (await siteConfig()).province_code ?? '',
    pages: unitListings,
    plans,
  });
  return {
    rankingYears,
    rankingGroups,
    units: unitListings,
    planIds: plans.map((p) => p.id),
    comparePairs: compare.pairs.map(({ a, b }) => ({ a: unitSlug(a), b: unitSlug(b) })),
    compareUnits: compare.units.map(unitSlug),
    searchLetters: searchLetters(entries),
    unitListings,
    plans,
    compare,
    searchEntries: entries,
  };
}
