import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { columnLetters, escapeXml, xlsxBytes, XlsxWriter, XLSX_MAX_ROWS, type XlsxBook } from '../../src/publish/xlsx.ts';

const edition = (lang: 'vi' | 'en') => ({
  title: lang === 'vi' ? 'Bảng thử' : 'Test table',
  creator: 'Nhóm dữ liệu',
  dataSheetName: lang === 'vi' ? 'Dữ liệu' : 'Data',
  notesSheet: { name: lang === 'vi' ? 'Ghi chú' : 'Notes', rows: [[lang === 'vi' ? 'Phiên bản phát hành' : 'Release', '2026.1']] },
});

const book: XlsxBook = {
  date: '2026-12-05',
  columns: [
    { label: { vi: 'Mã đơn vị', en: 'Unit code' }, kind: 'text' },
    { label: { vi: 'Tên đơn vị', en: 'Unit name' }, kind: 'text' },
    { label: { vi: 'Giá trị (%)', en: 'Value (%)' }, kind: 'number', decimals: 2 },
    { label: { vi: 'Số người trả lời', en: 'Respondents' }, kind: 'number', decimals: 0 },
  ],
  editions: { vi: edition('vi'), en: edition('en') },
};

const rows = [
  ['585', { vi: 'Huyện Ninh Sơn', en: 'Ninh Son District' }, '89.82', '120'],
  // Text that a spreadsheet would take for a formula, and an empty number cell.
  ['=1+2', { vi: 'Huyện Ninh Sơn', en: 'Ninh Son District' }, null, '7'],
  ['-3', '+x & <y>', '-1.50', null],
  ['@SUM(A1)', ' lề ', '0.00', '0'],
];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('xlsxBytes, read back by read-excel-file (which did not write them)', () => {
  const files = xlsxBytes(book, rows);

  it('writes numbers as numbers, integers as integers, empty cells empty, and formula-like text as text', async () => {
    const [data] = await readXlsxFile(Buffer.from(files.vi), { trim: false });
    expect(data?.sheet).toBe('Dữ liệu');
    expect(data?.data).toEqual([
      ['Mã đơn vị', 'Tên đơn vị', 'Giá trị (%)', 'Số người trả lời'],
      ['585', 'Huyện Ninh Sơn', 89.82, 120],
      ['=1+2', 'Huyện Ninh Sơn', null, 7],
      ['-3', '+x & <y>', -1.5, null],
      ['@SUM(A1)', ' lề ', 0, 0],
    ]);
  });

  it('writes the English file with English headers and names and the same cells otherwise', async () => {
    const [data, notes] = await readXlsxFile(Buffer.from(files.en), { trim: false });
    expect(data?.sheet).toBe('Data');
    expect(data?.data[0]).toEqual(['Unit code', 'Unit name', 'Value (%)', 'Respondents']);
    expect(data?.data[1]).toEqual(['585', 'Ninh Son District', 89.82, 120]);
    expect(notes).toEqual({ sheet: 'Notes', data: [['Release', '2026.1']] });
  });

  it('never writes a formula, and shows 2 decimals where the column has 2', async () => {
    const zip = await JSZip.loadAsync(files.vi);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[ >]/);
    // Row 2, column C: style 4 = 2 + 2 decimals, whose number format is the built-in 2 ("0.00").
    expect(sheet).toContain('<c r="C2" s="4"><v>89.82</v></c>');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)"[^>]*xfId="0"/g)].map((m) => m[1]);
    expect(xfs[4]).toBe('2');
    expect(xfs[2]).toBe('1');
  });

  it('dates the package and every zip entry at the release date', async () => {
    const zip = await JSZip.loadAsync(files.vi);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-05T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-05T00:00:00Z</dcterms:modified>');
    // The DOS date of the first local header (offset 12): (2026 - 1980) << 9 | 12 << 5 | 5; time (offset 10) 00:00.
    const bytes = Buffer.from(files.vi);
    expect(bytes.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (12 << 5) | 5);
    expect(bytes.readUInt16LE(10)).toBe(0);
  });
});

describe('determinism', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('gives the same bytes on every build, in any time zone', () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    const first = xlsxBytes(book, rows);
    process.env.TZ = 'America/Los_Angeles';
    const second = xlsxBytes(book, rows);
    expect(sha256(second.vi)).toBe(sha256(first.vi));
    expect(sha256(second.en)).toBe(sha256(first.en));
    expect(sha256(first.vi)).not.toBe(sha256(first.en));
  });
});

describe('XlsxWriter', () => {
  it('refuses a number column cell that is not a number, and a row of the wrong width', () => {
    const writer = new XlsxWriter(book, { vi: () => {}, en: () => {} });
    expect(() => writer.push(['585', null, '1e5', null])).toThrow(/Value \(%\).*not a number/);
    expect(() => writer.push(['585'])).toThrow(/1 cells for 4 columns/);
  });

  it('knows the worksheet row limit', () => {
    expect(XLSX_MAX_ROWS).toBe(2 ** 20);
  });
});

describe('helpers', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml('Huyện Ninh Sơn')).toBe('Huyện Ninh Sơn');
  });
});
