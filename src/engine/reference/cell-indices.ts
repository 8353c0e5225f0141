/**
 * Every indicator of one cell (overall, each element, each item), computed one respondent at a
 * time from the formulas of this folder, with the publication rules of method.md → Suppression.
 * It is the reference the SQL engine (src/engine/sql/) is tested against: slow, plain, obvious.
 *
 * Rules shared with the SQL (see item-index.sql, element-index.sql, overall-index.sql):
 * - published when n ≥ min_n_publish and n > 0; otherwise status `suppressed` with value, interval,
 *   se and satisfied empty (n kept);
 * - items: Wilson interval; se = 100 · √(p(1 − p)/(N − 1)), the Taylor variance of one item;
 * - elements and overall: Taylor interval; n = 1 → value without interval or se.
 */
import type { SurveyInstrument } from '../../intake/types.ts';
import type { IndexRow } from '../tables.ts';
import { elementIndex } from './element-index.ts';
import { itemIndex } from './item-index.ts';
import { overallIndex } from './overall-index.ts';
import { taylorInterval, taylorVariance, type ItemAnswers } from './taylor-variance.ts';
import { wilsonInterval } from './wilson.ts';

export type CellIndicator = Pick<IndexRow, 'indicator' | 'level' | 'n' | 'satisfied' | 'value' | 'ci_low' | 'ci_high' | 'status' | 'se'>;

/**
 * @param answers one row per response in the cell, answers in instrument item order (null = not answered)
 * @param elementWeights W_e in element order (1 each for equal weights)
 */
export function cellIndices(
  answers: (number | null)[][],
  survey: SurveyInstrument,
  elementWeights: number[],
  minNPublish: number,
): CellIndicator[] {
  const satisfiedValues = new Set(survey.scale.satisfied);
  const asItemAnswers: ItemAnswers[] = answers.map((row) => row.map((value) => (value === null ? null : satisfiedValues.has(value))));
  const itemCount = survey.elements.reduce((sum, element) => sum + element.items.length, 0);

  // Item proportions and counts.
  const answered = new Array<number>(itemCount).fill(0);
  const satisfied = new Array<number>(itemCount).fill(0);
  for (const row of asItemAnswers) {
    row.forEach((answer, c) => {
      if (answer === null) return;
      answered[c]! += 1;
      if (answer) satisfied[c]! += 1;
    });
  }
  const itemValues = answered.map((count, c) => itemIndex(satisfied[c]!, count));

  // Item positions of each element, and the weights w_c of its answered items.
  let next = 0;
  const elementItems = survey.elements.map((element) => element.items.map(() => next++));
  const withinWeights = elementItems.map((positions) => {
    const answeredItems = positions.filter((c) => answered[c]! > 0).length;
    return positions.map((c) => (answered[c]! > 0 ? 1 / answeredItems : 0));
  });
  const elementValues = elementItems.map((positions) => elementIndex(positions.map((c) => itemValues[c]!)));
  const overallValue = overallIndex(elementValues, elementWeights);

  const rows: CellIndicator[] = [];

  // Overall: w_c = omega_e · w_c(element), omega_e = W_e / Σ W over elements with data.
  const weightWithData = elementValues.reduce<number>((sum, value, e) => sum + (value === null ? 0 : elementWeights[e]!), 0);
  const overallWeights = new Array<number>(itemCount).fill(0);
  elementItems.forEach((positions, e) => {
    if (elementValues[e] === null) return;
    const omega = elementWeights[e]! / weightWithData;
    positions.forEach((c, k) => (overallWeights[c] = omega * withinWeights[e]![k]!));
  });
  rows.push(taylorRow('overall', 'overall', asItemAnswers, overallWeights, overallValue, minNPublish));

  survey.elements.forEach((element, e) => {
    const positions = elementItems[e]!;
    const columns = asItemAnswers.map((row) => positions.map((c) => row[c] ?? null));
    rows.push(taylorRow(element.code, 'element', columns, withinWeights[e]!, elementValues[e] ?? null, minNPublish));
  });

  survey.elements.flatMap((element) => element.items).forEach((item, c) => {
    const n = answered[c]!;
    const published = n > 0 && n >= minNPublish;
    const wilson = wilsonInterval(satisfied[c]!, n);
    const oneItem = taylorVariance(asItemAnswers.map((row) => [row[c] ?? null]), [1]);
    rows.push({
      indicator: item.code,
      level: 'item',
      n,
      satisfied: published ? satisfied[c]! : null,
      value: published ? itemValues[c]! : null,
      ci_low: published && wilson ? wilson.low : null,
      ci_high: published && wilson ? wilson.high : null,
      status: published ? 'ok' : 'suppressed',
      se: published && oneItem.variance !== null ? 100 * Math.sqrt(oneItem.variance) : null,
    });
  });
  return rows;
}

function taylorRow(
  indicator: string,
  level: 'overall' | 'element',
  answers: ItemAnswers[],
  weights: number[],
  value: number | null,
  minNPublish: number,
): CellIndicator {
  const { n, variance } = taylorVariance(answers, weights);
  const published = n > 0 && n >= minNPublish && value !== null;
  const interval = published && variance !== null ? taylorInterval(value / 100, variance) : null;
  return {
    indicator,
    level,
    n,
    satisfied: null,
    value: published ? value : null,
    ci_low: interval ? interval.low : null,
    ci_high: interval ? interval.high : null,
    status: published ? 'ok' : 'suppressed',
    se: published && variance !== null ? 100 * Math.sqrt(variance) : null,
  };
}
