/**
 * The frozen copy of every release (data-contract.md → Releases), after the live site is built:
 * each kept release (data/releases/<id>/) and the current one is built by Astro from its own
 * inputs and published tables into `/phat-hanh/<id>/` (Vietnamese, and its data files) and
 * `/en/releases/<id>/` (English) of dist/.
 *
 * One Astro build per release, each in its own process with SIPAS_FROZEN_RELEASE set
 * (src/site/frozen-release.ts): the pages, the routes and the data readers then see that release
 * alone, exactly as the live site saw it. The current release's copy is built from public/data's
 * kept view (kept-release.ts), byte for byte what keeping it later stores. Builds run two at a time
 * (one per core of the machines this runs on).
 *
 * Last, it checks that no file of dist/ is over 25 MiB (src/publish/file-size-check.ts): a build
 * that would give a static host a file it refuses fails here, with the files named.
 *
 * Usage: npm run releases   (npm run build runs it after astro build). DATA_DIR and PUBLISH_DIR
 * as for npm run data; SIPAS_DIST_DIR (default dist/) receives the copies; SIPAS_RELEASES (ids,
 * comma-separated) builds only those.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveDataDir } from '../src/intake/data-dir.ts';
import { loadSiteConfig } from '../src/intake/load-site-config.ts';
import { copyKeptView, inputsDir, listKeptReleases, restoreKeptData } from '../src/releases/kept-release.ts';
import { frozenOutputMoves } from '../src/releases/frozen-output.ts';
import { FILE_LIMIT_BYTES } from '../src/publish/file-parts.ts';
import { checkFileSizes } from '../src/publish/file-size-check.ts';

const repoRoot = resolve(import.meta.dirname, '..');

interface FrozenJob {
  version: string;
  /** The data folder its pages read (registers, instruments, plans, site.json). */
  inputs: string;
  superseded: boolean;
  /** Writes the release's published files into the given folder. */
  writeData: (dir: string) => unknown;
}

async function main(): Promise<void> {
  const started = performance.now();
  const dataDir = resolveDataDir();
  const site = await loadSiteConfig(dataDir, () => {});
  const publicDir = join(repoRoot, 'public');
  const publishDir = resolve(process.env.PUBLISH_DIR ?? join(publicDir, 'data'));
  const dist = resolve(process.env.SIPAS_DIST_DIR ?? join(repoRoot, 'dist'));
  // Inside the project on purpose: for an output folder outside it, Astro writes its server chunks
  // to <project>/.astro/, which two builds at once would share (and break). Each build also gets
  // its own cache folder (SIPAS_CACHE_DIR), where Astro keeps the content layer's data store.
  const work = join(repoRoot, 'node_modules', '.cache', 'frozen-releases');
  if (!existsSync(join(publishDir, 'SHA256SUMS'))) throw new Error(`${publishDir} is empty: run npm run data (npm run build does) before building the frozen releases.`);
  const kept = (await listKeptReleases(dataDir)).filter((k) => k.release.version !== site.release.version);
  const all: FrozenJob[] = [
    ...kept.map((k): FrozenJob => ({ version: k.release.version, inputs: inputsDir(k), superseded: true, writeData: (dir) => restoreKeptData(k, dir) })),
    { version: site.release.version, inputs: dataDir, superseded: false, writeData: (dir) => copyKeptView(publishDir, dir) },
  ];
  // SIPAS_RELEASES=2026.1,2026.2 builds only those (a test rebuilds the kept ones after adding a release).
  const only = process.env.SIPAS_RELEASES?.split(',').map((v) => v.trim()).filter((v) => v !== '');
  const jobs = only ? all.filter((job) => only.includes(job.version)) : all;
  const limit = Math.max(1, Math.min(2, availableParallelism()));
  const queue = [...jobs];
  const timings: string[] = [];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t0 = performance.now();
        await buildFrozen(job, { publicDir, dist, work, siteUrl: site.base_url });
        timings.push(`${job.version} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    }),
  );
  console.log(`Frozen releases: ${timings.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s in all.`);
  // The last step of npm run build: the whole site, pages and files, within the bar on file size.
  checkFileSizes(dist);
  console.log(`No file in ${dist} is over ${FILE_LIMIT_BYTES / 1024 / 1024} MiB.`);
}

async function buildFrozen(job: FrozenJob, where: { publicDir: string; dist: string; work: string; siteUrl: string }): Promise<void> {
  const root = join(where.work, job.version);
  const pub = join(root, 'public');
  const out = join(root, 'dist');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(pub, { recursive: true });
  // The files served beside the pages (scripts, icons), without the live release's data …
  for (const entry of readdirSync(where.publicDir)) {
    if (entry !== 'data') cpSync(join(where.publicDir, entry), join(pub, entry), { recursive: true });
  }
  // … and the release's own data.
  await job.writeData(join(pub, 'data'));
  await run('npx', ['astro', 'build', '--silent'], {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    DATA_DIR: job.inputs,
    SITE_URL: where.siteUrl,
    SIPAS_FROZEN_RELEASE: job.version,
    SIPAS_FROZEN_SUPERSEDED: job.superseded ? '1' : '0',
    SIPAS_PUBLIC_DIR: pub,
    SIPAS_OUT_DIR: out,
    SIPAS_CACHE_DIR: join(root, 'astro-cache'),
  });
  for (const { from, to } of frozenOutputMoves(out, where.dist, job.version)) {
    rmSync(to, { recursive: true, force: true });
    mkdirSync(resolve(to, '..'), { recursive: true });
    renameSync(from, to);
  }
  rmSync(root, { recursive: true, force: true });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} stopped with code ${code} (release ${env.SIPAS_FROZEN_RELEASE})`))));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
