/**
 * rankings.csv (data-contract.md → Outputs; method.md → Ranking): for each yearly period, each
 * group of units ranked against each other (site.json → rankings: a level within the country or
 * within each province), ranked by their overall index with the rank interval and the
 * probabilities from the rank simulation. One row per unit and per k.
 */
import type { RankingLevel, SiteConfig, Unit, UnitLevel } from '../intake/types.ts';
import type { Engine } from './duckdb.ts';
import { roundHalfAwayFromZero } from './reference/published-rounding.ts';
import { periodBounds, periodKind } from './reference/period-calendar.ts';
import { rankEligibility } from './reference/rank-eligibility.ts';
import { simulateRanks } from './reference/rank-simulation.ts';
import { createTableFromRows, dropTable } from './rows-table.ts';
import { sqlFile } from './sql-files.ts';
import type { ElementRankingRow, IndexRow, RankingRow } from './tables.ts';

export interface RankingOptions {
  survey: string;
  units: Unit[];
  site: SiteConfig;
  /** The k of every "top k" rank target of the plans (see ksNamedByPlans); empty → k = 3. */
  ks: number[];
}

/** k used when no plan names one: "top 3" is how rankings are usually reported. */
export const DEFAULT_TOP_K = 3;

export interface RankInput {
  survey: string;
  period: string;
  unit_code: string;
  value: number;
}

/** Map key of one unit in one survey × period. */
export const rankKey = (survey: string, period: string, unit: string): string =>
  `${survey}\u0000${period}\u0000${unit}`;

/** Ranks with ties computed by sql/rank-with-ties.sql, keyed by survey, period and unit. */
export function rankInSql(engine: Engine, candidates: readonly RankInput[]): Map<string, number> {
  createTableFromRows(
    engine,
    'rank_candidates',
    [
      { name: 'survey', type: 'VARCHAR' },
      { name: 'period', type: 'VARCHAR' },
      { name: 'unit_code', type: 'VARCHAR' },
      { name: 'value', type: 'DOUBLE' },
    ],
    // Values go in as published (2 decimals), so the SQL's ties are the ties a reader sees.
    candidates.map((c) => ({ ...c, value: roundHalfAwayFromZero(c.value, 2) })),
  );
  try {
    const rows = engine.all<RankInput & { rank: number }>(sqlFile('rank-with-ties'));
    return new Map(rows.map((r) => [rankKey(r.survey, r.period, r.unit_code), r.rank]));
  } finally {
    dropTable(engine, 'rank_candidates');
  }
}

function normaliseKs(ks: readonly number[]): number[] {
  for (const k of ks) {
    if (!Number.isInteger(k) || k < 1) throw new Error(`rank target k must be a whole number ≥ 1, got ${k}`);
  }
  const distinct = [...new Set(ks)].sort((a, b) => a - b);
  return distinct.length > 0 ? distinct : [DEFAULT_TOP_K];
}

/**
 * Units ranked against each other in one year: the units of one level directly below one version
 * of a province (or district), or, ranked within the country, every unit of the level.
 */
interface RankGroup {
  period: string;
  /**
   * The code of the unit the group is ranked within (its versions are told apart by `members`'
   * validity); '' for the whole country.
   */
  parent_code: string;
  level: UnitLevel;
  members: Unit[];
}

const overlaps = (unit: Unit, start: string, end: string): boolean =>
  unit.valid_from <= end && (unit.valid_to === null || unit.valid_to >= start);

/**
 * method.md → Ranking: the groups of `period` that site.json's `rankings` names (read-rankings.ts).
 * Within a province (or district): the units of the level valid in the period directly below one
 * version of it, so before 1 July 2025 Ninh Thuận's 7 districts, after it the 65 communes of the
 * new Khánh Hòa (→ Units that change), each over its own part of 2025. Within the country: every
 * unit of the level valid in the period, one group, parent_code ''.
 */
export function rankGroups(units: readonly Unit[], period: string, rankings: readonly RankingLevel[]): RankGroup[] {
  const { start, end } = periodBounds(period);
  const groups = new Map<string, RankGroup>();
  const add = (key: string, group: Omit<RankGroup, 'members'>, unit: Unit, within: string) => {
    const found = groups.get(key) ?? { ...group, members: [] };
    if (found.members.includes(unit)) return;
    // Within a group a unit is named by its code alone (the simulation's streams are keyed by
    // it), so one code must not stand for two of the group's units.
    if (found.members.some((m) => m.code === unit.code)) {
      throw new Error(`units.csv: unit ${unit.code} has two versions ${within} in ${period}; rankings cannot tell them apart`);
    }
    found.members.push(unit);
    groups.set(key, found);
  };
  const inCountry = new Set(rankings.filter((r) => r.within === 'country').map((r) => r.level));
  // A national register may list the country itself (level `country`, the provinces' parent, whose
  // pooled index centres the funnel): the group then names it; otherwise parent_code is ''.
  const countryCodes = new Set(units.filter((u) => u.level === 'country').map((u) => u.code));
  for (const unit of units) {
    if (inCountry.has(unit.level) && overlaps(unit, start, end)) {
      const parent = unit.parent_code !== null && countryCodes.has(unit.parent_code) ? unit.parent_code : '';
      add(`\u0000${unit.level}`, { period, parent_code: parent, level: unit.level }, unit, 'in the whole country');
    }
  }
  const withinScope = new Set(rankings.filter((r) => r.within !== 'country').map((r) => `${r.level}|${r.within}`));
  const scopes = new Set<string>(rankings.map((r) => r.within));
  for (const scope of units) {
    if (!scopes.has(scope.level) || !overlaps(scope, start, end)) continue;
    const from = scope.valid_from > start ? scope.valid_from : start;
    const to = scope.valid_to !== null && scope.valid_to < end ? scope.valid_to : end;
    for (const unit of units) {
      if (unit.parent_code !== scope.code || !withinScope.has(`${unit.level}|${scope.level}`) || !overlaps(unit, from, to)) continue;
      add(`${scope.code}\u0000${scope.valid_from}\u0000${unit.level}`, { period, parent_code: scope.code, level: unit.level }, unit, `below ${scope.level} ${scope.code}`);
    }
  }
  return [...groups.values()];
}

export function computeRankings(engine: Engine, indices: IndexRow[], opts: RankingOptions): RankingRow[] {
  const { survey } = opts;
  const overall = yearlyCells(indices, survey, (row) => row.indicator === 'overall');
  const groups = groupsOfPeriods(opts.units, overall.periods, opts.site.rankings);
  return rankOnCells(engine, groups, opts, [
    {
      cellOf: (period, unit) => overall.cells.get(rankKey(survey, period, versionKey(unit.code, unit.valid_from))),
      // A year with one group keeps the simulation stream it always had, so its published
      // probabilities do not change when a later year gains a second group.
      streamKey: (group, alone) => (alone ? `${survey}|${group.period}` : `${survey}|${groupName(group)}`),
      rankPeriod: groupName,
    },
  ]).map(({ row }) => row).sort(compareRankingRows);
}

/**
 * element-rankings.csv: the same ranking (groups, eligibility, ties, simulation, k) on each element
 * of the survey instead of the overall index. Each element gets simulation streams of its own
 * (`<survey>|<period>|<indicator>`), so rankings.csv's draws are untouched by it.
 */
export function computeElementRankings(engine: Engine, indices: IndexRow[], opts: RankingOptions): ElementRankingRow[] {
  const { survey } = opts;
  const elements = yearlyCells(indices, survey, (row) => row.level === 'element');
  // Ranking groups are those of rankings.csv: the years that have an overall index.
  const overallPeriods = yearlyCells(indices, survey, (row) => row.indicator === 'overall').periods;
  const groups = groupsOfPeriods(opts.units, overallPeriods, opts.site.rankings);
  const indicators = [...new Set(indices.filter((r) => r.survey === survey && r.level === 'element').map((r) => r.indicator))];
  const cellKey = (indicator: string, period: string, unit: Unit) => `${indicator}\u0000${rankKey(survey, period, versionKey(unit.code, unit.valid_from))}`;
  const cells = new Map<string, IndexRow>();
  for (const row of elements.rows) cells.set(`${row.indicator}\u0000${rankKey(survey, row.period, versionKey(row.unit_code, row.unit_valid_from))}`, row);
  const rows = rankOnCells(
    engine,
    groups,
    opts,
    indicators.map((indicator) => ({
      indicator,
      cellOf: (period: string, unit: Unit) => cells.get(cellKey(indicator, period, unit)),
      streamKey: (group: RankGroup, alone: boolean) => (alone ? `${survey}|${group.period}|${indicator}` : `${survey}|${groupName(group)}|${indicator}`),
      rankPeriod: (group: RankGroup) => `${groupName(group)}|${indicator}`,
    })),
  );
  const order = new Map(indicators.map((indicator, i) => [indicator, i]));
  return rows
    .map(({ row, indicator }) => ({ ...row, indicator: indicator ?? '' }))
    .sort((a, b) => compareElementRankingRows(a, b, order));
}

/** The survey's yearly, whole-unit, direct cells that `pick` keeps, and the years they are in. */
function yearlyCells(indices: readonly IndexRow[], survey: string, pick: (row: IndexRow) => boolean) {
  const cells = new Map<string, IndexRow>();
  const rows: IndexRow[] = [];
  const periods = new Set<string>();
  for (const row of indices) {
    if (row.survey !== survey || row.breakdown !== 'all' || row.basis !== 'direct' || !pick(row)) continue;
    if (periodKind(row.period) !== 'year') continue;
    cells.set(rankKey(survey, row.period, versionKey(row.unit_code, row.unit_valid_from)), row);
    rows.push(row);
    periods.add(row.period);
  }
  return { cells, rows, periods };
}

const groupsOfPeriods = (units: readonly Unit[], periods: Set<string>, rankings: readonly RankingLevel[]): RankGroup[] =>
  [...periods].sort().flatMap((period) => rankGroups(units, period, rankings).filter((g) => g.members.length > 1));

const groupName = (g: RankGroup) => `${g.period}|${g.parent_code}|${g.level}`;

/** One measure to rank the groups on: the overall index, or one element. */
interface RankedMeasure {
  indicator?: string;
  cellOf: (period: string, unit: Unit) => IndexRow | undefined;
  /** The simulation's stream key; `alone` when the group is the only one of its year. */
  streamKey: (group: RankGroup, alone: boolean) => string;
  /** The partition the SQL ranks within (one per group and measure). */
  rankPeriod: (group: RankGroup) => string;
}

/** Ranks every group on every measure (method.md → Ranking); one row per unit, k and measure. */
function rankOnCells(engine: Engine, groups: RankGroup[], opts: RankingOptions, measures: RankedMeasure[]): { row: RankingRow; indicator?: string }[] {
  const { survey, site } = opts;
  const ks = normaliseKs(opts.ks);
  const listed = measures.flatMap((measure) =>
    groups.map((group) => ({
      group,
      measure,
      members: group.members.map((unit) => {
        const cell = measure.cellOf(group.period, unit);
        return { unit, cell, ranked: rankEligibility(cell, site.thresholds.min_n_rank) === 'ranked' };
      }),
    })),
  );
  const ranks = rankInSql(
    engine,
    listed.flatMap(({ group, measure, members }) =>
      members.filter((m) => m.ranked).map((m) => ({ survey, period: measure.rankPeriod(group), unit_code: m.unit.code, value: m.cell?.value ?? 0 })),
    ),
  );

  const rows: { row: RankingRow; indicator?: string }[] = [];
  for (const { group, measure, members } of listed) {
    const alone = groups.filter((g) => g.period === group.period).length === 1;
    const simulated = simulateRanks(
      members.filter((m) => m.ranked).map((m) => ({ unit_code: m.unit.code, estimate: m.cell?.value ?? 0, se: m.cell?.se ?? 0 })),
      { draws: site.rank_simulation.draws, seed: site.rank_simulation.seed, streamKey: measure.streamKey(group, alone), ks },
    );
    for (const k of ks) {
      for (const { unit, cell, ranked } of members) {
        const key = unit.code;
        const published = cell?.status === 'ok';
        const sim = ranked ? simulated.get(key) : undefined;
        const rank = ranked ? (ranks.get(rankKey(survey, measure.rankPeriod(group), key)) ?? null) : null;
        const row: RankingRow = {
          survey,
          period: group.period,
          unit_level: group.level,
          unit_code: unit.code,
          value: published ? (cell?.value ?? null) : null,
          ci_low: published ? (cell?.ci_low ?? null) : null,
          ci_high: published ? (cell?.ci_high ?? null) : null,
          n: cell?.n ?? 0,
          rank,
          rank_low: sim?.rank_low ?? null,
          rank_high: sim?.rank_high ?? null,
          p_first: sim?.p_first ?? null,
          k,
          p_top_k: sim?.p_top.get(k) ?? null,
          status: sim && rank !== null ? 'ranked' : 'not_ranked',
          unit_valid_from: unit.valid_from,
          basis: 'direct',
          parent_code: group.parent_code,
        };
        rows.push(measure.indicator === undefined ? { row } : { row, indicator: measure.indicator });
      }
    }
  }
  return rows;
}

/** One unit version as one key: a code reused by a new unit is another unit. */
const versionKey = (code: string, validFrom: string): string => `${code}@${validFrom}`;

/** Higher levels first: provinces, then districts, then communes. */
const LEVEL_ORDER: Readonly<Record<UnitLevel, number>> = { country: -1, province: 0, district: 1, commune: 2 };
const levelOrder = (level: string): number => LEVEL_ORDER[level as UnitLevel];

/** Rows of one year's groups in published order: higher level first, then by the unit ranked within ('' first: the country). */
function compareGroups(a: RankingRow, b: RankingRow): number {
  if (a.unit_level !== b.unit_level) return levelOrder(a.unit_level) - levelOrder(b.unit_level);
  return a.parent_code < b.parent_code ? -1 : a.parent_code > b.parent_code ? 1 : 0;
}

/**
 * Stable published order: period, group (level, then the unit ranked within), version start, k,
 * rank (not ranked last), unit code.
 */
function compareRankingRows(a: RankingRow, b: RankingRow): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  const group = compareGroups(a, b);
  if (group !== 0) return group;
  if (a.unit_valid_from !== b.unit_valid_from) return a.unit_valid_from < b.unit_valid_from ? -1 : 1;
  if (a.k !== b.k) return (a.k ?? 0) - (b.k ?? 0);
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  return a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1 : 0;
}

/**
 * Element rankings: each group's elements in instrument order (`order`: first seen in the
 * indices), each element's rows in rankings.csv's order.
 */
function compareElementRankingRows(a: ElementRankingRow, b: ElementRankingRow, order: ReadonlyMap<string, number>): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  const group = compareGroups(a, b);
  if (group !== 0) return group;
  if (a.unit_valid_from !== b.unit_valid_from) return a.unit_valid_from < b.unit_valid_from ? -1 : 1;
  if (a.indicator !== b.indicator) return (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0);
  return compareRankingRows(a, b);
}
