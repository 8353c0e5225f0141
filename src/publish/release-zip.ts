/**
 * The whole release's data in one archive, `sipas-<release>.zip`, beside the files it holds: every
 * file listed in SHA256SUMS, plus SHA256SUMS itself (so the unpacked folder checks itself with
 * `sha256sum -c SHA256SUMS`). Written with fflate's Zip (entries deflated by zlib, xlsx.ts); the
 * entries' times are the release date and their order is by name, so the same release gives the
 * same archive bytes. Parquet and XLSX are compressed already and are stored as they are.
 *
 * The archive is a convenience, never the only way to a file: when it would be larger than the
 * file limit (file-parts.ts) it is not published at all, rather than split into volumes that
 * most readers' systems cannot rejoin without a separate tool; every file it would hold is
 * downloadable on its own and listed with its hash in datapackage.json and SHA256SUMS.
 */
import { closeSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
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

/**
 * Writes `<dir>/<zip name>` holding `files` (names in `dir`) and returns the archive's name; or,
 * when the archive would be larger than `limit` bytes, writes nothing and returns undefined.
 * The files stored as they are (Parquet, XLSX) already tell when it cannot fit; otherwise it is
 * written, and removed if it turned out larger.
 */
export function writeReleaseZip(dir: string, files: readonly string[], release: { version: string; date: string }, limit = Infinity): string | undefined {
  const stored = files.filter((file) => STORED.test(file)).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  if (stored > limit) return undefined;
  const name = releaseZipName(release.version);
  const mtime = entryTime(release.date);
  const out = openSync(join(dir, name), 'w', 0o644);
  let bytes = 0;
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      writeSync(out, chunk);
      bytes += chunk.length;
    });
    const buffer = Buffer.alloc(CHUNK);
    for (const file of [...files].sort()) {
      // Past the limit already: stop here, the archive will not be published.
      if (bytes > limit) break;
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
    if (bytes <= limit) zip.end();
  } finally {
    closeSync(out);
  }
  if (bytes > limit) {
    rmSync(join(dir, name));
    return undefined;
  }
  return name;
}
