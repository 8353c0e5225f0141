/**
 * comparisons.csv (data-contract.md → Outputs): the difference between every two units ranked
 * together, per yearly period and indicator (which pairs: comparison-pairs.ts). The arithmetic is
 * sql/unit-difference.sql; reference/unit-difference.ts is its reference.
 */
import type { RankingLevel, SurveyInstrument, Unit } from '../intake/types.ts';
import { comparisonPairs, type CellPair } from './comparison-pairs.ts';
import type { Engine } from './duckdb.ts';
import { Z_95 } from './reference/confidence.ts';
import { differenceBetween, type DifferenceEstimate } from './reference/unit-difference.ts';
import { createTableFromRows, dropTable } from './rows-table.ts';
import { sqlFile, sqlNumber } from './sql-files.ts';
import type { ComparisonRow, IndexRow } from './tables.ts';

export interface ComparisonOptions {
  instrument: SurveyInstrument;
  units: readonly Unit[];
  /** site.json's rankings: the units compared are those ranked together. */
  rankings: readonly RankingLevel[];
}

/** The published table, computed in DuckDB. */
export function computeComparisons(engine: Engine, indices: readonly IndexRow[], { instrument, units, rankings }: ComparisonOptions): ComparisonRow[] {
  const pairs = comparisonPairs(indices, instrument, units, rankings);
  // Each cell goes in once, however many pairs it is in (a commune is in 64 pairs per indicator).
  const ordOf = new Map<IndexRow, number>();
  const cells: IndexRow[] = [];
  const ord = (cell: IndexRow): number => {
    let k = ordOf.get(cell);
    if (k === undefined) {
      k = cells.length;
      ordOf.set(cell, k);
      cells.push(cell);
    }
    return k;
  };
  const pairRows = pairs.map(({ a, b }, pair_ord) => ({ pair_ord, a_ord: ord(a), b_ord: ord(b) }));
  createTableFromRows(
    engine,
    'comparison_cells',
    [
      { name: 'ord', type: 'INTEGER' },
      { name: 'value', type: 'DOUBLE' },
      { name: 'se', type: 'DOUBLE' },
      { name: 'ok', type: 'BOOLEAN' },
    ],
    cells.map((c, k) => ({ ord: k, value: c.value, se: c.se, ok: c.status === 'ok' })),
  );
  createTableFromRows(
    engine,
    'comparison_pairs',
    [
      { name: 'pair_ord', type: 'INTEGER' },
      { name: 'a_ord', type: 'INTEGER' },
      { name: 'b_ord', type: 'INTEGER' },
    ],
    pairRows,
  );
  try {
    return engine
      .all<{ pair_ord: number } & DifferenceEstimate>(sqlFile('unit-difference', { z: sqlNumber(Z_95) }))
      .map((row) => comparisonRow(pairs[row.pair_ord] as CellPair, row));
  } finally {
    dropTable(engine, 'comparison_cells');
    dropTable(engine, 'comparison_pairs');
  }
}

/** The same table from the reference formulas, for the tests. */
export function referenceComparisons(indices: readonly IndexRow[], { instrument, units, rankings }: ComparisonOptions): ComparisonRow[] {
  return comparisonPairs(indices, instrument, units, rankings).map((pair) => comparisonRow(pair, differenceBetween(pair.a, pair.b)));
}

function comparisonRow({ a, b }: CellPair, d: DifferenceEstimate): ComparisonRow {
  return {
    survey: a.survey,
    period: a.period,
    unit_a: a.unit_code,
    unit_b: b.unit_code,
    indicator: a.indicator,
    value_a: d.value_a,
    value_b: d.value_b,
    difference: d.difference,
    diff_ci_low: d.diff_ci_low,
    diff_ci_high: d.diff_ci_high,
    significant: d.significant,
    unit_a_valid_from: a.unit_valid_from,
    unit_b_valid_from: b.unit_valid_from,
  };
}
