/**
 * What the search finds: every page of the site with its title and address in both languages,
 * and every unit of the register under every name it has had, before and after the 1/7/2025
 * reorganisation (one entry per register version: 22738 Phường Đô Vinh under Phan Rang - Tháp
 * Chàm until 30/06/2025, and under Khánh Hòa from 01/07/2025), each with its parent and validity.
 * The search finds them through the shards of search-shards.ts, the A–Z pages of
 * search-letters.ts list the units without JavaScript, and /search-index.json publishes the whole
 * list for scripts and other tools.
 *
 * A unit version without a page of its own (a commune that never had enough responses, a
 * commune formed on 1/7/2025 after the last survey) is listed without a link: its parent, the
 * nearest page one might point to, is then either the district page that already lists it, or
 * Khánh Hòa, which has no page here; and a new commune's results live on the pages of the
 * several old communes it was formed from, which the same search finds by their own names.
 * Linking one of them would suggest it holds the new commune's results.
 */
import type { Registers } from '../intake/registers.ts';
import type { Bilingual, Unit, UnitLevel } from '../intake/types.ts';
import { formatDate } from './format.ts';
import { LANGS, t, UNIT_LEVEL_LABEL, type Lang, type UiKey } from './i18n.ts';
import type { PlanListing, UnitListing } from './page-inventory.ts';
import { pathOf, unitRoute, type Route, type StaticRouteKey } from './routes.ts';
import { unitVersionId } from './unit-versions.ts';

export type SearchKind = 'page' | 'ranking' | 'plan' | UnitLevel;

export interface SearchEntry {
  kind: SearchKind;
  /** Unit code, for units (searchable: "585" finds Huyện Ninh Sơn). */
  code?: string;
  title: Bilingual;
  /** Absent for a unit that has no page (see the module comment). */
  path?: Bilingual;
  /** The unit's parent as it was when this version began ("Tỉnh Khánh Hòa"). */
  parent?: Bilingual;
  /** A qualifier shown after the title, e.g. the unit's validity ("đến 30/06/2025"). */
  note?: Bilingual;
}

const STATIC_TITLE: Record<StaticRouteKey, UiKey> = {
  home: 'navHome',
  trends: 'navTrends',
  data: 'navData',
  methodology: 'navMethodology',
  officialResults: 'navOfficialResults',
  about: 'navAbout',
  releases: 'navReleases',
  changes: 'navChanges',
  search: 'navSearch',
  compare: 'navCompare',
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
 * one created after the start of the register (`seriesStart`), both for one that did both, and
 * nothing for a unit valid throughout.
 */
export function validityNote(unit: Pick<UnitListing, 'valid_from' | 'valid_to'>, seriesStart: string): Bilingual | undefined {
  const from = unit.valid_from > seriesStart ? unit.valid_from : null;
  const to = unit.valid_to;
  if (!from && !to) return undefined;
  return bilingual((lang) =>
    [from && `${lang === 'vi' ? 'từ' : 'from'} ${formatDate(from, lang)}`, to && `${lang === 'vi' ? 'đến' : 'until'} ${formatDate(to, lang)}`]
      .filter(Boolean)
      .join(' '),
  );
}

export interface SearchSources {
  staticKeys: readonly StaticRouteKey[];
  rankingYears: readonly string[];
  /** The unit register (all versions, other provinces included, for parents' names). */
  registers: Registers;
  /** The site's province: other provinces are context (parents), not entries. */
  provinceCode: string;
  /** Units that have a page (page-inventory.ts). */
  pages: readonly UnitListing[];
  plans: readonly PlanListing[];
}

/**
 * The search entry of one register version of a unit; `pageOf` finds the page of that version
 * (a code reused by a new unit has one page per version, routes.ts).
 */
function unitEntry(unit: Unit, registers: Registers, pageOf: (unit: Unit) => UnitListing | undefined, seriesStart: string): SearchEntry {
  const page = pageOf(unit);
  const parent = unit.parent_code ? registers.unitOn(unit.parent_code, unit.valid_from) : null;
  const note = validityNote(unit, seriesStart);
  return {
    kind: unit.level,
    code: unit.code,
    title: { vi: unit.name_vi, en: unit.name_en },
    ...(page ? { path: both(unitRoute(page)) } : {}),
    ...(parent ? { parent: { vi: parent.name_vi, en: parent.name_en } } : {}),
    ...(note ? { note } : {}),
  };
}

/** Every searchable page and unit, in no particular order (lists sort them per language). */
export function searchEntries(sources: SearchSources): SearchEntry[] {
  const { staticKeys, rankingYears, registers, provinceCode, pages, plans } = sources;
  const register = registers.units;
  const pagesByVersion = new Map(pages.map((page) => [page.id, page]));
  const pageOf = (unit: Unit) => pagesByVersion.get(unitVersionId(unit));
  const seriesStart = register.reduce((min, u) => (u.valid_from < min ? u.valid_from : min), '9999-12-31');
  return [
    ...staticKeys.map((key): SearchEntry => ({ kind: 'page', title: bilingual((lang) => t(STATIC_TITLE[key], lang)), path: both({ key } as Route) })),
    ...rankingYears.map((year): SearchEntry => ({
      kind: 'ranking',
      title: bilingual((lang) => `${t('navRanking', lang)} ${year}`),
      path: both({ key: 'ranking', year }),
    })),
    // Provinces are entries when they are the site's or have a page (Khánh Hòa from 2025-07-01).
    ...register
      .filter((unit) => unit.level !== 'province' || unit.code === provinceCode || pageOf(unit) !== undefined)
      .map((unit) => unitEntry(unit, registers, pageOf, seriesStart)),
    ...plans.map((plan): SearchEntry => ({ kind: 'plan', title: plan.title, path: both({ key: 'plan', id: plan.id }) })),
  ];
}

/** What follows a unit's name: its parent and validity, "Tỉnh Khánh Hòa, từ 01/07/2025"; '' for a page. */
export function entryContext(entry: SearchEntry, lang: Lang): string {
  return [entry.parent?.[lang], entry.note?.[lang]].filter(Boolean).join(', ');
}

/** The entry in one line, as a list shows it: "Xã Ninh Sơn — Tỉnh Khánh Hòa, từ 01/07/2025". */
export function entryLine(entry: SearchEntry, lang: Lang): string {
  const context = entryContext(entry, lang);
  return context ? `${entry.title[lang]} — ${context}` : entry.title[lang];
}

/** Kind, code and whether the unit has a page, as a list shows them after the line: "Cấp xã 22738 · không có trang riêng". */
export function entryDetail(entry: SearchEntry, lang: Lang): string {
  const noPage = entry.path ? '' : lang === 'vi' ? ' · không có trang riêng' : ' · no page of its own';
  return `${kindLabel(entry.kind, lang)}${entry.code ? ` ${entry.code}` : ''}${noPage}`;
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
