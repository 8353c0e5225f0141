// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';

// The public URL comes from the publisher's config so that canonical links, the sitemap and
// citations all name the same address.
const site = JSON.parse(readFileSync(new URL('./data/site.json', import.meta.url), 'utf8'));

export default defineConfig({
  site: site.base_url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Every page is static HTML; no client framework.
  prefetch: false,
  devToolbar: { enabled: false },
});
