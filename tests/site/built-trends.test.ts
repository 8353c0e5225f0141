/**
 * The built trends page and element-rank tables against the published files they come from
 * (reads dist/ and public/data/: runs after the build, vitest.config.ts SITE_TESTS):
 * - /xu-huong/ and /en/trends/ draw one panel per district of rankings.csv, in every layout, in
 *   both charts (yearly index, rank history), and the chart CSVs hold exactly the rows drawn;
 * - every element-rank table of every ranking page prints, for each unit and element, the rank
 *   and 95 % rank interval of element-rankings.csv ("2 (1–4)", "—" when not ranked).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';

const DIST = join(process.cwd(), 'dist');
const DATA = join(process.cwd(), 'public', 'data');
type Row = Record<string, string>;
const csv = (file: string): Row[] =>
  Papa.parse<Row>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document;

const rankings = csv(join(DATA, 'rankings.csv'));
const units = csv(join(DATA, 'units.csv'));
const districts = [...new Set(rankings.filter((r) => r.survey === 'sipas' && r.unit_level === 'district').map((r) => r.unit_code ?? ''))].sort();
const nameOf = (code: string, lang: 'vi' | 'en'): string => units.find((u) => u.code === code && u.level === 'district')?.[`name_${lang}`] ?? code;
/** A panel title's text: its lines (tspans) joined, as a reader reads it. */
const titleText = (text: Element) => {
  const spans = [...text.querySelectorAll('tspan')];
  return spans.length > 0 ? spans.map((s) => s.textContent).join(' ') : (text.textContent ?? '');
};

describe('the trends page', () => {
  test.each([
    ['xu-huong', 'vi'],
    ['en/trends', 'en'],
  ] as const)('/%s/ has one panel per district in each chart and layout', (path, lang) => {
    expect(districts).toHaveLength(7);
    const document = page(path);
    for (const id of ['trends-sipas-district-year', 'rank-history-sipas-district']) {
      const figure = document.getElementById(id);
      expect(figure, id).not.toBeNull();
      const svgs = [...figure!.querySelectorAll('svg')];
      expect(svgs.map((s) => s.getAttribute('data-layout'))).toEqual(['phone', 'page', 'wide']);
      for (const svg of svgs) {
        const titles = [...svg.querySelectorAll('g[aria-label="text"] [font-weight="bold"] text')].map(titleText);
        // Plot writes a grid's panels column by column: the order in the file is not the reading order.
        expect(titles.sort(), `${id} ${svg.getAttribute('data-layout')}`).toEqual(districts.map((c) => nameOf(c, lang)).sort());
      }
    }
  });

  test('the chart CSVs hold the rows drawn: each district every year, then the province', () => {
    const trends = csv(join(DIST, 'data', 'charts', 'trends-sipas-district-year.csv'));
    const years = [...new Set(trends.map((r) => r.period))];
    expect(years).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(trends.map((r) => r.unit_code)).toEqual([...districts.flatMap((c) => years.map(() => c)), ...years.map(() => '58')]);
    const ranks = csv(join(DIST, 'data', 'charts', 'rank-history-sipas-district.csv'));
    expect(ranks.map((r) => `${r.unit_code} ${r.period}`)).toEqual(districts.flatMap((c) => years.map((y) => `${c} ${y}`)));
    // The table twin lists the same rows as the CSV.
    const twin = page('xu-huong').getElementById('trends-sipas-district-year-table');
    expect(twin?.querySelectorAll('tbody tr').length).toBe(trends.length);
  });
});

describe('element-rank tables', () => {
  const elementRankings = csv(join(DATA, 'element-rankings.csv'));
  const indicators = csv(join(DATA, 'indicators.csv'));
  const years = [...new Set(rankings.map((r) => r.period))].sort();

  test.each(years)('/xep-hang/%s/ prints element-rankings.csv', (year) => {
    const document = page(`xep-hang/${year}`);
    const tables = [...document.querySelectorAll('table')].filter((t) => t.id.startsWith('element-ranks-sipas-'));
    const groups = [...new Set(elementRankings.filter((r) => r.survey === 'sipas' && r.period === year).map((r) => r.unit_level))];
    expect(tables).toHaveLength(groups.length);
    for (const table of tables) {
      const level = groups.length > 1 ? table.id.split('-').at(-1)! : groups[0]!;
      const rows = elementRankings.filter((r) => r.survey === 'sipas' && r.period === year && r.unit_level === level);
      const ks = rows.map((r) => Number(r.k)).filter((k) => k > 0);
      const k = String(Math.min(...ks));
      const headers = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent);
      const codes = headers.map((name) => indicators.find((i) => i.survey === 'sipas' && i.level === 'element' && i.name_vi === name)?.indicator);
      expect(codes.every((c) => c !== undefined), headers.join(', ')).toBe(true);
      const bodyRows = [...table.querySelectorAll('tbody tr')];
      expect(bodyRows).toHaveLength(new Set(rows.map((r) => r.unit_code)).size);
      for (const tr of bodyRows) {
        // The unit's page gives its code; a unit without a page (Trường Sa) is found by its name.
        const name = tr.querySelector('th')?.textContent ?? '';
        const code =
          /\/don-vi\/(\d+)-/.exec(tr.querySelector('th a')?.getAttribute('href') ?? '')?.[1] ??
          units.find((u) => u.name_vi === name && rows.some((r) => r.unit_code === u.code))?.code;
        expect(code, name).toBeDefined();
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
        const expected = codes.map((indicator) => {
          const r = rows.find((x) => x.unit_code === code && x.indicator === indicator && (x.k === k || x.k === ''));
          if (!r || r.status !== 'ranked') return '—';
          return `${r.rank} (${r.rank_low === r.rank_high ? r.rank_low : `${r.rank_low}–${r.rank_high}`})`;
        });
        expect(cells, `${year} ${code}`).toEqual(expected);
      }
    }
  });
});
