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

/** "Nguồn: <publisher>, <site title>." */
export function sourceLine(site: Site, lang: Lang): string {
  return `${t('chartSource', lang)}: ${site.publisher[lang]}, ${site.title[lang]}.`;
}

/** Everything an image of the chart says besides its drawing. */
export function imageTexts(site: Site, lang: Lang, figure: { title: string; caption: string }, pageUrl: string, csv: string | null): StandaloneTexts {
  const range = csv === null ? null : sampleSizeRange(csv);
  return {
    title: figure.title,
    subtitle: figure.caption || undefined,
    sampleSize: range ? sampleSizeLine(range, lang) : undefined,
    source: sourceLine(site, lang),
    citation: citationText(citationParts(site, lang, figure.title, pageUrl)),
  };
}
