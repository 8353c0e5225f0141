/**
 * "Which element and which procedure field pull the index down": the lowest published value
 * among a unit's elements, and among its procedure fields. Suppressed cells (too few responses)
 * never count as lowest: a field with 12 answers is not evidence of anything.
 */
import type { IndexRow } from '../engine/tables.ts';

/** The row with the lowest published value; ties go to the earlier row (instrument/register order). */
export function lowestPublished(rows: readonly IndexRow[]): IndexRow | undefined {
  let lowest: IndexRow | undefined;
  for (const row of rows) {
    if (row.status !== 'ok' || row.value === null) continue;
    if (lowest === undefined || row.value < (lowest.value as number)) lowest = row;
  }
  return lowest;
}

export interface WeakestParts {
  element: IndexRow | undefined;
  field: IndexRow | undefined;
}

/** The lowest element (level `element`) and the lowest procedure field (breakdown `field`). */
export function weakestParts(elementRows: readonly IndexRow[], fieldRows: readonly IndexRow[]): WeakestParts {
  return {
    element: lowestPublished(elementRows.filter((r) => r.level === 'element')),
    field: lowestPublished(fieldRows.filter((r) => r.breakdown === 'field')),
  };
}
