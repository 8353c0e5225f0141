/**
 * The pages of the 2025 reorganisation, on the built site (issue 12): a new unit's page with its
 * territory and back-cast, the old units' pages pointing to their successors, the ranking pages of
 * 2025 (two groups, part years) and 2026 (the funnel plot first), the plan's following years, the
 * home page leading with the new map, and no sideways scrolling on a 390 px phone.
 *
 * The numbers are read from public/data/indices.csv and the chart CSVs the build wrote, so the test
 * follows the data; the addresses are the ones page-inventory.ts gives: a reused code under the
 * same name gets the year it began (/don-vi/22738-do-vinh-2025/), a reused code under another name
 * keeps a plain address (/don-vi/22810-ninh-son/, /don-vi/22780-dong-hai/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { DIST } from './site-pages.ts';
import { readPublishedCsv } from '../../src/publish/file-parts.ts';
import { resolveFile, serveStatic, type RunningServer } from './static-server.ts';

type Row = Record<string, string>;
const NBSP = /\u00a0/g;

function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

// Whole or in parts (src/publish/file-parts.ts: indices.csv is over 24 MiB on the bundled data).
const INDICES = Papa.parse<Row>((readPublishedCsv(join(process.cwd(), 'public', 'data'), 'indices.csv') ?? '').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

/** The published overall row of the main survey for a unit version and year. */
function overall(code: string, validFrom: string, period: string): Row {
  const row = INDICES.find(
    (r) => r.survey === 'sipas' && r.period === period && r.unit_code === code && r.unit_valid_from === validFrom && r.breakdown === 'all' && r.indicator === 'overall',
  );
  if (!row) throw new Error(`no published overall row for ${code}@${validFrom} in ${period}`);
  return row;
}

/** "88.89" → "88,89 %" as the Vietnamese pages write it (format.ts). */
const viPercent = (value: string) => `${value.replace('.', ',')} %`;
const enPercent = (value: string) => `${value}%`;

const documents = new Map<string, Document>();
function page(path: string): Document {
  let doc = documents.get(path);
  if (!doc) {
    const file = resolveFile(DIST, path);
    if (!file) throw new Error(`${path} was not built`);
    doc = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
    documents.set(path, doc);
  }
  return doc;
}
/** A value cell as the page prints it: the value, then its release flag's words under it (data-contract.md → Releases). */
const FLAG_NOTE: Record<string, string> = { p: 'p: tạm thời', r: 'r: đã sửa đổi' };
const FLAG_NOTE_EN: Record<string, string> = { p: 'p: provisional', r: 'r: revised' };
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(NBSP, ' ').replace(/\s+/g, ' ').trim();
const built = (href: string) => resolveFile(DIST, href.split('#')[0] ?? href) !== null;

/** Rows of a table as [row heading, …cells] texts. */
function tableRows(table: Element | null): string[][] {
  if (!table) throw new Error('table not found');
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
}

describe('a new unit: Xã Ninh Sơn (22810 from 2025-07-01)', () => {
  const vi = page('/don-vi/22810-ninh-son/');
  const en = page('/en/units/22810-ninh-son/');

  it('lists the old communes it was formed from, whole or part, and says what the back-cast is', () => {
    const section = vi.querySelector('section[aria-labelledby="territory"]');
    expect(text(section?.querySelector('h2'))).toBe('Địa bàn trước ngày 1/7/2025');
    expect(text(section?.querySelector('p'))).toContain('Số liệu của Xã Ninh Sơn trước ngày đó là số tính ngược: gộp phiếu của 2 xã cũ nằm trọn trong Xã Ninh Sơn.');
    const rows = tableRows(section?.querySelector('table') ?? null);
    // The crosswalk: Thị trấn Tân Sơn and Xã Quảng Sơn went wholly to Xã Ninh Sơn.
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Thị trấn Tân Sơn', 'Huyện Ninh Sơn', 'toàn bộ', 'có'],
      ['Xã Quảng Sơn', 'Huyện Ninh Sơn', 'toàn bộ', 'có'],
    ]);
    // Their 2024 respondents are the old versions' published n, and add up to the back-cast's n.
    const oldN = ['22810', '22819'].map((code) => Number(overall(code, '2020-01-01', '2024').n));
    expect(rows.map((r) => Number(r[4]))).toEqual(oldN);
    expect(oldN.reduce((a, b) => a + b, 0)).toBe(Number(overall('22810', '2025-07-01', '2024').n));
    // The old communes link to their own pages.
    const links = [...(section?.querySelectorAll('tbody th a') ?? [])].map((a) => a.getAttribute('href') ?? '');
    expect(links).toEqual(['/don-vi/22810-tan-son/', '/don-vi/22819-quang-son/']);
    expect(links.every(built)).toBe(true);
  });

  it('says the same in English', () => {
    const section = en.querySelector('section[aria-labelledby="territory"]');
    expect(text(section?.querySelector('h2'))).toBe('The territory before 1 July 2025');
    expect(text(section?.querySelector('p'))).toContain('Its figures before that date are a back-cast');
    expect(tableRows(section?.querySelector('table') ?? null).map((r) => r.slice(0, 4))).toEqual([
      ['Tân Sơn Township', 'Ninh Sơn District', 'whole', 'yes'],
      ['Quảng Sơn Commune', 'Ninh Sơn District', 'whole', 'yes'],
    ]);
  });

  it('draws the yearly trend with the "Địa giới mới" rule and one hollow point per back-cast year', () => {
    const figure = vi.querySelector('figure#trend-sipas-22810-2025-year');
    const svgs = [...(figure?.querySelectorAll('svg') ?? [])];
    expect(svgs.length).toBeGreaterThan(0);
    const backCastYears = INDICES.filter(
      (r) => r.survey === 'sipas' && r.unit_code === '22810' && r.unit_valid_from === '2025-07-01' && r.basis === 'back-cast' && r.breakdown === 'all' && r.indicator === 'overall' && /^\d{4}$/.test(r.period ?? '') && r.status === 'ok',
    ).length;
    expect(backCastYears).toBe(4); // 2021–2024
    for (const svg of svgs) {
      expect([...svg.querySelectorAll('text')].map((t) => text(t))).toContain('Địa giới mới');
      // Hollow points: white fill, the unit's colour as stroke, no offset (the province's are shifted).
      const hollow = [...svg.querySelectorAll('g[aria-label="dot"][fill="white"]')].filter((g) => !g.hasAttribute('transform'));
      expect(hollow.map((g) => g.querySelectorAll('circle').length)).toEqual([backCastYears]);
      // A dotted line joins the back-cast years.
      expect(svg.querySelectorAll('g[aria-label="line"][stroke-dasharray="2,3"]').length).toBe(1);
    }
    expect(text(figure?.querySelector('figcaption p'))).toContain('Trước 2025 (điểm rỗng, nét chấm) là số tính ngược từ các xã cũ nằm trọn trong đơn vị');
  });

  it('labels back-cast years and the part year in its table, with the numbers of indices.csv', () => {
    const rows = tableRows(vi.querySelector('#trend-sipas-22810-2025-year-table')).filter((r) => r[1] === 'Xã Ninh Sơn');
    const byLabel = new Map(rows.map((r) => [r[0], r]));
    expect([...byLabel.keys()]).toEqual([
      '2021 (tính ngược)',
      '2022 (tính ngược)',
      '2023 (phương pháp mới) (tính ngược)',
      '2024 (tính ngược)',
      '2025 (một phần năm: 01/07–31/12)',
      '2026',
    ]);
    const backCast2024 = overall('22810', '2025-07-01', '2024');
    expect(backCast2024.basis).toBe('back-cast');
    expect(byLabel.get('2024 (tính ngược)')?.slice(2)).toEqual([
      viPercent(backCast2024.value as string) + (FLAG_NOTE[backCast2024.flag ?? ''] ?? ''),
      `${viPercent(backCast2024.ci_low as string)}–${viPercent(backCast2024.ci_high as string)}`,
      backCast2024.n,
    ]);
    const direct2026 = overall('22810', '2025-07-01', '2026');
    expect(direct2026.basis).toBe('direct');
    expect(byLabel.get('2026')?.slice(2)).toEqual([
      viPercent(direct2026.value as string) + (FLAG_NOTE[direct2026.flag ?? ''] ?? ''),
      `${viPercent(direct2026.ci_low as string)}–${viPercent(direct2026.ci_high as string)}`,
      direct2026.n,
    ]);
    // The English table labels them too.
    const enRows = tableRows(en.querySelector('#trend-sipas-22810-2025-year-table')).filter((r) => r[1] === 'Ninh Sơn Commune');
    expect(enRows.map((r) => r[0])).toContain('2024 (back-cast)');
    expect(enRows.find((r) => r[0] === '2026')?.[2]).toBe(enPercent(direct2026.value as string) + (FLAG_NOTE_EN[direct2026.flag ?? ''] ?? ''));
  });

  it('shows the 2026 value and its rank among the province’s communes in the key figures', () => {
    const figures = text(vi.querySelector('section.key-figures'));
    const direct2026 = overall('22810', '2025-07-01', '2026');
    // The key figures are separate elements, so their texts run together here. The sample ends in
    // November 2026, so the heading says the year is a year so far.
    expect(figures).toContain(`Chỉ số SIPAS chung, 2026 (đến hết tháng 11/2026)${viPercent(direct2026.value as string)}`);
    expect(figures).toContain(`n = ${direct2026.n}`);
    expect(figures).toMatch(/Hạng \d+\/65 \(khoảng hạng 95 %: \d+–\d+\)/);
  });
});

describe('a reused code under the same name: Phường Đô Vinh from 2025-07-01', () => {
  const doc = page('/don-vi/22738-do-vinh-2025/');

  it('has its own page, next to the old ward’s, with its back-cast 2024 and direct 2026 values', () => {
    expect(built('/don-vi/22738-do-vinh/')).toBe(true);
    expect(text(doc.querySelector('section[aria-labelledby="territory"] h2'))).toBe('Địa bàn trước ngày 1/7/2025');
    const rows = tableRows(doc.querySelector('#trend-sipas-22738-2025-year-table')).filter((r) => r[1] === 'Phường Đô Vinh');
    const backCast = overall('22738', '2025-07-01', '2024');
    const direct = overall('22738', '2025-07-01', '2026');
    expect(rows.find((r) => r[0] === '2024 (tính ngược)')?.[2]).toBe(viPercent(backCast.value as string) + (FLAG_NOTE[backCast.flag ?? ''] ?? ''));
    expect(rows.find((r) => r[0] === '2026')?.[2]).toBe(viPercent(direct.value as string) + (FLAG_NOTE[direct.flag ?? ''] ?? ''));
    expect(rows.map((r) => r[0])).toContain('2025 (một phần năm: 01/07–31/12)');
  });
});

describe('a split commune: the old Phường Đông Hải (22768) on the page of the new one (22780)', () => {
  // 22780 was Phường Mỹ Hải until 2025-06-30: another name, so the new ward's address has no year.
  const doc = page('/don-vi/22780-dong-hai/');

  it('is listed as "một phần", left out of the back-cast, and its respondents counted as left out', () => {
    const section = doc.querySelector('section[aria-labelledby="territory"]');
    const rows = tableRows(section?.querySelector('table') ?? null);
    const split = rows.find((r) => r[0] === 'Phường Đông Hải');
    const leftOutN = overall('22768', '2020-01-01', '2024').n;
    expect(split).toEqual(['Phường Đông Hải', 'Thành phố Phan Rang - Tháp Chàm', 'một phần', 'không (bị chia tách)', leftOutN]);
    expect(text(section?.querySelector('p'))).toContain(`1 xã cũ bị chia cho nhiều đơn vị mới không được tính (${leftOutN} người trả lời năm 2024 bị bỏ ra)`);
    // The back-cast pools the three whole communes: its n is theirs, without the split ward's.
    const whole = rows.filter((r) => r[2] === 'toàn bộ');
    expect(whole).toHaveLength(3);
    expect(whole.map((r) => Number(r[4])).reduce((a, b) => a + b, 0)).toBe(Number(overall('22780', '2025-07-01', '2024').n));
  });
});

describe('the old map’s pages end with their successors', () => {
  it('Huyện Ninh Sơn links to the five units its territory went to, each of which has a page', () => {
    const doc = page('/don-vi/585-ninh-son/');
    // The page's last section but the table of its numbers in every release: nothing of the old
    // map follows it.
    const sections = [...doc.querySelectorAll('main section')].filter((s) => s.getAttribute('aria-labelledby') !== 'in-every-release');
    const section = doc.querySelector('section[aria-labelledby="successors"]');
    expect(sections.at(-1)?.getAttribute('aria-labelledby')).toBe('successors');
    expect(text(section?.querySelector('h2'))).toBe('Từ ngày 01/07/2025');
    expect(text(section?.querySelector('p'))).toBe(
      'Ngày 01/07/2025 cấp huyện kết thúc và tỉnh Ninh Thuận nhập vào tỉnh Khánh Hòa. Địa bàn của Huyện Ninh Sơn nay thuộc các đơn vị sau (kết quả của Huyện Ninh Sơn dừng ở ngày 30/06/2025):',
    );
    const links = [...(section?.querySelectorAll('a') ?? [])].map((a) => [text(a), a.getAttribute('href') ?? '']);
    expect(links).toEqual([
      ['Phường Đô Vinh', '/don-vi/22738-do-vinh-2025/'],
      ['Xã Ninh Sơn', '/don-vi/22810-ninh-son/'],
      ['Xã Lâm Sơn', '/don-vi/22813-lam-son-2025/'],
      ['Xã Mỹ Sơn', '/don-vi/22822-my-son-2025/'],
      ['Xã Anh Dũng', '/don-vi/22828-anh-dung/'],
    ]);
    expect(links.filter(([, href]) => !built(href as string))).toEqual([]);
  });

  it('Thị trấn Tân Sơn says it ended and links to Xã Ninh Sơn', () => {
    const doc = page('/don-vi/22810-tan-son/');
    expect(text(doc.querySelector('main'))).toContain('Đơn vị tồn tại đến 30/06/2025.');
    const successor = [...doc.querySelectorAll('main a')].find((a) => a.getAttribute('href') === '/don-vi/22810-ninh-son/');
    expect(text(successor)).toBe('Xã Ninh Sơn');
  });
});

describe('ranking pages after the reform', () => {
  it('2025 has two groups, each labelled with the part of the year it covers', () => {
    const doc = page('/xep-hang/2025/');
    const headings = [...doc.querySelectorAll('section[aria-labelledby^="group-"] > h2')].map((h) => text(h));
    expect(headings).toEqual([
      '7 huyện, thành phố của Tỉnh Ninh Thuận (01/01/2025–30/06/2025)',
      '65 xã, phường, đặc khu của Tỉnh Khánh Hòa (01/07/2025–31/12/2025)',
    ]);
    expect(text(doc.querySelector('main'))).toContain('năm 2025 có hai bảng xếp hạng, mỗi bảng cho phần năm mà các đơn vị đó tồn tại');
    // The district table ranks the seven districts.
    expect(tableRows(doc.querySelector('#ranking-sipas-2025-district-table'))).toHaveLength(7);
    // Each group's titles name the group: the same title twice would leave a reader (and a screen
    // reader's list of regions) unsure which table is which.
    const titles = [...doc.querySelectorAll('main h3, main caption')].map((el) => text(el));
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    expect(titles).toContain('Các yếu tố của các xã, phường, đặc khu, 2025');
  });

  it('2026 shows the funnel plot before the ranking, and its CSV has one row per commune', () => {
    const doc = page('/xep-hang/2026/');
    const funnel = doc.querySelector('figure#funnel-sipas-2026');
    const ranking = doc.querySelector('figure#ranking-sipas-2026');
    expect(funnel).not.toBeNull();
    expect(ranking).not.toBeNull();
    // DOCUMENT_POSITION_FOLLOWING (4): the ranking comes after the funnel.
    expect((funnel as Element).compareDocumentPosition(ranking as Element) & 4).toBe(4);
    const href = funnel?.querySelector('a[href$=".csv"]')?.getAttribute('href') ?? '';
    expect(href).toBe('/data/charts/funnel-sipas-2026.csv');
    const rows = readCsv(join(DIST, href));
    const communes2026 = new Set(
      INDICES.filter((r) => r.survey === 'sipas' && r.period === '2026' && r.breakdown === 'all' && r.indicator === 'overall' && r.unit_valid_from === '2025-07-01' && r.level === 'overall')
        .map((r) => r.unit_code ?? '')
        .filter((code) => code.length === 5),
    );
    expect(communes2026.size).toBe(65);
    expect(rows).toHaveLength(65);
    expect(new Set(rows.map((r) => r.unit_code))).toEqual(communes2026);
    expect(rows.every((r) => r.period === '2026' && r.unit_valid_from === '2025-07-01')).toBe(true);
    // The table under the plot has the same 65 rows.
    expect(tableRows(doc.querySelector('#funnel-sipas-2026-table'))).toHaveLength(65);
  });
});

describe('the plan of Huyện Ninh Sơn (KH 95) over its following years', () => {
  const doc = page('/ke-hoach/kh-95-2024/');

  it('assesses 2024, then 2025 up to 30/06/2025, then names the successors for 2026', () => {
    expect(text(doc.querySelector('#all-targets'))).toBe('Tất cả chỉ tiêu, năm 2024');
    expect(text(doc.querySelector('#targets-2025'))).toBe('Năm 2025 (đến 30/06/2025, khi Huyện Ninh Sơn còn tồn tại)');
    const y2026 = doc.querySelector('section[aria-labelledby="targets-2026"]');
    expect(text(y2026?.querySelector('h2'))).toBe('Năm 2026');
    expect(text(y2026)).toContain('Huyện Ninh Sơn không còn từ ngày 01/07/2025, nên các chỉ tiêu năm 2026 không đánh giá được');
    const links = [...(y2026?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? '');
    expect(links).toEqual(['/don-vi/22738-do-vinh-2025/', '/don-vi/22810-ninh-son/', '/don-vi/22813-lam-son-2025/', '/don-vi/22822-my-son-2025/', '/don-vi/22828-anh-dung/']);
    expect(links.every(built)).toBe(true);
  });
});

describe('the home page', () => {
  const doc = page('/');

  it('leads with the 2026 communes of Khánh Hòa and their funnel plot', () => {
    expect(text(doc.querySelector('h1 + p.lede'))).toMatch(/^Năm 2026, trong 65 xã, phường, đặc khu của Tỉnh Khánh Hòa/);
    const headings = [...doc.querySelectorAll('main h2')].map((h) => h.id);
    expect(headings.slice(0, 3)).toEqual(['province-figure', 'funnel-sipas-2026-title', 'earlier-map']);
  });

  it('keeps the 2024 district ranking and KH 95 one click away, as the last district-level results', () => {
    const section = doc.querySelector('#earlier-map')?.closest('section');
    expect(text(section?.querySelector('h2'))).toBe('Kết quả cấp huyện cuối cùng');
    const links = [...(section?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toContain('/xep-hang/2024/');
    expect(links).toContain('/ke-hoach/kh-95-2024/');
  });
});

describe('on a 390 px phone', () => {
  const PATHS = [
    '/',
    '/don-vi/22810-ninh-son/',
    '/en/units/22810-ninh-son/',
    '/don-vi/22738-do-vinh-2025/',
    '/don-vi/22780-dong-hai/',
    '/don-vi/585-ninh-son/',
    '/don-vi/22810-tan-son/',
    '/xep-hang/2025/',
    '/xep-hang/2026/',
    '/ke-hoach/kh-95-2024/',
  ];
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every page under test was built', () => {
    expect(PATHS.filter((p) => !existsSync(resolveFile(DIST, p) ?? '/nonexistent'))).toEqual([]);
  });

  test('no page scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of PATHS) {
      await page.goto(server.origin + path, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width}px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });
});
