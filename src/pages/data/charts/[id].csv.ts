/**
 * /data/charts/<id>.csv: the rows one chart draws, with the columns of the published table they
 * come from (indices, rankings or targets), UTF-8 with BOM. One file per chart id of the site.
 */
import { firstShardOnly } from '../../../site/page-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv, type ChartDataset } from '../../../site/chart-datasets.ts';
import { siteChartDatasets } from '../../../site/site-chart-datasets.ts';

export const getStaticPaths = (async () =>
  firstShardOnly((await siteChartDatasets()).map((dataset) => ({ params: { id: dataset.id }, props: { dataset } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { dataset: ChartDataset }).dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
