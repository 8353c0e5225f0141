/**
 * What a plan's page shows, before any wording: the plan (document, issuer, date, source), every
 * row of targets.csv for it with the plan's label, the bullet chart of the percentage targets
 * (indices and coverage) and one rank bullet per rank target. The home page and the unit pages
 * reuse the same datasets, so one chart id always means one set of rows.
 */
import type { IndexRow, RankingRow, TargetRow } from '../engine/tables.ts';
import type { Plan, PlanTarget } from '../intake/types.ts';
import { chartId, type ChartDataset } from './chart-datasets.ts';
import { rankingRows } from './index-selections.ts';
import { publishedData, type PublishedData } from './published-data.ts';
import { sitePlans } from './site-inputs.ts';
import { rowVersionId } from './unit-versions.ts';

/** One row of targets.csv with the plan target it comes from. */
export interface AssessedTarget {
  row: TargetRow;
  target: PlanTarget;
  /** The row of a target naming several values (`sipas-fields:dat-dai`), or its "all of them" row. */
  part: 'whole' | 'value' | 'all';
  /** Respondents behind the value (indices.csv n, or the ranked unit's n); null for coverage and "all" rows. */
  n: number | null;
}

export interface RankTarget {
  assessed: AssessedTarget;
  dataset: Extract<ChartDataset, { table: 'rankings' }>;
  /** Units in that period's ranking (the N of "top k of N"). */
  unitCount: number;
  k: number;
}

/** A plan's targets in one period: the plan's own (first) period, or a following year. */
export interface PlanPeriod {
  period: string;
  /** Every targets.csv row of the plan in the period, in the plan's order (parts before their "all" row). */
  assessed: AssessedTarget[];
  /** Percentage targets (indices, coverage): one bullet chart. */
  bullets: Extract<ChartDataset, { table: 'targets' }> | null;
  /** Visible range of the bullet chart, zoomed to the values and thresholds. */
  bulletDomain: [number, number];
  rankTargets: RankTarget[];
  summary: TargetSummary;
  /**
   * When the plan's unit had ended before the period (status `unit_ended`): the codes of the units
   * its territory went to (targets.csv successor_units); null otherwise.
   */
  successors: string[] | null;
}

/**
 * A plan: its own period's targets (the fields of PlanPeriod, what the home and unit pages sum up)
 * and every period it is assessed for (a plan "for 2024 and the following years": 2024, 2025, …).
 */
export interface PlanContent extends PlanPeriod {
  plan: Plan;
  periods: PlanPeriod[];
}

/**
 * The one count of a plan's targets that every page shows. A target is one aim of the plan as
 * the plan lists it (Kế hoạch 95: 6), whatever the number of targets.csv rows behind it: a
 * target naming several fields (land, construction, investment each ≥ 85 %) is one target,
 * judged by its "all of them" row, with one more row per field (9 rows for 6 targets).
 */
export interface TargetSummary {
  /** Targets as the plan lists them (a target naming several fields counts once, by its "all" row). */
  total: number;
  met: number;
  /** Of those met or not met, how many are within the margin of error. */
  uncertain: number;
  /** The targets not met, in the plan's order. */
  notMet: MissedTarget[];
  /** Targets without a verdict (no data, too few responses). */
  unassessed: AssessedTarget[];
  /** targets.csv rows behind the count. */
  rows: number;
  /** Targets naming several values (one row per value plus the "all" row), in the plan's order. */
  split: AssessedTarget[];
}

/** A target not met: its verdict row and, for a target naming several values, the values that missed. */
export interface MissedTarget {
  verdict: AssessedTarget;
  parts: AssessedTarget[];
}

/** The part of a target a targets.csv row stands for: `id`, `id:<value>` or `id:all`. */
export function targetOfRow(plan: Plan, row: TargetRow): { target: PlanTarget; part: AssessedTarget['part'] } | undefined {
  const [id, suffix] = row.target.split(':');
  const target = plan.targets.find((t) => t.id === id);
  if (!target) return undefined;
  return { target, part: suffix === undefined ? 'whole' : suffix === 'all' ? 'all' : 'value' };
}

/** Counts the plan's targets by verdict: one row per plan target (the "all" row for several values). */
export function summariseTargets(assessed: readonly AssessedTarget[]): TargetSummary {
  const verdicts = assessed.filter((a) => a.part !== 'value');
  const partsOf = (verdict: AssessedTarget) => assessed.filter((a) => a.part === 'value' && a.target === verdict.target);
  return {
    total: verdicts.length,
    met: verdicts.filter((a) => a.row.status === 'met').length,
    uncertain: verdicts.filter((a) => (a.row.status === 'met' || a.row.status === 'not_met') && a.row.certainty === 'uncertain').length,
    notMet: verdicts
      .filter((a) => a.row.status === 'not_met')
      .map((verdict) => ({ verdict, parts: partsOf(verdict).filter((p) => p.row.status !== 'met') })),
    unassessed: verdicts.filter((a) => a.row.status === 'no_data' || a.row.status === 'too_few' || a.row.status === 'unit_ended'),
    rows: assessed.length,
    split: verdicts.filter((a) => a.part === 'all'),
  };
}

/**
 * A range for percentage bullets that keeps every threshold, value and interval bound in view:
 * from 10 points below the lowest, rounded down to a multiple of 10, to 100. Targets near 80–90 %
 * then read on a 70–100 scale, where a 2-point gap is visible, without hiding a low value.
 */
export function bulletDomain(rows: readonly TargetRow[]): [number, number] {
  const numbers = rows.flatMap((r) => [r.threshold, r.value, r.ci_low]).filter((x): x is number => x !== null && Number.isFinite(x));
  if (numbers.length === 0) return [0, 100];
  const low = Math.max(0, Math.floor((Math.min(...numbers) - 10) / 10) * 10);
  return [Math.min(low, 90), 100];
}

function respondents(data: PublishedData, row: TargetRow): number | null {
  if (row.indicator === 'coverage' || row.target.endsWith(':all')) return null;
  if (row.indicator === 'rank') return null;
  const cell: IndexRow | undefined = data.cell(row.survey, row.period, rowVersionId(row), row.indicator, row.breakdown, row.breakdown_value);
  return cell ? cell.n : null;
}

async function buildPlanContent(plan: Plan): Promise<PlanContent> {
  const data = publishedData();
  const rows = data.targets.filter((r) => r.plan === plan.id);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const first = periods[0];
  const contents = periods.map((period) => planPeriod(data, plan, rows.filter((r) => r.period === period), period === first ? [] : [period]));
  const own = contents[0] ?? planPeriod(data, plan, [], []);
  return { ...own, plan, periods: contents };
}

/**
 * One period of a plan. `idSuffix` keeps the chart ids of the plan's own period as they always
 * were (`targets-kh-95-2024`) and gives a following year's charts their own (`…-2025`).
 */
function planPeriod(data: PublishedData, plan: Plan, rows: readonly TargetRow[], idSuffix: string[]): PlanPeriod {
  const assessed: AssessedTarget[] = [];
  for (const target of plan.targets) {
    for (const row of rows) {
      const of = targetOfRow(plan, row);
      if (of?.target !== target) continue;
      assessed.push({ row, target, part: of.part, n: respondents(data, row) });
    }
  }
  const percentRows = assessed.filter((a) => a.row.indicator !== 'rank' && a.row.status !== 'unit_ended').map((a) => a.row);
  const rankTargets: RankTarget[] = [];
  for (const a of assessed.filter((x) => x.row.indicator === 'rank')) {
    const k = a.row.threshold;
    const own = data.rankings.find((r) => r.survey === a.row.survey && r.period === a.row.period && rowVersionId(r) === rowVersionId(a.row));
    if (!own) continue;
    const ranking = rankingRows(data, a.row.survey, a.row.period, own.unit_level, k, own.parent_code);
    const unitRow: RankingRow | undefined = ranking.find((r) => rowVersionId(r) === rowVersionId(a.row));
    if (!unitRow) continue;
    a.n = unitRow.n;
    rankTargets.push({
      assessed: a,
      dataset: { id: chartId('rank', 'target', plan.id, a.row.target.replace(':', '-'), ...idSuffix), table: 'rankings', rows: [unitRow] },
      unitCount: ranking.length,
      k,
    });
  }
  const ended = rows.find((r) => r.status === 'unit_ended');
  return {
    period: rows[0]?.period ?? '',
    assessed,
    bullets: percentRows.length > 0 ? { id: chartId('targets', plan.id, ...idSuffix), table: 'targets', rows: percentRows } : null,
    bulletDomain: bulletDomain(percentRows),
    rankTargets,
    summary: summariseTargets(assessed),
    successors: ended ? (ended.successor_units ?? '').split(';').filter(Boolean) : null,
  };
}

const cache = new Map<string, Promise<PlanContent>>();

/** The content of plan `id`'s page, built once per build. */
export async function planContent(id: string): Promise<PlanContent> {
  let content = cache.get(id);
  if (!content) {
    const plan = (await sitePlans()).find((p) => p.id === id);
    if (!plan) throw new Error(`plan "${id}" is listed for a page but plans/${id}.json was not loaded`);
    content = buildPlanContent(plan);
    cache.set(id, content);
  }
  return content;
}

/** The charts of a plan's targets (a plan page, or one plan's targets on a unit or home page). */
export function planDatasets(content: Pick<PlanContent, 'bullets' | 'rankTargets'> & { periods?: PlanPeriod[] }): ChartDataset[] {
  const periods = content.periods ?? [content];
  return periods.flatMap((p) => [...(p.bullets ? [p.bullets] : []), ...p.rankTargets.map((r) => r.dataset)]);
}
