/**
 * Tables over the part limit published in parts (file-parts.ts, parquet-parts.ts), with limits of
 * a few bytes so the cuts can be worked out by hand.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { describe, expect, it } from 'vitest';
import { csvPartEnds, partFileName, partsAmong, publishedParts, readPublishedCsv, splitCsvFile } from '../../src/publish/file-parts.ts';
import { filesOverLimit, oversizeMessage } from '../../src/publish/file-size-check.ts';
import { ParquetTableWriter } from '../../src/publish/parquet.ts';
import { parquetPartGroups, splitParquetFile } from '../../src/publish/parquet-parts.ts';
import type { PublishedField, TableSchema } from '../../src/publish/schemas.ts';
import { publishRow } from '../../src/publish/cell.ts';

const enc = new TextEncoder();
const bytes = (text: string) => enc.encode(text);
/** Each byte of the text as its own chunk: a cut or a quote may fall on any chunk boundary. */
const byteChunks = (text: string) => [...bytes(text)].map((b) => Uint8Array.of(b));

const BOM = '\uFEFF'; // 3 bytes in UTF-8
const HEADER = 'a,b\n'; // 4 bytes
/** Row i: 30 bytes, `r<i>,` padded with x to 29 characters and a line break. */
const row = (i: number) => `r${i},`.padEnd(29, 'x') + '\n';
const SIX_ROWS = BOM + HEADER + [1, 2, 3, 4, 5, 6].map(row).join('');

describe('where a CSV is cut (csvPartEnds)', () => {
  it('fills each part up to the limit with whole rows: 7 + 3 × 30 = 97 bytes, then 3 × 30 = 90', () => {
    expect(bytes(SIX_ROWS).length).toBe(187);
    expect(csvPartEnds([bytes(SIX_ROWS)], 100)).toEqual([97, 187]);
    // 7 + 30 = 37 ≤ 60 < 67; then two rows (60) per part: 37, 97, 157, 187.
    expect(csvPartEnds([bytes(SIX_ROWS)], 60)).toEqual([37, 97, 157, 187]);
    // A part exactly as long as the limit is allowed: 7 + 3 × 30 = 97.
    expect(csvPartEnds([bytes(SIX_ROWS)], 97)).toEqual([97, 187]);
  });

  it('gives one part when the whole fits, and cuts the same whatever the chunks', () => {
    expect(csvPartEnds([bytes(SIX_ROWS)], 187)).toEqual([187]);
    expect(csvPartEnds(byteChunks(SIX_ROWS), 100)).toEqual([97, 187]);
    expect(csvPartEnds([], 100)).toEqual([0]);
  });

  it('never cuts inside a quoted cell holding a line break or a doubled quote', () => {
    // header 2 bytes, row A 8 bytes, row B 10 bytes: the only row ends are at 2, 10 and 20; the
    // line breaks inside the quotes (at 5 and 15) are not.
    const csv = 'h\n' + '"a\nb",1\n' + '"x""\ny",2\n';
    expect(bytes(csv).length).toBe(20);
    expect(csvPartEnds(byteChunks(csv), 15)).toEqual([10, 20]);
    expect(csvPartEnds(byteChunks(csv), 10)).toEqual([10, 20]);
  });

  it('ends the last row at the end of a file without a final line break', () => {
    expect(csvPartEnds([bytes('h\nab\ncd')], 5)).toEqual([5, 7]);
  });

  it('refuses a row longer than a part may be', () => {
    expect(() => csvPartEnds([bytes(SIX_ROWS)], 29)).toThrow(/a CSV row of 30 bytes \(from byte 7\) is longer than a part may be \(29 bytes\)/);
    expect(() => csvPartEnds([bytes('h\n' + 'x'.repeat(20) + '\n')], 10)).toThrow(/a CSV row of 21 bytes \(from byte 2\)/);
  });
});

describe('a CSV published in parts (splitCsvFile)', () => {
  it('names the parts after the file, puts BOM and header in the first only, and joins back to the whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-parts-'));
    writeFileSync(join(dir, 'indices.csv'), SIX_ROWS);
    expect(splitCsvFile(dir, 'indices.csv', 60)).toEqual(['indices-1.csv', 'indices-2.csv', 'indices-3.csv', 'indices-4.csv']);
    expect(existsSync(join(dir, 'indices.csv'))).toBe(false);
    const parts = publishedParts(dir, 'indices.csv').map((name) => readFileSync(join(dir, name)));
    expect(parts.map((part) => part.length)).toEqual([37, 60, 60, 30]);
    expect(parts[0]?.toString('utf8')).toBe(BOM + HEADER + row(1));
    expect(parts[1]?.toString('utf8')).toBe(row(2) + row(3));
    expect(parts[3]?.toString('utf8')).toBe(row(6));
    expect(Buffer.concat(parts).equals(Buffer.from(SIX_ROWS, 'utf8'))).toBe(true);
    expect(readPublishedCsv(dir, 'indices.csv')).toBe(SIX_ROWS);
  });

  it('leaves a file within the limit whole, under its own name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-parts-'));
    writeFileSync(join(dir, 'units.csv'), SIX_ROWS);
    expect(splitCsvFile(dir, 'units.csv', 187)).toEqual(['units.csv']);
    expect(publishedParts(dir, 'units.csv')).toEqual(['units.csv']);
    expect(readPublishedCsv(dir, 'units.csv')).toBe(SIX_ROWS);
    expect(readPublishedCsv(dir, 'trends.csv')).toBeUndefined();
  });

  it('names parts with the number before the extension, as many digits as the count so that they sort', () => {
    expect(partFileName('indices.csv', 2, 3)).toBe('indices-2.csv');
    expect(partFileName('indices.csv', 2, 12)).toBe('indices-02.csv');
    expect(partFileName('responses-y-te.parquet', 10, 10)).toBe('responses-y-te-10.parquet');
    const twelve = Array.from({ length: 12 }, (_, i) => partFileName('indices.csv', i + 1, 12));
    expect([...twelve].sort()).toEqual(twelve);
    expect(partsAmong((name) => twelve.includes(name), 'indices.csv')).toEqual(twelve);
    expect(partsAmong((name) => ['indices-1.csv', 'indices-2.csv', 'indices-4.csv'].includes(name), 'indices.csv')).toEqual(['indices-1.csv', 'indices-2.csv']);
    expect(partsAmong(() => false, 'indices.csv')).toEqual([]);
  });
});

describe('Parquet published in parts', () => {
  it('takes whole row groups while they and the footer fit: 10 + 40 + 30 = 80, then 10 + 30 + 50 = 90', () => {
    expect(parquetPartGroups([40, 30, 30, 50], 10, 100)).toEqual([[0, 1], [2, 3]]);
    expect(parquetPartGroups([40, 30], 10, 100)).toEqual([[0, 1]]);
    expect(() => parquetPartGroups([40, 95], 10, 100)).toThrow(/row group 1 alone takes 105 bytes/);
  });

  it('splits a file into complete Parquet files of whole row groups holding every row in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parquet-parts-'));
    const field = (name: string, type: PublishedField['type']): PublishedField => ({ name, type, description_vi: name, description_en: name, required: true });
    const schema: TableSchema = {
      name: 'sample', title_vi: 's', title_en: 's', description_vi: 's', description_en: 's', formats: ['parquet'], checkPrimaryKey: false,
      fields: [field('id', 'integer'), field('text', 'string'), field('value', 'number')],
    };
    const writer = new ParquetTableWriter(join(dir, 'sample.parquet'), schema, 200);
    // Texts that do not compress away, so each row group has a size of its own.
    const rows = Array.from({ length: 2000 }, (_, i) => [i, `${(i * 7919) % 1000003}-${((i * 104729) % 999983).toString(36)}`, (i % 97) / 4]);
    rows.forEach((values, i) => writer.push(publishRow(schema, values, i + 1)));
    const size = await writer.close();
    const limit = Math.ceil(size * 0.6);
    const names = await splitParquetFile(dir, 'sample.parquet', limit);
    expect(names).toEqual(['sample-1.parquet', 'sample-2.parquet']);
    expect(existsSync(join(dir, 'sample.parquet'))).toBe(false);
    const read: Record<string, unknown>[] = [];
    for (const name of names) {
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(limit);
      const file = await asyncBufferFromFile(join(dir, name));
      const metadata = await parquetMetadataAsync(file);
      // Whole groups of 200 rows, as written.
      expect(metadata.row_groups.every((group) => Number(group.num_rows) === 200)).toBe(true);
      read.push(...((await parquetReadObjects({ compressors, file })) as Record<string, unknown>[]));
    }
    expect(read.map((r) => [r.id, r.text, r.value])).toEqual(rows);
  });
});

describe('the bar on file size (file-size-check.ts)', () => {
  it('names every file over the limit, at any depth, and passes a folder without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'size-check-'));
    writeFileSync(join(dir, 'small.csv'), 'x'.repeat(100));
    writeFileSync(join(dir, 'edge.csv'), 'x'.repeat(101));
    expect(filesOverLimit(dir, 101)).toEqual([]);
    const deep = join(dir, 'phat-hanh', '2026.1', 'data');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'indices.csv'), 'x'.repeat(102));
    expect(filesOverLimit(dir, 101)).toEqual([{ path: join('phat-hanh', '2026.1', 'data', 'indices.csv'), bytes: 102 }]);
    expect(filesOverLimit(dir, 100).map((f) => f.path)).toEqual(['edge.csv', join('phat-hanh', '2026.1', 'data', 'indices.csv')]);
    expect(oversizeMessage(dir, filesOverLimit(dir, 101), 101)).toMatch(/1 file\(s\) in .* are larger than 0\.0 MiB[\s\S]*phat-hanh\/2026\.1\/data\/indices\.csv/);
    expect(oversizeMessage(dir, [], 101)).toBeUndefined();
  });
});
