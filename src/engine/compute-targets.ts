/**
 * targets.csv (data-contract.md → Outputs; method.md → Targets): every target of every plan,
 * assessed against the computed indices, rankings and coverage. A target naming several
 * breakdown values gives one row per value (target id `<id>:<value>`) and an "all of them" row
 * (`<id>:all`, breakdown_value = the values joined with `+`).
 */
import type { Plan, PlanTarget, SiteConfig } from '../intake/types.ts';
import {
  assessAllOfThem,
  assessCoverageTarget,
  assessIndexTarget,
  assessRankTarget,
  type TargetAssessment,
} from './reference/target-status.ts';
import type { CoverageRow, IndexRow, RankingRow, TargetRow } from './tables.ts';

const key = (...parts: (string | number)[]): string => parts.join('\u0000');

/** "Top k" of a rank target: rank ≤ k, or rank < k (= top k − 1). */
function topK(plan: Plan, target: PlanTarget): number {
  const k = target.comparator === '<=' ? target.threshold : target.comparator === '<' ? target.threshold - 1 : NaN;
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(
      `plan ${plan.id}, target ${target.id}: a rank target needs comparator "<=" and a whole-number threshold k ≥ 1 (top k); ` +
        `got "${target.comparator}" ${target.threshold}`,
    );
  }
  return k;
}

/** The k of every rank target, for computeRankings' `ks`. */
export function ksNamedByPlans(plans: readonly Plan[]): number[] {
  const ks = new Set<number>();
  for (const plan of plans) for (const target of plan.targets) if (target.indicator === 'rank') ks.add(topK(plan, target));
  return [...ks].sort((a, b) => a - b);
}

export function computeTargets(
  plans: Plan[],
  indices: IndexRow[],
  rankings: RankingRow[],
  coverage: CoverageRow[],
  site: SiteConfig,
): TargetRow[] {
  const cells = new Map(
    indices.map((r) => [key(r.survey, r.period, r.unit_code, r.breakdown, r.breakdown_value, r.indicator), r]),
  );
  const rankRows = new Map<string, RankingRow>();
  const rankedPeriods = new Set<string>();
  const rankedKs = new Set<string>();
  for (const r of rankings) {
    if (r.unit_level !== site.ranked_level || r.k === null) continue;
    rankRows.set(key(r.survey, r.period, r.unit_code, r.k), r);
    rankedPeriods.add(key(r.survey, r.period));
    rankedKs.add(key(r.survey, r.period, r.k));
  }
  const coverageRows = new Map(coverage.map((r) => [key(r.survey, r.period, r.unit_code), r]));

  const assess = (plan: Plan, target: PlanTarget, breakdownValue: string): TargetAssessment => {
    const { survey, period, unit_code, comparator, threshold } = target;
    if (target.indicator === 'coverage') {
      return assessCoverageTarget(coverageRows.get(key(survey, period, unit_code)), comparator, threshold);
    }
    if (target.indicator === 'rank') {
      const k = topK(plan, target);
      if (rankedPeriods.has(key(survey, period)) && !rankedKs.has(key(survey, period, k))) {
        throw new Error(
          `plan ${plan.id}, target ${target.id}: the rankings were computed without k = ${k}; ` +
            `pass ksNamedByPlans(plans) as ks to computeRankings`,
        );
      }
      return assessRankTarget(rankRows.get(key(survey, period, unit_code, k)), comparator, threshold);
    }
    const cell = cells.get(key(survey, period, unit_code, target.breakdown, breakdownValue, target.indicator));
    return assessIndexTarget(cell, comparator, threshold, site.thresholds.min_n_publish);
  };

  const rows: TargetRow[] = [];
  for (const plan of plans) {
    for (const target of plan.targets) {
      const values = breakdownValues(plan, target);
      const row = (id: string, breakdown_value: string, a: TargetAssessment): TargetRow => ({
        plan: plan.id,
        target: id,
        survey: target.survey,
        unit_code: target.unit_code,
        period: target.period,
        indicator: target.indicator,
        breakdown: target.breakdown,
        breakdown_value,
        comparator: target.comparator,
        threshold: target.threshold,
        ...a,
      });
      if (values.length === 1) {
        const only = values[0] ?? '*';
        rows.push(row(target.id, only, assess(plan, target, only)));
        continue;
      }
      const parts = values.map((value) => assess(plan, target, value));
      values.forEach((value, i) => {
        const part = parts[i];
        if (part) rows.push(row(`${target.id}:${value}`, value, part));
      });
      rows.push(row(`${target.id}:all`, values.join('+'), assessAllOfThem(parts, target.comparator, target.threshold)));
    }
  }
  return rows;
}

function breakdownValues(plan: Plan, target: PlanTarget): string[] {
  const wholeUnit = target.indicator === 'coverage' || target.indicator === 'rank';
  if (wholeUnit && target.breakdown !== 'all') {
    throw new Error(
      `plan ${plan.id}, target ${target.id}: a ${target.indicator} target is about the whole unit; set breakdown to "all"`,
    );
  }
  if (target.breakdown === 'all') return ['*'];
  if (target.breakdown_values.length === 0) {
    throw new Error(
      `plan ${plan.id}, target ${target.id}: breakdown "${target.breakdown}" needs at least one value in breakdown_values`,
    );
  }
  return [...new Set(target.breakdown_values)];
}
