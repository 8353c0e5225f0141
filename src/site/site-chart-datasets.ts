/**
 * Every chart of the site, gathered from the same content builders the pages render, so the CSV
 * endpoint (/data/charts/<id>.csv) writes a file for exactly the charts that are drawn. A chart
 * shown on several pages (the plan's targets on the home page and the plan page) is one dataset;
 * two different datasets under one id would make one of the two CSVs lie, so that stops the build.
 */
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { compareDatasets } from './compare-content.ts';
import { homeContent } from './home-content.ts';
import { officialContent } from './official-content.ts';
import { pageInventory } from './page-inventory.ts';
import { planContent, planDatasets } from './plan-content.ts';
import { rankingContent, rankingDatasets } from './ranking-content.ts';
import { trendsContent, trendsDatasets } from './trends-content.ts';
import { unitContent, unitDatasets } from './unit-content.ts';

/** Adds `dataset` to `byId`, refusing a second, different dataset under the same id. */
export function addDataset(byId: Map<string, ChartDataset>, dataset: ChartDataset): void {
  const seen = byId.get(dataset.id);
  if (!seen) {
    byId.set(dataset.id, dataset);
    return;
  }
  const same = seen.table === dataset.table && seen.rows.length === dataset.rows.length && seen.rows.every((row, i) => row === dataset.rows[i]);
  if (!same) {
    throw new Error(`chart id "${dataset.id}" names two different datasets; give one of the charts its own id (see ${chartId.name} in chart-datasets.ts)`);
  }
}

let cached: Promise<ChartDataset[]> | undefined;

async function gather(): Promise<ChartDataset[]> {
  const inventory = await pageInventory();
  const byId = new Map<string, ChartDataset>();
  const add = (datasets: ChartDataset[]) => datasets.forEach((d) => addDataset(byId, d));
  const home = await homeContent();
  add([home.ranking?.dataset, home.trend?.dataset, home.plan?.bullets, ...(home.plan?.rankTargets.map((r) => r.dataset) ?? [])].filter((d) => !!d));
  for (const year of inventory.rankingYears) add(rankingDatasets(await rankingContent(year)));
  add(trendsDatasets(await trendsContent()));
  for (const listing of inventory.unitListings) add(unitDatasets(await unitContent(listing)));
  for (const id of inventory.planIds) add(planDatasets(await planContent(id)));
  const official = await officialContent();
  if (official.series.length > 0) add([official.dataset]);
  add(await compareDatasets());
  return [...byId.values()];
}

/** Every chart dataset of the site, gathered once per build. */
export function siteChartDatasets(): Promise<ChartDataset[]> {
  cached ??= gather();
  return cached;
}
