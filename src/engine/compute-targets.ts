/**
 * targets.csv (data-contract.md → Outputs; method.md → Targets): every target of every plan,
 * assessed against the computed indices, rankings and coverage. A target naming several
 * breakdown values gives one row per value (target id `<id>:<value>`) and an "all of them" row
 * (`<id>:all`, breakdown_value = the values joined with `+`).
 *
 * A target "for 2024 and the following years" (and_following_years) is assessed for each year up to
 * the survey's last, always for the unit version the plan named (the one valid when its first
 * period starts). A year that starts after that version ended gets status `unit_ended` and the
 * codes of the units its territory went to (method.md → Units that change), not `no_data`: there
 * was nothing to measure, not a missing measurement. A year the unit lived part of (2025 for a
 * district that ended on 2025-06-30) is assessed on that part, as its cells hold it.
 */
import { isValidOn, type Registers } from '../intake/registers.ts';
import type { Plan, PlanTarget, SiteConfig, Unit } from '../intake/types.ts';
import { periodBounds } from './reference/period-calendar.ts';
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

/** The registers targets need: which unit version a target means, and where it went. */
export type TargetRegisters = Pick<Registers, 'units' | 'successorsOf'>;

export function computeTargets(
  plans: Plan[],
  indices: IndexRow[],
  rankings: RankingRow[],
  coverage: CoverageRow[],
  site: SiteConfig,
  registers: TargetRegisters,
): TargetRow[] {
  const cells = new Map(
    indices
      .filter((r) => r.basis === 'direct')
      .map((r) => [key(r.survey, r.period, r.unit_code, r.unit_valid_from, r.breakdown, r.breakdown_value, r.indicator), r]),
  );
  const rankRows = new Map<string, RankingRow>();
  const rankedPeriods = new Set<string>();
  const rankedKs = new Set<string>();
  for (const r of rankings) {
    if (r.k === null) continue;
    rankRows.set(key(r.survey, r.period, r.unit_code, r.unit_valid_from, r.k), r);
    rankedPeriods.add(key(r.survey, r.period));
    rankedKs.add(key(r.survey, r.period, r.k));
  }
  const coverageRows = new Map(coverage.map((r) => [key(r.survey, r.period, r.unit_code, r.unit_valid_from), r]));
  const lastYear = new Map<string, string>();
  for (const r of indices) if (/^\d{4}$/.test(r.period) && r.period > (lastYear.get(r.survey) ?? '')) lastYear.set(r.survey, r.period);

  const assess = (plan: Plan, target: PlanTarget, unit: Unit, period: string, breakdownValue: string): TargetAssessment => {
    const { survey, comparator, threshold } = target;
    if (target.indicator === 'coverage') {
      return assessCoverageTarget(coverageRows.get(key(survey, period, unit.code, unit.valid_from)), comparator, threshold);
    }
    if (target.indicator === 'rank') {
      const k = topK(plan, target);
      if (rankedPeriods.has(key(survey, period)) && !rankedKs.has(key(survey, period, k))) {
        throw new Error(
          `plan ${plan.id}, target ${target.id}: the rankings were computed without k = ${k}; ` +
            `pass ksNamedByPlans(plans) as ks to computeRankings`,
        );
      }
      return assessRankTarget(rankRows.get(key(survey, period, unit.code, unit.valid_from, k)), comparator, threshold);
    }
    const cell = cells.get(key(survey, period, unit.code, unit.valid_from, target.breakdown, breakdownValue, target.indicator));
    return assessIndexTarget(cell, comparator, threshold, site.thresholds.min_n_publish);
  };

  const rows: TargetRow[] = [];
  for (const plan of plans) {
    for (const target of plan.targets) {
      const values = breakdownValues(plan, target);
      const unit = targetUnit(plan, target, registers.units);
      for (const period of targetPeriods(target, lastYear.get(target.survey))) {
        const ended = unit.valid_to !== null && unit.valid_to < periodBounds(period).start;
        // Empty, not '', when the crosswalk knows no successor.
        // registers.successorsOf: crosswalk links from the unit, or from the units below it on its
        // last day (a district's communes), in code order.
        const successors = ended ? registers.successorsOf(unit).map((u) => u.code).join(';') || null : null;
        const row = (id: string, breakdown_value: string, a: TargetAssessment): TargetRow => ({
          plan: plan.id,
          target: id,
          survey: target.survey,
          unit_code: target.unit_code,
          period,
          indicator: target.indicator,
          breakdown: target.breakdown,
          breakdown_value,
          comparator: target.comparator,
          threshold: target.threshold,
          ...a,
          unit_valid_from: unit.valid_from,
          successor_units: successors,
        });
        const assessOne = (value: string): TargetAssessment =>
          ended ? UNIT_ENDED : assess(plan, target, unit, period, value);
        if (values.length === 1) {
          const only = values[0] ?? '*';
          rows.push(row(target.id, only, assessOne(only)));
          continue;
        }
        const parts = values.map(assessOne);
        values.forEach((value, i) => {
          const part = parts[i];
          if (part) rows.push(row(`${target.id}:${value}`, value, part));
        });
        rows.push(row(`${target.id}:all`, values.join('+'), ended ? UNIT_ENDED : assessAllOfThem(parts, target.comparator, target.threshold)));
      }
    }
  }
  return rows;
}

const UNIT_ENDED: TargetAssessment = { value: null, ci_low: null, ci_high: null, gap: null, status: 'unit_ended', certainty: null };

/** The periods a target is assessed for: its own, then each following year up to `lastYear`. */
export function targetPeriods(target: Pick<PlanTarget, 'period' | 'and_following_years'>, lastYear: string | undefined): string[] {
  if (!target.and_following_years || lastYear === undefined) return [target.period];
  const periods: string[] = [];
  for (let year = Number(target.period); year <= Number(lastYear); year++) periods.push(String(year));
  return periods.length > 0 ? periods : [target.period];
}

/**
 * The unit version a target is about: its code as valid on the plan's date, when that version lived
 * during the target's first period (a plan of the new Xã Ninh Sơn for 2025 is about the new commune,
 * not Thị trấn Tân Sơn, which held the code until 30/06/2025); else as valid when the first period
 * starts, else any version that lived during it.
 */
function targetUnit(plan: Plan, target: PlanTarget, units: readonly Unit[]): Unit {
  const { start, end } = periodBounds(target.period);
  const versions = units.filter((u) => u.code === target.unit_code);
  const during = (u: Unit) => u.valid_from <= end && (u.valid_to === null || u.valid_to >= start);
  const unit = versions.find((u) => isValidOn(u, plan.date) && during(u)) ?? versions.find((u) => isValidOn(u, start)) ?? versions.find(during);
  if (!unit) throw new Error(`plan ${plan.id}, target ${target.id}: unit ${target.unit_code} has no version during ${target.period}`);
  return unit;
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
