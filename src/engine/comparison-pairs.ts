/**
 * Which cells comparisons.csv sets against each other (data-contract.md → Outputs; method.md →
 * Comparing units): in each yearly period, every unordered pair of units ranked together (the
 * rank groups of compute-rankings.ts that site.json's rankings names), for the overall
 * index and each element, whole unit (breakdown `all`), direct cells only. `unit_a` comes before
 * `unit_b` by code, then by version start (a code may be reused by a new unit).
 *
 * A pair is listed when both units have a cell that year, suppressed or not: a suppressed cell
 * keeps its row with empty numbers, as in trends.csv. A unit with no response at all that year
 * has no cell and no row.
 *
 * Published order: period, unit_a, unit_a's version, unit_b, unit_b's version, then the
 * indicators as the instrument lists them (overall first).
 */
import type { RankingLevel, SurveyInstrument, Unit } from '../intake/types.ts';
import { periodKind } from './reference/period-calendar.ts';
import { rankGroups } from './compute-rankings.ts';
import type { IndexRow } from './tables.ts';

export interface CellPair {
  a: IndexRow;
  b: IndexRow;
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Unit versions in the published order of a pair: code, then version start. */
export function compareUnitVersions(x: { code: string; valid_from: string }, y: { code: string; valid_from: string }): number {
  return byText(x.code, y.code) || byText(x.valid_from, y.valid_from);
}

export function comparisonPairs(indices: readonly IndexRow[], instrument: SurveyInstrument, units: readonly Unit[], rankings: readonly RankingLevel[]): CellPair[] {
  const indicators = ['overall', ...instrument.elements.map((e) => e.code)];
  // Each ranked level compares the overall index and the elements, or the overall index alone (site.json → rankings[].compare).
  const comparedOf = (level: string): string[] => (rankings.find((r) => r.level === level)?.compare === 'overall' ? ['overall'] : indicators);
  const cells = new Map<string, IndexRow>();
  const periods = new Set<string>();
  for (const row of indices) {
    if (row.survey !== instrument.id || row.breakdown !== 'all' || row.basis !== 'direct') continue;
    if (row.level === 'item' || periodKind(row.period) !== 'year') continue;
    cells.set(cellKey(row.period, row.unit_code, row.unit_valid_from, row.indicator), row);
    periods.add(row.period);
  }
  const pairs: CellPair[] = [];
  for (const period of [...periods].sort()) {
    for (const group of rankGroups(units, period, rankings)) {
      const members = [...group.members].sort(compareUnitVersions);
      const compared = comparedOf(group.level);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const ua = members[i] as Unit;
          const ub = members[j] as Unit;
          for (const indicator of compared) {
            const a = cells.get(cellKey(period, ua.code, ua.valid_from, indicator));
            const b = cells.get(cellKey(period, ub.code, ub.valid_from, indicator));
            if (a && b) pairs.push({ a, b });
          }
        }
      }
    }
  }
  // Groups come in register order; the published order is by period, then the pair's units.
  return pairs.sort(
    (x, y) =>
      byText(x.a.period, y.a.period) ||
      compareUnitVersions({ code: x.a.unit_code, valid_from: x.a.unit_valid_from }, { code: y.a.unit_code, valid_from: y.a.unit_valid_from }) ||
      compareUnitVersions({ code: x.b.unit_code, valid_from: x.b.unit_valid_from }, { code: y.b.unit_code, valid_from: y.b.unit_valid_from }) ||
      indicators.indexOf(x.a.indicator) - indicators.indexOf(y.a.indicator),
  );
}

const cellKey = (period: string, code: string, validFrom: string, indicator: string): string =>
  `${period}\u0000${code}\u0000${validFrom}\u0000${indicator}`;
