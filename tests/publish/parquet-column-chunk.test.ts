/**
 * parquet-column-chunk.ts promises the bytes and metadata of hyparquet-writer's own writeColumn
 * for every column it accepts. Each case writes the same row groups twice — once through the
 * library's ParquetWriter.write, once through prepareColumnChunk + writeRowGroupOfChunks — and
 * compares the two files byte for byte (footer, statistics and offset indexes included). The
 * cases aim at each decision the module restates: dictionary or not (the sample, then the whole
 * chunk), page boundaries, runs against bit-packed groups, bit widths 0 to 16, nulls, code point
 * order of text, a single row. A read-back checks the values too, so the comparison cannot pass on
 * two files that are wrong the same way.
 */
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { seededStream } from '../../src/engine/reference/seeded-random.ts';
import type { PublishedValue } from '../../src/publish/cell.ts';
import { prepareColumnChunk, reproduces, writeRowGroupOfChunks, type PreparedColumn } from '../../src/publish/parquet-column-chunk.ts';

type SchemaElement = ParquetWriter['schema'][number];
type Leaf = { name: string; kind: 'int' | 'date' | 'text' | 'double' | 'bool'; required?: boolean };

const PHYSICAL: Record<Leaf['kind'], Pick<SchemaElement, 'type' | 'converted_type'>> = {
  int: { type: 'INT32' },
  date: { type: 'INT32', converted_type: 'DATE' },
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  double: { type: 'DOUBLE' },
  bool: { type: 'BOOLEAN' },
};

const element = ({ name, kind, required }: Leaf): SchemaElement => ({
  name,
  ...PHYSICAL[kind],
  repetition_type: required ? 'REQUIRED' : 'OPTIONAL',
});

const schemaOf = (leaves: Leaf[]): SchemaElement[] => [{ name: 'root', num_children: leaves.length }, ...leaves.map(element)];

/** The file written by the library, one ParquetWriter.write per row group. */
function viaLibrary(leaves: Leaf[], groups: PublishedValue[][][]): Uint8Array {
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, schema: schemaOf(leaves), createdBy: 'test' });
  for (const columns of groups) {
    parquet.write({ columnData: leaves.map((leaf, i) => ({ name: leaf.name, data: columns[i] as PublishedValue[] })), rowGroupSize: columns[0]?.length ?? 0 });
  }
  parquet.finish();
  return writer.getBytes().slice();
}

/** The file written through this module. */
function viaChunks(leaves: Leaf[], groups: PublishedValue[][][]): Uint8Array {
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, schema: schemaOf(leaves), createdBy: 'test' });
  expect(reproduces(parquet)).toBe(true);
  for (const columns of groups) {
    const prepared = leaves.map((leaf, i) => prepareColumnChunk(element(leaf), columns[i] as PublishedValue[]));
    expect(prepared.every((column) => column !== undefined)).toBe(true);
    writeRowGroupOfChunks(parquet, prepared as PreparedColumn[], columns[0]?.length ?? 0);
  }
  parquet.finish();
  return writer.getBytes().slice();
}

/** Writes both files, compares them, reads the values back; returns each column's encodings and page count. */
async function expectSameFile(leaves: Leaf[], groups: PublishedValue[][][]): Promise<{ encodings: string[]; pages: number }[]> {
  const mine = viaChunks(leaves, groups);
  const library = viaLibrary(leaves, groups);
  expect(mine.length).toBe(library.length);
  expect(Buffer.from(mine).equals(Buffer.from(library))).toBe(true);
  const file = mine.buffer as ArrayBuffer;
  const rows = await parquetReadObjects({ file });
  const read = leaves.map((leaf) =>
    rows.map((row) => {
      const value = row[leaf.name] ?? null;
      return leaf.kind === 'date' && value !== null ? Math.round((value as Date).getTime() / 86_400_000) : value;
    }),
  );
  const written = leaves.map((_, c) => groups.flatMap((columns) => (columns[c] as PublishedValue[]).map((value) => value ?? null)));
  expect(read).toEqual(written);
  return parquetMetadata(file).row_groups[0]!.columns.map((chunk) => ({
    encodings: chunk.meta_data?.encodings ?? [],
    pages: chunk.meta_data?.encoding_stats?.filter((stat) => stat.page_type === 'DATA_PAGE_V2').reduce((sum, stat) => sum + stat.count, 0) ?? 0,
  }));
}

const DICTIONARY = ['PLAIN', 'RLE_DICTIONARY'];
const PLAIN = ['PLAIN'];

function random(seed: number): () => number {
  return seededStream(seed, 'parquet-column-chunk').uniform;
}

/** `n` values drawn by `draw`, null with probability `nulls`. */
function column(n: number, seed: number, nulls: number, draw: (u: () => number, i: number) => PublishedValue): PublishedValue[] {
  const u = random(seed);
  return Array.from({ length: n }, (_, i) => (u() < nulls ? null : draw(u, i)));
}

describe('parquet-column-chunk: the library’s bytes', () => {
  it('answers, dates and codes with nulls, in two row groups', async () => {
    const leaves: Leaf[] = [
      { name: 'id', kind: 'text', required: true },
      { name: 'day', kind: 'date', required: true },
      { name: 'unit', kind: 'text' },
      { name: 'a1', kind: 'int' },
      { name: 'a2', kind: 'int' },
    ];
    const group = (seed: number, n: number): PublishedValue[][] => [
      Array.from({ length: n }, (_, i) => `SIPAS-${seed}-${String(i).padStart(6, '0')}`),
      column(n, seed + 1, 0, (u) => 18_600 + Math.floor(u() * 120)),
      column(n, seed + 2, 0.05, (u) => `U${Math.floor(u() * 300)}`),
      column(n, seed + 3, 0.1, (u) => 1 + Math.floor(u() * 5)),
      column(n, seed + 4, 0.6, (u) => (u() < 0.9 ? 5 : 1 + Math.floor(u() * 5))),
    ];
    const shape = await expectSameFile(leaves, [group(1, 5000), group(2, 1234)]);
    expect(shape.map((chunk) => chunk.encodings)).toEqual([PLAIN, DICTIONARY, DICTIONARY, DICTIONARY, DICTIONARY]);
  });

  it('several pages: dictionary indexes past 1 MiB, PLAIN integers and long PLAIN text', async () => {
    const n = 300_000;
    const numbers = await expectSameFile(
      [{ name: 'small', kind: 'int' }, { name: 'distinct', kind: 'int', required: true }],
      [[column(n, 7, 0.02, (u) => Math.floor(u() * 40)), Array.from({ length: n }, (_, i) => i * 7 - 1_000_000)]],
    );
    expect(numbers).toEqual([{ encodings: DICTIONARY, pages: 2 }, { encodings: PLAIN, pages: 2 }]);
    const long = column(2500, 8, 0.1, (u, i) => `${i}:${'x'.repeat(200 + Math.floor(u() * 900))}`);
    const text = await expectSameFile([{ name: 'long', kind: 'text' }], [[long]]);
    expect(text[0]?.encodings).toEqual(PLAIN);
    expect(text[0]?.pages).toBeGreaterThan(1);
  });

  it('a sample that favours a dictionary the whole chunk then refuses', async () => {
    const n = 20_000;
    // The library samples indexes floor(i (n − 1) / 999); those rows all hold 1, the others differ.
    const sampled = new Set(Array.from({ length: 1000 }, (_, i) => Math.floor((i * (n - 1)) / 999)));
    const shape = await expectSameFile([{ name: 'v', kind: 'int' }], [[Array.from({ length: n }, (_, i) => (sampled.has(i) ? 1 : 100_000 + i))]]);
    expect(shape[0]?.encodings).toEqual(PLAIN);
  });

  it('the sample’s limit (distinct values at most 90 % of its bytes) and the halving test at equality', async () => {
    const n = 100_000;
    // 850 of the 1 000 sampled rows differ, everything else is 0: the sample (85 %) allows a
    // dictionary, which the whole chunk then keeps (851 values against 100 000 rows).
    const sampledAt = Array.from({ length: 1000 }, (_, i) => Math.floor((i * (n - 1)) / 999));
    const values: PublishedValue[] = Array.from({ length: n }, () => 0);
    sampledAt.slice(0, 850).forEach((row, k) => (values[row] = 1000 + k));
    expect((await expectSameFile([{ name: 'v', kind: 'int' }], [[values]]))[0]?.encodings).toEqual(DICTIONARY);
    // Two equal values: dictionary (4 bytes) plus no index bits is exactly half of PLAIN (8 bytes).
    expect((await expectSameFile([{ name: 'v', kind: 'int' }], [[[7, 7]]]))[0]?.encodings).toEqual(DICTIONARY);
  });

  it('runs and bit-packed groups: runs of 7, 8 and 9, sorted values, alternation', async () => {
    const runs: number[] = [];
    [7, 8, 9, 1, 15, 16, 17, 3, 8].forEach((length, k) => runs.push(...Array.from({ length }, () => k % 3)));
    const n = runs.length;
    await expectSameFile(
      [{ name: 'runs', kind: 'int', required: true }, { name: 'sorted', kind: 'int' }, { name: 'alternating', kind: 'int' }],
      [[runs, Array.from({ length: n }, (_, i) => Math.floor(i / 10)), Array.from({ length: n }, (_, i) => (i % 2 === 0 ? null : i % 3))]],
    );
  });

  it('index bit widths 0, 1, 2, 8, 9 and 12: one value, two, and up to 4 000 distinct values', async () => {
    // (A dictionary of INT32 with 16-bit indexes never halves the PLAIN bytes, so the library never writes one.)
    for (const distinct of [1, 2, 3, 255, 256, 257, 4000]) {
      const n = 60_000;
      const u = random(distinct);
      // Most rows repeat a few values, so the dictionary pays even with many distinct values.
      const values = Array.from({ length: n }, (_, i) => (i < distinct ? i : Math.floor(u() * Math.min(distinct, 4))));
      const shape = await expectSameFile([{ name: 'v', kind: 'int' }], [[values]]);
      expect(shape[0]?.encodings).toEqual(DICTIONARY);
    }
  });

  it('negative numbers, numbers past the direct slots, and the extremes of INT32', async () => {
    const pool = [-2_147_483_648, 2_147_483_647, -1, 0, 65_535, 65_536, 1_000_000];
    await expectSameFile([{ name: 'v', kind: 'int' }], [[column(10_000, 3, 0.1, (u) => pool[Math.floor(u() * pool.length)] as number)]]);
  });

  it('text in code point order: Vietnamese, characters past U+FFFF and around U+E000', async () => {
    const pool = ['Ninh Sơn', 'Ninh Thuận', 'ước', 'a', '\u{1F600}x', '\uE000', '\uFFFD', 'z', '𝔘nit', ''];
    for (const [i, share] of [0.05, 0.5, 0.95].entries()) {
      await expectSameFile([{ name: 't', kind: 'text' }], [[column(3000, 10 + i, share, (u) => pool[Math.floor(u() * pool.length)] as string)]]);
    }
    // U+E000 sorts before U+1F600 by code point, after it by UTF-16 code unit (0xD83D).
    await expectSameFile([{ name: 't', kind: 'text' }], [[column(200, 30, 0.1, (u) => (u() < 0.5 ? '\uE000' : '\u{1F600}'))]]);
    // All distinct: PLAIN, and its min and max found among every value.
    await expectSameFile([{ name: 't', kind: 'text' }], [[column(3000, 20, 0.1, (u, i) => `${pool[i % pool.length] as string}${Math.floor(u() * 1e9)}`)]]);
  });

  it('DOUBLE: rounded values with a dictionary, distinct values over two pages, 0 as the minimum', async () => {
    const rounded = await expectSameFile(
      [{ name: 'value', kind: 'double' }, { name: 'se', kind: 'double', required: true }],
      [[column(20_000, 40, 0.1, (u) => Math.round(u() * 1000) / 10), Array.from({ length: 20_000 }, (_, i) => (i % 50) / 7)]],
    );
    expect(rounded.map((chunk) => chunk.encodings)).toEqual([DICTIONARY, DICTIONARY]);
    const distinct = await expectSameFile([{ name: 'x', kind: 'double' }], [[column(150_000, 41, 0.01, (u) => u() * 1e6 - 5e5)]]);
    expect(distinct[0]).toEqual({ encodings: PLAIN, pages: 2 });
    // A minimum of 0 is written as −0 by the library; a maximum of 0 as +0.
    await expectSameFile([{ name: 'low', kind: 'double' }, { name: 'high', kind: 'double' }], [[column(500, 42, 0.2, (u) => Math.floor(u() * 4)), column(500, 43, 0.2, (u) => 0 - Math.floor(u() * 4))]]);
  });

  it('BOOLEAN: RLE runs and mixed values, with and without nulls', async () => {
    const shape = await expectSameFile(
      [{ name: 'significant', kind: 'bool' }, { name: 'method_break', kind: 'bool', required: true }, { name: 'all_true', kind: 'bool' }],
      [[column(5000, 50, 0.3, (u) => u() < 0.2), Array.from({ length: 5000 }, (_, i) => Math.floor(i / 100) % 2 === 0), Array.from({ length: 5000 }, () => true)]],
    );
    expect(shape.map((chunk) => chunk.encodings)).toEqual([['RLE'], ['RLE'], ['RLE']]);
    await expectSameFile([{ name: 'b', kind: 'bool' }], [[column(17, 51, 0.2, (u) => u() < 0.5)]]);
    // A value counts 1/8 of a byte towards the 1 MiB page: 1.1 million of them still make one page.
    const many = await expectSameFile([{ name: 'b', kind: 'bool', required: true }], [[Array.from({ length: 1_100_000 }, (_, i) => i % 3 === 0)]]);
    expect(many[0]?.pages).toBe(1);
  });

  it('edge cases: every value null, one row, one value repeated', async () => {
    await expectSameFile([{ name: 'v', kind: 'int' }, { name: 't', kind: 'text' }], [[Array.from({ length: 100 }, () => null), Array.from({ length: 100 }, () => null)]]);
    await expectSameFile([{ name: 'v', kind: 'int' }, { name: 't', kind: 'text', required: true }], [[[4], ['only']]]);
    await expectSameFile([{ name: 'v', kind: 'date', required: true }], [[Array.from({ length: 5000 }, () => 19_000)]]);
  });
});

describe('parquet-column-chunk: what it leaves to the library', () => {
  it('refuses a null in a REQUIRED column, a fraction or −0 as INT32, NaN, ±∞ or −0 as DOUBLE, short BOOLEAN chunks, other types', () => {
    expect(prepareColumnChunk(element({ name: 'v', kind: 'int', required: true }), [1, null])).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 'v', kind: 'int' }), [1, 2.5])).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 'v', kind: 'int' }), [1, -0])).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 'v', kind: 'int' }), [1, 2 ** 31])).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 't', kind: 'text' }), ['a', 3])).toBeUndefined();
    expect(prepareColumnChunk({ name: 'f', type: 'FLOAT', repetition_type: 'OPTIONAL' }, [1.5])).toBeUndefined();
    expect(prepareColumnChunk({ name: 'i', type: 'INT64', repetition_type: 'OPTIONAL' }, [1])).toBeUndefined();
    for (const odd of [Number.NaN, Number.POSITIVE_INFINITY, -0]) expect(prepareColumnChunk(element({ name: 'd', kind: 'double' }), [1.5, odd])).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 'd', kind: 'double' }), [1.5, null])).toBeDefined();
    // The library writes a BOOLEAN chunk of up to 16 rows PLAIN: left to it.
    expect(prepareColumnChunk(element({ name: 'b', kind: 'bool' }), Array.from({ length: 16 }, () => true))).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 'b', kind: 'bool' }), Array.from({ length: 17 }, () => true))).toBeDefined();
    expect(prepareColumnChunk(element({ name: 'b', kind: 'bool' }), [...Array.from({ length: 17 }, () => true), 1])).toBeUndefined();
    expect(prepareColumnChunk(element({ name: 'v', kind: 'int' }), [1, null, 3])).toBeDefined();
  });

  it('does not claim a writer built with other settings', () => {
    const writer = new ByteWriter();
    const schema = schemaOf([{ name: 'v', kind: 'int' }]);
    expect(reproduces(new ParquetWriter({ writer, schema, statistics: false }))).toBe(false);
    expect(reproduces(new ParquetWriter({ writer, schema, codec: 'UNCOMPRESSED' }))).toBe(false);
    expect(reproduces(new ParquetWriter({ writer, schema, statisticsTruncateLength: 8 }))).toBe(false);
  });
});
