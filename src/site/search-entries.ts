/**
 * What the search finds: every page of the site with its title and address in both languages.
 * The search page lists them all (so it works without JavaScript) and /search-index.json
 * publishes the same list for scripts and other tools.
 */
import type { Bilingual, UnitLevel } from '../intake/types.ts';
import { formatDate } from './format.ts';
import { LANGS, t, UNIT_LEVEL_LABEL, type Lang, type UiKey } from './i18n.ts';
import type { PlanListing, UnitListing } from './page-inventory.ts';
import { pathOf, unitRoute, type Route, type StaticRouteKey } from './routes.ts';

export type SearchKind = 'page' | 'ranking' | 'plan' | UnitLevel;

export interface SearchEntry {
  kind: SearchKind;
  /** Unit code, for units (searchable: "585" finds Huyện Ninh Sơn). */
  code?: string;
  title: Bilingual;
  path: Bilingual;
  /** A qualifier shown after the title, e.g. the unit's validity ("đến 30/06/2025"). */
  note?: Bilingual;
}

const STATIC_TITLE: Record<StaticRouteKey, UiKey> = {
  home: 'navHome',
  data: 'navData',
  methodology: 'navMethodology',
  officialResults: 'navOfficialResults',
  about: 'navAbout',
  releases: 'footerRelease',
  search: 'navSearch',
};

const KIND_LABEL: Record<SearchKind, Bilingual> = {
  page: { vi: 'Trang', en: 'Page' },
  ranking: { vi: 'Xếp hạng', en: 'Ranking' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  ...UNIT_LEVEL_LABEL,
};

export function kindLabel(kind: SearchKind, lang: Lang): string {
  return KIND_LABEL[kind][lang];
}

function both(route: Route): Bilingual {
  return { vi: pathOf(route, 'vi'), en: pathOf(route, 'en') };
}

function bilingual(make: (lang: Lang) => string): Bilingual {
  return { vi: make('vi'), en: make('en') };
}

/**
 * A unit's validity as a qualifier: "đến 30/06/2025" for a unit that ended, "từ 01/07/2025" for
 * one created after the start of the register (`seriesStart`), nothing for a unit valid throughout.
 */
export function validityNote(unit: UnitListing, seriesStart: string): Bilingual | undefined {
  if (unit.valid_to) return bilingual((lang) => `${lang === 'vi' ? 'đến' : 'until'} ${formatDate(unit.valid_to as string, lang)}`);
  if (unit.valid_from > seriesStart) return bilingual((lang) => `${lang === 'vi' ? 'từ' : 'from'} ${formatDate(unit.valid_from, lang)}`);
  return undefined;
}

export interface SearchSources {
  staticKeys: readonly StaticRouteKey[];
  rankingYears: readonly string[];
  units: readonly UnitListing[];
  plans: readonly PlanListing[];
}

/** Every searchable page, in no particular order (lists sort them per language). */
export function searchEntries({ staticKeys, rankingYears, units, plans }: SearchSources): SearchEntry[] {
  const seriesStart = units.reduce((min, u) => (u.valid_from < min ? u.valid_from : min), '9999-12-31');
  return [
    ...staticKeys.map((key): SearchEntry => ({ kind: 'page', title: bilingual((lang) => t(STATIC_TITLE[key], lang)), path: both({ key } as Route) })),
    ...rankingYears.map((year): SearchEntry => ({
      kind: 'ranking',
      title: bilingual((lang) => `${t('navRanking', lang)} ${year}`),
      path: both({ key: 'ranking', year }),
    })),
    ...units.map((unit): SearchEntry => {
      const note = validityNote(unit, seriesStart);
      return {
        kind: unit.level,
        code: unit.code,
        title: { vi: unit.name_vi, en: unit.name_en },
        path: both(unitRoute(unit)),
        ...(note ? { note } : {}),
      };
    }),
    ...plans.map((plan): SearchEntry => ({ kind: 'plan', title: plan.title, path: both({ key: 'plan', id: plan.id }) })),
  ];
}

/** Entries in the reader's alphabetical order (Vietnamese collation on the Vietnamese page). */
export function sortEntries(entries: readonly SearchEntry[], lang: Lang): SearchEntry[] {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  return [...entries].sort((a, b) => collator.compare(a.title[lang], b.title[lang]) || (a.code ?? '').localeCompare(b.code ?? ''));
}

/** The text a query is matched against: both titles and the code, so either language finds it. */
export function searchText(entry: SearchEntry): string {
  return [...LANGS.map((lang) => entry.title[lang]), entry.code ?? ''].join(' ').trim();
}
