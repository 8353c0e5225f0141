/**
 * The visible range of a percentage axis. Satisfaction sits mostly between 70 and 100 %, so a
 * 0–100 axis would squeeze every difference into a few pixels; the axis instead spans the data
 * (estimates, interval bounds, reference and target lines) padded to the next multiple of 5,
 * within [0, 100].
 */
export function percentDomain(values: (number | null | undefined)[]): [number, number] {
  const finite = values.filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  if (finite.length === 0) return [0, 100];
  const low = Math.max(0, Math.floor((Math.min(...finite) - 1) / 5) * 5);
  const high = Math.min(100, Math.ceil((Math.max(...finite) + 1) / 5) * 5);
  return [low, Math.max(high, low + 5)];
}
