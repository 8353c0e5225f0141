/**
 * A Parquet file larger than the part limit (file-parts.ts) published as parts: `indices.parquet`
 * → `indices-1.parquet`, `indices-2.parquet`, …, each a complete Parquet file holding whole row
 * groups of the original, in order, written with the same writer settings (parquet.ts). Unlike a
 * CSV's, the parts are not joined byte for byte: a reader takes them as one table by a pattern
 * (DuckDB `read_parquet('indices-*.parquet')`, pandas and polars with a list of files), or by the
 * list in datapackage.json's `path`.
 *
 * The cuts come from the file's own metadata: row groups are taken while their compressed sizes
 * plus the whole file's non-data bytes (footer, page indexes: more than any part's) stay within
 * the limit, so no part can cross it; a part that would is an error, never a silent big file.
 */
import { openAsBlob, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParquetFile, readParquet, writeParquet } from 'parquet-wasm/node';
import { PART_LIMIT_BYTES, partFileName } from './file-parts.ts';
import { writerProperties } from './parquet.ts';

/**
 * The row groups of each part: groups are taken in order while `overhead` plus their sizes stay
 * within `limit`. Throws when one group alone does not fit.
 */
export function parquetPartGroups(groupBytes: readonly number[], overhead: number, limit: number): number[][] {
  const parts: number[][] = [];
  let current: number[] = [];
  let used = overhead;
  groupBytes.forEach((bytes, group) => {
    if (overhead + bytes > limit) {
      throw new Error(`row group ${group} alone takes ${overhead + bytes} bytes with the footer, more than a part may (${limit} bytes); write smaller row groups`);
    }
    if (used + bytes > limit) {
      parts.push(current);
      current = [];
      used = overhead;
    }
    current.push(group);
    used += bytes;
  });
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/**
 * Publishes `dir/file` (a Parquet file) in parts when it is larger than `limit`: writes the parts,
 * removes the whole file and returns the parts' names; a file within the limit stays (`[file]`).
 */
export async function splitParquetFile(dir: string, file: string, limit = PART_LIMIT_BYTES): Promise<string[]> {
  const path = join(dir, file);
  const size = statSync(path).size;
  if (size <= limit) return [file];
  const metadata = (await ParquetFile.fromFile(await openAsBlob(path))).metadata();
  const groups = metadata.rowGroups();
  const groupBytes = groups.map((group) => group.compressedSize());
  // Row groups as long as the file's (every group but the last is full), so each part keeps them.
  const groupRows = Math.max(1, ...groups.map((group) => group.numRows()));
  const overhead = size - groupBytes.reduce((sum, bytes) => sum + bytes, 0);
  let plan: number[][];
  try {
    plan = parquetPartGroups(groupBytes, overhead, limit);
  } catch (error) {
    throw new Error(`${file} cannot be published in parts: ${(error as Error).message}`);
  }
  const bytes = readFileSync(path);
  const names = plan.map((_, i) => partFileName(file, i + 1, plan.length));
  plan.forEach((rowGroups, i) => {
    const table = readParquet(bytes, { rowGroups, batchSize: groupRows });
    // writeParquet takes the table (and frees it).
    const part = writeParquet(table, writerProperties(groupRows));
    if (part.length > limit) throw new Error(`${names[i]} would be ${part.length} bytes, more than a part may (${limit} bytes)`);
    writeFileSync(join(dir, names[i] as string), part, { mode: 0o644 });
  });
  rmSync(path);
  return names;
}
