import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvBatches, type CsvRecord } from '../../src/intake/csv-records.ts';
import { openText } from '../../src/intake/read-text.ts';
import { BAD_FILES, tempDir } from './fixture.ts';

async function records(path: string, chunkBytes = 1 << 20): Promise<{ records: CsvRecord[]; blankLines: number }> {
  const source = await openText(path, 'f.csv', () => {}, chunkBytes);
  const all: CsvRecord[] = [];
  let blankLines = 0;
  for await (const batch of readCsvBatches(source, 'f.csv')) {
    all.push(...batch.records);
    blankLines += batch.blankLines;
  }
  return { records: all, blankLines };
}

describe('readCsvBatches', () => {
  it('gives each record the physical line it starts on', async () => {
    const { records: rows } = await records(join(BAD_FILES, 'quoted-newlines.csv'));
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([[1, 'response_id'], [2, 'Q1'], [3, 'Q2'], [6, 'Q3'], [7, 'Q4'], [8, 'Q5'], [10, 'Q6']]);
    expect(rows[2]?.cells[7]).toBe('dòng một\ndòng hai\ndòng ba');
    expect(rows[4]?.cells[7]).toBe('có "ngoặc kép" và dấu, phẩy');
  });

  it.each(['quoted-newlines.csv', 'quoted-newlines-crlf.csv', 'semicolon-crlf.csv', 'blank-lines.csv', 'utf16le-tab.csv'])(
    'gives the same records for %s whatever the chunk size (rows, quotes and CRLF cut at chunk edges)',
    async (file) => {
      const whole = await records(join(BAD_FILES, file));
      for (const size of [1, 2, 3, 7, 13]) expect(await records(join(BAD_FILES, file), size)).toEqual(whole);
    },
  );

  it('skips blank lines and all-empty rows, counting them, but not the end of the file', async () => {
    const { records: rows, blankLines } = await records(join(BAD_FILES, 'blank-lines.csv'));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 6]);
    expect(blankLines).toBe(5);
  });

  it('reads a last row without a final line break', async () => {
    const path = join(tempDir(), 'no-final-break.csv');
    writeFileSync(path, 'a,b\r\n1,2\r\n3,4');
    expect((await records(path)).records).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }, { line: 3, cells: ['3', '4'] }]);
  });
});
