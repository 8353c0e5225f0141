/**
 * `data/site.json` (or `site.yaml`) → SiteConfig, every field checked. `max_quarantine_share`
 * defaults to 0.01 (data-contract.md → Bad input: "default 1 %"); nothing else has a default,
 * because a publisher should state its own thresholds.
 */
import { DataError } from './data-error.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { FieldReader } from './field-reader.ts';
import { findStructuredFile, readStructuredFile } from './read-structured.ts';
import type { Warn } from './read-text.ts';
import type { SiteConfig, UnitLevel } from './types.ts';

export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune'];
export const DEFAULT_MAX_QUARANTINE_SHARE = 0.01;

const KEYS = ['publisher', 'title', 'base_url', 'release', 'licence', 'thresholds', 'ranked_level', 'province_code', 'rank_simulation', 'sample_data', 'sample_note'];

export async function loadSiteConfig(dataDir: string, warn: Warn, labelOf: FileLabeller = fileLabel): Promise<SiteConfig> {
  const path = findStructuredFile(dataDir, 'site');
  if (!path) {
    throw new DataError({ file: labelOf(`${dataDir}/site.json`), problem: 'the file is missing.', fix: 'create site.json with the publisher\'s settings (see data-contract.md → Inputs).' });
  }
  const label = labelOf(path);
  return normaliseSiteConfig(await readStructuredFile(path, label, warn), label, warn);
}

export function normaliseSiteConfig(raw: unknown, label: string, warn: Warn): SiteConfig {
  const r = new FieldReader(label);
  const o = r.object(raw, '');
  r.warnUnknownKeys(o, KEYS, '', warn);
  const release = r.object(o.release, 'release');
  const licence = r.object(o.licence, 'licence');
  const thresholds = r.object(o.thresholds, 'thresholds');
  r.warnUnknownKeys(thresholds, ['min_n_publish', 'min_n_rank', 'max_quarantine_share'], 'thresholds', warn);
  const simulation = r.object(o.rank_simulation, 'rank_simulation');
  const minNPublish = r.integer(thresholds.min_n_publish, 'thresholds.min_n_publish', { min: 1 });
  const config: SiteConfig = {
    publisher: r.bilingual(o.publisher, 'publisher'),
    title: r.bilingual(o.title, 'title'),
    base_url: baseUrl(r, o.base_url),
    release: { version: r.string(release.version, 'release.version'), date: r.isoDate(release.date, 'release.date') },
    licence: {
      id: r.string(licence.id, 'licence.id'),
      title: r.string(licence.title, 'licence.title'),
      path: r.string(licence.path, 'licence.path'),
    },
    thresholds: {
      min_n_publish: minNPublish,
      min_n_rank: r.integer(thresholds.min_n_rank, 'thresholds.min_n_rank', { min: minNPublish }),
      max_quarantine_share: thresholds.max_quarantine_share === undefined
        ? DEFAULT_MAX_QUARANTINE_SHARE
        : r.number(thresholds.max_quarantine_share, 'thresholds.max_quarantine_share', { min: 0, max: 1 }),
    },
    ranked_level: r.oneOf(o.ranked_level, UNIT_LEVELS, 'ranked_level'),
    province_code: r.string(o.province_code, 'province_code'),
    rank_simulation: {
      draws: r.integer(simulation.draws, 'rank_simulation.draws', { min: 1 }),
      seed: r.integer(simulation.seed, 'rank_simulation.seed'),
    },
    sample_data: r.boolean(o.sample_data, 'sample_data'),
  };
  if (o.sample_note !== undefined && o.sample_note !== null) config.sample_note = r.bilingual(o.sample_note, 'sample_note');
  return config;
}

/** An absolute http(s) URL; the trailing `/` that links are built on is added when missing. */
function baseUrl(r: FieldReader, value: unknown): string {
  const text = r.string(value, 'base_url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return r.fail('base_url', `must be an absolute address such as "https://example.org/", found "${text}".`, 'write the full address of the published site, with https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    r.fail('base_url', `must start with https:// or http://, found "${text}".`, 'write the full address of the published site.');
  }
  return text.endsWith('/') ? text : `${text}/`;
}
