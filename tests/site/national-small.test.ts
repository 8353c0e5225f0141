/**
 * A small national site through the same paths as the whole country's (issue 15): the generator
 * writes a data folder of 3 provinces (01 Hà Nội, 56 Khánh Hòa, 79 Hồ Chí Minh) and 40 of their
 * communes under the country unit VN, the pipeline publishes it, Astro builds the pages, and the
 * built files are read back: the rankings' groups, the year's page ranking the provinces and
 * linking a ranking page per province, a page per unit in both languages, the search shards, the
 * page-weight budget and every internal link.
 *
 * The build (≈ 3 min on the shared 2-core machine) runs in beforeAll in a temporary folder, with
 * the project's Node (process.execPath). To read an earlier build instead, set
 * SIPAS_NATIONAL_SMALL_DIR to a folder holding that build's `data/`, `public/` and `dist/`
 * (as this file writes them).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldDiacritics, matches } from '../../src/site/fold-diacritics.ts';
import { LANGS } from '../../src/site/i18n.ts';
import { queryShardKey, type ShardFile } from '../../src/site/search-shards.ts';
import { parsePath, pathOf, unitNameSlug, type Route } from '../../src/site/routes.ts';
import { htmlPages, pageWeight } from '../budget/page-weight.ts';
import { resolveFile } from '../browser/static-server.ts';

const ROOT = process.cwd();
const REUSED = process.env.SIPAS_NATIONAL_SMALL_DIR;
const WORK = REUSED ?? mkdtempSync(join(tmpdir(), 'sipas-national-small-'));
const DATA = join(WORK, 'data');
const PUBLIC = join(WORK, 'public');
const DIST = join(WORK, 'dist');
const YEAR = '2026';
/** Code and Vietnamese name (a list: an object would put "56" before "01"). */
const PROVINCES: readonly (readonly [string, string])[] = [
  ['01', 'Thành phố Hà Nội'],
  ['56', 'Tỉnh Khánh Hòa'],
  ['79', 'Thành phố Hồ Chí Minh'],
];
const PROVINCE_CODES = PROVINCES.map(([code]) => code);
const PAGE_BUDGET = 150 * 1024;
const FUNNEL_MIN_UNITS = 10;

type Row = Record<string, string>;
/** A row of the folder's units.csv. */
interface Unit {
  code: string;
  name_vi: string;
  name_en: string;
  level: string;
  parent_code: string;
}

function run(args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-4000)}\n${result.stdout.slice(-4000)}`);
}

/** generate → data pipeline → pages, as the README's national build does, into WORK. */
function buildSmallNationalSite(): void {
  run(['scripts/generate-sample.ts', '--scope', 'national', '--provinces', PROVINCE_CODES.join(','), '--communes', '40', '--responses-per-year', '20000', '--out', DATA], {});
  run(['--max-semi-space-size=64', 'scripts/build-data.ts'], { DATA_DIR: DATA, PUBLISH_DIR: join(PUBLIC, 'data'), REPORTS_DIR: join(WORK, 'reports') });
  for (const name of ['favicon.svg', 'og.png', 'og.svg', 'scripts']) cpSync(join(ROOT, 'public', name), join(PUBLIC, name), { recursive: true });
  mkdirSync(DIST, { recursive: true });
  run(['--max-semi-space-size=64', 'node_modules/astro/bin/astro.mjs', 'build'], {
    DATA_DIR: DATA,
    SIPAS_PUBLIC_DIR: PUBLIC,
    SIPAS_OUT_DIR: DIST,
    SIPAS_CACHE_DIR: join(WORK, 'astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
}

/** The folder's site.json (its release's version names the frozen copies). */
const site = (): { release: { version: string } } => JSON.parse(readFileSync(join(DATA, 'site.json'), 'utf8')) as { release: { version: string } };

function csvRows<T = Row>(file: string): T[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<T>(text, { header: true, skipEmptyLines: true }).data;
}

/** The built document of a page path (`/xep-hang/2026/` → dist/xep-hang/2026/index.html). */
function page(path: string): Document {
  const file = resolveFile(DIST, path);
  if (!file) throw new Error(`no built page for ${path}`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

const hrefs = (root: ParentNode): string[] => [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
/** The codes of the units a part of a page links to (`/don-vi/22453-cam-lam/` → 22453). */
const linkedUnitCodes = (root: ParentNode, lang: (typeof LANGS)[number]): Set<string> => {
  const prefix = pathOf({ key: 'unit', code: 'X', slug: 'x' }, lang).replace('X-x/', '');
  return new Set(hrefs(root).filter((h) => h.startsWith(prefix)).map((h) => h.slice(prefix.length).split('-')[0] ?? ''));
};

let units: Unit[] = [];
let rankings: Row[] = [];
let indices: Row[] = [];
const unitRoute = (code: string): Route => ({ key: 'unit', code, slug: unitNameSlug(units.find((u) => u.code === code)?.name_vi ?? code) });
const provinceSlug = (code: string) => ({ code, slug: unitNameSlug(PROVINCES.find(([c]) => c === code)?.[1] ?? code) });

beforeAll(() => {
  if (!REUSED || !existsSync(join(DIST, 'index.html'))) buildSmallNationalSite();
  units = csvRows<Unit>(join(DATA, 'units.csv'));
  rankings = csvRows(join(PUBLIC, 'data', 'rankings.csv'));
  indices = csvRows(join(PUBLIC, 'data', 'indices.csv'));
}, 1_200_000);

afterAll(() => {
  if (!REUSED) rmSync(WORK, { recursive: true, force: true });
});

const communes = () => units.filter((u) => u.level === 'commune');
/** Communes with a published overall index (a page of their own). */
const communesWithResults = () => communes().filter((u) => indices.some((r) => r.unit_code === u.code && r.indicator === 'overall' && r.status === 'ok'));

describe('the published files of a small national folder', () => {
  it('the folder holds the country, 3 provinces below it and 40 communes below them', () => {
    expect(units.filter((u) => u.level === 'country').map((u) => u.code)).toEqual(['VN']);
    expect(units.filter((u) => u.level === 'province').map((u) => [u.code, u.name_vi, u.parent_code])).toEqual(
      PROVINCES.map(([code, name]) => [code, name, 'VN']),
    );
    expect(communes()).toHaveLength(40);
    expect(communes().filter((u) => !PROVINCE_CODES.includes(u.parent_code))).toEqual([]);
  });

  it('rankings.csv ranks the 3 provinces within VN each year, and each province’s communes within it', () => {
    const groups = new Map<string, Row[]>();
    for (const r of rankings.filter((r) => r.survey === 'sipas')) {
      const key = `${r.period}|${r.unit_level}|${r.parent_code}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    expect([...groups.keys()].sort()).toEqual(
      ['2025', '2026'].flatMap((y) => [`${y}|commune|01`, `${y}|commune|56`, `${y}|commune|79`, `${y}|province|VN`]),
    );
    for (const y of ['2025', '2026']) {
      expect(groups.get(`${y}|province|VN`)?.map((r) => r.unit_code).sort()).toEqual(PROVINCE_CODES);
    }
    // Every commune is ranked within its own province, never another's.
    const parentOf = new Map(units.map((u) => [u.code, u.parent_code]));
    const misplaced = rankings.filter((r) => r.unit_level === 'commune' && parentOf.get(r.unit_code ?? '') !== r.parent_code);
    expect(misplaced).toEqual([]);
  });

  it('indices.csv has cells for the whole country (VN)', () => {
    const vn = indices.filter((r) => r.unit_code === 'VN' && r.indicator === 'overall' && r.breakdown === 'all');
    expect(vn.map((r) => `${r.survey} ${r.period}`)).toEqual(expect.arrayContaining(['sipas 2025', 'sipas 2026']));
    expect(vn.every((r) => r.status === 'ok' && r.value !== '')).toBe(true);
  });
});

describe('the ranking pages of a small national site', () => {
  for (const lang of LANGS) {
    it(`${lang}: the ${YEAR} page ranks the 3 provinces and links a ranking page per province`, () => {
      const doc = page(pathOf({ key: 'ranking', year: YEAR }, lang));
      const tables = [...doc.querySelectorAll('main table')];
      const ranksProvinces = tables.some((table) => {
        const text = table.textContent ?? '';
        return PROVINCE_CODES.every((code) => text.includes(nameIn(code, lang)));
      });
      expect(ranksProvinces).toBe(true);
      const links = hrefs(doc);
      for (const code of PROVINCE_CODES) {
        expect(links).toContain(pathOf({ key: 'ranking', year: YEAR, within: provinceSlug(code) }, lang));
      }
    });

    for (const code of PROVINCE_CODES) {
      it(`${lang}: the ranking within ${code} holds that province's communes only`, () => {
        const doc = page(pathOf({ key: 'ranking', year: YEAR, within: provinceSlug(code) }, lang));
        const ranked = rankings.filter((r) => r.period === YEAR && r.unit_level === 'commune' && r.parent_code === code);
        const rankedCodes = new Set(ranked.map((r) => r.unit_code));
        expect(rankedCodes.size).toBeGreaterThan(0);
        const main = doc.querySelector('main') ?? doc;
        const linkedCommunes = [...linkedUnitCodes(main, lang)].filter((c) => communes().some((u) => u.code === c));
        expect(new Set(linkedCommunes)).toEqual(rankedCodes);
        const mainRanked = ranked.filter((r) => r.survey === 'sipas').length;
        const funnel = doc.querySelector(`[id^="funnel-sipas-${YEAR}-"]`);
        if (mainRanked >= FUNNEL_MIN_UNITS) expect(funnel, `${code}: ${mainRanked} communes, a funnel`).not.toBeNull();
        else expect(funnel, `${code}: ${mainRanked} communes, no funnel`).toBeNull();
      });
    }
  }

  it('the folder has groups on both sides of the funnel threshold (the test reads both cases)', () => {
    const sizes = PROVINCE_CODES.map((code) => rankings.filter((r) => r.survey === 'sipas' && r.period === YEAR && r.unit_level === 'commune' && r.parent_code === code).length);
    expect(sizes.some((n) => n >= FUNNEL_MIN_UNITS)).toBe(true);
    expect(sizes.some((n) => n < FUNNEL_MIN_UNITS)).toBe(true);
  });
});

/** The unit's name as its pages write it: the register's Vietnamese name, the English name on English pages. */
function nameIn(code: string, lang: (typeof LANGS)[number]): string {
  const unit = units.find((u) => u.code === code);
  return (lang === 'vi' ? unit?.name_vi : unit?.name_en) ?? code;
}

describe('the home pages of a small national site', () => {
  // The bundled sample's story (Ninh Thuận's districts until 30/06/2025) is no part of a folder
  // without Ninh Thuận: a home page that tells it has read the map of the wrong site.
  for (const lang of LANGS) {
    it(`${lang}: the home page leads with the provinces and tells no district-level story`, () => {
      const doc = page(pathOf({ key: 'home' }, lang));
      const text = doc.querySelector('main')?.textContent ?? '';
      expect(text.match(/[^.]*Ninh Thuận[^.]*/g) ?? []).toEqual([]);
      expect(doc.querySelector('#earlier-map')).toBeNull();
      for (const code of PROVINCE_CODES) expect(text).toContain(nameIn(code, lang));
    });
  }

  // Fewer than 10 provinces get no funnel plot, and the site has no plan to focus on: the lead
  // must still not deny the ranking the page shows below it.
  it('the home page does not say there is nothing to rank when the provinces are ranked', () => {
    expect(rankings.some((r) => r.period === YEAR && r.unit_level === 'province' && r.status === 'ranked')).toBe(true);
    const vi = page(pathOf({ key: 'home' }, 'vi')).querySelector('main')?.textContent ?? '';
    const en = page(pathOf({ key: 'home' }, 'en')).querySelector('main')?.textContent ?? '';
    expect(vi).not.toContain('Chưa có kết quả khảo sát để xếp hạng');
    expect(en).not.toContain('There are no survey results to rank yet');
  });
});

describe('the unit pages of a small national site', () => {
  it('the whole country, each province and each commune with results has a page in both languages', () => {
    const codes = ['VN', ...PROVINCE_CODES, ...communesWithResults().map((u) => u.code)];
    expect(codes.length).toBeGreaterThan(30);
    const missing = codes.flatMap((code) => LANGS.map((lang) => pathOf(unitRoute(code), lang))).filter((path) => !resolveFile(DIST, path));
    expect(missing).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`${lang}: each province's page lists its communes with links`, () => {
      for (const code of PROVINCE_CODES) {
        const doc = page(pathOf(unitRoute(code), lang));
        const own = communesWithResults().filter((u) => u.parent_code === code).map((u) => u.code);
        expect(own.length, code).toBeGreaterThan(0);
        const section = doc.querySelector('#subunits')?.closest('section') ?? null;
        expect(section, `${code}: a section of communes`).not.toBeNull();
        const listed = [...linkedUnitCodes(section as ParentNode, lang)].filter((c) => communes().some((u) => u.code === c));
        expect(new Set(listed), code).toEqual(new Set(own));
      }
    });
  }
});

describe('search of a small national site', () => {
  it('the shard a commune’s folded name picks finds that commune, in both languages', () => {
    const notFound: string[] = [];
    for (const unit of communesWithResults()) {
      const query = foldDiacritics(unit.name_vi).toLowerCase();
      const key = queryShardKey(query);
      for (const lang of LANGS) {
        const file = join(DIST, 'search-index', lang, `${key}.json`);
        const shard = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ShardFile) : null;
        const hit = shard?.entries.find((e) => matches(query, e.search) && e.path === pathOf(unitRoute(unit.code), lang));
        if (!hit) notFound.push(`${lang} "${query}" (shard ${key})`);
      }
    }
    expect(notFound).toEqual([]);
  });
});

describe('budgets and links of a small national site', () => {
  it(`every page ≤ ${PAGE_BUDGET / 1024} KB gzip in all`, () => {
    const pages = htmlPages(DIST);
    expect(pages.length).toBeGreaterThan(150);
    const over = pages.map((p) => pageWeight(DIST, p.file, p.path)).filter((w) => w.totalBytes > PAGE_BUDGET).map((w) => `${w.page}: ${(w.totalBytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  // The frozen copies of each release (/phat-hanh/2026.1/) are built by `npm run releases`, a
  // second Astro build per release that this test leaves out to keep its time down: links into
  // them are set apart, and must be exactly the release calendar's links to this one release.
  it('every internal link of the built pages resolves to a built file (frozen copies aside)', () => {
    const origin = 'http://site.invalid';
    const broken = new Set<string>();
    const toFrozen = new Set<string>();
    for (const p of htmlPages(DIST)) {
      const { document } = parseHTML(readFileSync(p.file, 'utf8'));
      const refs = [
        ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href') ?? ''),
        ...[...document.querySelectorAll('img[src], script[src], iframe[src], source[src]')].map((e) => e.getAttribute('src') ?? ''),
      ];
      for (const ref of refs) {
        const url = new URL(ref, origin + p.path);
        if (url.origin !== origin) continue;
        if (resolveFile(DIST, url.pathname)) continue;
        if (parsePath(url.pathname)?.release !== undefined) toFrozen.add(url.pathname);
        else broken.add(`${p.path} → ${url.pathname}`);
      }
    }
    expect([...broken]).toEqual([]);
    expect(new Set([...toFrozen].map((path) => parsePath(path)?.release))).toEqual(new Set([site().release.version]));
  });
});
