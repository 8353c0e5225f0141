/**
 * After Astro has written the pages: every chart's SVG and PNG images (one per language) and its
 * embed page, made from the drawings the pages already hold (page-figures.ts), then the image
 * links of the pages given their files' sizes (chart-images.ts fillImageSizes).
 *
 * Why after the pages and not as Astro routes: a chart is drawn by the component that shows it,
 * from words and rows the page assembles; reading the written page reuses those drawings instead
 * of drawing ~1,900 charts again, and takes in any chart a page shows through ChartFigure without
 * a list to keep up.
 *
 * The PNGs are the costly part (text shaping, anti-aliasing and compression: ~30 ms of CPU each).
 * Most are drawn on the second core while Astro writes pages (ChartFigure starts them:
 * png-warmup.ts); the rest are drawn here by worker threads, one per core. All go through a
 * cache under the hash of their SVG and font (png-cache.ts), so a rebuild draws only the charts
 * that changed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chartCsv, chartCsvPath } from '../site/chart-datasets.ts';
import { siteChartDatasets } from '../site/site-chart-datasets.ts';
import { chartImagePath, embedPath, fillImageSizes, IMAGE_SIZE_MARK, isHomePath } from '../site/chart-images.ts';
import type { Lang } from '../site/i18n.ts';
import { absoluteUrl } from '../site/routes.ts';
import { citedUrl } from '../site/citation.ts';
import { siteConfig } from '../site/site-config.ts';
import { compactCss } from '../styles/compact-css.ts';
import { chartFontFiles, inChartFont } from './chart-font.ts';
import { chartImage } from './chart-image.ts';
import { mapLimited } from './chart-png.ts';
import { pngPool } from './png-pool.ts';
import { embedPageHtml } from './embed-page.ts';
import { pageFigures, type PageFigure } from './page-figures.ts';
import { stopWarmup } from './png-warmup.ts';

interface BuiltPage {
  file: string;
  /** Site path, `/don-vi/585-ninh-son/`. */
  path: string;
  lang: Lang;
  html: string;
}

/**
 * The HTML pages under `dist` (index.html of each folder), with their path and language. Each
 * page's HTML is read when asked for and not kept: a national site's 15,000 pages held at once
 * took more than the 4 GB a Node heap gets.
 */
function builtPages(dist: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const path = `/${relative(dist, dirname(full)).split(sep).filter((p) => p !== '').map((p) => `${p}/`).join('')}`;
        pages.push({
          file: full,
          path,
          lang: path.startsWith('/en/') ? 'en' : 'vi',
          get html() {
            return readFileSync(full, 'utf8');
          },
        });
      }
    }
  };
  walk(dist);
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A chart in one language, with the page it is taken from. */
interface ChartImage {
  lang: Lang;
  figure: PageFigure;
  /** The page it is taken from: a page that is not a home page where there is one (the chart's own page), else the first. */
  pagePath: string;
}

/** One image per chart id and language, from the first page (in path order) that is not a home page. */
export function chartsToDraw(pages: readonly { path: string; lang: Lang; html: string }[]): ChartImage[] {
  const byKey = new Map<string, ChartImage>();
  for (const page of [...pages.filter((p) => !isHomePath(p.path)), ...pages.filter((p) => isHomePath(p.path))]) {
    for (const figure of pageFigures(page.html)) {
      const key = `${page.lang}:${figure.id}`;
      if (!byKey.has(key)) byKey.set(key, { lang: page.lang, figure, pagePath: page.path });
    }
  }
  return [...byKey.values()];
}

function writeFile(file: string, content: string | Buffer): number {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export function chartImages(): AstroIntegration {
  return {
    name: 'chart-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const queued = await stopWarmup();
        logger.info(`${queued} PNG images were queued while pages were written (${seconds(start)} s waiting for the last)`);
        const dist = fileURLToPath(dir);
        const site = await siteConfig();
        const css = compactCss(readFileSync(join(process.cwd(), 'src', 'styles', 'embed.css'), 'utf8'));
        const pages = builtPages(dist);
        const charts = chartsToDraw(pages);
        const sizes = new Map<string, number>();
        const missing = new Set<string>();
        const svgs: { path: string; svg: string }[] = [];

        // The chart's CSV as its endpoint writes it, from the dataset: a shard of the page build
        // (scripts/build-pages.ts) draws images of pages whose CSV another shard writes.
        const datasets = new Map((await siteChartDatasets()).map((d) => [d.id, d]));
        for (const { lang, figure, pagePath } of charts) {
          const dataset = datasets.get(figure.id);
          const csvFile = join(dist, chartCsvPath(figure.id));
          const csv = dataset ? chartCsv(dataset) : existsSync(csvFile) ? readFileSync(csvFile, 'utf8') : null;
          const pageUrl = citedUrl(site, `${pagePath}#${figure.id}`);
          const { svg, texts } = chartImage(site, { lang, title: figure.title, caption: figure.caption, wide: figure.drawings.wide as string, pageUrl, csv });
          for (const char of svg.replace(/<[^>]*>/g, '')) if (!/\s/.test(char) && !inChartFont(char)) missing.add(char);
          const svgPath = chartImagePath(figure.id, lang, 'svg');
          sizes.set(svgPath, writeFile(join(dist, svgPath), svg));
          svgs.push({ path: chartImagePath(figure.id, lang, 'png'), svg });
          const embed = embedPath(figure.id, lang);
          writeFile(join(dist, embed, 'index.html'), embedPageHtml({
            lang,
            title: figure.title,
            caption: figure.caption,
            drawings: figure.drawings,
            notes: [texts.sampleSize, texts.source].filter((note): note is string => !!note),
            pageUrl,
            embedUrl: absoluteUrl(embed, site.base_url),
            siteTitle: site.title[lang],
            css,
          }));
        }
        // A PNG with empty boxes for letters is a broken download: stop the build rather than warn.
        if (missing.size > 0) throw new Error(`chart-images: characters outside the chart font would be drawn as empty boxes in the PNGs: ${[...missing].join(' ')}. Add them to CHART_FONT_RANGES in src/images/chart-font.ts.`);
        const svgDone = performance.now();
        logger.info(`${charts.length} charts: SVG images and embed pages written in ${seconds(start)} s`);

        const fonts = await chartFontFiles();
        const pool = pngPool(availableParallelism());
        let drawn = 0;
        // Twice as many jobs in flight as workers, so none waits for the main thread between two.
        const pngSizes = await mapLimited(svgs, 2 * availableParallelism(), async ({ path, svg }) => {
          const result = await pool.draw(svg, fonts);
          if (!result) throw new Error('chart images: the PNG workers stopped early');
          const { file, drawn: fresh } = result;
          if (fresh) drawn += 1;
          mkdirSync(dirname(join(dist, path)), { recursive: true });
          copyFileSync(file, join(dist, path));
          return statSync(file).size;
        });
        await pool.stop();
        svgs.forEach(({ path }, i) => sizes.set(path, pngSizes[i] as number));
        logger.info(`${svgs.length} PNG images in ${seconds(svgDone)} s (${drawn} drawn now, ${svgs.length - drawn} drawn earlier or cached)`);

        const fillStart = performance.now();
        let filled = 0;
        for (const page of pages) {
          const html = page.html;
          if (!html.includes(IMAGE_SIZE_MARK)) continue;
          writeFileSync(page.file, fillImageSizes(html, page.lang, (path) => sizes.get(path)));
          filled += 1;
        }
        logger.info(`image sizes filled in on ${filled} pages in ${seconds(fillStart)} s; chart images took ${seconds(start)} s in all`);
      },
    },
  };
}
