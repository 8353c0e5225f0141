/**
 * The responses writer that works from the validated CSV's bytes (validated-responses-writer.ts)
 * must write exactly the files of the row-by-row writer (writeTable ← responseRows), which the
 * other publish tests check in detail. Each case here writes one validated CSV both ways and
 * compares the files byte for byte; the fast writer runs three times, with its normal 8 MB chunks
 * and with chunks of 8 and 37 bytes, so records (and quoted line breaks) are cut by chunk ends.
 * A few expected lines are also written out by hand, so the comparison cannot pass on two files
 * that are wrong the same way.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, describe, expect, it } from 'vitest';
import { publishRow } from '../../src/publish/cell.ts';
import { CsvWriter } from '../../src/publish/csv.ts';
import { ParquetTableWriter } from '../../src/publish/parquet.ts';
import { responseRows } from '../../src/publish/response-rows.ts';
import { responsesSchema } from '../../src/publish/schemas.ts';
import { writeTable } from '../../src/publish/table-writer.ts';
import { writeValidatedResponses, type WriterSizes } from '../../src/publish/validated-responses-writer.ts';
import { instrument as fixtureInstrument } from '../fixtures/publish/fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'responses-fast-path-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Three items: TC1, TC2, TT1 (tests/fixtures/publish/sipas.instrument.json). */
const instrument = fixtureInstrument('sipas');
const schema = responsesSchema(instrument);
const HEADER = 'response_id,date,unit_code,agency_code,field,channel,respondent_type,TC1,TC2,TT1';
const CSV_FILE = `${schema.name}.csv`;
const PARQUET_FILE = `${schema.name}.parquet`;
const CHUNK_SIZES = [undefined, 8, 37];

let files = 0;
function newDir(): string {
  files += 1;
  const dir = join(work, `out-${files}`);
  mkdirSync(dir);
  return dir;
}

function validatedFile(text: string | Buffer): string {
  files += 1;
  const path = join(work, `validated-${files}.csv`);
  writeFileSync(path, text);
  return path;
}

interface Files {
  dir: string;
  csv: Buffer;
  parquet: Buffer;
}

const filesIn = (dir: string): Files => ({
  dir,
  csv: readFileSync(join(dir, CSV_FILE)),
  parquet: readFileSync(join(dir, PARQUET_FILE)),
});

/** The row-by-row writer, as write-published.ts runs it; with smaller row groups when asked. */
async function rowByRow(validatedCsv: string, rowGroupRows?: number): Promise<Files> {
  const dir = newDir();
  const source = responseRows({ instrument, validatedCsv });
  if (rowGroupRows === undefined) {
    await writeTable(dir, schema, source);
    return filesIn(dir);
  }
  // writeTable with another row-group size: the same row conversion and the same two writers.
  if (!('batches' in source)) throw new Error('a validated CSV is read in batches');
  const csv = new CsvWriter(join(dir, CSV_FILE), schema);
  const parquet = new ParquetTableWriter(join(dir, PARQUET_FILE), schema, rowGroupRows);
  let rowNumber = 0;
  for await (const batch of source.batches) {
    for (const raw of batch) {
      const row = publishRow(schema, raw, ++rowNumber);
      csv.push(row);
      parquet.push(row);
    }
  }
  csv.close();
  await parquet.close();
  return filesIn(dir);
}

async function fromBytes(validatedCsv: string, sizes: WriterSizes): Promise<Files & { rows: number }> {
  const dir = newDir();
  const { rows } = await writeValidatedResponses(dir, instrument, validatedCsv, sizes);
  return { ...filesIn(dir), rows };
}

/** Writes `text` both ways and expects the same bytes; returns the fast writer's files. */
async function expectSameFiles(text: string | Buffer, rowGroupRows?: number): Promise<Files & { rows: number }> {
  const path = validatedFile(text);
  const expected = await rowByRow(path, rowGroupRows);
  let last: (Files & { rows: number }) | undefined;
  for (const chunkBytes of CHUNK_SIZES) {
    last = await fromBytes(path, { rowGroupRows, chunkBytes });
    expect(last.csv.toString('utf8'), `CSV, chunks of ${chunkBytes ?? 'default'} bytes`).toBe(expected.csv.toString('utf8'));
    expect(last.csv.equals(expected.csv)).toBe(true);
    expect(last.parquet.equals(expected.parquet), `Parquet, chunks of ${chunkBytes ?? 'default'} bytes`).toBe(true);
  }
  return last as Files & { rows: number };
}

async function messageOf(write: () => unknown): Promise<string> {
  try {
    await write();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the writer to fail');
}

/** Both writers reject the file; returns both messages (row-by-row first, then each fast run's). */
async function messagesFor(text: string | Buffer): Promise<{ rowByRow: string; fast: string[] }> {
  const path = validatedFile(text);
  return {
    rowByRow: await messageOf(() => rowByRow(path)),
    fast: await Promise.all(CHUNK_SIZES.map((chunkBytes) => messageOf(() => fromBytes(path, { chunkBytes })))),
  };
}

/** The fast writer's messages only: for files the row-by-row writer (papaparse) reads leniently. */
async function fastMessagesFor(text: string | Buffer): Promise<string[]> {
  const path = validatedFile(text);
  return Promise.all(CHUNK_SIZES.map((chunkBytes) => messageOf(() => fromBytes(path, { chunkBytes }))));
}

const lines = (csv: Buffer) => csv.toString('utf8').split('\n');

/** Formula cells in every free text column, quoting, Vietnamese text, empty cells. */
const MIXED = [
  HEADER,
  'r-001,2024-03-05,585,585-MC,dat-dai,truc-tiep,ca-nhan,4,5,3',
  '=1+1,2024-03-06,+84912345678,-x,@a,truc-tuyen,to-chuc,1,,2',
  'r-003,2024-03-07,585,\tagency,\tfield,buu-chinh,ca-nhan,,,',
  '"r,004",2024-03-08,585,"585-MC ""một cửa""","dat-dai\nxay-dung",truc-tiep,ca-nhan,5,4,3',
  'r-005,2024-02-29,22810,Phường Đô Vinh,Đất đai,truc-tiep,to-chuc,3,3,3',
  'r-006,2024-12-31,22810,"UBND xã Quảng Sơn, Ninh Thuận",,,,2,1,5',
  'r-007,2024-01-01,585,,,,,,,',
  'r-008,2024-01-02,585,-Đ,"=""x""",truc-tiep,ca-nhan,2147483647,1,1',
  '',
].join('\n');

describe('same files as the row-by-row writer', () => {
  it('plain records copied, formula cells neutralised, quoted cells re-quoted, Vietnamese kept', async () => {
    const written = await expectSameFiles(MIXED);
    expect(written.rows).toBe(8);
    // By hand (csv.ts): a text cell starting with = + - @ or a tab gets a leading ', and a cell
    // holding a comma, a quote or a line break is quoted with its quotes doubled.
    expect(lines(written.csv)).toEqual([
      `\uFEFF${HEADER}`,
      'r-001,2024-03-05,585,585-MC,dat-dai,truc-tiep,ca-nhan,4,5,3',
      "'=1+1,2024-03-06,'+84912345678,'-x,'@a,truc-tuyen,to-chuc,1,,2",
      "r-003,2024-03-07,585,'\tagency,'\tfield,buu-chinh,ca-nhan,,,",
      '"r,004",2024-03-08,585,"585-MC ""một cửa""","dat-dai',
      'xay-dung",truc-tiep,ca-nhan,5,4,3',
      'r-005,2024-02-29,22810,Phường Đô Vinh,Đất đai,truc-tiep,to-chuc,3,3,3',
      'r-006,2024-12-31,22810,"UBND xã Quảng Sơn, Ninh Thuận",,,,2,1,5',
      'r-007,2024-01-01,585,,,,,,,',
      `r-008,2024-01-02,585,'-Đ,"'=""x""",truc-tiep,ca-nhan,2147483647,1,1`,
      '',
    ]);
  });

  it('answers written oddly but read as integers by Number() are published in canonical form', async () => {
    // 05 → 5, 4.0 → 4, " 3" → 3, +2 → 2, -0 → 0 (String(-0) is "0"): what the row-by-row writer does.
    const written = await expectSameFiles(`${HEADER}\nr-1,2024-03-05,585,,,,,05,4.0, 3\nr-2,2024-03-05,585,,,,,+2,-0,1\n`);
    expect(lines(written.csv).slice(1)).toEqual(['r-1,2024-03-05,585,,,,,5,4,3', 'r-2,2024-03-05,585,,,,,2,0,1', '']);
  });

  it('skips empty lines, adds the missing final line break, reads \\r\\n files', async () => {
    const records = ['r-1,2024-03-05,585,,,truc-tiep,,1,2,3', '"r-2",2024-03-06,585,,"a\r\nb",,,4,5,'];
    const lf = await expectSameFiles(`\n${HEADER}\n\n${records[0]}\n\n${records[1]}`);
    const crlf = await expectSameFiles(`${HEADER}\r\n${records[0]}\r\n\r\n${records[1]}\r\n`);
    const expected = [`\uFEFF${HEADER}`, records[0], 'r-2,2024-03-06,585,,"a\r', 'b",,,4,5,', ''];
    expect(lines(lf.csv)).toEqual(expected);
    expect(lines(crlf.csv)).toEqual(expected);
    expect([lf.rows, crlf.rows]).toEqual([2, 2]);
  });

  it('a file with only the header gives empty tables', async () => {
    const written = await expectSameFiles(`${HEADER}\n`);
    expect(written.rows).toBe(0);
    expect(written.csv.toString('utf8')).toBe(`\uFEFF${HEADER}\n`);
    expect(await parquetReadObjects({ compressors, file: await asyncBufferFromFile(join(written.dir, PARQUET_FILE)) })).toEqual([]);
  });

  it('row groups of the asked size: 7 rows in groups of 3 → 3 + 3 + 1, general records at the cuts', async () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].map((i) => {
      // Rows 3 and 4 sit on either side of the first cut and take the general path.
      const id = i === 3 ? '"r,3"' : i === 4 ? '=r4' : `r-${i}`;
      return `${id},2024-03-0${i},585,585-MC,dat-dai,truc-tiep,ca-nhan,${i % 5 + 1},,${(i * 2) % 5 + 1}`;
    });
    const written = await expectSameFiles([HEADER, ...rows, ''].join('\n'), 3);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(join(written.dir, PARQUET_FILE)));
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([3, 3, 1]);
  });

  it('thousands of rows: many distinct ids, few distinct codes, groups of 1000', async () => {
    const units = ['585', '582', '22810', '22738'];
    const channels = ['truc-tiep', 'truc-tuyen', 'buu-chinh', ''];
    const rows: string[] = [HEADER];
    for (let i = 0; i < 2500; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const id = i % 500 === 7 ? `"id,${i}"` : `SIPAS-${i}`;
      rows.push(`${id},2024-02-${day},${units[i % 4]},${units[i % 4]}-MC,f-${i % 11},${channels[i % 4]},ca-nhan,${i % 5 + 1},${i % 7 === 0 ? '' : (i % 3) + 1},${(i % 4) + 2}`);
    }
    const written = await expectSameFiles(`${rows.join('\n')}\n`, 1000);
    expect(written.rows).toBe(2500);
  });
});

describe('the Parquet file reads back', () => {
  it('typed values, text not neutralised, dates as DATE, empty = null', async () => {
    const written = await expectSameFiles(MIXED);
    const rows = (await parquetReadObjects({ compressors, file: await asyncBufferFromFile(join(written.dir, PARQUET_FILE)) })) as Record<string, unknown>[];
    expect(rows).toHaveLength(8);
    expect(rows[1]).toMatchObject({ response_id: '=1+1', unit_code: '+84912345678', agency_code: '-x', field: '@a', TC1: 1, TC2: null, TT1: 2 });
    expect(rows[3]).toMatchObject({ response_id: 'r,004', agency_code: '585-MC "một cửa"', field: 'dat-dai\nxay-dung', TC1: 5 });
    expect(rows[4]).toMatchObject({ agency_code: 'Phường Đô Vinh', field: 'Đất đai', channel: 'truc-tiep', respondent_type: 'to-chuc' });
    expect((rows[4]?.date as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(rows[6]).toMatchObject({ agency_code: null, field: null, channel: null, respondent_type: null, TC1: null, TC2: null, TT1: null });
    expect(rows[7]).toMatchObject({ field: '="x"', TC1: 2147483647 });
  });
});

describe('files the writers refuse', () => {
  const good = 'r-1,2024-03-05,585,,,truc-tiep,ca-nhan,1,2,3';

  it('a header that does not match the instrument: same message', async () => {
    const { rowByRow: expected, fast } = await messagesFor(`${HEADER.replace('TC1,TC2', 'TC2,TC1')}\n${good}\n`);
    expect(expected).toMatch(/the header is .*TC2,TC1,TT1 but survey sipas expects .*TC1,TC2,TT1\. Re-run the intake step/);
    expect(fast).toEqual([expected, expected, expected]);
  });

  it('a record with a cell too few: same message', async () => {
    const { rowByRow: expected, fast } = await messagesFor(`${HEADER}\n${good}\n${good}\nr-3,2024-03-05,585,,,,,1,2\n`);
    expect(expected).toMatch(/record 4 \(the header is record 1\): 9 cells for 10 columns/);
    expect(fast).toEqual([expected, expected, expected]);
  });

  it('an empty required cell, an impossible date, a channel outside its list: same messages', async () => {
    for (const [record, problem] of [
      ['r-2,,585,,,,,1,2,3', /row 2 \(line 3 of responses-sipas\.csv\), column date: is empty but the column is required/],
      ['r-2,2024-02-30,585,,,,,1,2,3', /row 2 .*column date: expected a date YYYY-MM-DD \(got "2024-02-30"\)/],
      ['r-2,2024-03-05,585,,,=cmd,,1,2,3', /row 2 .*column channel: expected one of truc-tiep, truc-tuyen, buu-chinh \(got "=cmd"\)/],
    ] as const) {
      const { rowByRow: expected, fast } = await messagesFor(`${HEADER}\n${good}\n${record}\n`);
      expect(expected).toMatch(problem);
      expect(fast).toEqual([expected, expected, expected]);
    }
  });

  it('an answer that is not a whole number, or does not fit 32 bits: a message naming row and column', async () => {
    const fraction = await messagesFor(`${HEADER}\n${good}\nr-2,2024-03-05,585,,,,,1,1.5,3\n`);
    expect(fraction.rowByRow).toMatch(/row 2 .*column TC2: expected a whole number/);
    for (const message of fraction.fast) expect(message).toMatch(/row 2 \(line 3 of responses-sipas\.csv\), column TC2: expected a whole number \(got "1\.5"\)/);
    const text = await messagesFor(`${HEADER}\nr-1,2024-03-05,585,,,,,abc,1,1\n`);
    for (const message of text.fast) expect(message).toMatch(/row 1 .*column TC1: expected a whole number \(got "abc"\)/);
    // 2^31 = 2147483648 is one more than the largest INT32.
    const big = await messagesFor(`${HEADER}\nr-1,2024-03-05,585,,,,,1,1,2147483648\n`);
    expect(big.rowByRow).toMatch(/TT1: 2147483648 does not fit a 32-bit integer/);
    for (const message of big.fast) expect(message).toMatch(/row 1 .*column TT1: 2147483648 does not fit a 32-bit integer/);
  });

  it('an empty file: same message', async () => {
    const { rowByRow: expected, fast } = await messagesFor('');
    expect(expected).toMatch(/is empty: it should start with the header response_id,date,/);
    expect(fast).toEqual([expected, expected, expected]);
  });

  it('broken quoting or bytes that are not UTF-8: a message saying where', async () => {
    const unclosed = await fastMessagesFor(`${HEADER}\n${good}\n"r-2,2024-03-05,585,,,,,1,2,3\n`);
    for (const message of unclosed) expect(message).toMatch(/record 3 \(the header is record 1\), a quoted cell is not closed before the end of the file/);
    const stray = await fastMessagesFor(`${HEADER}\n${good}\nr-2,2024-03-05,585,a"b,,,,1,2,3\n`);
    for (const message of stray) expect(message).toMatch(/record 3 .*column 4: a quote inside a cell that does not start with a quote/);
    // Header: 71 letters of names + 9 commas + \n = 81 bytes; `good`: 35 + 9 commas + \n = 45 bytes;
    // so the third line, whose ù is one Latin-1 byte (0xF9) instead of UTF-8, starts at byte 126.
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n${good}\n`), Buffer.from('r-2,2024-03-05,585,Ph\xf9,,,,1,2,3\n', 'latin1')]);
    expect(`${HEADER}\n`.length + `${good}\n`.length).toBe(126);
    const notUtf8 = await fastMessagesFor(latin1);
    for (const message of notUtf8) expect(message).toMatch(/the line starting at byte 126 is not UTF-8 text/);
  });
});
