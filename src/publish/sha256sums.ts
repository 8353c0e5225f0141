/**
 * `SHA256SUMS`: one `<hex>  <file name>` line per published file (two spaces: the text-mode form
 * `sha256sum` writes), sorted by file name, so that `sha256sum -c SHA256SUMS` run in the data
 * folder checks every file. It lists every file except itself.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const SHA256SUMS_FILE = 'SHA256SUMS';

/** Hex SHA-256 of a file, read in chunks (a responses file may be hundreds of MB). */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Uint8Array);
  return hash.digest('hex');
}

export function formatSha256Sums(entries: readonly { file: string; sha256: string }[]): string {
  for (const { file, sha256 } of entries) {
    // sha256sum escapes names holding a backslash or a line break; ours never do.
    if (/[\\\n\r]/.test(file) || file.includes('/')) throw new Error(`cannot list ${JSON.stringify(file)} in ${SHA256SUMS_FILE}`);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${file}: ${sha256} is not a hex SHA-256`);
  }
  return [...entries]
    .filter(({ file }) => file !== SHA256SUMS_FILE)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ file, sha256 }) => `${sha256}  ${file}\n`)
    .join('');
}

/** A SHA256SUMS text read back: the sha256 of each file it lists, by file name, in its order. */
export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (match) sums.set(match[2] as string, match[1] as string);
  }
  return sums;
}
