/**
 * Keeps the current release before the next one starts (data-contract.md → Releases): copies
 * what `npm run data` published for it (public/data) and its inputs without the responses into
 * data/releases/<id>/ (src/releases/kept-release.ts). Then edit site.json: the new release's id,
 * date, status, notes, and `changes` naming why values will differ.
 *
 * Usage: npm run data && npm run keep-release
 */
import { join, resolve } from 'node:path';
import { resolveDataDir } from '../src/intake/data-dir.ts';
import { loadSiteConfig } from '../src/intake/load-site-config.ts';
import { keepRelease } from '../src/releases/kept-release.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const dataDir = resolveDataDir();
const publishDir = resolve(process.env.PUBLISH_DIR ?? join(repoRoot, 'public', 'data'));
try {
  const site = await loadSiteConfig(dataDir, (message) => console.warn(`warning: ${message}`));
  const dir = keepRelease(publishDir, dataDir, site.release);
  console.log(`Release ${site.release.version} kept in ${dir}. Next: set the new release in site.json (version, date, status, notes, changes), then npm run build.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
