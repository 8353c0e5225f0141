/**
 * The whole release's data in one archive, `sipas-<release>.zip`, beside the files it holds: every
 * file listed in SHA256SUMS, plus SHA256SUMS itself (so the unpacked folder checks itself with
 * `sha256sum -c SHA256SUMS`). Written with fflate's Zip (entries deflated by zlib, xlsx.ts); the
 * entries' times are the release date and their order is by name, so the same release gives the
 * same archive bytes. Parquet and XLSX are compressed already and are stored as they are.
 */
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Zip } from 'fflate';
import { ZlibZipEntry, entryTime } from './xlsx.ts';

const CHUNK = 1 << 20;
const STORED = /\.(parquet|xlsx|zip)$/;
/** zlib level 1: five times faster than the default on the large CSVs, for an archive a few percent larger (most of it is stored XLSX and Parquet). */
const LEVEL = 1;

/** File name of a release's archive: `sipas-2026.1.zip`. */
export function releaseZipName(release: string): string {
  return `sipas-${release}.zip`;
}

/** Writes `<dir>/<zip name>` holding `files` (names in `dir`); returns the archive's name. */
export function writeReleaseZip(dir: string, files: readonly string[], release: { version: string; date: string }): string {
  const name = releaseZipName(release.version);
  const mtime = entryTime(release.date);
  const out = openSync(join(dir, name), 'w', 0o644);
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      writeSync(out, chunk);
    });
    const buffer = Buffer.alloc(CHUNK);
    for (const file of [...files].sort()) {
      const entry = new ZlibZipEntry(file, mtime, STORED.test(file) ? 0 : LEVEL);
      zip.add(entry);
      const size = statSync(join(dir, file)).size;
      const input = openSync(join(dir, file), 'r');
      try {
        let done = 0;
        do {
          const read = readSync(input, buffer, 0, CHUNK, done);
          done += read;
          entry.push(buffer.subarray(0, read), done >= size);
          if (read === 0) break;
        } while (done < size);
      } finally {
        closeSync(input);
      }
    }
    zip.end();
  } finally {
    closeSync(out);
  }
  return name;
}
