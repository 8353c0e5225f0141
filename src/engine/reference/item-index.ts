/**
 * Item index (method.md → Indices 1): I_c = 100 · S_c / N_c, the percentage of the item's answers
 * that count as satisfied. Undefined (null) when nobody answered the item.
 */
export function itemIndex(satisfied: number, answers: number): number | null {
  return answers > 0 ? (100 * satisfied) / answers : null;
}
