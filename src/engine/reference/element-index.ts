/**
 * Element index (method.md → Indices 2): the mean of the element's item indices over the items
 * that have answers (N_c > 0); undefined when none has.
 */
export function elementIndex(itemIndices: (number | null)[]): number | null {
  const defined = itemIndices.filter((value): value is number => value !== null);
  if (defined.length === 0) return null;
  return defined.reduce((sum, value) => sum + value, 0) / defined.length;
}
