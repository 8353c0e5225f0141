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
 */
import type { FunnelRow } from '../engine/funnel-rows.ts';
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

const SCHEMAS: Record<ChartDataset['table'], TableSchema> = {
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
  const id = parts.join('-');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new Error(`chart id "${id}" may hold only lower-case letters, digits and single "-" (it is a file name and an anchor)`);
  }
  return id;
}

/** Site path of a chart's CSV. */
export function chartCsvPath(id: string): string {
  return `/data/charts/${id}.csv`;
}

/** The chart's CSV: the published table's header and formatting, the chart's rows. */
export function chartCsv(dataset: ChartDataset): string {
  return formatCsv(SCHEMAS[dataset.table], dataset.rows);
}

/** The download link of a chart: its CSV's path and size in bytes (the file the endpoint writes). */
export function chartDownload(dataset: ChartDataset): { href: string; bytes: number; format: string } {
  return { href: chartCsvPath(dataset.id), bytes: Buffer.byteLength(chartCsv(dataset), 'utf8'), format: 'CSV' };
}
