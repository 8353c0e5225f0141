/**
 * Overall (SIPAS) index (method.md → Indices 3): the weighted mean of the element indices that have
 * data, I = Σ_e W_e I_e / Σ_e W_e over those elements. Equal weights (all 1) unless the instrument
 * declares others. Undefined when no element has data.
 */
export function overallIndex(elementIndices: (number | null)[], weights: number[] = elementIndices.map(() => 1)): number | null {
  let weighted = 0;
  let totalWeight = 0;
  elementIndices.forEach((value, e) => {
    if (value === null) return;
    const weight = weights[e] ?? 1;
    weighted += weight * value;
    totalWeight += weight;
  });
  return totalWeight > 0 ? weighted / totalWeight : null;
}
