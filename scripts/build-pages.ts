/**
 * The page build (`npm run pages`, the middle of `npm run build`): `astro build` of the live site
 * into SIPAS_OUT_DIR (default dist/).
 *
 * With SIPAS_PAGE_SHARDS=n (n > 1), n Astro builds run at once, each with SIPAS_PAGE_SHARD=k/n
 * (src/site/page-shard.ts: the k-th share of the unit pages and unit compare pages; shard 0 also
 * every other page and file), each into its own folder, and the folders are merged. Astro renders
 * on one thread, so on a site of thousands of unit pages n processes keep n cores busy; the same
 * split would spread the build over n machines. A page that every shard builds (one without
 * parameters, such as the home page) comes out the same in each; shard 0's copy is kept.
 *
 * `npm run pages` lets each process's heap grow to 6 GB: a national shard holds about 2 million
 * index rows and the content of 1,700 unit pages, past Node's default limit of about 4 GB.
 *
 * Every shard builds inside the project (node_modules/.cache/page-shards/): for an output folder
 * outside it Astro writes its server chunks to <project>/.astro/, which builds at once would share.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const outDir = resolve(process.env.SIPAS_OUT_DIR ?? join(repoRoot, 'dist'));
const shards = Number(process.env.SIPAS_PAGE_SHARDS ?? '1');

function astroBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: repoRoot,
      env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`astro build stopped with code ${code} (shard ${env.SIPAS_PAGE_SHARD ?? 'all'})`))));
  });
}

/** Moves every file of `from` that `to` does not have yet into `to` (shard 0 goes first, so its copy of a shared page stays). */
export function mergeInto(from: string, to: string): number {
  let moved = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (!existsSync(target)) {
        mkdirSync(resolve(target, '..'), { recursive: true });
        moveOrCopy(source, target);
        moved++;
      } else moved += mergeInto(source, target);
    } else if (!existsSync(target)) {
      moveOrCopy(source, target);
      moved++;
    }
  }
  return moved;
}

function moveOrCopy(source: string, target: string): void {
  try {
    renameSync(source, target);
  } catch {
    // Another file system (an output folder under /tmp): copy instead.
    cpSync(source, target, { recursive: true });
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`SIPAS_PAGE_SHARDS=${process.env.SIPAS_PAGE_SHARDS}: expected a whole number ≥ 1, e.g. 2.`);
  if (shards === 1) {
    await astroBuild({ ...process.env, SIPAS_OUT_DIR: outDir });
    return;
  }
  const started = performance.now();
  const work = join(repoRoot, 'node_modules', '.cache', 'page-shards');
  rmSync(work, { recursive: true, force: true });
  const folders = Array.from({ length: shards }, (_, k) => join(work, String(k)));
  await Promise.all(
    folders.map((folder, k) =>
      astroBuild({
        ...process.env,
        SIPAS_PAGE_SHARD: `${k}/${shards}`,
        SIPAS_OUT_DIR: join(folder, 'dist'),
        SIPAS_CACHE_DIR: join(folder, 'astro-cache'),
      }),
    ),
  );
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(resolve(outDir, '..'), { recursive: true });
  moveOrCopy(join(folders[0] ?? '', 'dist'), outDir);
  const moved = folders.slice(1).reduce((sum, folder) => sum + mergeInto(join(folder, 'dist'), outDir), 0);
  rmSync(work, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Pages: ${shards} shards built and merged into ${relative(repoRoot, outDir) || outDir} in ${seconds} s (${moved} files and folders from shards 1–${shards - 1}).`);
}

// Run as a script (npm run pages); imported (tests/site/page-shard.test.ts), only mergeInto is used.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
