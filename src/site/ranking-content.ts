/**
 * What a ranking page shows for one year, before any wording: the ranking of the ranked level
 * (rank, rank interval, chances of first place and of the top k) for the main survey and any
 * other survey ranked that year, the province's value as the reference, and the heat table of
 * element values across the units.
 */
import type { IndexRow } from '../engine/tables.ts';
import type { UnitLevel } from '../intake/types.ts';
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { indicatorOrder, MAIN_SURVEY, rankingRows } from './index-selections.ts';
import { publishedData, type PublishedData } from './published-data.ts';
import { siteConfig } from './site-config.ts';

export type RankingDataset = Extract<ChartDataset, { table: 'rankings' }>;

export interface SurveyRanking {
  survey: string;
  dataset: RankingDataset;
  /** The k of the P(top k) column (null when nobody was ranked). */
  k: number | null;
  /** The province's overall index that year: the chart's reference line. */
  province: IndexRow | undefined;
}

/** One row of the heat table: a unit and its cells, one per column indicator. */
export interface HeatRow {
  unit_code: string;
  cells: (IndexRow | undefined)[];
}

export interface HeatTable {
  /** `overall`, then the element codes in instrument order. */
  indicators: string[];
  /** The province first, then the ranked level's units in ranking order. */
  rows: HeatRow[];
}

export interface RankingContent {
  year: string;
  level: UnitLevel;
  /** The main survey first, then other surveys ranked that year. */
  rankings: SurveyRanking[];
  heat: HeatTable;
}

/** The heat table of `survey`: overall index and elements per unit (whole unit, one year). */
export function heatTable(data: PublishedData, survey: string, year: string, unitCodes: readonly string[]): HeatTable {
  const order = indicatorOrder(data, survey);
  const indicators = data.indicators
    .filter((r) => r.survey === survey && (r.level === 'overall' || r.level === 'element'))
    .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0))
    .map((r) => r.indicator);
  return {
    indicators,
    rows: unitCodes.map((unit_code) => ({ unit_code, cells: indicators.map((indicator) => data.cell(survey, year, unit_code, indicator)) })),
  };
}

async function buildRankingContent(year: string): Promise<RankingContent> {
  const data = publishedData();
  const site = await siteConfig();
  const surveys = [...new Set(data.rankings.filter((r) => r.period === year && r.unit_level === site.ranked_level).map((r) => r.survey))].sort(
    (a, b) => Number(b === MAIN_SURVEY) - Number(a === MAIN_SURVEY) || (a < b ? -1 : 1),
  );
  const rankings = surveys.map((survey): SurveyRanking => {
    const rows = rankingRows(data, survey, year, site.ranked_level);
    return {
      survey,
      dataset: { id: chartId('ranking', survey, year), table: 'rankings', rows },
      k: rows.find((r) => r.k !== null)?.k ?? null,
      province: data.cell(survey, year, site.province_code, 'overall'),
    };
  });
  const main = rankings[0];
  const units = main ? [site.province_code, ...main.dataset.rows.map((r) => r.unit_code)] : [];
  return { year, level: site.ranked_level, rankings, heat: heatTable(data, main?.survey ?? MAIN_SURVEY, year, units) };
}

const cache = new Map<string, Promise<RankingContent>>();

/** The content of the ranking page of `year`, built once per build. */
export function rankingContent(year: string): Promise<RankingContent> {
  let content = cache.get(year);
  if (!content) {
    content = buildRankingContent(year);
    cache.set(year, content);
  }
  return content;
}

export function rankingDatasets(content: RankingContent): ChartDataset[] {
  return content.rankings.map((r) => r.dataset);
}
