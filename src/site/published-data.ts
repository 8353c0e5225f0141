/**
 * The pages read the PUBLISHED files (public/data/*.csv written by `npm run data`), not the
 * engine's in-memory tables: what a page shows is then exactly what a reader can download.
 * Parsed once per build process and indexed for the lookups pages make.
 */
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { readPublishedCsv } from '../publish/file-parts.ts';
import type { ComparisonRow, CoverageRow, ElementRankingRow, IndexRow, IndicatorRow, RankingRow, ReleaseFlag, TargetRow, TrendRow } from '../engine/tables.ts';
import { rowVersionId } from './unit-versions.ts';

/**
 * The folder Astro serves as the site root (`public/`), and the published files in it. A frozen
 * release's build (scripts/build-releases.ts) points both at that release's own copy.
 */
export const PUBLIC_DIR = process.env.SIPAS_PUBLIC_DIR ? resolve(process.env.SIPAS_PUBLIC_DIR) : join(process.cwd(), 'public');
export const PUBLISHED_DIR = join(PUBLIC_DIR, 'data');

type Raw = Record<string, string>;

/**
 * A published table's rows, read from its file or, for a table published in parts
 * (`indices-1.csv`, `indices-2.csv`, …: src/publish/file-parts.ts), from its parts joined.
 * `keepLine` drops data lines before parsing (the header line is always kept).
 */
export function readCsv(name: string, keepLine?: (line: string) => boolean, dir = PUBLISHED_DIR): Raw[] {
  const text = readPublishedCsv(dir, name);
  if (text === undefined) {
    throw new Error(`${join(dir, name)} is missing: run \`npm run data\` first (npm run build does it for you).`);
  }
  return parsePublishedCsv(text, keepLine);
}

/**
 * The rows of a published CSV's text (this release's, or a kept one's) as records by column
 * name; `keepLine` drops data lines before parsing (the header line is always kept).
 */
export function parsePublishedCsv(csv: string, keepLine?: (line: string) => boolean): Raw[] {
  let text = csv.replace(/^\uFEFF/, '');
  if (keepLine) text = text.split('\n').filter((line, i) => i === 0 || keepLine(line)).join('\n');
  // Rows as arrays, turned into records here: about twice as fast as Papa's header mode on the
  // 250,000 rows of indices.csv.
  const [header = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return rows.map((cells) => {
    const record: Raw = {};
    for (let i = 0; i < header.length; i++) record[header[i] as string] = cells[i] as string;
    return record;
  });
}

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
const int = (s: string | undefined): number => (s === undefined || s === '' ? 0 : Number(s));
const str = (s: string | undefined): string => s ?? '';
/** The release flag of a row (data-contract.md → Releases): `p`, `r`, or null. */
const flag = (s: string | undefined): ReleaseFlag | null => (s === 'p' || s === 'r' ? s : null);
const bool = (s: string | undefined): boolean | null => (s === 'true' ? true : s === 'false' ? false : null);

function toIndex(r: Raw): IndexRow {
  return {
    survey: str(r.survey),
    period: str(r.period),
    unit_code: str(r.unit_code),
    breakdown: str(r.breakdown) as IndexRow['breakdown'],
    breakdown_value: str(r.breakdown_value),
    indicator: str(r.indicator),
    level: str(r.level) as IndexRow['level'],
    n: int(r.n),
    satisfied: num(r.satisfied),
    value: num(r.value),
    ci_low: num(r.ci_low),
    ci_high: num(r.ci_high),
    status: str(r.status) as IndexRow['status'],
    se: num(r.se),
    unit_valid_from: str(r.unit_valid_from),
    basis: str(r.basis) as IndexRow['basis'],
    flag: flag(r.flag),
  };
}

function toRanking(r: Raw): RankingRow {
  return {
    survey: str(r.survey),
    period: str(r.period),
    unit_level: str(r.unit_level),
    unit_code: str(r.unit_code),
    value: num(r.value),
    ci_low: num(r.ci_low),
    ci_high: num(r.ci_high),
    n: int(r.n),
    rank: num(r.rank),
    rank_low: num(r.rank_low),
    rank_high: num(r.rank_high),
    p_first: num(r.p_first),
    k: num(r.k),
    p_top_k: num(r.p_top_k),
    status: str(r.status) as RankingRow['status'],
    unit_valid_from: str(r.unit_valid_from),
    basis: str(r.basis) as RankingRow['basis'],
    parent_code: str(r.parent_code),
    flag: flag(r.flag),
  };
}

function toElementRanking(r: Raw): ElementRankingRow {
  return { ...toRanking(r), indicator: str(r.indicator) };
}

function toTrend(r: Raw): TrendRow {
  return {
    survey: str(r.survey),
    period: str(r.period),
    previous_period: str(r.previous_period),
    unit_code: str(r.unit_code),
    breakdown: str(r.breakdown) as TrendRow['breakdown'],
    breakdown_value: str(r.breakdown_value),
    indicator: str(r.indicator),
    value: num(r.value),
    previous_value: num(r.previous_value),
    change: num(r.change),
    change_ci_low: num(r.change_ci_low),
    change_ci_high: num(r.change_ci_high),
    significant: bool(r.significant),
    method_break: r.method_break === 'true',
    boundary_break: r.boundary_break === 'true',
    unit_valid_from: str(r.unit_valid_from),
    basis: str(r.basis) as TrendRow['basis'],
    flag: flag(r.flag),
  };
}

function toComparison(r: Raw): ComparisonRow {
  return {
    survey: str(r.survey),
    period: str(r.period),
    unit_a: str(r.unit_a),
    unit_b: str(r.unit_b),
    indicator: str(r.indicator),
    value_a: num(r.value_a),
    value_b: num(r.value_b),
    difference: num(r.difference),
    diff_ci_low: num(r.diff_ci_low),
    diff_ci_high: num(r.diff_ci_high),
    significant: bool(r.significant),
    unit_a_valid_from: str(r.unit_a_valid_from),
    unit_b_valid_from: str(r.unit_b_valid_from),
  };
}

function toCoverage(r: Raw): CoverageRow {
  return {
    survey: str(r.survey),
    period: str(r.period),
    unit_code: str(r.unit_code),
    agencies_registered: int(r.agencies_registered),
    agencies_measured: int(r.agencies_measured),
    coverage: num(r.coverage),
    unit_valid_from: str(r.unit_valid_from),
    flag: flag(r.flag),
  };
}

function toTarget(r: Raw): TargetRow {
  return {
    plan: str(r.plan),
    target: str(r.target),
    survey: str(r.survey),
    unit_code: str(r.unit_code),
    period: str(r.period),
    indicator: str(r.indicator),
    breakdown: str(r.breakdown) as TargetRow['breakdown'],
    breakdown_value: str(r.breakdown_value),
    comparator: str(r.comparator),
    threshold: int(r.threshold),
    value: num(r.value),
    ci_low: num(r.ci_low),
    ci_high: num(r.ci_high),
    gap: num(r.gap),
    status: str(r.status) as TargetRow['status'],
    certainty: (r.certainty || null) as TargetRow['certainty'],
    unit_valid_from: str(r.unit_valid_from),
    successor_units: r.successor_units || null,
    flag: flag(r.flag),
  };
}

function toIndicator(r: Raw): IndicatorRow {
  return {
    survey: str(r.survey),
    indicator: str(r.indicator),
    level: str(r.level) as IndicatorRow['level'],
    element: r.element || null,
    name_vi: str(r.name_vi),
    name_en: str(r.name_en),
    question_vi: r.question_vi || null,
    question_en: r.question_en || null,
    method_version: str(r.method_version),
  };
}

export interface PublishedData {
  indices: IndexRow[];
  rankings: RankingRow[];
  elementRankings: ElementRankingRow[];
  trends: TrendRow[];
  coverage: CoverageRow[];
  targets: TargetRow[];
  indicators: IndicatorRow[];
  /**
   * One cell: survey, period, unit version (unit-versions.ts: `22741@2025-07-01`), indicator,
   * breakdown (default `all`) and its value (default `*`). A new unit's periods before it existed
   * are its back-cast cells.
   */
  cell(survey: string, period: string, unit: string, indicator: string, breakdown?: string, value?: string): IndexRow | undefined;
  /** All index rows of one unit version and survey (any period, basis, breakdown, indicator). */
  ofUnit(survey: string, unit: string): IndexRow[];
  /** The comparisons.csv rows of one survey (compare pages), in the file's order. */
  comparisons(survey: string): ComparisonRow[];
  /** The trends.csv row of a unit version's overall index (breakdown `all`) in `period`, against the period before. */
  overallTrend(survey: string, period: string, unit: string): TrendRow | undefined;
}

let cached: PublishedData | undefined;

export function publishedData(): PublishedData {
  if (cached) return cached;
  const indices = readCsv('indices.csv').map(toIndex);
  const byUnit = new Map<string, IndexRow[]>();
  for (const row of indices) {
    const k = `${row.survey}|${rowVersionId(row)}`;
    const list = byUnit.get(k);
    if (list) list.push(row);
    else byUnit.set(k, [row]);
  }
  // Cell lookups are indexed per unit, on the unit's first lookup: most communes are never looked
  // up cell by cell, and one index over every row cost a second per build.
  const cellsOfUnit = new Map<string, Map<string, IndexRow>>();
  const cellIndex = (survey: string, unit: string): Map<string, IndexRow> => {
    const k = `${survey}|${unit}`;
    let index = cellsOfUnit.get(k);
    if (!index) {
      index = new Map((byUnit.get(k) ?? []).map((row) => [cellKey(row.period, row.indicator, row.breakdown, row.breakdown_value), row]));
      cellsOfUnit.set(k, index);
    }
    return index;
  };
  // Tables other than indices are parsed on first use: the pages never read the whole of
  // trends.csv (12 MB for the sample data, seconds of parsing), so a build does not pay for it.
  let rankings: RankingRow[] | undefined;
  let elementRankings: ElementRankingRow[] | undefined;
  let trends: TrendRow[] | undefined;
  let coverage: CoverageRow[] | undefined;
  let targets: TargetRow[] | undefined;
  let indicators: IndicatorRow[] | undefined;
  // The leads need one trends row per unit and period, the overall index's: only those lines of
  // trends.csv are parsed (a few thousand of its 200,000), picked by their text before parsing.
  let overallTrends: Map<string, TrendRow> | undefined;
  // The compare pages read one survey's rows (a third of the file), picked by their first column.
  const comparisonsBySurvey = new Map<string, ComparisonRow[]>();
  const overallTrendIndex = (): Map<string, TrendRow> => {
    overallTrends ??= new Map(
      readCsv('trends.csv', (line) => line.includes(',all,*,overall,'))
        .map(toTrend)
        .filter((t) => t.breakdown === 'all' && t.indicator === 'overall')
        .map((t) => [`${t.survey}|${t.period}|${rowVersionId(t)}`, t]),
    );
    return overallTrends;
  };
  cached = {
    indices,
    get rankings() {
      rankings ??= readCsv('rankings.csv').map(toRanking);
      return rankings;
    },
    get elementRankings() {
      elementRankings ??= readCsv('element-rankings.csv').map(toElementRanking);
      return elementRankings;
    },
    get trends() {
      trends ??= readCsv('trends.csv').map(toTrend);
      return trends;
    },
    get coverage() {
      coverage ??= readCsv('coverage.csv').map(toCoverage);
      return coverage;
    },
    get targets() {
      targets ??= readCsv('targets.csv').map(toTarget);
      return targets;
    },
    get indicators() {
      indicators ??= readCsv('indicators.csv').map(toIndicator);
      return indicators;
    },
    cell: (survey, period, unit, indicator, breakdown = 'all', value = '*') =>
      cellIndex(survey, unit).get(cellKey(period, indicator, breakdown, value)),
    ofUnit: (survey, unit) => byUnit.get(`${survey}|${unit}`) ?? [],
    overallTrend: (survey, period, unit) => overallTrendIndex().get(`${survey}|${period}|${unit}`),
    comparisons(survey) {
      let rows = comparisonsBySurvey.get(survey);
      if (!rows) {
        rows = readCsv('comparisons.csv', (line) => line.startsWith(`${survey},`)).map(toComparison).filter((r) => r.survey === survey);
        comparisonsBySurvey.set(survey, rows);
      }
      return rows;
    },
  };
  return cached;
}

function cellKey(period: string, indicator: string, breakdown: string, value: string): string {
  return `${period}|${indicator}|${breakdown}|${value}`;
}
