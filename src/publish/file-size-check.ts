/**
 * The bar on published files, enforced rather than hoped for: no file of an output folder
 * (public/data after `npm run data`, dist/ after `npm run build`) may be larger than
 * FILE_LIMIT_BYTES (25 MiB), the most some static hosts take. Large tables are published in parts
 * (file-parts.ts) to stay under it; this check catches anything that still is not.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FILE_LIMIT_BYTES } from './file-parts.ts';

export interface OversizedFile {
  /** Path relative to the folder checked. */
  path: string;
  bytes: number;
}

/** Every file under `dir` (at any depth) larger than `limit` bytes, by path. */
export function filesOverLimit(dir: string, limit = FILE_LIMIT_BYTES): OversizedFile[] {
  const found: OversizedFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const bytes = statSync(path).size;
        if (bytes > limit) found.push({ path: relative(dir, path), bytes });
      }
    }
  };
  walk(dir);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The plain message for files over the limit; undefined when there is none. */
export function oversizeMessage(dir: string, oversized: readonly OversizedFile[], limit = FILE_LIMIT_BYTES): string | undefined {
  if (oversized.length === 0) return undefined;
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return (
    `${oversized.length} file(s) in ${dir} are larger than ${mib(limit)}, more than some static hosts accept:\n` +
    oversized.map(({ path, bytes }) => `  ${path}: ${mib(bytes)}`).join('\n') +
    '\nLarge tables are published in parts (src/publish/file-parts.ts); a file listed here was not: split it the same way or leave it out.'
  );
}

/** Throws the plain message when a file under `dir` is over the limit. */
export function checkFileSizes(dir: string, limit = FILE_LIMIT_BYTES): void {
  const message = oversizeMessage(dir, filesOverLimit(dir, limit), limit);
  if (message) throw new Error(message);
}
