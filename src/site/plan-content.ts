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
import { siteConfig } from './site-config.ts';
import { sitePlans } from './site-inputs.ts';

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

export interface PlanContent {
  plan: Plan;
  /** Every targets.csv row of the plan, in the plan's order (parts before their "all" row). */
  assessed: AssessedTarget[];
  /** Percentage targets (indices, coverage): one bullet chart. */
  bullets: Extract<ChartDataset, { table: 'targets' }> | null;
  /** Visible range of the bullet chart, zoomed to the values and thresholds. */
  bulletDomain: [number, number];
  rankTargets: RankTarget[];
  summary: TargetSummary;
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
    unassessed: verdicts.filter((a) => a.row.status === 'no_data' || a.row.status === 'too_few'),
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
  const cell: IndexRow | undefined = data.cell(row.survey, row.period, row.unit_code, row.indicator, row.breakdown, row.breakdown_value);
  return cell ? cell.n : null;
}

async function buildPlanContent(plan: Plan): Promise<PlanContent> {
  const data = publishedData();
  const site = await siteConfig();
  const rows = data.targets.filter((r) => r.plan === plan.id);
  const assessed: AssessedTarget[] = [];
  for (const target of plan.targets) {
    for (const row of rows) {
      const of = targetOfRow(plan, row);
      if (of?.target !== target) continue;
      assessed.push({ row, target, part: of.part, n: respondents(data, row) });
    }
  }
  const percentRows = assessed.filter((a) => a.row.indicator !== 'rank').map((a) => a.row);
  const rankTargets: RankTarget[] = [];
  for (const a of assessed.filter((x) => x.row.indicator === 'rank')) {
    const k = a.row.threshold;
    const ranking = rankingRows(data, a.row.survey, a.row.period, site.ranked_level, k);
    const unitRow: RankingRow | undefined = ranking.find((r) => r.unit_code === a.row.unit_code);
    if (!unitRow) continue;
    a.n = unitRow.n;
    rankTargets.push({
      assessed: a,
      dataset: { id: chartId('rank', 'target', plan.id, a.row.target), table: 'rankings', rows: [unitRow] },
      unitCount: ranking.length,
      k,
    });
  }
  return {
    plan,
    assessed,
    bullets: percentRows.length > 0 ? { id: chartId('targets', plan.id), table: 'targets', rows: percentRows } : null,
    bulletDomain: bulletDomain(percentRows),
    rankTargets,
    summary: summariseTargets(assessed),
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
export function planDatasets(content: Pick<PlanContent, 'bullets' | 'rankTargets'>): ChartDataset[] {
  return [...(content.bullets ? [content.bullets] : []), ...content.rankTargets.map((r) => r.dataset)];
}
