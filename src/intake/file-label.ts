/**
 * How a file is named in messages and in the quarantine: relative to the working folder when it
 * lies inside it (`data/surveys/sipas/responses/2024.csv`, what the user sees in their file
 * manager), else absolute. Forward slashes on every system, so reports read the same everywhere.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type FileLabeller = (path: string) => string;

export function fileLabel(path: string, root: string = process.cwd()): string {
  const abs = resolve(path);
  const rel = relative(root, abs);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : abs).split(sep).join('/');
}
