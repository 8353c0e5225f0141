/**
 * `data/site.json` (or `site.yaml`) → SiteConfig, every field checked. `max_quarantine_share`
 * defaults to 0.01 (data-contract.md → Bad input: "default 1 %"), a release without `status` is
 * final, `planned_releases` may be left out and so may `rankings` (read-rankings.ts: the districts
 * and communes within each province, as before the key existed); nothing else has a default,
 * because a publisher should state its own thresholds. The environment variable `SITE_URL`, when
 * set, replaces `base_url`: applied here, so the pipeline, the Astro config and every page get the
 * same address.
 */
import { DataError } from './data-error.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { FieldReader } from './field-reader.ts';
import { readRankings } from './read-rankings.ts';
import { readPlannedRelease, readRelease } from './read-release.ts';
import { findStructuredFile, readStructuredFile } from './read-structured.ts';
import type { Warn } from './read-text.ts';
import type { CellBreakdown, CellDetail, CellPeriodKind, SiteConfig, UnitLevel } from './types.ts';

/** From the top: `country` only on a national site, as the provinces' parent (its pooled index). */
export const UNIT_LEVELS: readonly UnitLevel[] = ['country', 'province', 'district', 'commune'];
export const DEFAULT_MAX_QUARANTINE_SHARE = 0.01;

const KEYS = ['publisher', 'title', 'base_url', 'release', 'licence', 'thresholds', 'ranked_level', 'province_code', 'rankings', 'rank_simulation', 'sample_data', 'sample_note', 'planned_releases', 'cells', 'chart_files'];

export const CELL_PERIOD_KINDS: readonly CellPeriodKind[] = ['year', 'quarter', 'month'];
export const CELL_BREAKDOWNS: readonly CellBreakdown[] = ['field', 'channel', 'respondent_type', 'agency'];

/** Every period kind and breakdown for every level: what a site gets unless site.json `cells` narrows one. */
export function allCells(): Record<UnitLevel, CellDetail> {
  return Object.fromEntries(UNIT_LEVELS.map((level) => [level, { periods: [...CELL_PERIOD_KINDS], breakdowns: [...CELL_BREAKDOWNS] }])) as Record<UnitLevel, CellDetail>;
}

/** The `base_url` of the bundled data/site.json: a placeholder, not a real site. */
export const PLACEHOLDER_BASE_URL = 'https://sipas.example.org/';

export async function loadSiteConfig(
  dataDir: string,
  warn: Warn,
  labelOf: FileLabeller = fileLabel,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<SiteConfig> {
  const path = findStructuredFile(dataDir, 'site');
  if (!path) {
    throw new DataError({ file: labelOf(`${dataDir}/site.json`), problem: 'the file is missing.', fix: 'create site.json with the publisher\'s settings (see data-contract.md → Inputs).' });
  }
  const label = labelOf(path);
  const config = normaliseSiteConfig(await readStructuredFile(path, label, warn), label, warn);
  const siteUrl = env.SITE_URL?.trim();
  if (!siteUrl) return config;
  const fail = (problem: string, fix: string): never => {
    throw new DataError({ file: 'the environment variable SITE_URL', problem, fix });
  };
  return { ...config, base_url: checkedAddress(siteUrl, fail) };
}

/**
 * The one warning a build prints when the site's address is still the placeholder, or null when
 * it is not. scripts/build-data.ts prints it; the pages, which load the config again and again,
 * do not.
 */
export function placeholderAddressWarning(config: SiteConfig): string | null {
  if (new URL(config.base_url).href !== PLACEHOLDER_BASE_URL) return null;
  return (
    `the site's address is the placeholder ${PLACEHOLDER_BASE_URL}; canonical links, the sitemap, citations and ` +
    'datapackage.json will name it. Set the real one with SITE_URL=https://… npm run build, or edit base_url in site.json.'
  );
}

export function normaliseSiteConfig(raw: unknown, label: string, warn: Warn): SiteConfig {
  const r = new FieldReader(label);
  const o = r.object(raw, '');
  r.warnUnknownKeys(o, KEYS, '', warn);
  const licence = r.object(o.licence, 'licence');
  const thresholds = r.object(o.thresholds, 'thresholds');
  r.warnUnknownKeys(thresholds, ['min_n_publish', 'min_n_rank', 'max_quarantine_share'], 'thresholds', warn);
  const simulation = r.object(o.rank_simulation, 'rank_simulation');
  const minNPublish = r.integer(thresholds.min_n_publish, 'thresholds.min_n_publish', { min: 1 });
  const config: SiteConfig = {
    publisher: r.bilingual(o.publisher, 'publisher'),
    title: r.bilingual(o.title, 'title'),
    base_url: baseUrl(r, o.base_url),
    release: readRelease(r, o.release, 'release', warn),
    planned_releases: o.planned_releases === undefined
      ? []
      : r.array(o.planned_releases, 'planned_releases').map((p, i) => readPlannedRelease(r, p, `planned_releases[${i}]`, warn)),
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
    rankings: readRankings(r, o.rankings, warn),
    rank_simulation: {
      draws: r.integer(simulation.draws, 'rank_simulation.draws', { min: 1 }),
      seed: r.integer(simulation.seed, 'rank_simulation.seed'),
    },
    cells: readCells(r, o.cells, warn),
    chart_files:
      o.chart_files === undefined
        ? [...UNIT_LEVELS]
        : r.array(o.chart_files, 'chart_files').map((level, i) => r.oneOf(level, UNIT_LEVELS, `chart_files[${i}]`)),
    sample_data: r.boolean(o.sample_data, 'sample_data'),
  };
  for (const [i, planned] of config.planned_releases.entries()) {
    if (planned.date <= config.release.date) {
      r.fail(`planned_releases[${i}].date`, `${planned.date} is not after the current release's date ${config.release.date}.`, 'a planned release is a future one: move it into release (and the current one into data/releases/) once it is published.');
    }
  }
  // A site for one province names it (its official results are shown); a national site does not.
  if (o.province_code !== undefined) config.province_code = r.string(o.province_code, 'province_code');
  if (o.sample_note !== undefined && o.sample_note !== null) config.sample_note = r.bilingual(o.sample_note, 'sample_note');
  // rankings (read-rankings.ts) replaced ranked_level, which named one level for every year; an
  // older site.json still naming a level is read.
  if (o.ranked_level !== undefined) {
    r.oneOf(o.ranked_level, UNIT_LEVELS, 'ranked_level');
    warn(`${label}: ranked_level is no longer used: "rankings" says which levels are ranked, within what (left out: the districts and the communes within each province); remove ranked_level.`);
  }
  return config;
}

/**
 * `cells`: per unit level, the period kinds and yearly breakdowns its cells are computed for, e.g.
 * `{ "commune": { "periods": ["year", "quarter"], "breakdowns": [] } }`. A level not named keeps
 * all of them. `year` cannot be left out: rankings, trends and plan targets are yearly.
 */
function readCells(r: FieldReader, value: unknown, warn: Warn): Record<UnitLevel, CellDetail> {
  const cells = allCells();
  if (value === undefined) return cells;
  const o = r.object(value, 'cells');
  r.warnUnknownKeys(o, [...UNIT_LEVELS], 'cells', warn);
  for (const level of UNIT_LEVELS) {
    if (o[level] === undefined) continue;
    const detail = r.object(o[level], `cells.${level}`);
    r.warnUnknownKeys(detail, ['periods', 'breakdowns'], `cells.${level}`, warn);
    const periods = r.array(detail.periods, `cells.${level}.periods`).map((p, i) => r.oneOf(p, CELL_PERIOD_KINDS, `cells.${level}.periods[${i}]`));
    if (!periods.includes('year')) {
      r.fail(`cells.${level}.periods`, 'must include "year": rankings, trends and plan targets are yearly.', 'write e.g. ["year", "quarter"].');
    }
    const breakdowns = r.array(detail.breakdowns, `cells.${level}.breakdowns`).map((b, i) => r.oneOf(b, CELL_BREAKDOWNS, `cells.${level}.breakdowns[${i}]`));
    // Kept in the contract's order whatever order site.json lists them in, so the output does not depend on it.
    cells[level] = {
      periods: CELL_PERIOD_KINDS.filter((p) => periods.includes(p)),
      breakdowns: CELL_BREAKDOWNS.filter((b) => breakdowns.includes(b)),
    };
  }
  return cells;
}

function baseUrl(r: FieldReader, value: unknown): string {
  return checkedAddress(r.string(value, 'base_url'), (problem, fix) => r.fail('base_url', problem, fix));
}

/** An absolute http(s) URL; the trailing `/` that links are built on is added when missing. */
function checkedAddress(text: string, fail: (problem: string, fix: string) => never): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`must be an absolute address such as "https://example.org/", found "${text}".`, 'write the full address of the published site, with https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(`must start with https:// or http://, found "${text}".`, 'write the full address of the published site.');
  }
  return text.endsWith('/') ? text : `${text}/`;
}
