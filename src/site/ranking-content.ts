/**
 * What a ranking page shows for one year, before any wording: for each group of units ranked
 * against each other (RankingGroup), the ranking (rank, rank interval, chances of first place and
 * of the top k) for the main survey and any other survey ranked that year, the province's value as
 * the reference, and the heat table of element values across the units.
 */
import { periodBounds } from '../engine/reference/period-calendar.ts';
import type { ElementRankingRow, IndexRow, RankingRow } from '../engine/tables.ts';
import type { UnitLevel } from '../intake/types.ts';
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { funnelDataset, type FunnelDataset } from './funnel-dataset.ts';
import { indicatorOrder, MAIN_SURVEY, rankingRows } from './index-selections.ts';
import { publishedData, type PublishedData } from './published-data.ts';
import type { Registers } from '../intake/registers.ts';
import { siteRegisters } from './site-inputs.ts';
import { ownPageGroups } from './ranking-groups.ts';
import { versionId } from './unit-versions.ts';

export type RankingDataset = Extract<ChartDataset, { table: 'rankings' }>;

export interface SurveyRanking {
  survey: string;
  dataset: RankingDataset;
  /** The k of the P(top k) column (null when nobody was ranked). */
  k: number | null;
  /** The province's overall index that year: the chart's reference line. */
  province: IndexRow | undefined;
}

/** One row of the heat table: a unit version and its cells, one per column indicator. */
export interface HeatRow {
  unit_code: string;
  unit_valid_from: string;
  cells: (IndexRow | undefined)[];
}

export interface HeatTable {
  /** `overall`, then the element codes in instrument order. */
  indicators: string[];
  /** The province first (none for the whole country), then the ranked level's units in ranking order. */
  rows: HeatRow[];
}

/**
 * Each unit's rank on each element (element-rankings.csv) for the main survey: one row per unit
 * in the order of the overall ranking, one cell per element in instrument order.
 */
export interface ElementRankTable {
  survey: string;
  /** Element codes in instrument order. */
  indicators: string[];
  rows: { unit_code: string; unit_valid_from: string; cells: (ElementRankingRow | undefined)[] }[];
}

/**
 * Units ranked against each other in one year: the units directly below one province version, or
 * every unit of a level in the whole country (rankings.csv → parent_code, unit_level; site.json →
 * rankings). 2024 has one group, Ninh Thuận's districts; 2025 has two, the districts over
 * January–June and the new communes of Khánh Hòa over July–December.
 */
export interface RankingGroup {
  /** `province`, `district`, `commune`: also what the page's words and chart ids tell groups apart by. */
  level: UnitLevel;
  /**
   * The province version the units are ranked within, as its `IndexRow` unit would be named;
   * code WHOLE_COUNTRY ('') and valid_from '' for a group ranked within the whole country.
   */
  parent: { code: string; valid_from: string };
  /** The days of `year` the group's units existed, when not the whole year (a part year). */
  partYear: { from: string; to: string } | null;
  /** The main survey first, then other surveys ranked that year. */
  rankings: SurveyRanking[];
  heat: HeatTable;
  /** Ranks on each element; null when element-rankings.csv ranks nobody of the group. */
  elementRanks: ElementRankTable | null;
  /** True when the group has a page of its own (ranking-groups.ts) instead of a place on the year's page. */
  ownPage: boolean;
  /**
   * The funnel plot of the main survey's units around the province (method.md → Comparing
   * units); null for a group of fewer than FUNNEL_MIN_UNITS, where a ranking reads better.
   */
  funnel: FunnelDataset | null;
  /**
   * Whether a funnel plot (method.md → Comparing units) should lead: most rank intervals are wide,
   * so the ranks themselves would mostly be noise.
   */
  funnelFirst: boolean;
}

export interface RankingContent {
  year: string;
  /** Higher level first (provinces of the country, then districts, then communes), then by the unit ranked within. */
  groups: RankingGroup[];
}

/** The heat table of `survey`: overall index and elements per unit version (whole unit, one year). */
export function heatTable(data: PublishedData, survey: string, year: string, units: readonly { code: string; valid_from: string }[]): HeatTable {
  const order = indicatorOrder(data, survey);
  const indicators = data.indicators
    .filter((r) => r.survey === survey && (r.level === 'overall' || r.level === 'element'))
    .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0))
    .map((r) => r.indicator);
  return {
    indicators,
    rows: units.map((unit) => ({
      unit_code: unit.code,
      unit_valid_from: unit.valid_from,
      cells: indicators.map((indicator) => data.cell(survey, year, versionId(unit.code, unit.valid_from), indicator)),
    })),
  };
}

/**
 * The element ranks of `survey` for the units of one group (`units`, in the order given): the rows
 * of element-rankings.csv of the group's period, level and province, at the smallest k (the
 * rank and rank interval do not depend on k; units not ranked have no k).
 */
export function elementRankTable(
  data: PublishedData,
  survey: string,
  year: string,
  level: string,
  parentCode: string,
  units: readonly { code: string; valid_from: string }[],
): ElementRankTable | null {
  const rows = data.elementRankings.filter((r) => r.survey === survey && r.period === year && r.unit_level === level && r.parent_code === parentCode);
  if (!rows.some((r) => r.status === 'ranked')) return null;
  const k = Math.min(...rows.map((r) => r.k ?? Infinity));
  const byCell = new Map<string, ElementRankingRow>();
  for (const r of rows) {
    if (r.k !== null && r.k !== k) continue;
    byCell.set(`${versionId(r.unit_code, r.unit_valid_from)}|${r.indicator}`, r);
  }
  const order = indicatorOrder(data, survey);
  const indicators = [...new Set(rows.map((r) => r.indicator))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return {
    survey,
    indicators,
    rows: units.map((u) => ({
      unit_code: u.code,
      unit_valid_from: u.valid_from,
      cells: indicators.map((indicator) => byCell.get(`${versionId(u.code, u.valid_from)}|${indicator}`)),
    })),
  };
}

/** Fewer units than this are read from their ranking; a funnel plot is for many small units. */
export const FUNNEL_MIN_UNITS = 10;

/**
 * "Most rank intervals are wide": more than half of the ranked units have a 95 % rank interval
 * longer than a quarter of the group (and than 3 ranks). 7 districts with ~800 respondents each
 * give intervals of 1–3 ranks; 65 communes with ~200 each give intervals of 10 ranks and more.
 */
export function rankIntervalsMostlyWide(rows: readonly RankingRow[]): boolean {
  const ranked = rows.filter((r) => r.status === 'ranked' && r.rank_low !== null && r.rank_high !== null);
  const wideFrom = Math.max(3, rows.length / 4);
  const wide = ranked.filter((r) => (r.rank_high ?? 0) - (r.rank_low ?? 0) + 1 > wideFrom).length;
  return ranked.length === 0 ? rows.length > 0 : wide > ranked.length / 2;
}

/** rankings.csv's parent_code of a group ranked within the whole country (site.json → rankings). */
export const WHOLE_COUNTRY = '';

/** Higher levels first: the provinces of the country, then districts, then communes. */
const LEVEL_ORDER: Readonly<Record<string, number>> = { province: 0, district: 1, commune: 2 };

/** The days any of the rows' unit versions existed: from the earliest start to the latest end. */
function daysOfUnits(registers: Registers, rows: readonly RankingRow[]): { valid_from: string; valid_to: string | null } | null {
  const versions = rows.flatMap((r) => registers.unitVersions(r.unit_code).filter((u) => u.valid_from === r.unit_valid_from));
  if (versions.length === 0) return null;
  return {
    valid_from: versions.reduce((min, u) => (u.valid_from < min ? u.valid_from : min), versions[0]?.valid_from ?? ''),
    valid_to: versions.some((u) => u.valid_to === null) ? null : versions.reduce((max, u) => ((u.valid_to ?? '') > max ? (u.valid_to ?? '') : max), ''),
  };
}

async function buildRankingContent(year: string): Promise<RankingContent> {
  const data = publishedData();
  const registers = await siteRegisters();
  const inYear = data.rankings.filter((r) => r.period === year);
  const groupKeys = [...new Set(inYear.map((r) => `${r.unit_level}|${r.parent_code}`))].sort((a, b) => {
    const [levelA = '', parentA = ''] = a.split('|');
    const [levelB = '', parentB = ''] = b.split('|');
    return (LEVEL_ORDER[levelA] ?? 0) - (LEVEL_ORDER[levelB] ?? 0) || (parentA < parentB ? -1 : parentA > parentB ? 1 : 0);
  });
  const { start, end } = periodBounds(year);
  const own = ownPageGroups(inYear);
  const groups = groupKeys.map((key): RankingGroup => {
    const [level, parentCode] = key.split('|') as [UnitLevel, string];
    const rows = inYear.filter((r) => r.unit_level === level && r.parent_code === parentCode);
    const surveys = [...new Set(rows.map((r) => r.survey))].sort(
      (a, b) => Number(b === MAIN_SURVEY) - Number(a === MAIN_SURVEY) || (a < b ? -1 : 1),
    );
    // The group's province version is the one its units were below (they share one); a group
    // ranked within the whole country (parent_code '') has none, and spans its units' days.
    const member = registers.unitVersions(rows[0]?.unit_code ?? '').find((u) => u.valid_from === rows[0]?.unit_valid_from);
    const parent = member && parentCode !== WHOLE_COUNTRY ? registers.unitOn(parentCode, member.valid_from) : null;
    const parentRef = { code: parentCode, valid_from: parent?.valid_from ?? '' };
    const span = parent ?? (parentCode === WHOLE_COUNTRY ? daysOfUnits(registers, rows) : null);
    const from = span && span.valid_from > start ? span.valid_from : start;
    const to = span?.valid_to && span.valid_to < end ? span.valid_to : end;
    // A chart's id names its group: the year alone when it has one group, the level when it has
    // several (2025: districts and communes), and the unit ranked within when that level has
    // several groups too (a national site's communes, ranked within each of 34 provinces).
    const levelGroups = groupKeys.filter((k) => k.startsWith(`${level}|`)).length;
    const idParts = groupKeys.length === 1 ? [year] : levelGroups === 1 ? [year, level] : [year, level, parentCode];
    const rankings = surveys.map((survey): SurveyRanking => {
      const picked = rankingRows(data, survey, year, level, undefined, parentCode);
      return {
        survey,
        dataset: { id: chartId('ranking', survey, ...idParts), table: 'rankings', rows: picked },
        k: picked.find((r) => r.k !== null)?.k ?? null,
        province: data.cell(survey, year, versionId(parentRef.code, parentRef.valid_from), 'overall'),
      };
    });
    const main = rankings[0];
    const mainRows = main?.dataset.rows ?? [];
    const provinceCell = main?.province;
    const funnel =
      main && mainRows.length >= FUNNEL_MIN_UNITS
        ? funnelDataset(chartId('funnel', main.survey, ...idParts), mainRows.map((r) => ({ ...r, status: r.value === null ? 'suppressed' : 'ok' })), provinceCell)
        : null;
    const rankedUnits = main ? main.dataset.rows.map((r) => ({ code: r.unit_code, valid_from: r.unit_valid_from })) : [];
    // The province heads the heat table as the reference; the whole country is no unit with cells.
    const heatUnits = main && parentCode !== WHOLE_COUNTRY ? [parentRef, ...rankedUnits] : rankedUnits;
    return {
      level,
      parent: parentRef,
      ownPage: own.has(key),
      partYear: from !== start || to !== end ? { from, to } : null,
      rankings,
      heat: heatTable(data, main?.survey ?? MAIN_SURVEY, year, heatUnits),
      elementRanks: main ? elementRankTable(data, main.survey, year, level, parentCode, rankedUnits) : null,
      funnel,
      funnelFirst: funnel !== null && rankIntervalsMostlyWide(mainRows),
    };
  });
  return { year, groups };
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
  return content.groups.flatMap((g) => [...g.rankings.map((r) => r.dataset), ...(g.funnel ? [g.funnel] : [])]);
}
