// @ts-check
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The public URL comes from the publisher's config (in DATA_DIR when set, as for the pipeline) so
// that canonical links, the sitemap and citations all name the same address.
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : fileURLToPath(new URL('./data', import.meta.url));
const site = JSON.parse(readFileSync(resolve(dataDir, 'site.json'), 'utf8'));

export default defineConfig({
  site: site.base_url,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Every page is static HTML; no client framework.
  prefetch: false,
  devToolbar: { enabled: false },
});
