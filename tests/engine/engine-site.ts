/**
 * The site configuration the engine tests of rankings and targets compute with: the bundled
 * site's thresholds (publish 30, rank 100) and rank simulation (10,000 draws, seed 20240227).
 */
import { allCells } from '../../src/intake/load-site-config.ts';
import type { SiteConfig } from '../../src/intake/types.ts';

export const ENGINE_SITE: SiteConfig = {
  publisher: { vi: 'x', en: 'x' },
  title: { vi: 'x', en: 'x' },
  base_url: 'https://example.org/',
  release: { version: 'test', date: '2025-01-01', status: 'final', provisional_periods: [], changes: [] },
  planned_releases: [],
  licence: { id: 'CC-BY-4.0', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  thresholds: { min_n_publish: 30, min_n_rank: 100, max_quarantine_share: 0.01 },
  province_code: '58',
  rankings: [
    { level: 'district', within: 'province', compare: 'elements' },
    { level: 'commune', within: 'province', compare: 'elements' },
  ],
  rank_simulation: { draws: 10000, seed: 20240227 },
  cells: allCells(),
  chart_files: ['country', 'province', 'district', 'commune'],
  sample_data: true,
};
