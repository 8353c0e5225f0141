/**
 * The benchmark (a script that reports numbers, never a timed test).
 *
 * For each size (default 100 k, 1 M, 10 M SIPAS responses, generated with seed 1 over 2021–2024,
 * plus the bundled health and education samples):
 *   1. the whole pipeline (`scripts/build-data.ts`: validate, compute in DuckDB-WASM, publish),
 *      wall time and peak memory of the process, with its stage times;
 *   2. the index computation's exact SQL statements (recorded during run 1) replayed on
 *      DuckDB-WASM and on native DuckDB (@duckdb/node-api, 2 threads): the ratio WASM / native;
 *   3. the simplest index (item index per year) as one SQL statement on both engines and as
 *      plain JavaScript loops over the papaparse-parsed CSV.
 * Medians over --runs runs (1 run for 10 M). Each measurement is its own process, so peak memory
 * (maxRSS) belongs to that measurement alone. Output: a Markdown report on stdout and in
 * bench/out/latest.md, to be copied into bench/RESULTS.md with the machine it came from.
 *
 *   npm run bench [-- --sizes 100000,1000000 --runs 3]
 *
 * `npm run bench -- --national` instead generates the whole country and builds it end to end
 * (bench/national.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runNational } from './national.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    national: { type: 'boolean' },
    // --national only: passed through to the generator so the run can be small.
    provinces: { type: 'string' },
    communes: { type: 'string' },
    'responses-per-year': { type: 'string' },
  },
});
const sizes = (values.sizes ?? '100000,1000000,10000000').split(',').map(Number);
const runsFor = (size: number) => (size >= 5_000_000 ? 1 : Number(values.runs ?? 3));
const node = process.execPath;

function run(args: string[], env: Record<string, string> = {}, log?: string): string {
  const result = spawnSync(node, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (log) writeFileSync(log, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const sec = (s: number) => `${s.toFixed(2)} s`;
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').pop() ?? '{}');

function benchmarkSizes(): string {
  const report: string[] = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
      `run ${new Date().toISOString().slice(0, 10)}.`,
    '',
  ];

  for (const size of sizes) {
    const base = join(root, 'bench', 'out', String(size));
    rmSync(base, { recursive: true, force: true });
    mkdirSync(base, { recursive: true });
    const dataDir = join(base, 'data');
    cpSync(join(root, 'data'), dataDir, { recursive: true });
    rmSync(join(dataDir, 'surveys', 'sipas', 'responses'), { recursive: true, force: true });
    console.error(`[${size}] generating…`);
    run(['scripts/generate-sample.ts', '--seed', '1', '--responses', String(size), '--years', '2021-2024', '--surveys', 'sipas', '--data', join(root, 'data'), '--out', join(dataDir, 'surveys')]);

    const cpuCheckBefore = lastJson(run(['bench/cpu-check.ts'])).seconds as number;
    const pipeline: { total: number; cpu: number; rss: number; stages: Record<string, number>; indexSteps: Record<string, number> }[] = [];
    for (let i = 0; i < runsFor(size); i++) {
      console.error(`[${size}] pipeline run ${i + 1}…`);
      const benchJson = join(base, `pipeline-${i}.json`);
      const first = i === 0;
      // The same V8 flag as `npm run data` (package.json): a larger young generation, fewer collections.
      run(['--max-semi-space-size=64', 'scripts/build-data.ts'], {
        DATA_DIR: dataDir,
        PUBLISH_DIR: join(base, 'published'),
        REPORTS_DIR: join(base, 'reports'),
        BENCH_JSON: benchJson,
        ...(first ? { BENCH_SQL_LOG: join(base, 'index-sql.json'), VALIDATED_DIR: join(base, 'validated') } : {}),
      }, join(base, `pipeline-${i}.log`));
      const r = JSON.parse(readFileSync(benchJson, 'utf8'));
      pipeline.push({ total: r.total, cpu: r.cpu_seconds, rss: r.peak_rss_bytes, stages: r.stages, indexSteps: r.index_steps ?? {} });
    }

    const replay = (engine: string) => {
      const xs = Array.from({ length: runsFor(size) }, () =>
        lastJson(run(['bench/replay-sql.ts', '--engine', engine, '--log', join(base, 'index-sql.json')])),
      );
      return { queries: median(xs.map((x) => x.queries)), startup: median(xs.map((x) => x.startup)), rss: Math.max(...xs.map((x) => x.peak_rss_bytes)) };
    };
    console.error(`[${size}] index SQL on WASM and native…`);
    const wasm = replay('wasm');
    const native = replay('native');

    const validatedCsv = join(base, 'validated', 'sipas.csv');
    const items = ['TC1', 'TC2', 'TC3', 'TC4', 'TT1', 'TT2', 'TT3', 'TT4', 'CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'KQ1', 'KQ2', 'KQ3', 'PA1', 'PA2', 'PA3'].join(',');
    const simple = (engine: string) => {
      const xs = Array.from({ length: runsFor(size) }, () => lastJson(run(['bench/simple-index.ts', '--engine', engine, '--csv', validatedCsv, '--items', items])));
      return { seconds: median(xs.map((x) => x.seconds)), startup: median(xs.map((x) => x.startup)), rss: Math.max(...xs.map((x) => x.peak_rss_bytes)), checksum: xs[0]?.checksum };
    };
    console.error(`[${size}] simplest index three ways…`);
    const simpleWasm = simple('wasm');
    const simpleNative = simple('native');
    const simpleJs = simple('js');

    const cpuCheckAfter = lastJson(run(['bench/cpu-check.ts'])).seconds as number;
    const totals = pipeline.map((p) => p.total);
    const stageNames = Object.keys(pipeline[0]?.stages ?? {});
    const stepNames = Object.keys(pipeline[0]?.indexSteps ?? {});
    report.push(
      `## ${size.toLocaleString('en')} SIPAS responses (${runsFor(size)} run${runsFor(size) > 1 ? 's' : ''}, medians)`,
      '',
      `Machine speed check (bench/cpu-check.ts, lower is faster): ${sec(cpuCheckBefore)} before, ${sec(cpuCheckAfter)} after.`,
      '',
      '| measurement | wall time | peak memory |',
      '| --- | --- | --- |',
      `| whole pipeline (validate + compute + publish) | ${sec(median(totals))} | ${mb(Math.max(...pipeline.map((p) => p.rss)))} |`,
      `| · CPU time of the pipeline, all threads (user + system) | ${sec(median(pipeline.map((p) => p.cpu)))} | |`,
      ...stageNames.flatMap((s) => [
        `| · ${s} | ${sec(median(pipeline.map((p) => p.stages[s] ?? 0)))} | |`,
        // The index step, SQL file by SQL file (src/engine/sql/), where the time goes inside it.
        ...(s === 'indices' ? stepNames.map((f) => `| · · ${f}.sql | ${sec(median(pipeline.map((p) => p.indexSteps[f] ?? 0)))} | |`) : []),
      ]),
      `| index SQL replayed on DuckDB-WASM (start-up ${sec(wasm.startup)} apart) | ${sec(wasm.queries)} | ${mb(wasm.rss)} |`,
      `| same SQL on native DuckDB, 2 threads (start-up ${sec(native.startup)} apart) | ${sec(native.queries)} | ${mb(native.rss)} |`,
      `| **ratio WASM / native (index SQL)** | **${(wasm.queries / native.queries).toFixed(2)}×** | |`,
      `| simplest index, one SQL statement, DuckDB-WASM (start-up ${sec(simpleWasm.startup)} apart) | ${sec(simpleWasm.seconds)} | ${mb(simpleWasm.rss)} |`,
      `| simplest index, native DuckDB (start-up ${sec(simpleNative.startup)} apart) | ${sec(simpleNative.seconds)} | ${mb(simpleNative.rss)} |`,
      `| simplest index, papaparse + JavaScript loops | ${sec(simpleJs.seconds)} | ${mb(simpleJs.rss)} |`,
      `| ratios WASM / native, WASM / JS (simplest index) | ${(simpleWasm.seconds / simpleNative.seconds).toFixed(2)}×, ${(simpleWasm.seconds / simpleJs.seconds).toFixed(2)}× | |`,
      '',
      `Checksums of the simplest index (Σ satisfied answers) agree: ${
        simpleWasm.checksum === simpleNative.checksum && simpleNative.checksum === simpleJs.checksum ? `yes (${simpleJs.checksum})` : `NO: ${simpleWasm.checksum} / ${simpleNative.checksum} / ${simpleJs.checksum}`
      }.`,
      '',
    );
    if (existsSync(join(base, 'validated'))) rmSync(join(base, 'validated'), { recursive: true, force: true });
    rmSync(join(base, 'published'), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }

  const text = report.join('\n');
  writeFileSync(join(root, 'bench', 'out', 'latest.md'), text);
  return text;
}

console.log(
  values.national
    ? runNational({ provinces: values.provinces, communes: values.communes, responsesPerYear: values['responses-per-year'] })
    : benchmarkSizes(),
);
