/**
 * /data/charts/<id>.en.xlsx: the rows one chart draws as a workbook with English headers, names
 * and notes (src/site/chart-datasets.ts → chartXlsx): numbers typed, the same cells as the CSV.
 */
import { firstShardOnly } from '../../../site/page-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartXlsx, type ChartDataset } from '../../../site/chart-datasets.ts';
import { chartDatasetsWithFiles } from '../../../site/site-chart-datasets.ts';
import { frozenBuild } from '../../../site/frozen-release.ts';
import { siteConfig } from '../../../site/site-config.ts';

// A frozen copy serves no spreadsheet twins (xlsx-links.ts).
export const getStaticPaths = (async () =>
  frozenBuild() ? [] : firstShardOnly((await chartDatasetsWithFiles()).map((dataset) => ({ params: { id: dataset.id }, props: { dataset } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(Buffer.from(chartXlsx((props as { dataset: ChartDataset }).dataset, await siteConfig()).en), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
