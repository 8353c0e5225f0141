import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRecordBatches } from '../../src/publish/csv-batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function records(text: string, chunkBytes: number): Promise<{ rows: string[][]; batches: number }> {
  const path = join(dir, `t-${chunkBytes}-${text.length}.csv`);
  writeFileSync(path, text);
  const rows: string[][] = [];
  let batches = 0;
  for await (const batch of csvRecordBatches(path, chunkBytes)) {
    batches += 1;
    rows.push(...batch);
  }
  return { rows, batches };
}

// Quoted cells holding a comma, a doubled quote and a line break, and multi-byte letters, so that
// some chunk boundary falls inside each of them for the small chunk sizes below.
const TEXT = 'id,note\nr1,"a,b"\nr2,"say ""hi"""\nr3,"two\nlines"\nr4,Phường Đô Vinh\n';
const EXPECTED = [['id', 'note'], ['r1', 'a,b'], ['r2', 'say "hi"'], ['r3', 'two\nlines'], ['r4', 'Phường Đô Vinh']];

describe('csvRecordBatches', () => {
  it.each([1, 2, 3, 5, 7, 11, 64, 1 << 20])('reads the same records whatever the chunk size (%d bytes)', async (size) => {
    expect((await records(TEXT, size)).rows).toEqual(EXPECTED);
  });

  it('yields several batches when the file is longer than a chunk', async () => {
    expect((await records(TEXT, 8)).batches).toBeGreaterThan(1);
  });

  it('reads CRLF line ends and a last line without a line break', async () => {
    const crlf = 'id,note\r\nr1,"x\r\ny"\r\nr2,z';
    expect((await records(crlf, 4)).rows).toEqual([['id', 'note'], ['r1', 'x\r\ny'], ['r2', 'z']]);
  });

  it('skips blank lines and reads an empty file as no records', async () => {
    expect((await records('a,b\n\n1,2\n', 3)).rows).toEqual([['a', 'b'], ['1', '2']]);
    expect((await records('', 3)).rows).toEqual([]);
  });
});
