/**
 * Every address of the site, in one place. A page is a `Route` (what it shows) seen in a `Lang`;
 * `pathOf` turns the pair into its URL path, `parsePath` turns a path back into the pair, so the
 * language switch, canonical links, hreflang alternates, the sitemap and the search index all
 * agree by construction.
 *
 * Paths (always with a trailing slash; English under `/en/`):
 *   home             /                         /en/
 *   ranking          /xep-hang/<year>/         /en/ranking/<year>/
 *                    /xep-hang/<year>/<unit>/  /en/ranking/<year>/<unit>/   (units ranked within one unit)
 *   trends           /xu-huong/                /en/trends/
 *   unit             /don-vi/<code>-<slug>/    /en/units/<code>-<slug>/
 *   plan             /ke-hoach/<id>/           /en/plans/<id>/
 *   data             /du-lieu/                 /en/data/
 *   methodology      /phuong-phap/             /en/methodology/
 *   officialResults  /ket-qua-chinh-thuc/      /en/official-results/
 *   about            /gioi-thieu/              /en/about/
 *   releases         /phien-ban/               /en/releases/
 *   search           /tim-kiem/                /en/search/
 *   searchLetter     /tim-kiem/<letter>/       /en/search/<letter>/   (units by first letter, search-letters.ts)
 *   compare          /so-sanh/                 /en/compare/
 *   comparePair      /so-sanh/<a>-va-<b>/      /en/compare/<a>-and-<b>/   (<a>, <b>: `<code>-<slug>`)
 *   compareUnit      /so-sanh/<code>-<slug>/   /en/compare/<code>-<slug>/
 *   embed            /nhung/<chart id>/        /en/embed/<chart id>/   (one chart, for an iframe)
 *
 * A unit's slug is its Vietnamese name folded to ASCII without the word for its kind of unit
 * (585 "Huyện Ninh Sơn" → `585-ninh-son`), the same in both languages. The code keeps the
 * address unique; the slug keeps it readable. A code reused by a new unit (22759 "Phường Kinh
 * Dinh" until 2025-06-30, "Phường Phan Rang" after) thus gets one address per unit version; a
 * reused code under the same name gets the new version's start year (`22813-lam-son-2025`).
 */
import { foldDiacritics } from './fold-diacritics.ts';
import { FROZEN_ROOT, frozenBuild } from './frozen-release.ts';
import { LANGS, otherLang, type Lang } from './i18n.ts';

export type Route =
  | { key: 'home' }
  /**
   * The ranking of one year; with `within`, only the units ranked within that one unit, on a page
   * of their own (a national site: each province's communes, /xep-hang/2026/01-ha-noi/).
   */
  | { key: 'ranking'; year: string; within?: UnitSlug }
  | { key: 'trends' }
  | { key: 'unit'; code: string; slug: string }
  | { key: 'plan'; id: string }
  | { key: 'data' }
  | { key: 'methodology' }
  | { key: 'officialResults' }
  | { key: 'about' }
  /** The release calendar: past releases with their notes, the next planned ones (live only). */
  | { key: 'releases' }
  /** What changed in this release since the previous one (revisions.csv, read). */
  | { key: 'changes' }
  | { key: 'search' }
  /** The units whose name begins with one (folded) letter: the search without JavaScript. */
  | { key: 'searchLetter'; letter: string }
  | { key: 'compare' }
  /** Two units side by side; `a` is comparisons.csv's unit_a (the lower code). */
  | { key: 'comparePair'; a: UnitSlug; b: UnitSlug }
  /** One unit against every other unit of its group (the communes after 1 July 2025). */
  | { key: 'compareUnit'; code: string; slug: string }
  /** A chart alone, to be framed by another site (written by src/images/, not in the sitemap). */
  | { key: 'embed'; id: string };

/** A unit in an address: its code and the slug of its page (`585`, `ninh-son`). */
export interface UnitSlug {
  code: string;
  slug: string;
}

export type RouteKey = Route['key'];

/** Routes that take no parameter (one page each per language). */
export type StaticRouteKey = Exclude<RouteKey, 'ranking' | 'unit' | 'plan' | 'searchLetter' | 'comparePair' | 'compareUnit' | 'embed'>;

/** The page about every release, which only the live site has: a frozen copy links to it there. */
const LIVE_ONLY: ReadonlySet<RouteKey> = new Set(['releases']);

/** First path segment of each route, per language (`''` = the language root). */
const SECTION: Record<RouteKey, Record<Lang, string>> = {
  home: { vi: '', en: '' },
  ranking: { vi: 'xep-hang', en: 'ranking' },
  trends: { vi: 'xu-huong', en: 'trends' },
  unit: { vi: 'don-vi', en: 'units' },
  plan: { vi: 'ke-hoach', en: 'plans' },
  data: { vi: 'du-lieu', en: 'data' },
  methodology: { vi: 'phuong-phap', en: 'methodology' },
  officialResults: { vi: 'ket-qua-chinh-thuc', en: 'official-results' },
  about: { vi: 'gioi-thieu', en: 'about' },
  releases: { vi: FROZEN_ROOT.vi, en: 'releases' },
  changes: { vi: 'thay-doi', en: 'changes' },
  search: { vi: 'tim-kiem', en: 'search' },
  searchLetter: { vi: 'tim-kiem', en: 'search' },
  compare: { vi: 'so-sanh', en: 'compare' },
  comparePair: { vi: 'so-sanh', en: 'compare' },
  compareUnit: { vi: 'so-sanh', en: 'compare' },
  embed: { vi: 'nhung', en: 'embed' },
};

/** The word between the two units of a pair's address: `584-bac-ai-va-585-ninh-son`. */
const PAIR_WORD: Record<Lang, string> = { vi: 'va', en: 'and' };

export const STATIC_ROUTE_KEYS: readonly StaticRouteKey[] = [
  'home',
  'trends',
  'data',
  'methodology',
  'officialResults',
  'about',
  'releases',
  'changes',
  'search',
  'compare',
];

/** Words naming the kind of unit, folded, longest first so "thi tran" is not read as "thi". */
const UNIT_KIND_PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'phuong', 'huyen', 'tinh', 'xa'];

/** Lower-case ASCII words joined by `-`: "Phan Rang - Tháp Chàm" → `phan-rang-thap-cham`. */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A unit's name without its kind, as a slug: "Thành phố Phan Rang - Tháp Chàm" → `phan-rang-thap-cham`. */
export function unitNameSlug(nameVi: string): string {
  const folded = foldDiacritics(nameVi).toLowerCase().trim();
  const prefix = UNIT_KIND_PREFIXES.find((p) => folded.startsWith(`${p} `));
  return slugify(prefix ? folded.slice(prefix.length + 1) : folded);
}

/**
 * The route of a unit's page, from its listing (`code`, `slug`: page-inventory.ts, which adds the
 * start year to a reused code's later version of the same name) or a register row (`name_vi`).
 */
export function unitRoute(unit: { code: string; name_vi: string; slug?: string }): Route {
  return { key: 'unit', code: unit.code, slug: unit.slug ?? unitNameSlug(unit.name_vi) };
}

/** Parameters end up as one path segment: refuse anything that would need escaping or add a `/`. */
function segment(value: string, what: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    throw new Error(`routes: ${what} "${value}" cannot be used in an address; use letters, digits, "-", "_" or "." only.`);
  }
  return value;
}

/**
 * Where a language's pages start: `/` and `/en/` on the live site, `/phat-hanh/<id>/` and
 * `/en/releases/<id>/` in the frozen copy of release <id> (data-contract.md → Releases).
 */
export function languageRoot(lang: Lang, release: string | null = frozenBuild()?.version ?? null): string {
  if (release !== null) return `/${FROZEN_ROOT[lang]}/${segment(release, 'release id')}/`;
  return lang === 'en' ? '/en/' : '/';
}

/**
 * The path of a file served with the pages (`/data/indices.csv`, `/scripts/search.js`): in a
 * frozen copy, the release's own copy of it under `/phat-hanh/<id>/`.
 */
export function filePath(path: string, release: string | null = frozenBuild()?.version ?? null): string {
  if (!path.startsWith('/')) throw new Error(`filePath: "${path}" must start with /`);
  return release === null ? path : `${languageRoot('vi', release)}${path.slice(1)}`;
}

/**
 * The URL path of `route` in `lang`, e.g. `/en/units/585-ninh-son/`. `release` names a frozen
 * copy (default: the one this build renders), null the live site.
 */
export function pathOf(route: Route, lang: Lang, release: string | null = frozenBuild()?.version ?? null): string {
  const root = languageRoot(lang, LIVE_ONLY.has(route.key) ? null : release);
  const section = SECTION[route.key][lang];
  switch (route.key) {
    case 'home':
      return root;
    case 'ranking':
      return `${root}${section}/${segment(route.year, 'ranking year')}/${route.within ? `${unitSegment(route.within)}/` : ''}`;
    case 'unit':
      return `${root}${section}/${segment(route.code, 'unit code')}-${segment(route.slug, 'unit slug')}/`;
    case 'plan':
      return `${root}${section}/${segment(route.id, 'plan id')}/`;
    case 'searchLetter':
      return `${root}${section}/${segment(route.letter, 'search letter')}/`;
    case 'comparePair':
      return `${root}${section}/${unitSegment(route.a)}-${PAIR_WORD[lang]}-${unitSegment(route.b)}/`;
    case 'compareUnit':
      return `${root}${section}/${unitSegment(route)}/`;
    case 'embed':
      return `${root}${section}/${segment(route.id, 'chart id')}/`;
    default:
      return `${root}${section}/`;
  }
}

const unitSegment = (unit: UnitSlug): string => `${segment(unit.code, 'unit code')}-${segment(unit.slug, 'unit slug')}`;

/**
 * A page path (with its `#anchor`) as the same page in release `release`'s frozen copy: what a
 * citation names, so the number cited never changes under it. Paths that are no page are kept.
 */
export function frozenCopyOf(path: string, release: string): string {
  const hashAt = path.indexOf('#');
  const [page, hash] = hashAt < 0 ? [path, ''] : [path.slice(0, hashAt), path.slice(hashAt)];
  const parsed = parsePath(page);
  if (!parsed || LIVE_ONLY.has(parsed.route.key)) return path;
  return `${pathOf(parsed.route, parsed.lang, release)}${hash}`;
}

/** The same page in the other language: where the language switch and hreflang point. */
export function alternatePath(route: Route, lang: Lang): string {
  return pathOf(route, otherLang(lang));
}

/** The absolute address of a path on the published site (`base_url` may carry a sub-path). */
export function absoluteUrl(path: string, baseUrl: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl).href;
}

/**
 * Reads a path back into its route and language (and the release, for a frozen copy's page);
 * `null` for a path that is not a page.
 */
export function parsePath(path: string): { route: Route; lang: Lang; release?: string } | null {
  const parts = path.split('/').filter((p) => p !== '');
  const lang: Lang = parts[0] === 'en' ? 'en' : 'vi';
  if (lang === 'en') parts.shift();
  // `/phat-hanh/` and `/en/releases/` alone are the release calendar; with an id, a frozen copy.
  const frozen = parts[0] === (lang === 'vi' ? FROZEN_ROOT.vi : 'releases') && parts[1] !== undefined;
  if (frozen) {
    const release = parts[1];
    if (release === undefined) return null;
    const inner = parseSections(parts.slice(2), lang);
    return inner ? { ...inner, release } : null;
  }
  return parseSections(parts, lang);
}

function parseSections(parts: string[], lang: Lang): { route: Route; lang: Lang } | null {
  if (parts.length === 0) return { route: { key: 'home' }, lang };
  const key = (Object.keys(SECTION) as RouteKey[]).find((k) => k !== 'home' && SECTION[k][lang] === parts[0]);
  if (!key) return null;
  const param = parts[1];
  if (parts.length === 1) {
    return (STATIC_ROUTE_KEYS as readonly string[]).includes(key) ? { route: { key } as Route, lang } : null;
  }
  if (key === 'ranking' && parts.length === 3 && param !== undefined) {
    const within = /^([0-9A-Za-z]+)-(.+)$/.exec(parts[2] ?? '');
    return within?.[1] && within[2] ? { route: { key, year: param, within: { code: within[1], slug: within[2] } }, lang } : null;
  }
  if (parts.length !== 2 || param === undefined) return null;
  if (key === 'ranking') return { route: { key, year: param }, lang };
  if (key === 'plan') return { route: { key, id: param }, lang };
  if (key === 'embed') return { route: { key, id: param }, lang };
  if (key === 'search') return { route: { key: 'searchLetter', letter: param }, lang };
  if (key === 'unit') {
    const match = /^([0-9A-Za-z]+)-(.+)$/.exec(param);
    return match?.[1] && match[2] ? { route: { key, code: match[1], slug: match[2] }, lang } : null;
  }
  if (key === 'compare') {
    // Unit codes are digits, so "-va-<digits>-" can only be the join of a pair.
    const pair = new RegExp(`^([0-9]+)-(.+?)-${PAIR_WORD[lang]}-([0-9]+)-(.+)$`).exec(param);
    if (pair?.[1] && pair[2] && pair[3] && pair[4]) {
      return { route: { key: 'comparePair', a: { code: pair[1], slug: pair[2] }, b: { code: pair[3], slug: pair[4] } }, lang };
    }
    const unit = /^([0-9A-Za-z]+)-(.+)$/.exec(param);
    return unit?.[1] && unit[2] ? { route: { key: 'compareUnit', code: unit[1], slug: unit[2] }, lang } : null;
  }
  return null;
}

/** What the data pages exist for; filled from the data by `pageInventory()` (page-inventory.ts). */
export interface PageInventory {
  /** Years that have a ranking page, e.g. `['2023', '2024']`. */
  rankingYears: string[];
  /** Groups ranked on a page of their own (ranking-content.ts → ownPageGroups); absent = none. */
  rankingGroups?: { year: string; within: UnitSlug }[];
  /** Units that have a page. */
  units: { code: string; name_vi: string }[];
  /** Plan ids that have a page. */
  planIds: string[];
  /** Pairs of units with a compare page (the districts); absent = none. */
  comparePairs?: { a: UnitSlug; b: UnitSlug }[];
  /** Units with a page of their comparisons with every other unit of their group (the new communes). */
  compareUnits?: UnitSlug[];
  /** First letters of the search's A–Z pages (search-letters.ts); absent = none. */
  searchLetters?: string[];
}

/** Every page of the site as a route: the static pages, then the data pages of the inventory. */
export function allRoutes(inventory: PageInventory): Route[] {
  return [
    ...STATIC_ROUTE_KEYS.map((key): Route => ({ key }) as Route),
    ...inventory.rankingYears.map((year): Route => ({ key: 'ranking', year })),
    ...(inventory.rankingGroups ?? []).map(({ year, within }): Route => ({ key: 'ranking', year, within })),
    ...dedupe(inventory.units.map(unitRoute)),
    ...inventory.planIds.map((id): Route => ({ key: 'plan', id })),
    ...(inventory.searchLetters ?? []).map((letter): Route => ({ key: 'searchLetter', letter })),
    ...(inventory.comparePairs ?? []).map(({ a, b }): Route => ({ key: 'comparePair', a, b })),
    ...(inventory.compareUnits ?? []).map(({ code, slug }): Route => ({ key: 'compareUnit', code, slug })),
  ];
}

/** Every page path in both languages (the sitemap's list). */
export function allPagePaths(inventory: PageInventory): string[] {
  return allRoutes(inventory).flatMap((route) => LANGS.map((lang) => pathOf(route, lang)));
}

/** A route listed twice is one page. */
function dedupe(routes: Route[]): Route[] {
  const seen = new Set<string>();
  return routes.filter((route) => {
    const key = pathOf(route, 'vi');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
