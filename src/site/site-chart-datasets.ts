/**
 * Every chart of the site, gathered from the same content builders the pages render, so the CSV
 * endpoint (/data/charts/<id>.csv) writes a file for exactly the charts that are drawn. A chart
 * shown on several pages (the plan's targets on the home page and the plan page) is one dataset;
 * two different datasets under one id would make one of the two CSVs lie, so that stops the build.
 */
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { levelHasChartFiles } from './chart-files.ts';
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

interface Gathered {
  all: ChartDataset[];
  /** Ids of the charts shown on a page with chart files (chart-files.ts): those get XLSX copies. */
  withFiles: Set<string>;
}

let cached: Promise<Gathered> | undefined;

async function gather(): Promise<Gathered> {
  const inventory = await pageInventory();
  const byId = new Map<string, ChartDataset>();
  const withFiles = new Set<string>();
  let files = true;
  const add = (datasets: (ChartDataset | undefined)[]) =>
    datasets.forEach((d) => {
      if (!d) return;
      addDataset(byId, d);
      if (files) withFiles.add(d.id);
    });
  const home = await homeContent();
  add([home.ranking?.dataset, home.trend?.dataset, home.plan?.bullets, ...(home.plan?.rankTargets.map((r) => r.dataset) ?? [])].filter((d) => !!d));
  for (const year of inventory.rankingYears) add(rankingDatasets(await rankingContent(year)));
  add(trendsDatasets(await trendsContent()));
  for (const listing of inventory.unitListings) {
    files = await levelHasChartFiles(listing.level);
    add(unitDatasets(await unitContent(listing)));
  }
  files = true;
  for (const id of inventory.planIds) add(planDatasets(await planContent(id)));
  const official = await officialContent();
  if (official.series.length > 0) add([official.dataset]);
  add(await compareDatasets());
  return { all: [...byId.values()], withFiles };
}

/** Every chart dataset of the site, gathered once per build: each has its CSV. */
export async function siteChartDatasets(): Promise<ChartDataset[]> {
  cached ??= gather();
  return (await cached).all;
}

/** The chart datasets that get XLSX copies: those shown on a page with chart files (chart-files.ts). */
export async function chartDatasetsWithFiles(): Promise<ChartDataset[]> {
  cached ??= gather();
  const { all, withFiles } = await cached;
  return all.filter((d) => withFiles.has(d.id));
}
