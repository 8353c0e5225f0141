import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  allPagePaths,
  allRoutes,
  alternatePath,
  filePath,
  frozenCopyOf,
  parsePath,
  pathOf,
  unitNameSlug,
  unitRoute,
  type Route,
} from '../../src/site/routes.ts';

describe('unit slugs: folded name without the word for the kind of unit', () => {
  it.each([
    ['585', 'Huyện Ninh Sơn', '585-ninh-son'],
    ['582', 'Thành phố Phan Rang - Tháp Chàm', '582-phan-rang-thap-cham'],
    ['582', 'Thành phố Phan Rang-Tháp Chàm', '582-phan-rang-thap-cham'],
    ['22738', 'Phường Đô Vinh', '22738-do-vinh'],
    ['58', 'Tỉnh Ninh Thuận', '58-ninh-thuan'],
    ['22888', 'Xã Phước Dinh', '22888-phuoc-dinh'],
    ['22800', 'Thị trấn Tân Sơn', '22800-tan-son'],
    ['999', 'Thị xã Ninh Hòa', '999-ninh-hoa'],
  ])('%s %s → /don-vi/%s/', (code, name, slug) => {
    expect(pathOf(unitRoute({ code, name_vi: name }), 'vi')).toBe(`/don-vi/${slug}/`);
    expect(pathOf(unitRoute({ code, name_vi: name }), 'en')).toBe(`/en/units/${slug}/`);
  });

  it('strips only a leading kind word, not the same letters inside a name', () => {
    // "Xã" must not be taken from "Xuân Hải"; "Phường" only when it is a whole first word.
    expect(unitNameSlug('Xã Xuân Hải')).toBe('xuan-hai');
    expect(unitNameSlug('Phước Hậu')).toBe('phuoc-hau');
  });
});

describe('pathOf: every route in both languages', () => {
  const table: [Route, string, string][] = [
    [{ key: 'home' }, '/', '/en/'],
    [{ key: 'ranking', year: '2024' }, '/xep-hang/2024/', '/en/ranking/2024/'],
    [{ key: 'trends' }, '/xu-huong/', '/en/trends/'],
    [{ key: 'unit', code: '585', slug: 'ninh-son' }, '/don-vi/585-ninh-son/', '/en/units/585-ninh-son/'],
    [{ key: 'plan', id: 'kh-95-2024' }, '/ke-hoach/kh-95-2024/', '/en/plans/kh-95-2024/'],
    [{ key: 'data' }, '/du-lieu/', '/en/data/'],
    [{ key: 'methodology' }, '/phuong-phap/', '/en/methodology/'],
    [{ key: 'officialResults' }, '/ket-qua-chinh-thuc/', '/en/official-results/'],
    [{ key: 'about' }, '/gioi-thieu/', '/en/about/'],
    [{ key: 'releases' }, '/phat-hanh/', '/en/releases/'],
    [{ key: 'changes' }, '/thay-doi/', '/en/changes/'],
    [{ key: 'search' }, '/tim-kiem/', '/en/search/'],
    [{ key: 'searchLetter', letter: 'n' }, '/tim-kiem/n/', '/en/search/n/'],
    [{ key: 'searchLetter', letter: '0-9' }, '/tim-kiem/0-9/', '/en/search/0-9/'],
    [{ key: 'compare' }, '/so-sanh/', '/en/compare/'],
    [
      { key: 'comparePair', a: { code: '584', slug: 'bac-ai' }, b: { code: '585', slug: 'ninh-son' } },
      '/so-sanh/584-bac-ai-va-585-ninh-son/',
      '/en/compare/584-bac-ai-and-585-ninh-son/',
    ],
    // A slug with a year (a reused code) and a hyphenated name still splits at the join word.
    [
      { key: 'comparePair', a: { code: '582', slug: 'phan-rang-thap-cham' }, b: { code: '22813', slug: 'lam-son-2025' } },
      '/so-sanh/582-phan-rang-thap-cham-va-22813-lam-son-2025/',
      '/en/compare/582-phan-rang-thap-cham-and-22813-lam-son-2025/',
    ],
    [{ key: 'compareUnit', code: '22741', slug: 'bao-an' }, '/so-sanh/22741-bao-an/', '/en/compare/22741-bao-an/'],
    [{ key: 'embed', id: 'trend-sipas-585-year' }, '/nhung/trend-sipas-585-year/', '/en/embed/trend-sipas-585-year/'],
  ];

  it.each(table)('%o → %s and %s', (route, vi, en) => {
    expect(pathOf(route, 'vi')).toBe(vi);
    expect(pathOf(route, 'en')).toBe(en);
    expect(alternatePath(route, 'vi')).toBe(en);
    expect(alternatePath(route, 'en')).toBe(vi);
  });

  it.each(table)('parsePath reads %o back from both paths', (route, vi, en) => {
    expect(parsePath(vi)).toEqual({ route, lang: 'vi' });
    expect(parsePath(en)).toEqual({ route, lang: 'en' });
  });

  it('refuses parameters that would break out of one path segment', () => {
    expect(() => pathOf({ key: 'plan', id: '../admin' }, 'vi')).toThrow(/plan id/);
    expect(() => pathOf({ key: 'ranking', year: '2024/x' }, 'en')).toThrow(/ranking year/);
    expect(() => pathOf({ key: 'unit', code: '585', slug: 'ninh sơn' }, 'vi')).toThrow(/unit slug/);
  });

  it('reads paths that are not pages as null', () => {
    expect(parsePath('/khong-co/')).toBeNull();
    expect(parsePath('/en/xep-hang/2024/')).toBeNull(); // Vietnamese section under /en/
    expect(parsePath('/du-lieu/extra/')).toBeNull(); // static page with a parameter
    expect(parsePath('/xep-hang/')).toBeNull(); // dynamic page without one
  });
});

describe('absoluteUrl', () => {
  it('joins a site path to base_url, keeping a sub-path of the base', () => {
    expect(absoluteUrl('/en/about/', 'https://sipas.example.org/')).toBe('https://sipas.example.org/en/about/');
    expect(absoluteUrl('/en/about/', 'https://example.github.io/sipas/')).toBe('https://example.github.io/sipas/en/about/');
  });
});

describe('allRoutes / allPagePaths: the sitemap list', () => {
  const inventory = {
    rankingYears: ['2023', '2024'],
    // 22738 twice (two validity periods, one name) is one page; 22759 under two names is two.
    units: [
      { code: '22738', name_vi: 'Phường Đô Vinh' },
      { code: '22738', name_vi: 'Phường Đô Vinh' },
      { code: '22759', name_vi: 'Phường Kinh Dinh' },
      { code: '22759', name_vi: 'Phường Phan Rang' },
    ],
    planIds: ['kh-95-2024'],
    comparePairs: [{ a: { code: '584', slug: 'bac-ai' }, b: { code: '585', slug: 'ninh-son' } }],
    compareUnits: [{ code: '22741', slug: 'bao-an' }],
    searchLetters: ['d', 'n'],
  };

  it('lists 10 static pages, then 2 ranking years, 3 unit pages, 1 plan, 2 search letters, 1 pair and 1 unit compared', () => {
    // 10 + 2 + 3 + 1 + 2 + 1 + 1 = 20 routes.
    const routes = allRoutes(inventory);
    expect(routes).toHaveLength(20);
    expect(routes.filter((r) => r.key === 'searchLetter').map((r) => pathOf(r, 'vi'))).toEqual(['/tim-kiem/d/', '/tim-kiem/n/']);
    expect(routes.filter((r) => r.key.startsWith('compare')).map((r) => pathOf(r, 'vi'))).toEqual([
      '/so-sanh/',
      '/so-sanh/584-bac-ai-va-585-ninh-son/',
      '/so-sanh/22741-bao-an/',
    ]);
    expect(routes.filter((r) => r.key === 'unit').map((r) => pathOf(r, 'vi'))).toEqual([
      '/don-vi/22738-do-vinh/',
      '/don-vi/22759-kinh-dinh/',
      '/don-vi/22759-phan-rang/',
    ]);
  });

  it('gives every route in both languages, each path once', () => {
    const paths = allPagePaths(inventory);
    expect(paths).toHaveLength(40); // 20 routes × 2 languages
    expect(new Set(paths).size).toBe(40);
    expect(paths).toContain('/xu-huong/');
    expect(paths).toContain('/en/ranking/2023/');
    expect(paths).toContain('/ke-hoach/kh-95-2024/');
  });
});

describe('a release\'s frozen copy (data-contract.md → Releases)', () => {
  const unit: Route = { key: 'unit', code: '585', slug: 'ninh-son' };

  it('puts every page of release 2026.1 under /phat-hanh/2026.1/ and /en/releases/2026.1/', () => {
    expect(pathOf(unit, 'vi', '2026.1')).toBe('/phat-hanh/2026.1/don-vi/585-ninh-son/');
    expect(pathOf(unit, 'en', '2026.1')).toBe('/en/releases/2026.1/units/585-ninh-son/');
    expect(pathOf({ key: 'home' }, 'vi', '2026.1')).toBe('/phat-hanh/2026.1/');
    expect(pathOf({ key: 'changes' }, 'en', '2026.1')).toBe('/en/releases/2026.1/changes/');
    expect(filePath('/data/indices.csv', '2026.1')).toBe('/phat-hanh/2026.1/data/indices.csv');
    expect(filePath('/data/indices.csv', null)).toBe('/data/indices.csv');
  });

  it('keeps the calendar on the live site: a frozen copy links to it there', () => {
    expect(pathOf({ key: 'releases' }, 'vi', '2026.1')).toBe('/phat-hanh/');
    expect(pathOf({ key: 'releases' }, 'en', '2026.1')).toBe('/en/releases/');
  });

  it('reads a frozen page back with its release, and the calendar without one', () => {
    expect(parsePath('/phat-hanh/2026.1/don-vi/585-ninh-son/')).toEqual({ route: unit, lang: 'vi', release: '2026.1' });
    expect(parsePath('/en/releases/2026.1/units/585-ninh-son/')).toEqual({ route: unit, lang: 'en', release: '2026.1' });
    expect(parsePath('/phat-hanh/2026.1/')).toEqual({ route: { key: 'home' }, lang: 'vi', release: '2026.1' });
    expect(parsePath('/phat-hanh/')).toEqual({ route: { key: 'releases' }, lang: 'vi' });
    expect(parsePath('/en/releases/')).toEqual({ route: { key: 'releases' }, lang: 'en' });
    expect(parsePath('/phat-hanh/2026.1/khong-co/')).toBeNull();
  });

  it('turns a cited path into the same page of a release\'s frozen copy, anchor kept', () => {
    expect(frozenCopyOf('/don-vi/585-ninh-son/#trend', '2026.2')).toBe('/phat-hanh/2026.2/don-vi/585-ninh-son/#trend');
    expect(frozenCopyOf('/en/ranking/2024/', '2026.2')).toBe('/en/releases/2026.2/ranking/2024/');
    // Already a frozen path (a frozen build cites its own release): the release is replaced, not stacked.
    expect(frozenCopyOf('/phat-hanh/2026.1/xep-hang/2024/#ranking-chart', '2026.1')).toBe('/phat-hanh/2026.1/xep-hang/2024/#ranking-chart');
    // The calendar and anything that is not a page stay as they are.
    expect(frozenCopyOf('/phat-hanh/', '2026.2')).toBe('/phat-hanh/');
    expect(frozenCopyOf('/data/indices.csv', '2026.2')).toBe('/data/indices.csv');
  });

  it('refuses a release id that cannot be one segment of an address', () => {
    expect(() => pathOf(unit, 'vi', '2026/1')).toThrow(/release id/);
  });
});
