/**
 * Splitting a whole number of responses over districts, months or years so the parts add up
 * exactly (the generator promises `--responses N` rows, not about N).
 *
 * Largest-remainder (Hamilton) method: part_i = floor(N · w_i / Σw), then the leftover units go
 * one each to the largest fractional remainders, ties to the earlier entry.
 * Example: N = 10, w = (1, 1, 1) → quotas 3.33 each → (3, 3, 3) + 1 to the first → (4, 3, 3).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + Math.max(0, weight), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const quotas = weights.map((weight) => (total * Math.max(0, weight)) / sum);
  const parts = quotas.map(Math.floor);
  let leftover = total - parts.reduce((acc, part) => acc + part, 0);
  const byRemainder = quotas
    .map((quota, index) => ({ index, remainder: quota - Math.floor(quota) }))
    .filter((entry) => (weights[entry.index] ?? 0) > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const entry of byRemainder) {
    if (leftover <= 0) break;
    parts[entry.index] = (parts[entry.index] ?? 0) + 1;
    leftover--;
  }
  return parts;
}
