/**
 * The words a chart carries outside the page (in its image and on its embed page): the sample
 * sizes of the estimates drawn, read from the chart's own CSV (`/data/charts/<id>.csv`, the rows
 * drawn), the source, and the citation of the page it comes from.
 */
import Papa from 'papaparse';
import type { SiteConfig } from '../intake/types.ts';
import { citationParts, citationText } from '../site/citation.ts';
import { formatNumber } from '../site/format.ts';
import { t, type Lang } from '../site/i18n.ts';
import type { StandaloneTexts } from './standalone-svg.ts';

type Site = Pick<SiteConfig, 'publisher' | 'title' | 'release' | 'licence'>;

/** Smallest and largest positive `n` of a chart CSV's rows; null when it has no `n` column or no n. */
export function sampleSizeRange(csv: string): { min: number; max: number } | null {
  const { data } = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  const sizes = data.map((row) => Number(row.n)).filter((n) => Number.isInteger(n) && n > 0);
  if (sizes.length === 0) return null;
  return { min: Math.min(...sizes), max: Math.max(...sizes) };
}

/** "Cỡ mẫu mỗi ước lượng: n = 86–1.204" (one number when all are equal). */
export function sampleSizeLine(range: { min: number; max: number }, lang: Lang): string {
  const shown = range.min === range.max
    ? formatNumber(range.min, lang)
    : `${formatNumber(range.min, lang)}–${formatNumber(range.max, lang)}`;
  return `${t('chartSampleSize', lang)}: n = ${shown}`;
}

/**
 * Ids of the sources a chart CSV names in its `…_source` columns (a chart of figures others
 * published, e.g. the official SIPAS: `S01`, `S02`), in the order first met; none for a chart of
 * this site's own estimates.
 */
export function citedSourceIds(csv: string): string[] {
  const { data, meta } = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  const columns = (meta.fields ?? []).filter((f) => f.endsWith('_source'));
  const ids = data.flatMap((row) => columns.flatMap((c) => (row[c] ?? '').split(';')).map((id) => id.trim()).filter((id) => id !== ''));
  return [...new Set(ids)];
}

/**
 * "Nguồn: <publisher>, <site title>." for the site's own estimates. A chart of figures others
 * published names their sources first, "Nguồn số liệu: S01, S02 (danh sách nguồn: trang Kết quả
 * chính thức). Biểu đồ: <publisher>, <site title>.", so an image never credits published figures
 * to the site. The ids, not the publishers' names: those are in their own language (Vietnam+,
 * "theo TTXVN"), and the page the citation points to lists each id with its publisher and link.
 */
export function sourceLine(site: Site, lang: Lang, citedIds: readonly string[] = []): string {
  const own = `${site.publisher[lang]}, ${site.title[lang]}.`;
  if (citedIds.length === 0) return `${t('chartSource', lang)}: ${own}`;
  const ids = citedIds.join(', ');
  return lang === 'vi'
    ? `Nguồn số liệu: ${ids} (danh sách nguồn: trang Kết quả chính thức). Biểu đồ: ${own}`
    : `Data sources: ${ids} (listed on the Official results page). Chart: ${own}`;
}

/** Everything an image of the chart says besides its drawing. */
export function imageTexts(site: Site, lang: Lang, figure: { title: string; caption: string }, pageUrl: string, csv: string | null): StandaloneTexts {
  const range = csv === null ? null : sampleSizeRange(csv);
  return {
    title: figure.title,
    subtitle: figure.caption || undefined,
    sampleSize: range ? sampleSizeLine(range, lang) : undefined,
    source: sourceLine(site, lang, csv === null ? [] : citedSourceIds(csv)),
    citation: citationText(citationParts(site, lang, figure.title, pageUrl)),
  };
}
