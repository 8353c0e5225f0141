/**
 * indices.csv from the validated responses: every unit at every level × every period (year,
 * quarter, month) with breakdown `all`, plus yearly breakdowns by field, channel, respondent type
 * and agency; for each cell the overall index, each element and each item (method.md).
 *
 * The formulas live in src/engine/sql/*.sql, one file each; this module only runs them in order
 * and fills their parameters from the instrument. Data flow:
 *   load-units → unit-tree          unit register → (code, dates) → commune, district, province
 *                                   versions, and the new unit a whole old commune back-casts
 *   load-responses                  the validated CSV as a typed view
 *   load-breakdown-values           breakdown value (from the registers) → small integer
 *   load-respondents                one compact row per response (the one read of the CSV)
 *   agency-days                     (on request) which agency had a response on which day, for coverage
 *   item-counts                     N_c, S_c, n_e, n per cell
 *   cell-labels                     unit code, period, breakdown of each cell; published order
 *   element-weights                 w_c, omega_e per cell
 *   taylor-variance                 Σ_r z_r² per cell (element and overall)
 *   item-index, element-index, overall-index   the published numbers per cell × indicator
 *   index-cells, index-rows         → IndexRow[]
 * The TypeScript functions in ./reference/ compute the same numbers one cell at a time; tests make
 * the two agree.
 */
import { statSync } from 'node:fs';
import { DataError } from '../intake/data-error.ts';
import { CHANNELS, FIXED_COLUMNS, RESPONDENT_TYPES } from '../intake/response-columns.ts';
import type { CrosswalkLink } from '../intake/load-crosswalk.ts';
import type { CellDetail, SiteConfig, SurveyInstrument, Unit, UnitLevel } from '../intake/types.ts';
import type { Engine } from './duckdb.ts';
import { Z_95 } from './reference/confidence.ts';
import {
  sqlAttachOptions,
  sqlFile,
  sqlIdentifier,
  sqlIndex,
  sqlNumber,
  sqlText,
  sqlTextOrNull,
  type SqlParams,
  type SqlValue,
} from './sql-files.ts';
import type { IndexRow } from './tables.ts';
import { readHeaderLine } from './validated-csv.ts';

export interface ComputeIndicesInput {
  survey: SurveyInstrument;
  /** Absolute path of the validated responses CSV written by intake (format: COMMON.md). */
  validatedCsvPath: string;
  units: Unit[];
  /** The reorganisation's crosswalk (registers.crosswalk): its `whole` links make the back-casts. */
  crosswalk?: readonly CrosswalkLink[];
  /** Every value each breakdown may take: the registers' codes (breakdownValuesOf). */
  breakdownValues: BreakdownValues;
  site: SiteConfig;
  /** How the CSV is named in error messages (default: the path). */
  csvLabel?: string;
  /**
   * Whether the respondent table is stored compressed (load-respondents.sql). Default: when the
   * validated file has at least COMPRESS_FROM_BYTES. The numbers are the same either way.
   */
  compressRespondents?: boolean;
  /** Called after each SQL file with its wall time, for the benchmark. */
  onStep?: (file: string, milliseconds: number) => void;
  /**
   * If given, the name of a temporary table to leave behind with the distinct (date, agency_code)
   * pairs of the responses (agency-days.sql), for computeCoverage's `responsesTable`: coverage
   * then needs no second read of the responses. The caller drops it.
   */
  agencyDaysTable?: string;
}

/** The breakdowns of the yearly cells, in the data contract's order (data-contract.md → indices.csv). */
const BREAKDOWNS = ['field', 'channel', 'respondent_type', 'agency'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];

/** Columns of the respondent table (load-respondents.sql) that hold each breakdown's key. */
const BREAKDOWN_COLUMN: Record<Breakdown, string> = {
  field: 'field_idx',
  channel: 'channel_idx',
  respondent_type: 'type_idx',
  agency: 'agency_idx',
};

/**
 * The kinds of cell a respondent counts in (method.md → Notation; data-contract.md → indices.csv):
 * its unit and each ancestor × (year, quarter, month) with breakdown `all`, and × year with each
 * breakdown; and the same for the back-cast of the new unit its old commune lies wholly in
 * (method.md → Units that change), narrowed per level by site.json `cells`. `part` names the
 * partial sum of item-counts.sql a kind is built from. This list is the single definition of cell
 * membership: item-counts.sql and taylor-variance.sql both expand it.
 */
export function cellKindsFor(
  cells: Record<UnitLevel, CellDetail>,
): { level: string; period: string; breakdown: Breakdown | 'all'; part: string }[] {
  // A back-cast series is a commune series pooled from old communes: it gets the communes' cells.
  const detailOf = (level: string): CellDetail => cells[level === 'backcast' ? 'commune' : (level as UnitLevel)];
  // `country` last, so the kinds of a register without a country unit keep their numbers.
  return ['commune', 'district', 'province', 'backcast', 'country'].flatMap((level) => [
    ...detailOf(level).periods.map((period) => ({ level, period, breakdown: 'all' as const, part: 'month_field' })),
    ...BREAKDOWNS.filter((breakdown) => detailOf(level).breakdowns.includes(breakdown)).map((breakdown) => ({
      level,
      period: 'year',
      breakdown,
      part: breakdown === 'field' ? 'month_field' : 'year_other',
    })),
  ]);
}

/** The values a breakdown may take, per breakdown (method.md → Indices 4; data-contract.md). */
export type BreakdownValues = Record<Breakdown, readonly string[]>;

/** The breakdown values the registers allow: field and agency codes, and the fixed channel and
 * respondent-type lists of the data contract. An agency listed twice (two validity periods) is one
 * value. */
export function breakdownValuesOf(registers: { fields: readonly { code: string }[]; agencies: readonly { code: string }[] }): BreakdownValues {
  return {
    field: [...new Set(registers.fields.map((f) => f.code))],
    channel: [...CHANNELS],
    respondent_type: [...RESPONDENT_TYPES],
    agency: [...new Set(registers.agencies.map((a) => a.code))],
  };
}

/**
 * From this size of validated file on, the respondent table is stored compressed: about 20 bytes
 * a response instead of 150, which at 10 million responses gives DuckDB-WASM back more than a
 * gigabyte of its 3.1 GiB for every later step. Below it (about 2.4 million responses, a table of
 * at most 0.35 GB) the table stays uncompressed: at 1 million responses that saved 1.7–2.2 s of
 * the load, the counts and the variance pass, with the same peak memory.
 */
export const COMPRESS_FROM_BYTES = 256 * 2 ** 20;

/** Limits of the packed cell key (cell-key.sql). */
const MAX_UNITS = 90_000;
const MAX_BREAKDOWN_VALUES = 100_000;

/** Temporary tables and views this module creates, dropped at the end to give memory back. */
const TEMP_OBJECTS = {
  tables: [
    'unit_register', 'backcast_link', 'unit_key', 'unit_chain', 'unit_path', 'unit_span', 'breakdown_value',
    'cell_part', 'cell_count', 'cell_weight', 'taylor_coefficient', 'cell_variance',
    'cell_label', 'item_row', 'element_row', 'overall_row',
  ],
  views: ['response_csv'],
};

export function computeIndices(engine: Engine, input: ComputeIndicesInput): IndexRow[] {
  const { survey, validatedCsvPath, units } = input;
  const csvLabel = input.csvLabel ?? validatedCsvPath;
  checkHeader(validatedCsvPath, csvLabel, survey);
  if (units.length === 0) {
    throw new DataError({ file: 'data/units.csv', problem: 'the unit register is empty.', fix: 'list the administrative units the responses refer to.' });
  }
  const params = templateParams(input);
  const step = <T>(file: string, work: (sql: string) => T): T => {
    const start = performance.now();
    const result = work(sqlFile(file, params));
    input.onStep?.(file, performance.now() - start);
    return result;
  };
  try {
    for (const file of ['load-units', 'unit-tree', 'cell-key', 'load-responses', 'load-breakdown-values']) {
      step(file, (sql) => engine.run(sql));
    }
    checkKeyLimits(engine);
    step('load-respondents', (sql) => engine.run(sql));
    checkEveryResponseResolved(engine, params, csvLabel);
    checkEveryBreakdownValueKnown(engine, params, csvLabel);
    if (input.agencyDaysTable !== undefined) step('agency-days', (sql) => engine.run(sql));
    for (const file of ['item-counts', 'cell-labels', 'element-weights', 'taylor-variance', 'item-index', 'element-index', 'overall-index']) {
      step(file, (sql) => engine.run(sql));
    }
    const cells = step('index-cells', (sql) => engine.all<CellLabel>(sql));
    return step('index-rows', (sql) => joinLabels(cells, engine.all<IndicatorNumbers>(sql), survey));
  } finally {
    dropTemporaryObjects(engine);
  }
}

/** A row of index-cells.sql: the labels of one cell. */
interface CellLabel {
  cell_order: number;
  period: string;
  unit_code: string;
  unit_valid_from: string;
  basis: IndexRow['basis'];
  breakdown: IndexRow['breakdown'];
  breakdown_value: string;
}

/** A row of index-rows.sql: one indicator of one cell, numbers only. */
interface IndicatorNumbers {
  cell_order: number;
  indicator_order: number;
  n: number;
  satisfied: number | null;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  se: number | null;
  published: boolean;
}

/** Puts the cell labels and the indicator numbers together into IndexRow objects. */
function joinLabels(cells: CellLabel[], numbers: IndicatorNumbers[], survey: SurveyInstrument): IndexRow[] {
  // indicator_order: 0 overall, 1…E elements, then the items (compute-indices.ts → templateParams).
  const indicators: { code: string; level: IndexRow['level'] }[] = [
    { code: 'overall', level: 'overall' },
    ...survey.elements.map((element) => ({ code: element.code, level: 'element' as const })),
    ...survey.elements.flatMap((element) => element.items.map((item) => ({ code: item.code, level: 'item' as const }))),
  ];
  return numbers.map((x) => {
    const cell = cells[x.cell_order];
    const indicator = indicators[x.indicator_order];
    if (!cell || cell.cell_order !== x.cell_order || !indicator) {
      throw new Error(`index-rows.sql: no label for cell ${x.cell_order}, indicator ${x.indicator_order}`);
    }
    return {
      survey: survey.id,
      period: cell.period,
      unit_code: cell.unit_code,
      breakdown: cell.breakdown,
      breakdown_value: cell.breakdown_value,
      indicator: indicator.code,
      level: indicator.level,
      n: x.n,
      satisfied: x.satisfied,
      value: x.value,
      ci_low: x.ci_low,
      ci_high: x.ci_high,
      status: x.published ? 'ok' : 'suppressed',
      se: x.se,
      unit_valid_from: cell.unit_valid_from,
      basis: cell.basis,
    };
  });
}

function templateParams(input: ComputeIndicesInput): SqlParams {
  const { survey, validatedCsvPath, units, site } = input;
  const weights = elementWeights(survey);
  let itemIndex = 0;
  const elements = survey.elements.map((element, e) => ({
    e: sqlIndex(e),
    code: sqlText(element.code),
    order: sqlIndex(e + 1),
    weight: sqlNumber(weights[e] ?? 1),
    items: element.items.map(() => ({ i: sqlIndex(itemIndex++) })),
  }));
  const items = survey.elements.flatMap((element) => element.items).map((item, i) => ({
    i: sqlIndex(i),
    code: sqlText(item.code),
    order: sqlIndex(1 + survey.elements.length + i),
    column: sqlIdentifier(item.code),
    column_text: sqlText(item.code),
  }));
  return {
    path: sqlText(validatedCsvPath),
    store_options: sqlAttachOptions(input.compressRespondents ?? statSync(validatedCsvPath).size >= COMPRESS_FROM_BYTES),
    agency_days: sqlIdentifier(input.agencyDaysTable ?? 'agency_days'),
    survey: sqlText(survey.id),
    min_n_publish: sqlNumber(site.thresholds.min_n_publish),
    breakdown_values: BREAKDOWNS.flatMap((breakdown, b) =>
      input.breakdownValues[breakdown].map((value) => ({ breakdown: sqlText(breakdown), order: sqlIndex(b + 1), value: sqlText(value) })),
    ),
    z: sqlNumber(Z_95),
    ...answerMasks(survey),
    items,
    elements,
    memberships: cellKindsFor(site.cells).map((kind, k) => ({
      kind: sqlIndex(k),
      unit: sqlIdentifier(`${kind.level}_idx`),
      period: sqlIdentifier(`${kind.period}_key`),
      breakdown: kind.breakdown === 'all' ? sqlNumber(0) : sqlIdentifier(BREAKDOWN_COLUMN[kind.breakdown]),
      part: sqlText(kind.part),
    })),
    backcast_links: (input.crosswalk ?? [])
      .filter((link) => link.whole)
      .map((link) => ({
        old_code: sqlText(link.old.code),
        old_valid_from: sqlText(link.old.valid_from),
        new_code: sqlText(link.new.code),
        new_valid_from: sqlText(link.new.valid_from),
      })),
    units: units.map((unit) => ({
      code: sqlText(unit.code),
      level: sqlText(unit.level),
      parent_code: sqlTextOrNull(unit.parent_code),
      valid_from: sqlText(unit.valid_from),
      valid_to: sqlTextOrNull(unit.valid_to),
    })),
  };
}

/**
 * The two bit masks load-respondents.sql turns an answer into v ∈ {+1, −1, 0} with: bit s + 1 is
 * set for each answer s on the scale (scale_mask) and for each answer that counts as satisfied
 * (satisfied_mask); bit 0, where a missing answer lands, is never set. Bits stay below 2^53 so the
 * masks are exact JavaScript numbers.
 */
export function answerMasks(survey: SurveyInstrument): { scale_mask: SqlValue; satisfied_mask: SqlValue } {
  const { min, max, satisfied } = survey.scale;
  const file = `data/surveys/${survey.id}/survey.json`;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 50 || min > max) {
    throw new DataError({ file, field: 'scale', problem: `the answer scale ${min}–${max} is not whole numbers between 0 and 50.`, fix: 'use a scale such as 1–5.' });
  }
  const bit = (s: number) => 2 ** (s + 1);
  let scaleMask = 0;
  for (let s = min; s <= max; s++) scaleMask += bit(s);
  let satisfiedMask = 0;
  for (const s of new Set(satisfied)) {
    if (!Number.isInteger(s) || s < min || s > max) {
      throw new DataError({ file, field: 'scale.satisfied', problem: `the satisfied answer ${s} is not on the scale ${min}–${max}.`, fix: 'list only answers on the scale.' });
    }
    satisfiedMask += bit(s);
  }
  return { scale_mask: sqlNumber(scaleMask), satisfied_mask: sqlNumber(satisfiedMask) };
}

/**
 * Element weights W_e for the overall index: 1 each when the instrument declares none (method.md:
 * equal weights), else the declared ones. Intake already refuses a mix; checked again here because
 * a silent default would change every overall index.
 */
export function elementWeights(survey: SurveyInstrument): number[] {
  const declared = survey.elements.filter((element) => element.weight !== undefined).length;
  if (declared === 0) return survey.elements.map(() => 1);
  const file = `data/surveys/${survey.id}/survey.json`;
  if (declared !== survey.elements.length) {
    throw new DataError({ file, field: 'elements[].weight', problem: 'some elements have a weight and others do not.', fix: 'give every element a weight, or remove all weights for equal weights.' });
  }
  return survey.elements.map((element, e) => {
    const weight = element.weight ?? 1;
    if (!(weight > 0) || !Number.isFinite(weight)) {
      throw new DataError({ file, field: `elements[${e}].weight`, problem: `the weight ${weight} is not a positive number.`, fix: 'use a positive number (weights are relative; they need not add up to 1).' });
    }
    return weight;
  });
}

/** The engine reads columns by position, so the header must be exactly what intake writes. */
function checkHeader(path: string, label: string, survey: SurveyInstrument): void {
  const expected = [...FIXED_COLUMNS, ...survey.elements.flatMap((element) => element.items.map((item) => item.code))].join(',');
  const firstLine = readHeaderLine(path);
  if (firstLine !== expected) {
    throw new DataError({
      file: label,
      line: 1,
      problem: `the header of the validated responses file is "${firstLine}", expected "${expected}".`,
      fix: 'rebuild the validated file from the raw responses (npm run data); it must come from intake with the current survey instrument.',
    });
  }
}

function checkKeyLimits(engine: Engine): void {
  const [limits] = engine.all<{ units: number; values: number }>(
    'SELECT (SELECT count(*) FROM unit_key) AS units, (SELECT count(*) FROM breakdown_value) AS "values"',
  );
  if (!limits || limits.units >= MAX_UNITS || limits.values >= MAX_BREAKDOWN_VALUES) {
    throw new Error(`too many units (${limits?.units}) or breakdown values (${limits?.values}) for the packed cell key (cell-key.sql)`);
  }
}

/**
 * Every response must count for exactly one unit chain, or the numbers would silently be wrong.
 * load-respondents.sql keeps a response that matches no span (path_id NULL); one that matches two
 * can only come from two spans of one code that overlap (two rows of units.csv with overlapping
 * validity), so when the register has such an overlap the file is checked pair by pair.
 */
function checkEveryResponseResolved(engine: Engine, params: SqlParams, csvLabel: string): void {
  const [counts] = engine.all<{ responses: number; unresolved: number; overlaps: number }>(
    'SELECT (SELECT count(*) FROM respondent_store.respondent) AS responses, ' +
      '(SELECT count(*) FROM respondent_store.respondent WHERE path_id IS NULL) AS unresolved, ' +
      '(SELECT count(*) FROM unit_span a JOIN unit_span b ON a.leaf_code = b.leaf_code AND a.rowid < b.rowid AND a.span_from <= b.span_to AND b.span_from <= a.span_to) AS overlaps',
  );
  if (counts && counts.unresolved === 0 && counts.overlaps === 0) return;
  const examples = engine.all<{ unit_code: string; date: string; matches: number }>(sqlFile('load-unresolved-units', params));
  if (examples.length === 0) return;
  const list = examples.map((x) => `${x.unit_code} on ${x.date} (${x.matches === 0 ? 'no unit' : `${x.matches} units`})`).join('; ');
  throw new DataError({
    file: csvLabel,
    problem: `${counts?.unresolved ?? '?'} of ${counts?.responses ?? '?'} responses do not match exactly one unit of data/units.csv; for example ${list}.`,
    fix: 'every response needs exactly one row of data/units.csv with its unit code valid on its date, and a chain of parents valid on that date up to the province; correct the register or the responses.',
  });
}

/** A recorded breakdown value that no register lists would drop the response from that breakdown. */
function checkEveryBreakdownValueKnown(engine: Engine, params: SqlParams, csvLabel: string): void {
  const [counts] = engine.all<{ unknown: number }>('SELECT count(*) AS unknown FROM respondent_store.respondent WHERE unknown_value');
  if (!counts || counts.unknown === 0) return;
  const examples = engine.all<{ breakdown: string; value: string }>(sqlFile('load-unknown-breakdown-values', params));
  const list = examples.map((x) => `${x.breakdown} '${x.value}'`).join('; ');
  throw new DataError({
    file: csvLabel,
    problem: `${counts.unknown} responses have a breakdown value that no register lists, for example ${list}.`,
    fix: 'add the code to data/fields.csv or data/agencies.csv (channels and respondent types are fixed by the data contract), or correct the responses.',
  });
}

function dropTemporaryObjects(engine: Engine): void {
  engine.run('RESET disabled_optimizers'); // set by load-respondents.sql
  for (const view of TEMP_OBJECTS.views) engine.run(`DROP VIEW IF EXISTS ${view}`);
  for (const table of TEMP_OBJECTS.tables) engine.run(`DROP TABLE IF EXISTS ${table}`);
  engine.run('DROP MACRO IF EXISTS cell_key');
  // The store holds only the respondent table (load-respondents.sql).
  engine.run('DETACH DATABASE IF EXISTS respondent_store');
}
