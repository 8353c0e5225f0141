/**
 * coverage.csv (data-contract.md → Outputs; method.md → Indices, 5): per unit of every level and
 * per period, how many of the agencies registered as handling administrative procedures had at
 * least one valid response. The rules are sql/coverage-agencies.sql (reference/coverage.ts is
 * their reference).
 */
import type { Agency, Unit } from '../intake/types.ts';
import type { Engine } from './duckdb.ts';
import { periodBounds } from './reference/period-calendar.ts';
import { createTableFromRows, dropTable } from './rows-table.ts';
import { sqlFile } from './sql-files.ts';
import type { CoverageRow } from './tables.ts';
import { readHeaderLine, validatedCsvAsText } from './validated-csv.ts';

export interface CoverageOptions {
  survey: string;
  /** The survey's validated responses CSV (intake output). When given, it is read directly. */
  validatedCsvPath?: string;
  /**
   * Otherwise: a DuckDB table with the survey's responses' `date` and `agency_code` columns (default
   * `responses`): the responses themselves, or the agency days computeIndices left behind
   * (ComputeIndicesInput.agencyDaysTable), which spares a second read of a large file.
   */
  responsesTable?: string;
  agencies: Agency[];
  units: Unit[];
  /**
   * Periods to report, e.g. `2024`, `2024-Q1`. Default: every year and every quarter in which the
   * survey has at least one response (what the indices report, since every response counts in
   * some unit).
   */
  periods?: string[];
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function responsesSource(opts: CoverageOptions): string {
  if (opts.validatedCsvPath !== undefined) {
    const path = opts.validatedCsvPath;
    return validatedCsvAsText(path, readHeaderLine(path).split(','));
  }
  const table = opts.responsesTable ?? 'responses';
  if (!TABLE_NAME.test(table)) throw new Error(`invalid responses table name "${table}"`);
  return table;
}

export function computeCoverage(engine: Engine, opts: CoverageOptions): CoverageRow[] {
  try {
    // All the rules need from the responses is which agency had a response on which day: a few
    // hundred thousand pairs at most, however many responses; read once, then joined many times.
    engine.run(
      'CREATE OR REPLACE TEMP TABLE coverage_responses AS ' +
        `SELECT DISTINCT CAST(date AS DATE) AS date, CAST(agency_code AS VARCHAR) AS agency_code FROM ${responsesSource(opts)}`,
    );
    const periods = opts.periods ?? periodsWithResponses(engine);
    createTableFromRows(
      engine,
      'coverage_units',
      [
        { name: 'code', type: 'VARCHAR' },
        { name: 'parent_code', type: 'VARCHAR' },
        { name: 'valid_from', type: 'DATE' },
        { name: 'valid_to', type: 'DATE' },
      ],
      opts.units,
    );
    createTableFromRows(
      engine,
      'coverage_agencies',
      [
        { name: 'code', type: 'VARCHAR' },
        { name: 'unit_code', type: 'VARCHAR' },
        { name: 'has_procedures', type: 'BOOLEAN' },
        { name: 'valid_from', type: 'DATE' },
        { name: 'valid_to', type: 'DATE' },
      ],
      opts.agencies,
    );
    createTableFromRows(
      engine,
      'coverage_periods',
      [
        { name: 'period', type: 'VARCHAR' },
        { name: 'start_date', type: 'DATE' },
        { name: 'end_date', type: 'DATE' },
      ],
      [...new Set(periods)].map((period) => {
        const { start, end } = periodBounds(period);
        return { period, start_date: start, end_date: end };
      }),
    );
    const rows = engine.all<Omit<CoverageRow, 'survey'>>(sqlFile('coverage-agencies'));
    // Coverage is about agencies that handle administrative procedures. A survey whose responses
    // never reach one (health and education surveys answer about hospitals and schools) measures
    // something else, so it gets no coverage rows — decided by the data, not by the survey's name.
    if (rows.every((row) => row.agencies_measured === 0)) return [];
    return rows
      .map((row) => ({
        survey: opts.survey,
        period: row.period,
        unit_code: row.unit_code,
        agencies_registered: row.agencies_registered,
        agencies_measured: row.agencies_measured,
        coverage: row.coverage,
        unit_valid_from: row.unit_valid_from,
      }))
      .sort((a, b) => compareText(a.period, b.period) || compareText(a.unit_code, b.unit_code) || compareText(a.unit_valid_from, b.unit_valid_from));
  } finally {
    for (const table of ['coverage_responses', 'coverage_units', 'coverage_agencies', 'coverage_periods']) dropTable(engine, table);
  }
}

/** Every year and quarter with a response in coverage_responses: `2024`, `2024-Q1`, … */
function periodsWithResponses(engine: Engine): string[] {
  const rows = engine.all<{ year: number; quarter: number }>(
    'SELECT DISTINCT year(date)::INTEGER AS year, quarter(date)::INTEGER AS quarter FROM coverage_responses WHERE date IS NOT NULL',
  );
  return [...new Set(rows.flatMap(({ year, quarter }) => [String(year), `${year}-Q${quarter}`]))].sort(compareText);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
