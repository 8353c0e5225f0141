/**
 * Where the input files live: `DATA_DIR` when set (a publisher can build from their own folder),
 * else `data/` of the project. Always returned absolute, so messages and provenance agree.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from './data-error.ts';

/** The project root: two folders above this file (`src/intake/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `env` and `cwd` are parameters so tests can fix them; a relative `DATA_DIR` is read from `cwd`,
 * as a shell user expects.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.DATA_DIR?.trim();
  const dir = fromEnv ? resolve(cwd, fromEnv) : resolve(REPO_ROOT, 'data');
  if (!existsSync(dir)) {
    throw new DataError({
      file: dir,
      problem: fromEnv ? `the data folder named by DATA_DIR (${fromEnv}) does not exist.` : 'the data folder does not exist.',
      fix: fromEnv
        ? 'set DATA_DIR to the folder that holds site.json, units.csv and surveys/, or unset it to use data/ of the project.'
        : 'create data/ with site.json, units.csv, agencies.csv, fields.csv and surveys/ (see data-contract.md), or set DATA_DIR.',
    });
  }
  if (!statSync(dir).isDirectory()) {
    throw new DataError({
      file: dir,
      problem: 'DATA_DIR names a file, not a folder.',
      fix: 'set DATA_DIR to the folder that holds site.json, units.csv and surveys/.',
    });
  }
  return dir;
}
