import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { detectEncoding, firstInvalidUtf8, openText, readText } from '../../src/intake/read-text.ts';
import { BAD_FILES, tempDir } from './fixture.ts';

const noWarn = (m: string): never => {
  throw new Error(`unexpected warning: ${m}`);
};

async function chunksOf(path: string, chunkBytes: number): Promise<string[]> {
  const source = await openText(path, 'f.csv', noWarn, chunkBytes);
  const chunks: string[] = [];
  for await (const chunk of source.chunks()) chunks.push(chunk);
  return chunks;
}

describe('detectEncoding', () => {
  it('recognises BOMs, UTF-16 without BOM, and plain bytes', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'f')).toBe('utf-8-bom');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'f')).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), 'f')).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0x61, 0, 0x62, 0, 0x63, 0]), 'f')).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0, 0x61, 0, 0x62, 0, 0x63]), 'f')).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0x61, 0x62]), 'f')).toBe('utf-8');
  });

  it('refuses workbooks and binary data with a re-export hint', () => {
    expect(() => detectEncoding(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'x.csv')).toThrow('x.csv: this is an Excel workbook (.xlsx) or another zip file, not a CSV text file.');
    expect(() => detectEncoding(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'x.csv')).toThrow('x.csv: this is an old Excel workbook (.xls), not a CSV text file.');
    expect(() => detectEncoding(Buffer.from('response_id,date\u0000\u0001 and more text'), 'x.csv')).toThrow('x.csv: the file contains binary data (NUL bytes); it is not a CSV text file.');
  });
});

describe('openText', () => {
  it('decodes Vietnamese the same whatever the chunk size (characters straddle chunk edges)', async () => {
    const text = 'mã,tên\n22738,Phường Đô Vinh\n585,Huyện Ninh Sơn — “ngoặc”\n';
    const path = join(tempDir(), 'vi.csv');
    writeFileSync(path, text);
    for (const size of [1, 2, 3, 5, 7, 64]) expect((await chunksOf(path, size)).join('')).toBe(text);
  });

  it('strips the BOM of UTF-8 and UTF-16 files', async () => {
    const warnings: string[] = [];
    const { text, encoding } = await readText(join(BAD_FILES, 'utf16le-tab.csv'), 'u.csv', (m) => warnings.push(m));
    expect(encoding).toBe('utf-16le');
    expect(text.startsWith('response_id\tdate')).toBe(true);
    expect(text).toContain('Rất tốt');
    expect((await readText(join(BAD_FILES, 'utf8-bom.csv'), 'b.csv', noWarn)).text.startsWith('response_id')).toBe(true);
  });

  it('points at the line of the first bad byte even when it lies in a later chunk', async () => {
    // windows-1258.csv: the bad byte 0xE2 is on line 3 at byte offset 110; chunks of 16 bytes.
    const error = await chunksOf(join(BAD_FILES, 'windows-1258.csv'), 16).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).line).toBe(3);
    expect((error as DataError).problem).toContain('byte 0xE2 is not valid UTF-8');
  });

  it('says when a file ends in the middle of a character', async () => {
    const path = join(tempDir(), 'cut.csv');
    writeFileSync(path, Buffer.from([0x61, 0x0a, 0x62, 0xe1, 0xbb]));
    const error = await chunksOf(path, 1 << 20).catch((e: unknown) => e);
    expect((error as DataError).line).toBe(2);
    expect((error as DataError).problem).toContain('the file ends in the middle of a character, so it is not valid UTF-8');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('Phường', 'utf8'))).toBe(Buffer.from('Phường').length);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0xec, 0x74]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong form of NUL
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
  });

  it('skips the continuation bytes of a character begun in the previous chunk', () => {
    // "ờ" is E1 BB 9D; a chunk starting after E1 opens with BB 9D.
    expect(firstInvalidUtf8(new Uint8Array([0xbb, 0x9d, 0x61, 0xff]))).toBe(3);
  });
});
