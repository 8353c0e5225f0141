/**
 * The search at the whole country's size, without building the national site: search entries
 * made straight from the committed register (data/national/: 34 provinces, 3,321 communes) are
 * split into shards by search-shards.ts, and searched through public/scripts/search.js itself
 * (queryShardKey, then matches), as the browser does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { matches } from '../../src/site/fold-diacritics.ts';
import { LANGS, type Lang } from '../../src/site/i18n.ts';
import { pathOf, unitRoute } from '../../src/site/routes.ts';
import { searchText, type SearchEntry } from '../../src/site/search-entries.ts';
import { entriesOfLetter, letterOf, searchLetters, sortByName } from '../../src/site/search-letters.ts';
import {
  entryShardKeys,
  KIND_WORDS,
  nameWithoutKind,
  nameWords,
  queryShardKey,
  shardEntries,
  shardEntry,
  shardFiles,
  type ShardEntry,
} from '../../src/site/search-shards.ts';

interface SearchScript {
  KIND_WORDS: Set<string>;
  queryShardKey(query: string): string | null;
  searchShard(query: string, entries: ShardEntry[]): ShardEntry[];
}

let browser: SearchScript;

beforeAll(async () => {
  const file = fileURLToPath(new URL('../../public/scripts/search.js', import.meta.url));
  browser = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as SearchScript;
});

const page = (vi: string, en: string): SearchEntry => ({ kind: 'page', title: { vi, en }, path: { vi: '/x/', en: '/en/x/' } });
const unit = (code: string, vi: string, en: string, kind: SearchEntry['kind'] = 'commune'): SearchEntry => ({ kind, code, title: { vi, en } });

describe('nameWithoutKind / nameWords', () => {
  it('drops the kind a Vietnamese name begins with and an English name ends with', () => {
    expect(nameWithoutKind('Thành phố Phan Rang - Tháp Chàm')).toBe('Phan Rang - Tháp Chàm');
    expect(nameWithoutKind('Phan Rang - Tháp Chàm City')).toBe('Phan Rang - Tháp Chàm');
    expect(nameWithoutKind('Thị trấn Tân Sơn')).toBe('Tân Sơn');
    expect(nameWithoutKind('Đặc khu Trường Sa')).toBe('Trường Sa');
    expect(nameWithoutKind('Trường Sa Special Zone')).toBe('Trường Sa');
    expect(nameWords('Xã Ea H\'Leo')).toEqual(['ea', 'h', 'leo']);
  });

  it('matches a kind as whole words, and keeps a name that is nothing but a kind', () => {
    expect(nameWithoutKind('Xã Thanh Phong')).toBe('Thanh Phong');
    expect(nameWithoutKind('Phường Phú Thủy')).toBe('Phú Thủy');
    expect(nameWithoutKind('Xã')).toBe('Xã');
    // A page title has no kind to drop.
    expect(nameWithoutKind('Xếp hạng 2024')).toBe('Xếp hạng 2024');
  });
});

describe('entryShardKeys / queryShardKey', () => {
  it('keys an entry by the first two letters of each name word of both titles and its code', () => {
    expect(entryShardKeys(unit('585', 'Huyện Ninh Sơn', 'Ninh Sơn District', 'district'))).toEqual(['58', 'ni', 'so']);
    expect(entryShardKeys(unit('22738', 'Phường Đô Vinh', 'Đô Vinh Ward'))).toEqual(['22', 'do', 'vi']);
    // One-letter words ("H" of H'Leo) key nothing: a query needs two letters.
    expect(entryShardKeys(unit('24181', 'Xã Ea H\'Leo', 'Ea H\'Leo Commune'))).toEqual(['24', 'ea', 'le']);
    expect(entryShardKeys(page('Xếp hạng 2024', 'Ranking 2024'))).toEqual(['20', 'ha', 'ra', 'xe']);
  });

  it('picks the first word of two letters that is not a kind word', () => {
    expect(queryShardKey('ninh son')).toBe('ni');
    expect(queryShardKey('Xã Ninh Sơn')).toBe('ni');
    expect(queryShardKey('thanh son')).toBe('so');
    expect(queryShardKey('a luoi')).toBe('lu');
    expect(queryShardKey('585')).toBe('58');
    expect(queryShardKey('Đô')).toBe('do');
  });

  it('falls back on a kind word alone, and gives nothing for one letter', () => {
    expect(queryShardKey('thanh')).toBe('th');
    expect(queryShardKey('Xã Thanh Quân')).toBe('th');
    expect(queryShardKey('xã')).toBe('xa');
    expect(queryShardKey('n')).toBeNull();
    expect(queryShardKey('  ')).toBeNull();
  });

  const samples = ['Xã Thanh Quân', 'Xã Quan Thành', 'Thị xã', 'ninh son', 'Xã Ninh Sơn', 'thanh son', 'thanh pho ha noi', 'a luoi', '585', 'Đô', 'ĐÔ VINH', 'thanh', 'n', '', 'commune', 'ea h leo', 'Phường 1 Bảo Lộc'];
  it.each(samples)('search.js picks the same shard for %j', (query) => {
    expect(browser.queryShardKey(query)).toBe(queryShardKey(query));
  });

  it('search.js knows the same kind words', () => {
    expect([...browser.KIND_WORDS].sort()).toEqual([...KIND_WORDS].sort());
  });
});

describe('shardEntries', () => {
  it('puts an entry in the shard of each of its keys', () => {
    const ninhSon = unit('585', 'Huyện Ninh Sơn', 'Ninh Sơn District', 'district');
    const ninhHai = unit('22780', 'Xã Ninh Hải', 'Ninh Hải Commune');
    const shards = shardEntries([ninhSon, ninhHai]);
    expect([...shards.keys()]).toEqual(['22', '58', 'ha', 'ni', 'so']);
    expect(shards.get('ni')).toEqual([ninhSon, ninhHai]);
    expect(shards.get('so')).toEqual([ninhSon]);
  });

  it('gives an entry in the language of its file, saying when a unit has no page', () => {
    const ninhSon: SearchEntry = {
      ...unit('22810', 'Xã Ninh Sơn', 'Ninh Sơn Commune'),
      parent: { vi: 'Tỉnh Khánh Hòa', en: 'Khánh Hòa Province' },
      note: { vi: 'từ 01/07/2025', en: 'from 1 Jul 2025' },
    };
    expect(shardEntry(ninhSon, 'vi')).toEqual({
      search: 'Xã Ninh Sơn Ninh Sơn Commune 22810',
      title: 'Xã Ninh Sơn',
      context: 'Tỉnh Khánh Hòa, từ 01/07/2025',
      detail: 'Cấp xã 22810 · không có trang riêng',
    });
    expect(shardEntry({ ...ninhSon, path: { vi: '/don-vi/22810-ninh-son/', en: '/en/units/22810-ninh-son/' } }, 'en')).toEqual({
      search: 'Xã Ninh Sơn Ninh Sơn Commune 22810',
      title: 'Ninh Sơn Commune',
      path: '/en/units/22810-ninh-son/',
      context: 'Khánh Hòa Province, from 1 Jul 2025',
      detail: 'Commune level 22810',
    });
  });

  it('refuses a key that cannot be a file name as it is', () => {
    expect(() => shardEntries([unit('1', 'Xã Ωmega', 'Ωmega Commune')])).toThrow(/not two ASCII letters or digits/);
  });
});

describe('search letters', () => {
  it('files a unit under the folded first letter of its name without its kind', () => {
    expect(letterOf(unit('585', 'Huyện Ninh Sơn', 'Ninh Sơn District', 'district'))).toBe('n');
    expect(letterOf(unit('22738', 'Phường Đô Vinh', 'Đô Vinh Ward'))).toBe('d');
    expect(letterOf(unit('582', 'Thành phố Phan Rang - Tháp Chàm', 'Phan Rang - Tháp Chàm City', 'district'))).toBe('p');
    expect(letterOf(unit('25000', 'Phường 1 Bảo Lộc', '1 Bảo Lộc Ward'))).toBe('0-9');
  });

  it('lists units only, digits first, and sorts by name in Vietnamese order', () => {
    const entries = [
      page('Trang chủ', 'Home'),
      unit('2', 'Xã Đông Hải', 'Đông Hải Commune'),
      unit('1', 'Xã Dương Minh', 'Dương Minh Commune'),
      unit('3', 'Huyện Bác Ái', 'Bác Ái District', 'district'),
      unit('4', 'Phường 1 Bảo Lộc', '1 Bảo Lộc Ward'),
    ];
    expect(searchLetters(entries)).toEqual(['0-9', 'b', 'd']);
    expect(sortByName(entriesOfLetter(entries, 'd'), 'vi').map((e) => e.title.vi)).toEqual(['Xã Dương Minh', 'Xã Đông Hải']);
  });
});

// ---- The whole country ----

const CSV_DIR = new URL('../../data/national/', import.meta.url);
const readCsv = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(fileURLToPath(new URL(name, CSV_DIR)), 'utf8'), { header: true, skipEmptyLines: true }).data;
const provinces = readCsv('provinces-2025.csv');
const communes = readCsv('communes-2025.csv');

/** The English kind of a commune-level unit, as the register's English names end. */
const KIND_EN: Record<string, string> = { xa: 'Commune', phuong: 'Ward', 'dac-khu': 'Special Zone' };

function nationalEntry(code: string, nameVi: string, nameEn: string, kind: 'province' | 'commune', parent?: SearchEntry['title']): SearchEntry {
  const route = unitRoute({ code, name_vi: nameVi });
  return {
    kind,
    code,
    title: { vi: nameVi, en: nameEn },
    path: { vi: pathOf(route, 'vi', null), en: pathOf(route, 'en', null) },
    ...(parent ? { parent, note: { vi: 'từ 01/07/2025', en: 'from 1 Jul 2025' } } : {}),
  };
}

const provinceTitle = new Map(
  provinces.map((p) => {
    const name = p.province_name ?? '';
    const city = name.startsWith('Thành phố ');
    const vi = city ? name : `Tỉnh ${name}`;
    const en = city ? `${name.slice('Thành phố '.length)} City` : `${name} Province`;
    return [p.province_code ?? '', { vi, en }];
  }),
);
const NATIONAL: SearchEntry[] = [
  ...['Trang chủ/Home', 'Xu hướng/Trends', 'Dữ liệu/Data', 'Phương pháp/Methodology', 'Kết quả chính thức/Official results', 'Giới thiệu/About', 'Các bản phát hành/Releases', 'Thay đổi/Changes', 'Tìm kiếm/Search', 'So sánh/Compare', 'Xếp hạng 2025/Ranking 2025', 'Xếp hạng 2026/Ranking 2026'].map((both) => {
    const [vi = '', en = ''] = both.split('/');
    return page(vi, en);
  }),
  ...[...provinceTitle].map(([code, title]) => nationalEntry(code, title.vi, title.en, 'province')),
  ...communes.map((c) => {
    const nameVi = c.commune_name ?? '';
    const nameEn = `${nameWithoutKind(nameVi)} ${KIND_EN[c.kind ?? ''] ?? ''}`;
    return nationalEntry(c.commune_code ?? '', nameVi, nameEn, 'commune', provinceTitle.get(c.province_code ?? ''));
  }),
];

describe('the whole country: 34 provinces and 3,321 communes', () => {
  const shards = new Map(LANGS.map((lang) => [lang, shardFiles(sortByName(NATIONAL, lang), lang)]));
  const keyed = new Map(LANGS.map((lang) => [lang, new Map((shards.get(lang) ?? []).map((file) => [file.key, file.entries]))]));
  const byKey = (lang: Lang) => keyed.get(lang) ?? new Map<string, ShardEntry[]>();
  /** What the browser shows for a query: search.js picks the shard and filters it. */
  const search = (query: string, lang: Lang = 'vi'): ShardEntry[] => {
    const key = browser.queryShardKey(query);
    return key === null ? [] : browser.searchShard(query, byKey(lang).get(key) ?? []);
  };

  it('reads the whole register', () => {
    expect(provinces).toHaveLength(34);
    expect(communes).toHaveLength(3321);
    expect(NATIONAL.filter((e) => e.kind !== 'page')).toHaveLength(3355);
  });

  it('keeps every shard within 50 KB compressed (quality.md), in both languages', () => {
    for (const lang of LANGS) {
      const sizes = (shards.get(lang) ?? []).map((file) => ({ key: file.key, bytes: gzipSync(JSON.stringify(file)).length }));
      const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      console.info(`search shards (${lang}, national): ${sizes.length} files, largest "${largest.key}" ${(largest.bytes / 1024).toFixed(1)} KB gzip`);
      expect(sizes.filter((s) => s.bytes > 50 * 1024)).toEqual([]);
    }
  });

  it('finds the units the issue names, with or without diacritics, and by code', () => {
    const titles = (query: string, lang: Lang = 'vi') => search(query, lang).map((e) => `${e.title} — ${e.context ?? ''}`);
    expect(titles('ninh son')).toEqual(['Xã Ninh Sơn — Tỉnh Khánh Hòa, từ 01/07/2025']);
    expect(titles('Ninh Sơn')).toEqual(titles('ninh son'));
    // Words match in any order: "do" also begins Đông of Vĩnh Thuận Đông.
    expect(titles('do vinh')).toEqual(['Phường Đô Vinh — Tỉnh Khánh Hòa, từ 01/07/2025', 'Xã Vĩnh Thuận Đông — Thành phố Cần Thơ, từ 01/07/2025']);
    expect(titles('hoan kiem')).toEqual(['Phường Hoàn Kiếm — Thành phố Hà Nội, từ 01/07/2025']);
    expect(titles('hoan kiem', 'en')).toEqual(['Hoàn Kiếm Ward — Hà Nội City, from 1 Jul 2025']);
    expect(titles('00070')).toEqual(['Phường Hoàn Kiếm — Thành phố Hà Nội, từ 01/07/2025']);
    expect(search('ha noi').map((e) => e.path)).toContain('/don-vi/01-ha-noi/');
  });

  it('finds every unit by its name, and by its name and kind or its code', () => {
    const missed: string[] = [];
    // By name, every unit; by name with its kind and by code, every 5th (each search filters a
    // shard of up to 600 entries: all three for all units took this test to 35 s).
    NATIONAL.filter((e) => e.code).forEach((entry, i) => {
      const found = (query: string) => search(query).some((e) => e.search === searchText(entry));
      const queries = i % 5 === 0 ? [nameWords(entry.title.vi).join(' '), entry.title.vi, entry.code ?? ''] : [nameWords(entry.title.vi).join(' ')];
      for (const query of queries) {
        if (!found(query)) missed.push(`${entry.title.vi}: "${query}"`);
      }
    });
    expect(missed).toEqual([]);
  });

  it('finds through one shard what the whole list finds, for the words of the names', () => {
    // Every 6th distinct name word (about 115), as typed whole and by its first three letters;
    // a word that begins a kind word ("phu" of phường) starts no shard of its own (module comment).
    const words = [...new Set(NATIONAL.flatMap((e) => nameWords(e.title.vi)))].filter((w) => w.length >= 2).sort();
    const queries = words
      .filter((_, i) => i % 6 === 0)
      .flatMap((w) => [w, w.slice(0, 3)])
      .filter((q) => ![...KIND_WORDS].some((kind) => kind.startsWith(q)));
    console.info(`search equivalence: ${queries.length} queries of ${words.length} words`);
    expect(queries.length).toBeGreaterThan(200);
    const texts = NATIONAL.map(searchText);
    for (const query of queries) {
      const everywhere = texts.filter((text) => matches(query, text)).sort();
      expect(search(query).map((e) => e.search).sort(), query).toEqual(everywhere);
    }
  });

  it('gives every unit one letter page, the largest a fifth of the units', () => {
    const units = NATIONAL.filter((e) => e.kind !== 'page');
    const letters = searchLetters(NATIONAL);
    const sizes = letters.map((letter) => entriesOfLetter(NATIONAL, letter).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(units.length);
    console.info(`search letters (national): ${letters.length} pages, largest ${Math.max(...sizes)} units`);
    // 675 units under T: about 40 KB of HTML compressed, well within a page's 150 KB.
    expect(Math.max(...sizes)).toBeLessThan(units.length / 4);
  });
});
