/**
 * trends.csv (data-contract.md → Outputs): one row per index cell of the instrument's survey that
 * has the previous period of the same kind with the same unit version, breakdown and indicator.
 * The arithmetic is sql/trend-change.sql; reference/trend-change.ts is its reference.
 */
import type { SurveyInstrument } from '../intake/types.ts';
import type { Engine } from './duckdb.ts';
import { periodBounds, previousPeriod } from './reference/period-calendar.ts';
import { methodVersionOn } from './reference/trend-change.ts';
import { createTableFromRows, dropTable } from './rows-table.ts';
import { sqlFile, sqlNumber } from './sql-files.ts';
import { Z_95 } from './reference/confidence.ts';
import type { IndexRow, TrendRow } from './tables.ts';

export function computeTrends(engine: Engine, indices: IndexRow[], instrument: SurveyInstrument): TrendRow[] {
  const cells = indices.filter((row) => row.survey === instrument.id);
  const periodNames = [...new Set(cells.map((c) => c.period))].sort();
  const periodId = new Map(periodNames.map((p, i) => [p, i]));
  const periods = periodNames.map((period, period_id) => ({
    period_id,
    // A previous period with no cell gets an id no cell has, so it matches nothing.
    previous_period_id: periodId.get(previousPeriod(period)) ?? -1,
    // method.md: the period's start date decides which method version it falls under.
    method_version: methodVersionOn(instrument, periodBounds(period).start),
  }));
  const seriesId = new Map<string, number>();
  const keyed = cells.map((c, ord) => {
    // One series per unit VERSION (a reused code is another unit), across both bases: a new
    // unit's back-cast years lead into its direct ones, with a boundary break between them.
    const key = `${c.unit_code}\u0000${c.unit_valid_from}\u0000${c.breakdown}\u0000${c.breakdown_value}\u0000${c.indicator}`;
    let series = seriesId.get(key);
    if (series === undefined) {
      series = seriesId.size;
      seriesId.set(key, series);
    }
    return { ord, series, period_id: periodId.get(c.period) ?? -1, value: c.value, se: c.se, ok: c.status === 'ok', back_cast: c.basis === 'back-cast' };
  });
  createTableFromRows(
    engine,
    'trend_cells',
    [
      { name: 'ord', type: 'INTEGER' },
      { name: 'series', type: 'INTEGER' },
      { name: 'period_id', type: 'INTEGER' },
      { name: 'value', type: 'DOUBLE' },
      { name: 'se', type: 'DOUBLE' },
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'back_cast', type: 'BOOLEAN' },
    ],
    keyed,
  );
  createTableFromRows(
    engine,
    'trend_periods',
    [
      { name: 'period_id', type: 'INTEGER' },
      { name: 'previous_period_id', type: 'INTEGER' },
      { name: 'method_version', type: 'VARCHAR' },
    ],
    periods,
  );
  try {
    return engine.all<TrendSqlRow>(sqlFile('trend-change', { z: sqlNumber(Z_95) })).map((row) => {
      const cell = cells[row.ord] as IndexRow;
      const previous = cells[row.previous_ord] as IndexRow;
      return {
        survey: cell.survey,
        period: cell.period,
        previous_period: previous.period,
        unit_code: cell.unit_code,
        breakdown: cell.breakdown,
        breakdown_value: cell.breakdown_value,
        indicator: cell.indicator,
        value: row.value,
        previous_value: row.previous_value,
        change: row.change,
        change_ci_low: row.change_ci_low,
        change_ci_high: row.change_ci_high,
        significant: row.significant,
        method_break: row.method_break,
        boundary_break: row.boundary_break,
        unit_valid_from: cell.unit_valid_from,
        basis: cell.basis,
      };
    });
  } finally {
    dropTable(engine, 'trend_cells');
    dropTable(engine, 'trend_periods');
  }
}

/** What trend-change.sql returns: cell positions and numbers; the texts are taken from the cells. */
type TrendSqlRow = { ord: number; previous_ord: number } & Pick<
  TrendRow,
  'value' | 'previous_value' | 'change' | 'change_ci_low' | 'change_ci_high' | 'significant' | 'method_break' | 'boundary_break'
>;
