/**
 * The dataset of a funnel plot (method.md → Comparing units): the units' rows with their limits
 * and class (src/engine/funnel-rows.ts) under a chart id, so the figure (FunnelFigure.astro) draws
 * exactly the rows its CSV (/data/charts/<id>.csv) writes. Build it once in the page's content and
 * hand the same object to the figure and to the page's list of datasets (site-chart-datasets.ts).
 */
import { funnelCentre, funnelRows, type FunnelUnit } from '../engine/funnel-rows.ts';
import type { ProvinceCell } from '../engine/reference/funnel-limits.ts';
import type { ChartDataset } from './chart-datasets.ts';

export type FunnelDataset = Extract<ChartDataset, { table: 'funnel' }>;

/**
 * `units`: the commune cells of one survey, period and indicator (IndexRow fits); `province`:
 * the province's cell for the same survey, period and indicator (its value, se and n give the
 * centre and the design effect). E.g. `funnelDataset(chartId('funnel', 'sipas', '2026'), communes, provinceCell)`.
 */
export function funnelDataset(id: string, units: readonly FunnelUnit[], province: ProvinceCell | undefined): FunnelDataset {
  return { id, table: 'funnel', rows: funnelRows(units, funnelCentre(province)) };
}
