/**
 * The data pipeline without the pages: raw inputs (DATA_DIR, default ./data) → validated
 * responses (+ reports/quarantine.csv) → computed tables (DuckDB-WASM) → published files
 * (public/data/, or PUBLISH_DIR). `npm run build` runs it before Astro renders the pages.
 * `npm run data` starts Node with a larger young generation (--max-semi-space-size=64): validating
 * and publishing make millions of short-lived strings, and fewer, larger minor collections saved
 * about a second per million responses (47.2 s against 48.9 s, two runs each).
 *
 * Threads: DuckDB-WASM is single-threaded, so the second core takes what does not need the engine:
 * the later half of a large survey's response files (validation-worker.ts), then the published
 * responses (responses-worker.ts) while the engine computes the indices, then the indices and
 * trends files (table-worker.ts) while it computes rankings, trends, comparisons, coverage and targets.
 *
 * Last, no published file may be over 25 MiB (src/publish/file-size-check.ts; large tables are
 * published in parts, src/publish/file-parts.ts): the run fails with the files named otherwise.
 *
 * Every data problem ends the run with one plain message (file, what is wrong, how to fix it) and
 * exit code 1, never a stack trace. Environment:
 *   DATA_DIR      the data folder (same layout as ./data)
 *   SITE_URL      the published site's address, replacing base_url of site.json
 *   PUBLISH_DIR   where the published files go (default ./public/data)
 *   REPORTS_DIR   where quarantine.csv goes (default ./reports)
 *   BENCH_JSON    if set, a file to write stage timings and peak memory to (for bench/run.ts)
 *   BENCH_SQL_LOG if set, a file to write the index computation's SQL statements to (bench/run.ts
 *                 replays them on native DuckDB)
 *   VALIDATED_DIR if set, keep the validated responses CSVs there (otherwise a temp folder)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDataError } from '../src/intake/data-error.ts';
import { resolveDataDir } from '../src/intake/data-dir.ts';
import { loadSiteConfig, placeholderAddressWarning } from '../src/intake/load-site-config.ts';
import { loadRegisters } from '../src/intake/load-registers.ts';
import { listResponseFiles, listSurveyIds, loadSurvey } from '../src/intake/load-survey.ts';
import { loadPlans } from '../src/intake/load-plans.ts';
import { openQuarantineFile } from '../src/intake/quarantine.ts';
import { validateResponses, type IntakeSummary } from '../src/intake/validate-responses.ts';
import { formatIntakeSummary } from '../src/intake/format-intake-summary.ts';
import { citedSources } from '../src/intake/cited-sources.ts';
import { openEngine } from '../src/engine/duckdb.ts';
import { recordingEngine } from '../src/engine/recording-engine.ts';
import { breakdownValuesOf, computeIndices } from '../src/engine/compute-indices.ts';
import { computeElementRankings, computeRankings } from '../src/engine/compute-rankings.ts';
import { computeTrends } from '../src/engine/compute-trends.ts';
import { computeComparisons } from '../src/engine/compute-comparisons.ts';
import { computeCoverage } from '../src/engine/compute-coverage.ts';
import { computeTargets, ksNamedByPlans } from '../src/engine/compute-targets.ts';
import { indicatorDictionary } from '../src/engine/indicator-dictionary.ts';
import type { ComputedTables, IndexRow } from '../src/engine/tables.ts';
import { writePublished, type PublishInput } from '../src/publish/write-published.ts';
import { writeResponsesInBackground } from '../src/publish/responses-worker.ts';
import { TableWriterThread } from '../src/publish/table-worker.ts';
import {
  comparisonsSchema,
  coverageSchema,
  elementRankingsSchema,
  indicesSchema,
  rankingsSchema,
  targetsSchema,
  trendsSchema,
  type TableSchema,
} from '../src/publish/schemas.ts';
import { releaseRevisions } from '../src/releases/release-revisions.ts';
import { checkFileSizes } from '../src/publish/file-size-check.ts';
import type { SurveyInstrument } from '../src/intake/types.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const timings: Record<string, number> = {};
/** Seconds per SQL file of the index computation, all surveys together (for the benchmark). */
const indexSteps: Record<string, number> = {};

async function stage<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings[name] = (timings[name] ?? 0) + (performance.now() - started) / 1000;
  return result;
}

/**
 * A background job's promise that is awaited only later: without a handler a failure in the
 * meantime would end the process as an "unhandled rejection" with a stack trace instead of the
 * plain message; it is reported where the promise is awaited.
 */
function noticeLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function warn(message: string): void {
  console.warn(`warning: ${message}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const dataDir = resolveDataDir();
  const publishDir = resolve(process.env.PUBLISH_DIR ?? join(repoRoot, 'public', 'data'));
  const reportsDir = resolve(process.env.REPORTS_DIR ?? join(repoRoot, 'reports'));
  console.log(`Data folder: ${dataDir}`);

  // 1. Raw inputs → typed registers, instruments, plans.
  const { site, registers, surveys, plans } = await stage('load inputs', async () => {
    const site = await loadSiteConfig(dataDir, warn);
    const placeholder = placeholderAddressWarning(site);
    if (placeholder) warn(placeholder);
    const registers = await loadRegisters(dataDir, warn);
    const surveys: SurveyInstrument[] = [];
    for (const id of listSurveyIds(dataDir)) surveys.push(await loadSurvey(dataDir, id, warn));
    const plans = await loadPlans(dataDir, { registers, surveys }, warn);
    return { site, registers, surveys, plans };
  });
  // The previous release (data/releases/) is read before any work, so a release id that is kept
  // already stops the build at once.
  const revisions = await releaseRevisions(dataDir, site, registers);
  if (revisions.previous) console.log(`Release ${site.release.version}, compared with ${revisions.previous.release.version}`);

  // DuckDB-WASM compiles its 34 MB module asynchronously: start now, overlapping validation.
  const engineStarted = performance.now();
  const opening = openEngine().finally(() => {
    timings['start DuckDB-WASM (overlaps validation)'] = (performance.now() - engineStarted) / 1000;
  });

  // 2. Responses → validated CSV per survey; rejected rows → reports/quarantine.csv.
  const keepValidated = process.env.VALIDATED_DIR !== undefined;
  const workDir = keepValidated ? resolve(process.env.VALIDATED_DIR!) : mkdtempSync(join(tmpdir(), 'sipas-build-'));
  mkdirSync(workDir, { recursive: true });
  mkdirSync(reportsDir, { recursive: true });
  const quarantine = openQuarantineFile(reportsDir);
  const validated = new Map<string, { path: string; summary: IntakeSummary }>();
  const today = process.env.BUILD_TODAY ?? new Date().toISOString().slice(0, 10);
  try {
    await stage('validate responses', async () => {
      for (const survey of surveys) {
        const outputPath = join(workDir, `${survey.id}.csv`);
        const summary = await validateResponses({
          files: listResponseFiles(dataDir, survey.id, warn),
          instrument: survey,
          registers,
          thresholds: site.thresholds,
          outputPath,
          quarantine,
          warn,
          today,
        });
        console.log(formatIntakeSummary(summary));
        validated.set(survey.id, { path: outputPath, summary });
      }
    });
  } finally {
    quarantine.close();
  }

  // The published responses depend only on the validated CSVs: write them on the second core
  // while the engine computes on the first.
  const responsesDir = join(workDir, 'published-responses');
  mkdirSync(responsesDir, { recursive: true });
  const responsesWritten = noticeLater(
    Promise.all(
      surveys
        .filter((s) => validated.has(s.id))
        .map(async (instrument) => {
          const written = await writeResponsesInBackground({ instrument, validatedCsv: validated.get(instrument.id)!.path, dir: responsesDir });
          const key = 'publish responses (worker thread, in parallel)';
          timings[key] = (timings[key] ?? 0) + written.seconds;
          return { instrument, prewritten: { dir: responsesDir, table: written.table } };
        }),
    ),
  );

  // 3. Validated responses → computed tables, in DuckDB-WASM.
  const sqlLog: string[] = [];
  const wasm = await stage('wait for DuckDB-WASM', () => opening);
  const engine = process.env.BENCH_SQL_LOG ? recordingEngine(wasm, sqlLog) : wasm;
  const tables: ComputedTables = { indices: [], rankings: [], elementRankings: [], trends: [], comparisons: [], coverage: [], targets: [], indicators: [] };
  const prewritten: PublishInput['prewritten'] = {};
  const ks = ksNamedByPlans(plans);
  const units = [...registers.units];
  const agencies = [...registers.agencies];
  const breakdownValues = breakdownValuesOf({ fields: registers.fields, agencies });
  // Large arrays are appended in a loop: spreading ~10⁵ rows into push() overflows the stack.
  const append = <T>(target: T[], rows: readonly T[]) => {
    for (const row of rows) target.push(row);
  };
  // The two large computed tables are written on the second core (which the responses writer
  // has left by then) while this thread computes the next tables: indices during the rankings and
  // trends, trends during the coverage and targets.
  const tablesDir = join(workDir, 'published-tables');
  mkdirSync(tablesDir, { recursive: true });
  const tableWriter = new TableWriterThread();
  const written = (name: 'indices' | 'trends', schema: TableSchema, rows: readonly object[]) =>
    noticeLater(
      tableWriter.write(tablesDir, schema, rows).then((result) => {
        const key = `publish ${name} (worker thread, in parallel)`;
        timings[key] = (timings[key] ?? 0) + result.seconds;
        return { dir: tablesDir, table: result.table };
      }),
    );
  const computed = surveys.filter((survey) => validated.has(survey.id));
  const indicesBySurvey = new Map<string, IndexRow[]>();
  try {
    // Each survey's agency days, left by the index computation for coverage (no second read).
    const agencyDays = (k: number) => `agency_days_${k}`;
    for (const [k, survey] of computed.entries()) {
      const indices = await stage('indices', () =>
        computeIndices(survey.id === 'sipas' ? engine : wasm, {
          survey,
          validatedCsvPath: validated.get(survey.id)!.path,
          units,
          crosswalk: registers.crosswalk,
          breakdownValues,
          site,
          csvLabel: `${survey.id} (validated)`,
          onStep: (file, milliseconds) => {
            indexSteps[file] = (indexSteps[file] ?? 0) + milliseconds / 1000;
          },
          agencyDaysTable: agencyDays(k),
        }),
      );
      indicesBySurvey.set(survey.id, indices);
      append(tables.indices, indices);
      append(tables.indicators, indicatorDictionary(survey));
    }
    // Flags go into the rows before the writer thread takes them.
    await stage('revisions against the previous release', () => revisions.flag(indicesSchema, tables.indices));
    const indicesWritten = written('indices', indicesSchema, tables.indices);
    for (const survey of computed) {
      const indices = indicesBySurvey.get(survey.id)!;
      append(
        tables.rankings,
        await stage('rankings', () => computeRankings(wasm, indices, { survey: survey.id, units, site, ks })),
      );
      append(
        tables.elementRankings,
        await stage('element rankings', () => computeElementRankings(wasm, indices, { survey: survey.id, units, site, ks })),
      );
      append(tables.trends, await stage('trends', () => computeTrends(wasm, indices, survey)));
      append(tables.comparisons, await stage('comparisons', () => computeComparisons(wasm, indices, { instrument: survey, units, rankings: site.rankings })));
    }
    await stage('revisions against the previous release', () => {
      revisions.flag(rankingsSchema, tables.rankings);
      revisions.flag(elementRankingsSchema, tables.elementRankings);
      revisions.flag(trendsSchema, tables.trends);
    });
    const trendsWritten = written('trends', trendsSchema, tables.trends);
    for (const [k, survey] of computed.entries()) {
      // Every year and quarter with a response (computeCoverage's default): the periods of the indices.
      append(
        tables.coverage,
        await stage('coverage', () => computeCoverage(wasm, { survey: survey.id, responsesTable: agencyDays(k), agencies, units })),
      );
      wasm.run(`DROP TABLE ${agencyDays(k)}`);
    }
    tables.targets = await stage('targets', () => computeTargets(plans, tables.indices, tables.rankings, tables.coverage, site, registers));
    await stage('revisions against the previous release', () => {
      revisions.flag(targetsSchema, tables.targets);
      revisions.flag(comparisonsSchema, tables.comparisons);
      revisions.flag(coverageSchema, tables.coverage);
    });
    wasm.close();
    prewritten.indices = await stage('wait for the table writer', () => indicesWritten);
    prewritten.trends = await stage('wait for the table writer', () => trendsWritten);
  } finally {
    await tableWriter.close();
  }

  // 4. Computed tables → published files (CSV with BOM, Parquet, JSON, datapackage, SHA256SUMS).
  const quarantineCounts = [...validated.entries()].flatMap(([survey, v]) =>
    v.summary.quarantined_by_reason.map((r) => ({ survey, reason: r.reason_code, rows: r.count })),
  );
  const responses = await responsesWritten;
  const manifest = await stage('publish', () =>
    writePublished(publishDir, {
      site,
      tables,
      units,
      crosswalk: registers.crosswalk,
      agencies,
      fields: [...registers.fields],
      responses,
      quarantine: quarantineCounts,
      sources: citedSources(dataDir, surveys, plans),
      prewritten,
      revisions: revisions.rows,
      timings,
    }),
  );
  if (!keepValidated) rmSync(workDir, { recursive: true, force: true });
  // The bar on file size, checked on what was written rather than trusted (file-size-check.ts).
  checkFileSizes(publishDir);
  if (process.env.BENCH_SQL_LOG) writeFileSync(process.env.BENCH_SQL_LOG, JSON.stringify(sqlLog));

  const total = (performance.now() - started) / 1000;
  for (const key of ['revisions against the previous release', 'publish XLSX (2 worker threads)', 'publish release ZIP']) {
    if (timings[key] !== undefined) console.log(`${key}: ${timings[key].toFixed(1)} s`);
  }
  const bytes = manifest.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `Published ${manifest.length} files (${(bytes / 1e6).toFixed(1)} MB) to ${publishDir} in ${total.toFixed(1)} s: ` +
      `${tables.indices.length} index cells, ${tables.rankings.length} ranking rows, ${tables.targets.length} target rows.`,
  );
  if (process.env.BENCH_JSON) {
    const responses = [...validated.values()].reduce((sum, v) => sum + v.summary.used, 0);
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify(
        {
          total,
          stages: timings,
          index_steps: indexSteps,
          responses,
          // user + system time of every thread of the process (worker threads included)
          cpu_seconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
          peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
        },
        null,
        2,
      ),
    );
  }
}

main().catch((error: unknown) => {
  if (isDataError(error)) {
    console.error(`\n${error.format()}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
