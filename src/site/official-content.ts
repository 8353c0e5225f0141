/**
 * What the official-results page shows about the site's province in the country: its published
 * SIPAS and rank by year against the national mean (official-series.ts), the years no source
 * gives, and the chart's dataset (its CSV). The province is site.json's `province_code`.
 */
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { readOfficialFigures, type OfficialFigures } from './official-figures.ts';
import { officialChartRows, officialSeries, yearsWithoutProvinceFigure, type OfficialYear } from './official-series.ts';
import { siteConfig } from './site-config.ts';

export interface OfficialContent {
  figures: OfficialFigures;
  /** The province's name as the figures files write it ("Ninh Thuận"); the code when they have none. */
  provinceName: string;
  series: OfficialYear[];
  /** Years with a national mean but no published provincial SIPAS. */
  missingYears: string[];
  dataset: ChartDataset & { table: 'official' };
}

let cached: Promise<OfficialContent> | undefined;

async function build(): Promise<OfficialContent> {
  const figures = readOfficialFigures();
  // A national site names no province: the page then has the ledger of figures only.
  const code = (await siteConfig()).province_code ?? '';
  const series = code === '' ? [] : officialSeries(figures, code);
  const provinceName = figures.province.find((r) => r.province_code === code)?.geo ?? code;
  return {
    figures,
    provinceName,
    series,
    missingYears: yearsWithoutProvinceFigure(series),
    dataset: { id: chartId('official', 'sipas', code || 'vn'), table: 'official', rows: officialChartRows(series, code) },
  };
}

/** The page's content, built once per build. */
export function officialContent(): Promise<OfficialContent> {
  cached ??= build();
  return cached;
}
