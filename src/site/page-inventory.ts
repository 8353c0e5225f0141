/**
 * Which data pages exist: ranking years, units, plans. The sitemap, the search index and the
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
import { loadRegisters } from '../intake/load-registers.ts';
import { readStructuredFile, STRUCTURED_EXTENSIONS } from '../intake/read-structured.ts';
import type { Unit, UnitLevel } from '../intake/types.ts';
import { MAIN_SURVEY } from './index-selections.ts';
import { PUBLISHED_DIR, publishedData } from './published-data.ts';
import type { PageInventory } from './routes.ts';
import { dataDir, siteConfig } from './site-config.ts';
import { unitsWithResults } from './units-with-results.ts';

/** A unit as lists and search show it. */
export interface UnitListing {
  code: string;
  name_vi: string;
  name_en: string;
  level: UnitLevel;
  /** Validity of the code under this name, merged over its rows (ISO dates; null = still valid). */
  valid_from: string;
  valid_to: string | null;
}

/**
 * Units that get a page by default: the site's province and every district and commune in the
 * register (the register lists only units on the province's territory, before and after the 2025
 * reorganisation); other provinces (e.g. Khánh Hòa, which absorbed it) are context, not subjects.
 * A code listed twice under one name (two validity periods) is one page. Pass `keep` to narrow
 * further (e.g. to units with published results).
 */
export function unitsWithPages(
  units: readonly Unit[],
  provinceCode: string,
  keep: (unit: Unit) => boolean = () => true,
): UnitListing[] {
  const byCodeAndName = new Map<string, UnitListing>();
  for (const unit of units) {
    if (unit.level === 'province' && unit.code !== provinceCode) continue;
    if (!keep(unit)) continue;
    const key = `${unit.code}|${unit.name_vi}`;
    const seen = byCodeAndName.get(key);
    if (!seen) {
      const { code, name_vi, name_en, level, valid_from, valid_to } = unit;
      byCodeAndName.set(key, { code, name_vi, name_en, level, valid_from, valid_to });
      continue;
    }
    // One name over two periods (22738 Phường Đô Vinh before and after 2025-07-01): one page
    // whose validity spans both, named as the later row names it.
    const later = seen.valid_from < unit.valid_from ? unit : seen;
    byCodeAndName.set(key, {
      code: unit.code,
      name_vi: later.name_vi,
      name_en: later.name_en,
      level: later.level,
      valid_from: seen.valid_from < unit.valid_from ? seen.valid_from : unit.valid_from,
      valid_to: seen.valid_to === null || unit.valid_to === null ? null : seen.valid_to > unit.valid_to ? seen.valid_to : unit.valid_to,
    });
  }
  return [...byCodeAndName.values()];
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
  if (!existsSync(join(PUBLISHED_DIR, 'rankings.csv'))) return [];
  const years = new Set(publishedData().rankings.map((r) => r.period).filter((p) => /^\d{4}$/.test(p)));
  return [...years].sort();
}

export interface SiteInventory extends PageInventory {
  unitListings: UnitListing[];
  plans: PlanListing[];
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
  if (!existsSync(join(PUBLISHED_DIR, 'indices.csv'))) return [];
  const data = publishedData();
  const yearlyOverall = (code: string) =>
    data.ofUnit(MAIN_SURVEY, code).filter((r) => r.breakdown === 'all' && r.indicator === 'overall' && /^\d{4}$/.test(r.period));
  return unitsWithResults(listings, yearlyOverall);
}

async function readInventory(): Promise<SiteInventory> {
  const registers = await loadRegisters(dataDir(), warn);
  const unitListings = unitsWithPublishedResults(unitsWithPages(registers.units, (await siteConfig()).province_code));
  const plans = await readPlanListings();
  return {
    rankingYears: readRankingYears(),
    units: unitListings,
    planIds: plans.map((p) => p.id),
    unitListings,
    plans,
  };
}
