/**
 * trends.csv (data-contract.md → Outputs): one row per index cell of the instrument's survey that
 * has the previous period of the same kind with the same unit, breakdown and indicator.
 * The arithmetic is sql/trend-change.sql; reference/trend-change.ts is its reference.
 */
import type { SurveyInstrument } from '../intake/types.ts';
import type { Engine } from './duckdb.ts';
import { periodBounds, previousPeriod } from './reference/period-calendar.ts';
import { methodVersionOn } from './reference/trend-change.ts';
import { createTableFromRows, dropTable } from './rows-table.ts';
import { sqlFile } from './sql-files.ts';
import type { IndexRow, TrendRow } from './tables.ts';

interface TrendPeriod {
  period: string;
  previous_period: string;
  method_version: string | null;
}

export function computeTrends(engine: Engine, indices: IndexRow[], instrument: SurveyInstrument): TrendRow[] {
  const cells = indices.filter((row) => row.survey === instrument.id).map((row, ord) => ({ ...row, ord }));
  const periods: TrendPeriod[] = [...new Set(cells.map((c) => c.period))].sort().map((period) => ({
    period,
    previous_period: previousPeriod(period),
    // method.md: the period's start date decides which method version it falls under.
    method_version: methodVersionOn(instrument, periodBounds(period).start),
  }));
  createTableFromRows(
    engine,
    'trend_cells',
    [
      { name: 'ord', type: 'INTEGER' },
      { name: 'survey', type: 'VARCHAR' },
      { name: 'period', type: 'VARCHAR' },
      { name: 'unit_code', type: 'VARCHAR' },
      { name: 'breakdown', type: 'VARCHAR' },
      { name: 'breakdown_value', type: 'VARCHAR' },
      { name: 'indicator', type: 'VARCHAR' },
      { name: 'value', type: 'DOUBLE' },
      { name: 'se', type: 'DOUBLE' },
      { name: 'status', type: 'VARCHAR' },
    ],
    cells,
  );
  createTableFromRows(
    engine,
    'trend_periods',
    [
      { name: 'period', type: 'VARCHAR' },
      { name: 'previous_period', type: 'VARCHAR' },
      { name: 'method_version', type: 'VARCHAR' },
    ],
    periods,
  );
  try {
    return engine.all<TrendRow>(sqlFile('trend-change')).map((row) => ({
      survey: row.survey,
      period: row.period,
      previous_period: row.previous_period,
      unit_code: row.unit_code,
      breakdown: row.breakdown,
      breakdown_value: row.breakdown_value,
      indicator: row.indicator,
      value: row.value,
      previous_value: row.previous_value,
      change: row.change,
      change_ci_low: row.change_ci_low,
      change_ci_high: row.change_ci_high,
      significant: row.significant,
      method_break: row.method_break,
    }));
  } finally {
    dropTable(engine, 'trend_cells');
    dropTable(engine, 'trend_periods');
  }
}
