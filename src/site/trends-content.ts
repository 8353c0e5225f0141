/**
 * What the trends page shows, before any wording (method.md → Comparing units): every district's
 * yearly overall index beside the others (small multiples on one scale, the province as the
 * reference in each panel), and every district's rank per year with its 95 % rank interval.
 * The districts are those rankings.csv ranks at district level (Ninh Thuận's 7, 2021 to
 * 30 June 2025); a year they existed for only part of (2025) is a part year.
 */
import type { IndexRow, RankingRow } from '../engine/tables.ts';
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { MAIN_SURVEY, methodBreakPeriods, overallSeries, rankingRows } from './index-selections.ts';
import { publishedData, type PublishedData } from './published-data.ts';
import { siteRegisters, siteSurveys } from './site-inputs.ts';
import { versionId } from './unit-versions.ts';

export type IndexDataset = Extract<ChartDataset, { table: 'indices' }>;
export type RankingDataset = Extract<ChartDataset, { table: 'rankings' }>;

/** A unit version drawn in a panel. */
export interface PanelUnit {
  code: string;
  valid_from: string;
  valid_to: string | null;
}

/** A year a unit version existed for only part of, with its first and last month. */
export interface PartYear {
  period: string;
  months: [number, number];
}

export interface TrendsContent {
  survey: string;
  level: 'district';
  /** The province the districts are ranked within; null when there is none. */
  province: PanelUnit | null;
  /** One per panel, in code order. */
  units: PanelUnit[];
  /** Each unit's yearly rows (in `units` order), then the province's: exactly what is drawn. */
  trends: IndexDataset;
  /** Each unit's ranking row per year (in `units` order). */
  ranks: RankingDataset;
  methodBreaks: string[];
  partYears: PartYear[];
}

/** The days of `year` a version existed, as months, when not the whole year. */
export function partYearOf(unit: { valid_from: string; valid_to: string | null }, year: string): PartYear | null {
  const from = unit.valid_from > `${year}-01-01` ? unit.valid_from : `${year}-01-01`;
  const to = unit.valid_to !== null && unit.valid_to < `${year}-12-31` ? unit.valid_to : `${year}-12-31`;
  if (from === `${year}-01-01` && to === `${year}-12-31`) return null;
  return { period: year, months: [Number(from.slice(5, 7)), Number(to.slice(5, 7))] };
}

/** The ranked units of `level` of the main survey, each version once, in code order. */
function rankedUnits(data: PublishedData, survey: string, level: string): { code: string; valid_from: string; parent: string }[] {
  const seen = new Map<string, { code: string; valid_from: string; parent: string }>();
  for (const r of data.rankings) {
    if (r.survey !== survey || r.unit_level !== level) continue;
    const id = versionId(r.unit_code, r.unit_valid_from);
    if (!seen.has(id)) seen.set(id, { code: r.unit_code, valid_from: r.unit_valid_from, parent: r.parent_code });
  }
  return [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.valid_from < b.valid_from ? -1 : 1));
}

async function buildTrendsContent(): Promise<TrendsContent> {
  const data = publishedData();
  const registers = await siteRegisters();
  const instrument = (await siteSurveys()).find((s) => s.id === MAIN_SURVEY);
  if (!instrument) throw new Error(`surveys/${MAIN_SURVEY}/survey.json is missing: the trends page describes that survey`);
  const survey = instrument.id;
  const level = 'district' as const;
  const ranked = rankedUnits(data, survey, level);
  const units: PanelUnit[] = ranked.map((u) => ({
    code: u.code,
    valid_from: u.valid_from,
    valid_to: registers.unitVersions(u.code).find((v) => v.valid_from === u.valid_from)?.valid_to ?? null,
  }));
  const first = ranked[0];
  const provinceUnit = first ? registers.unitOn(first.parent, first.valid_from) : null;
  const province: PanelUnit | null = provinceUnit ? { code: provinceUnit.code, valid_from: provinceUnit.valid_from, valid_to: provinceUnit.valid_to } : null;

  const series = units.map((u) => overallSeries(data, survey, versionId(u.code, u.valid_from), 'year').filter((r) => r.basis === 'direct'));
  const years = [...new Set(series.flat().map((r) => r.period))].sort();
  const reference: IndexRow[] = province
    ? overallSeries(data, survey, versionId(province.code, province.valid_from), 'year').filter((r) => years.includes(r.period))
    : [];

  const rankRows: RankingRow[] = [];
  const byYear = new Map(years.map((year) => [year, first ? rankingRows(data, survey, year, level, undefined, first.parent) : []]));
  for (const u of units) {
    for (const year of years) {
      const row = byYear.get(year)?.find((r) => r.unit_code === u.code && r.unit_valid_from === u.valid_from);
      if (row) rankRows.push(row);
    }
  }

  const partYears = years
    .map((year) => units.map((u) => partYearOf(u, year)).find((p) => p !== null) ?? null)
    .filter((p): p is PartYear => p !== null);
  return {
    survey,
    level,
    province,
    units,
    trends: { id: chartId('trends', survey, level, 'year'), table: 'indices', rows: [...series.flat(), ...reference] },
    ranks: { id: chartId('rank', 'history', survey, level), table: 'rankings', rows: rankRows },
    methodBreaks: methodBreakPeriods(instrument, years),
    partYears,
  };
}

let cached: Promise<TrendsContent> | undefined;

/** The trends page's content, built once per build. */
export function trendsContent(): Promise<TrendsContent> {
  cached ??= buildTrendsContent();
  return cached;
}

export function trendsDatasets(content: TrendsContent): ChartDataset[] {
  return [content.trends, content.ranks].filter((d) => d.rows.length > 0);
}
