/**
 * A chart's data as the site publishes it: a stable id (the chart's anchor on every page that
 * shows it and the name of its CSV, `/data/charts/<id>.csv`), the published table its rows come
 * from, and the rows in the order the chart draws them. The page draws the chart from these rows
 * and the CSV endpoint writes exactly these rows, with the columns (and rounding, BOM and formula
 * neutralising) of the published file of the same table, so a reader who downloads a chart's data
 * can join it to indices.csv, rankings.csv, targets.csv or comparisons.csv. A funnel plot's CSV has
 * columns of its own (src/publish/funnel-schema.ts: the limits and class at each unit's n), joined
 * the same way; the official-results chart's rows are figures others published, each beside its
 * source id (src/publish/official-schema.ts).
 *
 * Beside the unit and indicator codes the chart CSV carries their names in both languages
 * (`unit_name_vi`, `unit_name_en`, `indicator_name_vi`, `indicator_name_en`, read from the
 * published units.csv and indicators.csv), so the file reads on its own. Each chart also has two
 * XLSX twins, `/data/charts/<id>.xlsx` (Vietnamese) and `<id>.en.xlsx` (English), written from the
 * chart's rows by the same code as the published tables' (src/publish/table-xlsx.ts).
 */
import type { FunnelRow } from '../engine/funnel-rows.ts';
import { NAMED_CODES, nameReaders, readCodeNames, type CodeNames } from '../publish/code-names.ts';
import type { PublishedField } from '../publish/schemas.ts';
import { tableXlsxBytes } from '../publish/table-xlsx.ts';
import type { XlsxLang } from '../publish/xlsx.ts';
import type { SiteConfig } from '../intake/types.ts';
import { PUBLISHED_DIR } from './published-data.ts';
import type { ComparisonRow, IndexRow, RankingRow, TargetRow } from '../engine/tables.ts';
import type { OfficialChartRow } from './official-series.ts';
import { formatCsv } from '../publish/csv.ts';
import { funnelSchema } from '../publish/funnel-schema.ts';
import { officialSchema } from '../publish/official-schema.ts';
import { comparisonsSchema, indicesSchema, rankingsSchema, targetsSchema, type TableSchema } from '../publish/schemas.ts';

export type ChartDataset =
  | { id: string; table: 'indices'; rows: IndexRow[] }
  | { id: string; table: 'rankings'; rows: RankingRow[] }
  | { id: string; table: 'targets'; rows: TargetRow[] }
  | { id: string; table: 'funnel'; rows: FunnelRow[] }
  | { id: string; table: 'official'; rows: OfficialChartRow[] }
  | { id: string; table: 'comparisons'; rows: ComparisonRow[] };

export const CHART_SCHEMAS: Readonly<Record<ChartDataset['table'], TableSchema>> = {
  indices: indicesSchema,
  rankings: rankingsSchema,
  targets: targetsSchema,
  funnel: funnelSchema,
  official: officialSchema,
  comparisons: comparisonsSchema,
};

/**
 * A chart id from its parts: `chartId('trend', 'sipas', '585', 'year')` → `trend-sipas-585-year`.
 * Ids become file names and anchors, so only lower-case letters, digits and `-` are allowed.
 */
export function chartId(...parts: string[]): string {
  // Unit codes are digits, but the whole country's is letters (VN): ids are lower case.
  const id = parts.join('-').toLowerCase();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new Error(`chart id "${id}" may hold only lower-case letters, digits and single "-" (it is a file name and an anchor)`);
  }
  return id;
}

/** Site path of a chart's CSV. */
export function chartCsvPath(id: string): string {
  return `/data/charts/${id}.csv`;
}

/** Site path of a chart's XLSX in a language: `/data/charts/<id>.xlsx`, `/data/charts/<id>.en.xlsx`. */
export function chartXlsxPath(id: string, lang: XlsxLang): string {
  return `/data/charts/${id}${lang === 'vi' ? '' : `.${lang}`}.xlsx`;
}

/** The code columns of the chart CSVs that get their names beside them, in both languages. */
const CHART_NAMED = new Set(['unit_code', 'unit_a', 'unit_b', 'province_code', 'indicator']);

let publishedNames: CodeNames | undefined;

/** The names of the published registers (public/data), read once per build. */
export function siteCodeNames(): CodeNames {
  publishedNames ??= readCodeNames(PUBLISHED_DIR);
  return publishedNames;
}

/** The chart CSV's schema: the table's, with `<name>_vi` and `<name>_en` after each named code column. */
export function chartCsvSchema(table: ChartDataset['table']): TableSchema {
  const base = CHART_SCHEMAS[table];
  const names = base.fields.map((f) => f.name);
  const fields: PublishedField[] = [];
  for (const field of base.fields) {
    fields.push(field);
    const named = NAMED_CODES.find((n) => n.column === field.name && CHART_NAMED.has(n.column));
    if (!named || (named.scopeColumn && !names.includes(named.scopeColumn))) continue;
    for (const [lang, language] of [
      ['vi', { vi: 'tiếng Việt', en: 'Vietnamese' }],
      ['en', { vi: 'tiếng Anh', en: 'English' }],
    ] as const) {
      fields.push({
        name: `${named.nameColumn}_${lang}`,
        type: 'string',
        description_vi: `Tên (${language.vi}) của mã ở cột ${field.name}`,
        description_en: `Name (${language.en}) of the code in column ${field.name}`,
      });
    }
  }
  return { ...base, fields };
}

/** The chart's CSV: the published table's header and formatting plus names, the chart's rows. */
export function chartCsv(dataset: ChartDataset, names: CodeNames = siteCodeNames()): string {
  const base = CHART_SCHEMAS[dataset.table];
  const schema = chartCsvSchema(dataset.table);
  const baseNames = base.fields.map((f) => f.name);
  const readers = nameReaders(baseNames, names);
  const rows = dataset.rows.map((row) => {
    const cells = baseNames.map((name) => {
      const value = (row as unknown as Record<string, unknown>)[name];
      return typeof value === 'string' ? value : null;
    });
    const named: Record<string, string | null> = {};
    baseNames.forEach((name, i) => {
      const nameColumn = NAMED_CODES.find((n) => n.column === name)?.nameColumn;
      const found = readers[i]?.(cells);
      if (nameColumn) {
        named[`${nameColumn}_vi`] = found?.vi || null;
        named[`${nameColumn}_en`] = found?.en || null;
      }
    });
    return { ...row, ...named };
  });
  return formatCsv(schema, rows);
}

/** Both files of a chart, made once for its two endpoints (`<id>.xlsx`, `<id>.en.xlsx`). */
const xlsxMade = new WeakMap<ChartDataset, Record<XlsxLang, Uint8Array>>();

/** The chart's two XLSX files, from its rows in the published table's columns (names added). */
export function chartXlsx(dataset: ChartDataset, site: SiteConfig, names: CodeNames = siteCodeNames()): Record<XlsxLang, Uint8Array> {
  const made = xlsxMade.get(dataset);
  if (made) return made;
  const schema = CHART_SCHEMAS[dataset.table];
  const files = tableXlsxBytes(
    { schema, site, names, csvPath: chartCsvPath(dataset.id), title: { vi: `${schema.title_vi} — ${dataset.id}`, en: `${schema.title_en} — ${dataset.id}` } },
    formatCsv(schema, dataset.rows),
  );
  xlsxMade.set(dataset, files);
  return files;
}

/** The download link of a chart: its CSV's path and size in bytes (the file the endpoint writes). */
export function chartDownload(dataset: ChartDataset): { href: string; bytes: number; format: string } {
  return { href: chartCsvPath(dataset.id), bytes: Buffer.byteLength(chartCsv(dataset), 'utf8'), format: 'CSV' };
}
