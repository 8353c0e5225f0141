/**
 * Every release the live site knows (data-contract.md → Releases): the current one (site.json)
 * and the kept ones (data/releases/<id>/), newest first, and one unit's headline numbers in each,
 * for the "in every release" table at the foot of a unit page. A frozen copy's build sees only
 * its own release: its data folder is the kept inputs, which hold no releases/.
 */
import type { Release } from '../intake/types.ts';
import { readPublishedCsv } from '../publish/file-parts.ts';
import { listKeptReleases, readKeptTable, type KeptRelease } from '../releases/kept-release.ts';
import { PUBLISHED_DIR, parsePublishedCsv } from './published-data.ts';
import { dataDir, siteConfig } from './site-config.ts';

/** Anchor of the table of a unit's numbers in every release (unit pages; citations link to it). */
export const IN_EVERY_RELEASE_ID = 'in-every-release';

export interface SiteRelease {
  release: Release;
  /** The release the live pages show. */
  current: boolean;
  /** Where a kept release's tables are; absent for the current one (public/data). */
  kept?: KeptRelease;
}

let releases: Promise<SiteRelease[]> | undefined;

/** The current release and the kept ones, newest first. */
export function siteReleases(): Promise<SiteRelease[]> {
  releases ??= (async () => {
    const site = await siteConfig();
    const kept = (await listKeptReleases(dataDir())).filter((k) => k.release.version !== site.release.version);
    return [{ release: site.release, current: true }, ...kept.reverse().map((k): SiteRelease => ({ release: k.release, current: false, kept: k }))];
  })();
  return releases;
}

/** A unit's yearly overall index and rank in one release. */
export interface ReleaseNumber {
  period: string;
  value: string;
  ci_low: string;
  ci_high: string;
  n: string;
  status: string;
  /** The row's flag in that release (`p`, `r` or empty); empty for a release before flags. */
  flag: string;
  rank: string;
  rank_low: string;
  rank_high: string;
}

type Raw = Record<string, string>;

/** Per release: `survey|code@valid_from|year` → the yearly overall number. Read once per build. */
const numbersByRelease = new Map<string, Map<string, ReleaseNumber>>();

function tableText(release: SiteRelease, name: string): string | undefined {
  if (release.kept) return readKeptTable(release.kept, name);
  return readPublishedCsv(PUBLISHED_DIR, name);
}

function releaseNumbers(release: SiteRelease): Map<string, ReleaseNumber> {
  const known = numbersByRelease.get(release.release.version);
  if (known) return known;
  const numbers = new Map<string, ReleaseNumber>();
  const key = (r: Raw) => `${r.survey}|${r.unit_code}@${r.unit_valid_from}|${r.period}`;
  const ranks = new Map(parsePublishedCsv(tableText(release, 'rankings.csv') ?? '').map((r) => [key(r), r]));
  // Only the overall index of all respondents, by year: a few thousand of the file's lines.
  for (const r of parsePublishedCsv(tableText(release, 'indices.csv') ?? '', (line) => line.includes(',all,*,overall,'))) {
    if (!/^\d{4}$/.test(r.period ?? '') || r.breakdown !== 'all' || r.indicator !== 'overall') continue;
    const rank = ranks.get(key(r));
    numbers.set(key(r), {
      period: r.period ?? '',
      value: r.value ?? '',
      ci_low: r.ci_low ?? '',
      ci_high: r.ci_high ?? '',
      n: r.n ?? '',
      status: r.status ?? '',
      flag: r.flag ?? '',
      rank: rank?.rank ?? '',
      rank_low: rank?.rank_low ?? '',
      rank_high: rank?.rank_high ?? '',
    });
  }
  numbersByRelease.set(release.release.version, numbers);
  return numbers;
}

/** One unit version's yearly overall numbers in every release: newest release first, years in order. */
export async function unitInEveryRelease(survey: string, unitVersion: string): Promise<{ release: SiteRelease; numbers: ReleaseNumber[] }[]> {
  const all = await siteReleases();
  return all.map((release) => {
    const prefix = `${survey}|${unitVersion}|`;
    const numbers = [...releaseNumbers(release).entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([, n]) => n)
      .sort((a, b) => a.period.localeCompare(b.period));
    return { release, numbers };
  });
}
