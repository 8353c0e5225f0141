/**
 * Keeping a release (data-contract.md → Releases). When a new release starts, the current one is
 * kept under `data/releases/<id>/`, and every later build serves it, unchanged, at its frozen
 * address:
 *
 *   data/releases/<id>/inputs/   the data folder as it was, without the survey responses: site.json
 *                                (its `release` says what the release was), the registers, the
 *                                instruments, the plans, the official figures, provenance.csv
 *   data/releases/<id>/data/     the published tables: CSV and JSON gzipped, Parquet as written,
 *                                datapackage.json, and SHA256SUMS of the files kept
 *
 * Kept are the formats datapackage.json lists (CSV, Parquet, JSON); the spreadsheet twins and the
 * ZIP are conveniences of the live release, rebuilt from the same tables, and would triple the size.
 * Every restore checks each file against the kept SHA256SUMS, so a kept release that was edited,
 * or a writer whose bytes drifted, stops the build instead of silently changing an old release.
 *
 * A table published in parts (src/publish/file-parts.ts) is kept as its parts. A release kept
 * before parts existed may hold a table over the part limit: its restored copy is served in parts
 * like a new one (the CSV's parts joined are the kept bytes, checked first), with its
 * datapackage.json and SHA256SUMS naming the parts; every number stays as it was.
 */
import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { KEPT_RELEASES_DIR, REGISTER_FILE, listDataFiles } from '../intake/provenance.ts';
import { loadSiteConfig } from '../intake/load-site-config.ts';
import { PART_LIMIT_BYTES, partsAmong, splitCsvFile } from '../publish/file-parts.ts';
import { splitParquetFile } from '../publish/parquet-parts.ts';
import { SHA256SUMS_FILE, formatSha256Sums, parseSha256Sums, sha256OfFile } from '../publish/sha256sums.ts';
import type { Release } from '../intake/types.ts';

const SHA256SUMS = SHA256SUMS_FILE;
const DATAPACKAGE = 'datapackage.json';
/** Published files a frozen release serves: the tables in their contract formats. */
const KEPT_DATA = /\.(csv|json|parquet)$/;
/** Kept gzipped in the repository (Parquet is compressed already). */
const GZIPPED = /\.(csv|json)$/;

const NEVER_CHANGES = `A kept release must never change; restore its files from git (git checkout -- data/${KEPT_RELEASES_DIR}/).`;

export interface KeptRelease {
  release: Release;
  /** `data/releases/<id>`. */
  dir: string;
}

export const inputsDir = (kept: KeptRelease | string): string => join(typeof kept === 'string' ? kept : kept.dir, 'inputs');
const keptDataDir = (dir: string): string => join(dir, 'data');

/** The kept releases of a data folder, oldest first (by date, then id). */
export async function listKeptReleases(dataDir: string): Promise<KeptRelease[]> {
  const root = join(dataDir, KEPT_RELEASES_DIR);
  if (!existsSync(root)) return [];
  const kept: KeptRelease[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(root, entry.name);
    const { release } = await loadSiteConfig(inputsDir(dir), () => {}, undefined, {});
    if (release.version !== entry.name) {
      throw new Error(`${dir}: its inputs/site.json is release ${release.version}; the folder must be named after the release it keeps (rename it to ${release.version}).`);
    }
    kept.push({ release, dir });
  }
  return kept.sort((a, b) => a.release.date.localeCompare(b.release.date) || a.release.version.localeCompare(b.release.version));
}

/**
 * The files of a published data folder that a frozen release serves, and the SHA256SUMS text
 * listing them: the lines of the release's own SHA256SUMS for those files, unchanged.
 */
export function keptView(publishDir: string): { files: string[]; sha256sums: string } {
  const sums = readSums(join(publishDir, SHA256SUMS));
  const files = [...sums.keys()].filter((name) => KEPT_DATA.test(name));
  if (!files.includes(DATAPACKAGE)) throw new Error(`${publishDir}/${SHA256SUMS} does not list ${DATAPACKAGE}: run npm run data first.`);
  return { files, sha256sums: formatSha256Sums(files.map((file) => ({ file, sha256: sums.get(file) as string }))) };
}

/** Copies a published folder's kept view into `outDir` (the current release's frozen data). */
export function copyKeptView(publishDir: string, outDir: string): string[] {
  const { files, sha256sums } = keptView(publishDir);
  mkdirSync(outDir, { recursive: true });
  for (const name of files) copyFileSync(join(publishDir, name), join(outDir, name));
  writeFileSync(join(outDir, SHA256SUMS), sha256sums);
  return files;
}

/**
 * Keeps the release published in `publishDir` (built from `dataDir`) as `<keptRoot>/<id>/`
 * (`data/releases/<id>/`). Refuses to overwrite: a kept release never changes.
 */
export function keepRelease(publishDir: string, dataDir: string, release: Release, keptRoot = join(dataDir, KEPT_RELEASES_DIR)): string {
  const dir = join(keptRoot, release.version);
  if (existsSync(dir)) throw new Error(`${dir} exists: release ${release.version} is kept already, and a kept release never changes.`);
  const datapackage = JSON.parse(readFileSync(join(publishDir, DATAPACKAGE), 'utf8')) as { version?: string };
  if (datapackage.version !== release.version) {
    throw new Error(`${publishDir} holds release ${datapackage.version}, not ${release.version}: run npm run data with this site.json first.`);
  }
  const { files, sha256sums } = keptView(publishDir);
  verify(publishDir, files, sha256sums);
  const data = keptDataDir(dir);
  mkdirSync(data, { recursive: true });
  for (const name of files) {
    const bytes = readFileSync(join(publishDir, name));
    if (GZIPPED.test(name)) writeFileSync(join(data, `${name}.gz`), gzipSync(bytes, { level: 9 }));
    else writeFileSync(join(data, name), bytes);
  }
  writeFileSync(join(data, SHA256SUMS), sha256sums);
  const register = existsSync(join(dataDir, REGISTER_FILE)) ? [REGISTER_FILE] : [];
  for (const rel of [...listDataFiles(dataDir).filter((rel) => !isResponseFile(rel)), ...register]) {
    const target = join(inputsDir(dir), rel);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(dataDir, rel), target);
  }
  return dir;
}

/**
 * Writes a kept release's data files into `outDir`, each checked against its SHA256SUMS, a table
 * over the part limit in parts (servedInParts); returns the files written.
 */
export async function restoreKeptData(kept: KeptRelease, outDir: string, partLimit = PART_LIMIT_BYTES): Promise<string[]> {
  const data = keptDataDir(kept.dir);
  const sha256sums = readFileSync(join(data, SHA256SUMS), 'utf8');
  const files = [...parseSha256Sums(sha256sums).keys()];
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const name of files) {
    const stored = join(data, GZIPPED.test(name) ? `${name}.gz` : name);
    if (!existsSync(stored)) throw new Error(`${stored} is missing: release ${kept.release.version} lists ${name} in its ${SHA256SUMS}.`);
    const bytes = readFileSync(stored);
    writeFileSync(join(outDir, name), GZIPPED.test(name) ? gunzipSync(bytes) : bytes);
  }
  writeFileSync(join(outDir, SHA256SUMS), sha256sums);
  verify(outDir, files, sha256sums, `the kept release ${kept.release.version} (${data})`);
  return servedInParts(outDir, files, partLimit);
}

interface PackageResource {
  path: string | string[];
  format: string;
  bytes: number;
  hash?: string;
  parts?: { path: string; bytes: number; hash: string }[];
}

/**
 * A restored release's tables over the part limit, published in parts as src/publish/
 * write-published.ts does for a new release: the CSV or Parquet file is split, its resource in
 * datapackage.json gets the parts as `path` (a CSV keeps its `hash`: the parts joined are the kept
 * bytes), and SHA256SUMS lists the parts instead of the file. Nothing changes when every file fits.
 */
async function servedInParts(dir: string, files: readonly string[], limit: number): Promise<string[]> {
  const large = files.filter((name) => /\.(csv|parquet)$/.test(name) && statSync(join(dir, name)).size > limit);
  if (large.length === 0) return [...files];
  const descriptor = JSON.parse(readFileSync(join(dir, DATAPACKAGE), 'utf8')) as { resources: PackageResource[] };
  const sums = parseSha256Sums(readFileSync(join(dir, SHA256SUMS), 'utf8'));
  const served = files.filter((name) => !large.includes(name));
  for (const name of large) {
    const names = name.endsWith('.csv') ? splitCsvFile(dir, name, limit) : await splitParquetFile(dir, name, limit);
    const parts = [];
    for (const part of names) parts.push({ path: part, bytes: statSync(join(dir, part)).size, hash: `sha256:${await sha256OfFile(join(dir, part))}` });
    for (const part of parts) sums.set(part.path, part.hash.slice('sha256:'.length));
    sums.delete(name);
    served.push(...names);
    const resource = descriptor.resources.find((r) => r.path === name);
    if (!resource) continue;
    resource.path = names;
    resource.bytes = parts.reduce((sum, part) => sum + part.bytes, 0);
    if (!name.endsWith('.csv')) delete resource.hash;
    resource.parts = parts;
  }
  writeFileSync(join(dir, DATAPACKAGE), `${JSON.stringify(descriptor, null, 2)}\n`);
  sums.set(DATAPACKAGE, await sha256OfFile(join(dir, DATAPACKAGE)));
  writeFileSync(join(dir, SHA256SUMS), formatSha256Sums(served.map((file) => ({ file, sha256: sums.get(file) as string }))));
  return served;
}

/**
 * The text of one kept table, e.g. the previous release's `indices.csv` (for the revisions),
 * checked against its SHA256SUMS line like every restored file; a table kept in parts
 * (`indices-1.csv`, …) is read from its parts, each checked, joined.
 */
export function readKeptTable(kept: KeptRelease, name: string): string | undefined {
  const data = keptDataDir(kept.dir);
  const sums = readSums(join(data, SHA256SUMS));
  const parts = sums.has(name) ? [] : partsAmong((file) => sums.has(file), name);
  const files = parts.length > 0 ? parts : [name];
  const texts: Buffer[] = [];
  for (const file of files) {
    const stored = join(data, GZIPPED.test(file) ? `${file}.gz` : file);
    if (!existsSync(stored)) return undefined;
    const raw = readFileSync(stored);
    const bytes = GZIPPED.test(file) ? gunzipSync(raw) : raw;
    if (createHash('sha256').update(bytes).digest('hex') !== sums.get(file)) {
      throw new Error(`the kept release ${kept.release.version} (${data}): ${file} does not match its ${SHA256SUMS} line. ${NEVER_CHANGES}`);
    }
    texts.push(bytes);
  }
  return Buffer.concat(texts).toString('utf8');
}

function verify(dir: string, files: readonly string[], sha256sums: string, what = dir): void {
  const sums = parseSha256Sums(sha256sums);
  for (const name of files) {
    const actual = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
    if (actual !== sums.get(name)) {
      throw new Error(`${what}: ${name} does not match its ${SHA256SUMS} line. ${NEVER_CHANGES}`);
    }
  }
}

function readSums(path: string): Map<string, string> {
  if (!existsSync(path)) throw new Error(`${path} is missing.`);
  return parseSha256Sums(readFileSync(path, 'utf8'));
}

/** Survey responses are not kept: the published tables hold what the release showed. */
function isResponseFile(rel: string): boolean {
  return /^surveys\/[^/]+\/responses\//.test(rel);
}
