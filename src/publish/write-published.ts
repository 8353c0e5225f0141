/**
 * Computed tables → the public files of `/data/` (data-contract.md → Outputs):
 *
 * | file | formats |
 * | --- | --- |
 * | indices, trends, comparisons | .csv .parquet |
 * | rankings, element-rankings, targets, coverage, indicators | .csv .parquet .json |
 * | responses-<survey id> (one per survey: responses-sipas, responses-y-te, …) | .csv .parquet |
 * | units, agencies, fields | .csv .parquet .json |
 * | quarantine-summary (counts by survey and reason, never row contents) | .csv .parquet .json |
 * | revisions (every value changed since the previous release: src/publish/revisions.ts) | .csv .parquet |
 * | every table above (when its rows fit a worksheet and its CSV is one file) | .xlsx (Vietnamese) .en.xlsx (English) |
 * | datapackage.json, SHA256SUMS | — |
 * | sipas-<release>.zip: every file above, when it fits the file limit (release-zip.ts) | — |
 *
 * No file is larger than 25 MiB (file-parts.ts): a CSV or Parquet file over PART_LIMIT_BYTES is
 * published in parts (`indices-1.csv`, `indices-2.csv`, …; datapackage.json lists them as the
 * resource's `path`, SHA256SUMS lists each part). A twin that would be over the limit is left out
 * instead: the XLSX of a table whose CSV is in parts, a JSON file, and the release ZIP, which only
 * repeats files a reader can download one by one (a split archive would need a tool to rejoin it).
 *
 * XLSX (table-xlsx.ts) is written from each table's CSV in worker threads once every CSV is
 * there; the files are listed in SHA256SUMS but are not datapackage resources (each is the CSV's
 * twin with names and notes added, not a table of its own). The archive holds every file SHA256SUMS
 * lists and SHA256SUMS itself, so it is written last and listed nowhere.
 *
 * Formats: CSV per csv.ts (BOM, `\n`, RFC 4180, formula neutralising), Parquet per parquet.ts,
 * JSON per json.ts, all with the same values rounded per schemas.ts (round.ts).
 *
 * Everything is written into a temporary sibling folder; only when every file, datapackage.json
 * and SHA256SUMS are written and the package passes its own check is the folder renamed into
 * place (as Observable Framework does with data loaders). A failed build therefore leaves the
 * previous files untouched instead of a half-written mix.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CrosswalkLink } from '../intake/load-crosswalk.ts';
import type { ComputedTables } from '../engine/tables.ts';
import type { Agency, Field, SiteConfig, Unit } from '../intake/types.ts';
import { checkDataPackage } from './check-datapackage.ts';
import {
  DATAPACKAGE_FILE,
  buildDataPackage,
  formatDataPackage,
  type PackagedFile,
  type PackagedTable,
  type SourceRecord,
} from './datapackage.ts';
import { responseRows, type ResponsesSource } from './response-rows.ts';
import {
  agenciesSchema,
  comparisonsSchema,
  coverageSchema,
  fieldsSchema,
  indicatorsSchema,
  indicesSchema,
  quarantineSummarySchema,
  rankingsSchema,
  elementRankingsSchema,
  responsesSchema,
  targetsSchema,
  trendsSchema,
  unitsSchema,
  crosswalkSchema,
  crosswalkRows,
  revisionsSchema,
  type FileFormat,
  type QuarantineCount,
  type TableSchema,
} from './schemas.ts';
import { SHA256SUMS_FILE, formatSha256Sums, sha256OfFile } from './sha256sums.ts';
import { writeReleaseZip } from './release-zip.ts';
import { FILE_LIMIT_BYTES, PART_LIMIT_BYTES, splitCsvFile } from './file-parts.ts';
import { splitParquetFile } from './parquet-parts.ts';
import { fitsXlsx } from './table-xlsx.ts';
import { writeXlsxInBackground } from './xlsx-worker.ts';
import { objectRows, writeTable, type PrewrittenTable, type RowSource, type WrittenTable } from './table-writer.ts';

export type { QuarantineCount } from './schemas.ts';
export type { ResponsesSource } from './response-rows.ts';
export type { SourceRecord } from './datapackage.ts';

export interface PublishInput {
  site: SiteConfig;
  tables: ComputedTables;
  units: Unit[];
  /** The reorganisation's crosswalk (registers.crosswalk); empty without one. */
  crosswalk?: readonly CrosswalkLink[];
  agencies: Agency[];
  fields: Field[];
  /** One entry per survey; each becomes responses-<survey id>.csv / .parquet. */
  responses: ResponsesSource[];
  /** Quarantined rows counted by survey and reason code: no row contents are ever published. */
  quarantine: QuarantineCount[];
  /** The sources to cite in datapackage.json (rows of data/published/sources.csv). */
  sources: SourceRecord[];
  /**
   * Tables whose files were already written (by table-worker.ts, while the engine computed): they
   * are moved in instead of written from `tables`, which must still hold the same rows.
   */
  prewritten?: Partial<Record<'indices' | 'trends', PrewrittenTable>>;
  /** The changed values since the previous release (src/releases/release-revisions.ts); none for the first. */
  revisions?: readonly object[];
  /**
   * The largest part and the largest file (file-parts.ts); tests set small ones to see tables
   * published in parts without writing megabytes.
   */
  limits?: { part: number; file: number };
  /** If given, receives the seconds of the XLSX files and of the release archive (for the benchmark). */
  timings?: Record<string, number>;
}

export interface ManifestEntry {
  /** File name inside the data folder, e.g. `indices.csv` (the site serves it at /data/indices.csv). */
  path: string;
  /** Table the file holds; null for datapackage.json and SHA256SUMS. */
  table: string | null;
  format: FileFormat | 'xlsx' | 'datapackage' | 'sha256sums' | 'zip';
  /** Data rows (header excluded) of the whole table, also for a part; null for datapackage.json and SHA256SUMS. */
  rows: number | null;
  /** For a part (`indices-2.csv`), the table's file it is part of (`indices.csv`). */
  partOf?: string;
  bytes: number;
  sha256: string;
}

/** Writes every published file into `outDir` (replacing it on success) and returns what it wrote. */
export async function writePublished(outDir: string, input: PublishInput): Promise<ManifestEntry[]> {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o755 });
  try {
    const manifest = await writeInto(staging, input);
    for (const name of readdirSync(staging)) chmodSync(join(staging, name), 0o644);
    chmodSync(staging, 0o755);
    replaceFolder(staging, outDir);
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeInto(dir: string, input: PublishInput): Promise<ManifestEntry[]> {
  const limits = input.limits ?? { part: PART_LIMIT_BYTES, file: FILE_LIMIT_BYTES };
  const tables: PackagedTable[] = [];
  for (const [schema, rows] of tableSources(input)) {
    const written = 'prewritten' in rows ? movePrewritten(rows.prewritten, dir) : await writeTable(dir, schema, rows);
    const files: PackagedFile[] = [];
    for (const { file, format } of written.files) {
      const packaged = await publishWithinLimit(dir, file, format, limits.part);
      if (packaged) files.push(packaged);
    }
    tables.push({ schema, rows: written.rows, files });
  }

  const descriptor = buildDataPackage({ site: input.site, tables, sources: input.sources });
  const problems = await checkDataPackage(descriptor, { dir });
  if (problems.length > 0) throw new Error(`${DATAPACKAGE_FILE} fails its check:\n- ${problems.join('\n- ')}`);
  const manifest: ManifestEntry[] = tables.flatMap(({ schema, rows, files }) =>
    files.flatMap(({ file, format, bytes, sha256, parts }): ManifestEntry[] =>
      parts
        ? parts.map((part) => ({ path: part.file, table: schema.name, format, rows, bytes: part.bytes, sha256: part.sha256, partOf: file }))
        : [{ path: file, table: schema.name, format, rows, bytes, sha256: sha256 as string }],
    ),
  );
  const xlsxStarted = performance.now();
  // A workbook only where the CSV is one file: a table that needs parts would give a workbook
  // over the limit too (indices.xlsx was 36 MB beside a 47 MB CSV), and a spreadsheet cannot
  // open a CSV's parts as one table anyway.
  const withXlsx = tables.filter((t) => fitsXlsx(t.rows) && t.files.some((f) => f.format === 'csv' && !f.parts));
  for (const { table, files } of await writeXlsxInBackground(dir, input.site, withXlsx.map(({ schema, rows }) => ({ schema, rows })))) {
    const rows = tables.find((t) => t.schema.name === table)?.rows ?? null;
    // Both languages or neither: a workbook over the limit is left out with its twin.
    if (files.some((file) => statSync(join(dir, file)).size > limits.file)) {
      for (const file of files) rmSync(join(dir, file));
      continue;
    }
    for (const file of files) {
      const path = join(dir, file);
      manifest.push({ path: file, table, format: 'xlsx', rows, bytes: statSync(path).size, sha256: await sha256OfFile(path) });
    }
  }
  if (input.timings) input.timings['publish XLSX (2 worker threads)'] = (performance.now() - xlsxStarted) / 1000;
  manifest.push(await writeTextFile(dir, DATAPACKAGE_FILE, formatDataPackage(descriptor), 'datapackage'));
  manifest.push(await writeTextFile(dir, SHA256SUMS_FILE, formatSha256Sums(manifest.map(({ path, sha256 }) => ({ file: path, sha256 }))), 'sha256sums'));
  const zipStarted = performance.now();
  const zip = writeReleaseZip(dir, manifest.map((entry) => entry.path), input.site.release, limits.file);
  if (zip) {
    const zipPath = join(dir, zip);
    manifest.push({ path: zip, table: null, format: 'zip', rows: null, bytes: statSync(zipPath).size, sha256: await sha256OfFile(zipPath) });
  }
  if (input.timings) input.timings['publish release ZIP'] = (performance.now() - zipStarted) / 1000;
  return manifest;
}

/**
 * A table's written file as published: whole when it fits the part limit; a CSV or Parquet file
 * over it in parts (file-parts.ts, parquet-parts.ts); a JSON file over it left out (undefined),
 * since JSON cannot be cut into files that each parse, and the same rows are in the CSV and Parquet.
 */
async function publishWithinLimit(dir: string, file: string, format: FileFormat, limit: number): Promise<PackagedFile | undefined> {
  const path = join(dir, file);
  const bytes = statSync(path).size;
  if (bytes <= limit) return { file, format, bytes, sha256: await sha256OfFile(path) };
  if (format === 'json') {
    rmSync(path);
    return undefined;
  }
  // The whole CSV's hash is kept: its parts joined give those very bytes. Parquet parts are files
  // of their own, with no whole file to hash.
  const sha256 = format === 'csv' ? await sha256OfFile(path) : null;
  const names = format === 'csv' ? splitCsvFile(dir, file, limit) : await splitParquetFile(dir, file, limit);
  const parts = [];
  for (const name of names) parts.push({ file: name, bytes: statSync(join(dir, name)).size, sha256: await sha256OfFile(join(dir, name)) });
  return { file, format, bytes: parts.reduce((sum, part) => sum + part.bytes, 0), sha256, parts };
}

/** Every published table with its rows, in the order datapackage.json lists them. */
function tableSources(input: PublishInput): [TableSchema, RowSource | Prewritten][] {
  const surveys = [...input.responses].sort((a, b) => compareText(a.instrument.id, b.instrument.id));
  surveys.forEach((source, i) => {
    if (i > 0 && surveys[i - 1]?.instrument.id === source.instrument.id) {
      throw new Error(`the responses of survey ${source.instrument.id} were given twice`);
    }
  });
  const quarantine = [...input.quarantine].sort((a, b) => compareText(a.survey, b.survey) || compareText(a.reason, b.reason));
  const { tables, prewritten } = input;
  const computed = (name: 'indices' | 'trends', schema: TableSchema, rows: object[]): RowSource | Prewritten => {
    const written = prewritten?.[name];
    if (!written) return objectRows(schema, rows);
    if (written.table.table !== schema.name || written.table.rows !== rows.length) {
      throw new Error(`the prewritten ${written.table.table} table has ${written.table.rows} rows; ${name} has ${rows.length}`);
    }
    return { prewritten: written };
  };
  return [
    [indicesSchema, computed('indices', indicesSchema, tables.indices)],
    [rankingsSchema, objectRows(rankingsSchema, tables.rankings)],
    [elementRankingsSchema, objectRows(elementRankingsSchema, tables.elementRankings)],
    [targetsSchema, objectRows(targetsSchema, tables.targets)],
    [trendsSchema, computed('trends', trendsSchema, tables.trends)],
    [comparisonsSchema, objectRows(comparisonsSchema, tables.comparisons)],
    [coverageSchema, objectRows(coverageSchema, tables.coverage)],
    [indicatorsSchema, objectRows(indicatorsSchema, tables.indicators)],
    ...surveys.map((source): [TableSchema, RowSource | Prewritten] => [
      responsesSchema(source.instrument),
      'prewritten' in source ? { prewritten: source.prewritten } : responseRows(source),
    ]),
    [unitsSchema, objectRows(unitsSchema, input.units)],
    [crosswalkSchema, objectRows(crosswalkSchema, crosswalkRows(input.crosswalk ?? []))],
    [agenciesSchema, objectRows(agenciesSchema, input.agencies)],
    [fieldsSchema, objectRows(fieldsSchema, input.fields)],
    [quarantineSummarySchema, objectRows(quarantineSummarySchema, quarantine)],
    [revisionsSchema, objectRows(revisionsSchema, input.revisions ?? [])],
  ];
}

interface Prewritten {
  prewritten: PrewrittenTable;
}

/** A table written ahead (in a worker, while the engine computed) is moved into the staging folder. */
function movePrewritten({ dir: from, table }: PrewrittenTable, to: string): WrittenTable {
  for (const { file } of table.files) renameSync(join(from, file), join(to, file));
  return table;
}

async function writeTextFile(dir: string, file: string, text: string, format: 'datapackage' | 'sha256sums'): Promise<ManifestEntry> {
  const path = join(dir, file);
  writeFileSync(path, text, { encoding: 'utf8', mode: 0o644 });
  return { path: file, table: null, format, rows: null, bytes: statSync(path).size, sha256: await sha256OfFile(path) };
}

/** Puts `staging` where `outDir` is: old folder aside, new one in, old one removed. */
function replaceFolder(staging: string, outDir: string): void {
  const previous = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
