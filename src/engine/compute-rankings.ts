/**
 * rankings.csv (data-contract.md → Outputs; method.md → Ranking): for each yearly period, the
 * units of the ranked level valid in that year, ranked by their overall index with the rank
 * interval and the probabilities from the rank simulation. One row per unit and per k.
 */
import type { SiteConfig, Unit, UnitLevel } from '../intake/types.ts';
import type { Engine } from './duckdb.ts';
import { roundHalfAwayFromZero } from './reference/published-rounding.ts';
import { periodBounds, periodKind } from './reference/period-calendar.ts';
import { rankEligibility } from './reference/rank-eligibility.ts';
import { simulateRanks } from './reference/rank-simulation.ts';
import { createTableFromRows, dropTable } from './rows-table.ts';
import { sqlFile } from './sql-files.ts';
import type { IndexRow, RankingRow } from './tables.ts';

export interface RankingOptions {
  survey: string;
  /** The ranked level, `site.ranked_level` (e.g. `district`). */
  unitLevel: UnitLevel;
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

/** Codes of the units of `level` whose validity overlaps the period (a code counted once). */
function unitsValidIn(units: readonly Unit[], level: UnitLevel, period: string): string[] {
  const { start, end } = periodBounds(period);
  const codes = new Set<string>();
  for (const unit of units) {
    if (unit.level !== level) continue;
    if (unit.valid_from <= end && (unit.valid_to === null || unit.valid_to >= start)) codes.add(unit.code);
  }
  return [...codes].sort();
}

export function computeRankings(engine: Engine, indices: IndexRow[], opts: RankingOptions): RankingRow[] {
  const { survey, unitLevel, units, site } = opts;
  const ks = normaliseKs(opts.ks);
  const overall = new Map<string, IndexRow>();
  const periods = new Set<string>();
  for (const row of indices) {
    if (row.survey !== survey || row.breakdown !== 'all' || row.indicator !== 'overall') continue;
    if (periodKind(row.period) !== 'year') continue;
    overall.set(rankKey(survey, row.period, row.unit_code), row);
    periods.add(row.period);
  }

  const listed: { period: string; unit_code: string; cell: IndexRow | undefined; ranked: boolean }[] = [];
  for (const period of [...periods].sort()) {
    for (const unit_code of unitsValidIn(units, unitLevel, period)) {
      const cell = overall.get(rankKey(survey, period, unit_code));
      const ranked = rankEligibility(cell, site.thresholds.min_n_rank) === 'ranked';
      listed.push({ period, unit_code, cell, ranked });
    }
  }

  const rankedCells = listed.filter((u) => u.ranked);
  const ranks = rankInSql(
    engine,
    rankedCells.map((u) => ({ survey, period: u.period, unit_code: u.unit_code, value: u.cell?.value ?? 0 })),
  );

  const rows: RankingRow[] = [];
  for (const period of [...periods].sort()) {
    const inPeriod = listed.filter((u) => u.period === period);
    const simulated = simulateRanks(
      inPeriod
        .filter((u) => u.ranked)
        .map((u) => ({ unit_code: u.unit_code, estimate: u.cell?.value ?? 0, se: u.cell?.se ?? 0 })),
      { draws: site.rank_simulation.draws, seed: site.rank_simulation.seed, streamKey: `${survey}|${period}`, ks },
    );
    for (const k of ks) {
      for (const u of inPeriod) {
        const published = u.cell?.status === 'ok';
        const sim = u.ranked ? simulated.get(u.unit_code) : undefined;
        const rank = u.ranked ? (ranks.get(rankKey(survey, period, u.unit_code)) ?? null) : null;
        rows.push({
          survey,
          period,
          unit_level: unitLevel,
          unit_code: u.unit_code,
          value: published ? (u.cell?.value ?? null) : null,
          ci_low: published ? (u.cell?.ci_low ?? null) : null,
          ci_high: published ? (u.cell?.ci_high ?? null) : null,
          n: u.cell?.n ?? 0,
          rank,
          rank_low: sim?.rank_low ?? null,
          rank_high: sim?.rank_high ?? null,
          p_first: sim?.p_first ?? null,
          k,
          p_top_k: sim?.p_top.get(k) ?? null,
          status: sim && rank !== null ? 'ranked' : 'not_ranked',
        });
      }
    }
  }
  return rows.sort(compareRankingRows);
}

/** Stable published order: period, k, rank (not ranked last), unit code. */
function compareRankingRows(a: RankingRow, b: RankingRow): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  if (a.k !== b.k) return (a.k ?? 0) - (b.k ?? 0);
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  return a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1 : 0;
}
