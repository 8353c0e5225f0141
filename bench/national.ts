/**
 * `npm run bench -- --national`: the whole country end to end (issue 15), a script that reports
 * numbers, never a timed test.
 *
 *   1. generate the national data folder (scripts/generate-sample.ts --scope national);
 *   2. run the pipeline on it (scripts/build-data.ts): wall time, peak memory, stage times;
 *   3. build every page from it (scripts/build-pages.ts, one Astro process per core) into bench/out/national/dist;
 *   4. report machine, folder size, times, memory, pages per second, the slowest page types and
 *      pages, output size, the largest files, the heaviest page and search shard (gzip), and the
 *      two bars of quality.md (pipeline + pages under 10 min, peak memory under 8 GB).
 *
 * Each step is its own process under `/usr/bin/time`, so its peak memory (maxRSS, which counts
 * the pipeline's worker threads, being one process) belongs to that step alone. Output: Markdown
 * on stdout and in bench/out/national.md.
 *
 *   npm run bench -- --national [--provinces 01,56 --communes 20 --responses-per-year 5000]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';

export interface NationalOptions {
  provinces?: string;
  communes?: string;
  responsesPerYear?: string;
}

interface Timed {
  seconds: number;
  peakBytes: number;
}

interface OutputFile {
  path: string;
  bytes: number;
}

interface PageTime {
  path: string;
  ms: number;
}

const root = resolve(import.meta.dirname, '..');
const base = join(root, 'bench', 'out', 'national');
const dirs = {
  data: join(base, 'data'),
  public: join(base, 'public'),
  published: join(base, 'public', 'data'),
  reports: join(base, 'reports'),
  dist: join(base, 'dist'),
  cache: join(base, 'cache'),
};
const MIB = 2 ** 20;
const KIB = 1024;
/** Some static hosts refuse files larger than this (issue 15). */
const LARGEST_FILE_BYTES = 25 * MIB;
/** quality.md: any page ≤ 150 KB compressed (the site tests count KB as 1,024 bytes). */
const PAGE_GZIP_BYTES = 150 * KIB;
const BAR_SECONDS = 10 * 60;
const BAR_MEMORY_BYTES = 8e9;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const kb = (bytes: number) => `${(bytes / KIB).toFixed(1)} KB`;
const sec = (s: number) => `${s.toFixed(1)} s`;

/**
 * One step as its own process under GNU time (`%M` peak RSS in KB, `%e` wall seconds), its
 * output going to a log file rather than memory: the page build logs a line per page.
 */
function timedRun(args: string[], env: Record<string, string>, log: string): Timed {
  const timeFile = `${log}.time`;
  const out = openSync(log, 'w');
  try {
    const result = spawnSync('/usr/bin/time', ['-f', '%M %e', '-o', timeFile, process.execPath, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', out, out],
    });
    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} failed (code ${result.status}); the end of ${relative(root, log)}:\n${readFileSync(log, 'utf8').slice(-2000)}`);
    }
  } finally {
    closeSync(out);
  }
  // GNU time may put a line about the exit status first; the numbers are on the last line.
  const [kilobytes, seconds] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
  return { seconds, peakBytes: kilobytes * 1024 };
}

function listFiles(dir: string): OutputFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: statSync(path).size };
    });
}

const totalBytes = (files: OutputFile[]) => files.reduce((sum, f) => sum + f.bytes, 0);
const gzipBytes = (path: string) => gzipSync(readFileSync(path)).length;

/** Provinces and communes in the generated folder's units.csv. */
function countUnits(dataDir: string): { provinces: number; communes: number } {
  const { data } = Papa.parse<{ level: string }>(readFileSync(join(dataDir, 'units.csv'), 'utf8'), { header: true, skipEmptyLines: true });
  return {
    provinces: data.filter((row) => row.level === 'province').length,
    communes: data.filter((row) => row.level === 'commune').length,
  };
}

/** Astro's time stat (core/build/util.js getTimeStat): `336ms`, `1.23s` or `1m 5s`. */
export function parseDuration(text: string): number {
  const minutes = /^(\d+)m (\d+)s$/.exec(text);
  if (minutes) return (Number(minutes[1]) * 60 + Number(minutes[2])) * 1000;
  if (text.endsWith('ms')) return Number(text.slice(0, -2));
  return Number(text.slice(0, -1)) * 1000;
}

/** Each page Astro rendered, from its log lines `├─ /don-vi/15925-nguyet-vien/index.html (+336ms)`. */
export function parsePageTimes(log: string): PageTime[] {
  // eslint-disable-next-line no-control-regex -- colours are stripped; Astro colours its log even into a file at times
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const line = /[├└]─ (\/\S*) \(\+(\d+ms|[\d.]+s|\d+m \d+s)\)/g;
  return [...plain.matchAll(line)].map((m) => ({ path: m[1]!, ms: parseDuration(m[2]!) }));
}

/** A page's type: its first path segment (`/don-vi/`), or the first two in English (`/en/unit/`). */
export function pageType(path: string): string {
  const segments = path.split('/').filter((s) => s !== '' && s !== 'index.html');
  const type = segments.slice(0, segments[0] === 'en' ? 2 : 1);
  return `/${type.map((s) => (s.endsWith('.html') ? s : `${s}/`)).join('')}`;
}

function slowestTypes(pages: PageTime[]): { type: string; count: number; mean: number; max: number }[] {
  const byType = Map.groupBy(pages, (p) => pageType(p.path));
  return [...byType]
    .map(([type, list]) => ({
      type,
      count: list.length,
      mean: list.reduce((sum, p) => sum + p.ms, 0) / list.length,
      max: Math.max(...list.map((p) => p.ms)),
    }))
    .sort((a, b) => b.mean - a.mean);
}

/** The files served beside the pages (icons, scripts), without the repository's own data: that comes from step 2. */
function copyServedFiles(): void {
  for (const entry of readdirSync(join(root, 'public'))) {
    if (entry !== 'data') cpSync(join(root, 'public', entry), join(dirs.public, entry), { recursive: true });
  }
}

function generatorArgs(options: NationalOptions): string[] {
  return [
    'scripts/generate-sample.ts', '--scope', 'national', '--out', dirs.data,
    '--responses-per-year', options.responsesPerYear ?? '1000000',
    ...(options.provinces ? ['--provinces', options.provinces] : []),
    ...(options.communes ? ['--communes', options.communes] : []),
  ];
}

function machineLine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

const verdict = (met: boolean) => (met ? '**met**' : '**missed**');

export function runNational(options: NationalOptions): string {
  rmSync(base, { recursive: true, force: true });
  mkdirSync(dirs.published, { recursive: true });
  const step = (name: string) => console.error(`[national] ${name}… (log: ${relative(root, join(base, `${name}.log`))})`);

  step('generate');
  const generate = timedRun(generatorArgs(options), {}, join(base, 'generate.log'));
  const generated = /(\d+) files, (\d+) rows/.exec(readFileSync(join(base, 'generate.log'), 'utf8'));
  const units = countUnits(dirs.data);
  const inputBytes = totalBytes(listFiles(dirs.data));

  step('pipeline');
  const benchJson = join(base, 'pipeline.json');
  // The same V8 flag as `npm run data` (package.json): a larger young generation, fewer collections.
  const pipeline = timedRun(['--max-semi-space-size=64', 'scripts/build-data.ts'], {
    DATA_DIR: dirs.data, PUBLISH_DIR: dirs.published, REPORTS_DIR: dirs.reports, BENCH_JSON: benchJson,
  }, join(base, 'pipeline.log'));
  const stages = JSON.parse(readFileSync(benchJson, 'utf8')) as { total: number; stages: Record<string, number>; responses: number; peak_rss_bytes: number };

  step('pages');
  const pageShards = Number(process.env.SIPAS_PAGE_SHARDS ?? availableParallelism());
  copyServedFiles();
  // The project's page build (npm run pages), split into one Astro process per core
  // (SIPAS_PAGE_SHARDS, scripts/build-pages.ts). GNU time's peak is that of the largest process.
  const pages = timedRun(['scripts/build-pages.ts'], {
    DATA_DIR: dirs.data, SIPAS_PUBLIC_DIR: dirs.public, SIPAS_OUT_DIR: dirs.dist, SIPAS_CACHE_DIR: dirs.cache, ASTRO_TELEMETRY_DISABLED: '1',
    SIPAS_PAGE_SHARDS: String(pageShards), NODE_OPTIONS: '--max-semi-space-size=64 --max-old-space-size=6144',
  }, join(base, 'pages.log'));

  const pageTimes = parsePageTimes(readFileSync(join(base, 'pages.log'), 'utf8'));
  const report = [
    ...reportRun({ generate, pipeline, pages, pageTimes, stages, units, inputBytes, generatedRows: generated ? Number(generated[2]) : undefined, options }),
    ...reportOutput(pageTimes),
  ];
  const pipelinePeak = Math.max(pipeline.peakBytes, stages.peak_rss_bytes);
  const wall = pipeline.seconds + pages.seconds;
  const peak = Math.max(pipelinePeak, pages.peakBytes);
  report.push(
    '## Bars (quality.md)',
    '',
    '| bar | measured | verdict |',
    '| --- | --- | --- |',
    `| pipeline + pages under 10 min | ${sec(pipeline.seconds)} + ${sec(pages.seconds)} = ${sec(wall)} | ${verdict(wall < BAR_SECONDS)} |`,
    `| peak memory under 8 GB | pipeline ${gb(pipelinePeak)}, pages ${gb(pages.peakBytes)} | ${verdict(peak < BAR_MEMORY_BYTES)} |`,
    '',
  );
  const text = report.join('\n');
  writeFileSync(join(root, 'bench', 'out', 'national.md'), text);
  return text;
}

function reportRun(r: {
  generate: Timed; pipeline: Timed; pages: Timed; pageTimes: PageTime[]; stages: { stages: Record<string, number>; responses: number; peak_rss_bytes: number };
  units: { provinces: number; communes: number }; inputBytes: number; generatedRows: number | undefined; options: NationalOptions;
}): string[] {
  const pageCount = listFiles(dirs.dist).filter((f) => f.path.endsWith('index.html')).length;
  const scale = `--responses-per-year ${r.options.responsesPerYear ?? '1000000'}${r.options.provinces ? ` --provinces ${r.options.provinces}` : ''}${r.options.communes ? ` --communes ${r.options.communes}` : ''}`;
  return [
    `# National benchmark (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Machine: ${machineLine()}.`,
    '',
    `Folder (\`${scale}\`): ${r.units.provinces} provinces, ${r.units.communes} communes, ` +
      `${(r.generatedRows ?? r.stages.responses).toLocaleString('en')} responses generated (${r.stages.responses.toLocaleString('en')} used by the pipeline), ` +
      `input ${mb(r.inputBytes)}.`,
    '',
    '| step | wall time | peak memory |',
    '| --- | --- | --- |',
    `| generate the folder | ${sec(r.generate.seconds)} | ${gb(r.generate.peakBytes)} |`,
    `| pipeline (scripts/build-data.ts) | ${sec(r.pipeline.seconds)} | ${gb(Math.max(r.pipeline.peakBytes, r.stages.peak_rss_bytes))} |`,
    ...Object.entries(r.stages.stages).map(([stage, seconds]) => `| · ${stage} | ${sec(seconds)} | |`),
    `| page build (scripts/build-pages.ts, one Astro process per core; memory: the largest process) | ${sec(r.pages.seconds)} | ${gb(r.pages.peakBytes)} |`,
    '',
    `Pages built: ${pageCount.toLocaleString('en')} (index.html files), ${(pageCount / r.pages.seconds).toFixed(1)} pages per second; ` +
      // The chart embed pages are written by an integration (chart-images), not rendered as routes, so Astro logs no time for them.
      `${r.pageTimes.filter((p) => p.path.endsWith('index.html')).length.toLocaleString('en')} of them rendered by Astro's routes and timed in its log ` +
      `(${r.pageTimes.length.toLocaleString('en')} routes timed in all, the CSV and JSON files included).`,
    '',
  ];
}

function reportOutput(pageTimes: PageTime[]): string[] {
  const distFiles = listFiles(dirs.dist);
  const publishedFiles = listFiles(dirs.published);
  const largest = distFiles.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '(none)', bytes: 0 });
  const tooLarge = distFiles.filter((f) => f.bytes > LARGEST_FILE_BYTES);
  const pageWeights = distFiles.filter((f) => f.path.endsWith('index.html')).map((f) => ({ path: f.path, bytes: gzipBytes(f.path) }));
  const heaviest = pageWeights.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '(none)', bytes: 0 });
  const shards = listFiles(join(dirs.dist, 'search-index')).filter((f) => f.path.endsWith('.json')).map((f) => ({ path: f.path, bytes: gzipBytes(f.path) }));
  const largestShard = shards.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '(none)', bytes: 0 });
  const dist = (path: string) => relative(dirs.dist, path);
  return [
    '## Slowest page types (mean render time, from the build log)',
    '',
    '| page type | pages | mean | max |',
    '| --- | --- | --- | --- |',
    ...slowestTypes(pageTimes).slice(0, 5).map((t) => `| ${t.type} | ${t.count.toLocaleString('en')} | ${t.mean.toFixed(0)} ms | ${t.max.toFixed(0)} ms |`),
    '',
    `Slowest pages: ${[...pageTimes].sort((a, b) => b.ms - a.ms).slice(0, 5).map((p) => `${p.path} ${p.ms.toFixed(0)} ms`).join('; ')}.`,
    '',
    '## Output',
    '',
    `- dist: ${mb(totalBytes(distFiles))} in ${distFiles.length.toLocaleString('en')} files (the published data included, Astro copies it); ` +
      `published data alone: ${mb(totalBytes(publishedFiles))} in ${publishedFiles.length.toLocaleString('en')} files.`,
    `- Largest file: ${dist(largest.path)}, ${mb(largest.bytes)}. Files over 25 MiB: ${tooLarge.length === 0 ? 'none' : tooLarge.map((f) => `${dist(f.path)} (${mb(f.bytes)})`).join(', ')}.`,
    `- Heaviest page (gzip of its HTML): ${dist(heaviest.path)}, ${kb(heaviest.bytes)}; pages over 150 KB gzip: ${pageWeights.filter((p) => p.bytes > PAGE_GZIP_BYTES).length}.`,
    `- Largest search shard (gzip): ${shards.length === 0 ? 'no dist/search-index/' : `${dist(largestShard.path)}, ${kb(largestShard.bytes)} (of ${shards.length} shards)`}.`,
    '',
  ];
}
