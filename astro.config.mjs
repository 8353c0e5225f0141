// @ts-check
import { defineConfig } from 'astro/config';
import { chartImages } from './src/images/chart-images-integration.ts';
import { siteConfig } from './src/site/site-config.ts';

// The public URL comes from the publisher's config (in DATA_DIR when set, SITE_URL overriding
// base_url, read by the same loader as the pipeline and the pages) so that canonical links, the
// sitemap and citations all name the same address. The data step (npm run data, the first half of
// npm run build) warns once when it is still the placeholder; the pages stay silent.
const site = await siteConfig();

// A release's frozen copy (scripts/build-releases.ts) is built from that release's own public
// folder into its own output folder, without chart images and embed pages: those stay with the
// live site, where the citation of each chart points to the frozen page that holds it.
const frozen = Boolean(process.env.SIPAS_FROZEN_RELEASE);

export default defineConfig({
  site: site.base_url,
  publicDir: process.env.SIPAS_PUBLIC_DIR || './public',
  outDir: process.env.SIPAS_OUT_DIR || './dist',
  // Each frozen build has its own (the content layer's data store lives here during a build).
  cacheDir: process.env.SIPAS_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Every page is static HTML; no client framework.
  prefetch: false,
  devToolbar: { enabled: false },
  // Every chart's SVG and PNG images and embed page, from the written pages (src/images/).
  integrations: frozen ? [] : [chartImages()],
  // The release notes' old address (until release 2026.2) leads to the calendar that replaced it.
  redirects: frozen ? {} : { '/phien-ban/': '/phat-hanh/' },
});
