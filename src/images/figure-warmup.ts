/**
 * Called by ChartFigure as it renders a chart during the build: makes the chart's standalone SVG
 * exactly as the end of the build will (chart-image.ts, from the same title, caption, drawing,
 * address and rows) and queues its PNG (png-warmup.ts), so the image is drawn on the idle core
 * while Astro goes on writing pages. Home pages are skipped: their charts' images cite the
 * charts' own pages (chart-images-integration.ts).
 */
import { chartCsv } from '../site/chart-datasets.ts';
import { isHomePath } from '../site/chart-images.ts';
import type { Lang } from '../site/i18n.ts';
import { citedUrl } from '../site/citation.ts';
import { siteChartDatasets } from '../site/site-chart-datasets.ts';
import { siteConfig } from '../site/site-config.ts';
import { chartImage } from './chart-image.ts';
import { warmChartPng } from './png-warmup.ts';

export async function warmFigurePng(figure: { lang: Lang; id: string; title: string; caption: string; wide: string; pagePath: string }): Promise<void> {
  if (isHomePath(figure.pagePath)) return;
  const site = await siteConfig();
  const dataset = (await siteChartDatasets()).find((d) => d.id === figure.id);
  const { svg } = chartImage(site, {
    lang: figure.lang,
    title: figure.title,
    caption: figure.caption,
    wide: figure.wide,
    pageUrl: citedUrl(site, `${figure.pagePath}#${figure.id}`),
    csv: dataset ? chartCsv(dataset) : null,
  });
  await warmChartPng(svg);
}
