/**
 * A streaming XLSX (Office Open XML spreadsheet) writer for the published tables: one Vietnamese
 * and one English workbook at once, each with a data sheet whose rows arrive one at a time and a
 * small notes sheet, zipped by fflate (a maintained zip library, through its public streaming Zip
 * API, with Node's zlib doing the deflating).
 *
 * The two languages differ only in words (headers, names, notes): every text of the data sheet is
 * a shared string referred to by number, the same number in both files, so the data sheet's XML
 * is the same in both and is built and compressed once; each file gets its own shared-string
 * list (xl/sharedStrings.xml), notes sheet and document title. That halves the work of the large
 * tables (indices: ~570,000 rows).
 *
 * Why not exceljs 4.4.0: measured here, its streaming WorkbookWriter took 19 s for 100,000 rows
 * of 18 columns; indices.csv alone has about 570,000 rows, and every table is written twice (a
 * Vietnamese and an English file), which would have added minutes to `npm run data`. The sheet
 * XML this module writes is the small subset of SpreadsheetML that a table needs (inline strings,
 * numbers with a number format, a frozen header row), so the bytes are also fully under our
 * control: the package's dates and the zip entries' times are the release date, and building
 * twice gives the same file (sha256), which exceljs (zip entry times of "now") does not.
 *
 * Cells:
 * - number columns: typed numeric cells (`<c><v>89.82</v></c>`) with a number format of the
 *   column's decimals (`0.00`), so 89.82 is a number in any locale's spreadsheet (shown 89,82 in a
 *   Vietnamese one); integers use the format `0`;
 * - text columns: inline strings, which a spreadsheet never evaluates: a text beginning with
 *   `=`, `+`, `-` or `@` stays text (there is no formula element in this writer at all);
 * - empty cells are left out (an empty cell, not an empty string).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

export type XlsxLang = 'vi' | 'en';
export const XLSX_LANGS: readonly XlsxLang[] = ['vi', 'en'];

/** A text of the data sheet: the same in both files, or one per language (headers, names). */
export type XlsxText = string | Readonly<Record<XlsxLang, string>>;

export interface XlsxColumn {
  /** Header shown in row 1, per language. */
  label: Readonly<Record<XlsxLang, string>>;
  kind: 'text' | 'number';
  /** Decimals shown for a number column (0 = integer). */
  decimals?: number;
  /** Column width in characters; default from the label. */
  width?: number;
}

/** What differs between the two files besides the data sheet's texts. */
export interface XlsxEdition {
  /** Document title (docProps/core.xml). */
  title: string;
  /** Author (docProps/core.xml): the publisher. */
  creator: string;
  dataSheetName: string;
  /** The notes sheet (second sheet): rows of texts, the first cell of each row shown bold. */
  notesSheet: { name: string; rows: readonly (readonly string[])[] };
}

export interface XlsxBook {
  /** `YYYY-MM-DD`: the package's created/modified dates and every zip entry's time. */
  date: string;
  columns: readonly XlsxColumn[];
  editions: Readonly<Record<XlsxLang, XlsxEdition>>;
}

/** The most rows a worksheet can hold (Excel's limit, header row included). */
export const XLSX_MAX_ROWS = 1_048_576;

/** Highest number of decimals given a number format of its own. */
const MAX_DECIMALS = 6;
/** Style ids (cellXfs): 0 default, 1 bold (headers), 2 + d a number with d decimals. */
const BOLD_STYLE = 1;
const numberStyle = (decimals: number) => 2 + decimals;
/** A published number column's text: no exponent, no thousands separator (csv.ts). */
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;
/** Characters XML 1.0 cannot hold, even escaped (control characters are the point here). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/**
 * Deflate level of the small parts (zlib's default) and of the data sheet: level 1 deflates the
 * sheet XML five times faster than 6 (0.5 s against 2.5 s for 64 MB of the indices sheet, measured
 * here) for files a quarter larger, and the sheet is most of the work of `npm run data`'s XLSX.
 */
const LEVEL = 6;
const SHEET_LEVEL = 1;
/** Text of the data sheet gathered before it is encoded and compressed (see ZlibDeflateEntry). */
const FLUSH_CHARS = 1 << 20;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Any character escapeXml changes: most texts have none and are returned as they are. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A `<t>` element, keeping leading and trailing spaces. */
function textElement(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(text)}</t>`;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - rest - 1) / 26);
  }
  return letters;
}

function inlineString(ref: string, text: string, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is>${textElement(text)}</is></c>`;
}

/**
 * The zip entries' time: the release date at midnight. fflate writes the DOS time from the local
 * fields of the Date (getFullYear, getHours…), so the Date is built from local fields too: the
 * entry says 00:00 of that day on every machine, whatever its time zone.
 */
export function entryTime(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`XLSX date ${JSON.stringify(date)} is not YYYY-MM-DD`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * A zip entry deflated by Node's zlib, handed to fflate's Zip as a ZipInputFile of our own (fflate
 * documents the interface: `size`, `crc`, `compression`, and `ondata`, which Zip sets and the
 * entry calls): fflate's own deflate is JavaScript and took 14 s for the ~500 MB of sheet XML of
 * indices, zlib about 3.5 s. Each pushed chunk is deflated on its own and ended with a sync flush
 * (the last with a finish), and the pieces together are one valid deflate stream (what pigz does);
 * a chunk is a megabyte, so what is lost by not referring back across chunks is a fraction of a
 * percent. One entry may feed several archives (`also`): the two languages' identical data sheets
 * are compressed once.
 */
/** Compressed package parts that are the same in every workbook (ZlibZipEntry.pushWhole). */
const WHOLE_PARTS = new Map<string, { crc: number; size: number; compressed: Buffer<ArrayBuffer> }>();
/** The parts whose text does not depend on the table or the release (workbook.xml: one per language). */
const CONSTANT_PARTS = new Set(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

export class ZlibZipEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  ondata?: ZipInputFile['ondata'];
  readonly filename: string;
  readonly mtime: Date;
  readonly #level: number;
  readonly #copies: ZipInputFile[] = [];

  constructor(filename: string, mtime: Date, level = LEVEL) {
    this.filename = filename;
    this.mtime = mtime;
    this.#level = level;
  }

  /** Another archive's entry that receives the same compressed bytes (add it to that Zip first). */
  copy(): ZipInputFile {
    const copy: ZipInputFile = { filename: this.filename, mtime: this.mtime, size: 0, crc: 0, compression: 8 };
    this.#copies.push(copy);
    return copy;
  }

  push(chunk: Uint8Array, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    const flush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
    this.#emit(deflateRawSync(chunk, { level: this.#level, finishFlush: flush }), final);
  }

  /**
   * The whole entry at once, its compressed bytes kept for the next entry of the same text: the
   * package parts that never change (content types, relationships, styles) are in every one of
   * the ~1,900 chart workbooks, and starting zlib for each was most of a chart's time.
   */
  pushWhole(text: string): void {
    let made = WHOLE_PARTS.get(text);
    if (!made) {
      const bytes = new TextEncoder().encode(text);
      made = { crc: crc32(bytes), size: bytes.length, compressed: deflateRawSync(bytes, { level: this.#level }) };
      WHOLE_PARTS.set(text, made);
    }
    this.crc = made.crc;
    this.size = made.size;
    this.#emit(made.compressed, true);
  }

  #emit(compressed: Buffer<ArrayBuffer>, final: boolean): void {
    for (const entry of [this, ...this.#copies]) {
      entry.crc = this.crc;
      entry.size = this.size;
      if (!entry.ondata) throw new Error(`zip entry ${this.filename} was pushed before it was added to its archive`);
      entry.ondata(null, compressed, final);
    }
  }
}

function sheetStart(columns: readonly XlsxColumn[], frozenHeader: boolean): string {
  const pane = frozenHeader ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
  const cols = columns
    .map((column, i) => {
      const width = column.width ?? Math.min(60, Math.max(10, column.label.vi.length + 2, column.label.en.length + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  );
}

const SHEET_END = '</sheetData></worksheet>';

function stylesXml(): string {
  const decimals = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => d);
  // Built-in formats 1 ("0") and 2 ("0.00"); the others get ids from 164 (the first custom id).
  const formatId = (d: number) => (d === 0 ? 1 : d === 2 ? 2 : 164 + d);
  const custom = decimals.filter((d) => d !== 0 && d !== 2);
  const numFmts = custom.map((d) => `<numFmt numFmtId="${formatId(d)}" formatCode="0.${'0'.repeat(d)}"/>`).join('');
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...decimals.map((d) => `<xf numFmtId="${formatId(d)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
  ];
  return (
    `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="${custom.length}">${numFmts}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function packageParts(date: string, book: XlsxEdition): [string, string][] {
  const stamp = `${date}T00:00:00Z`;
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${escapeXml(book.title)}</dc:title><dc:creator>${escapeXml(book.creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
        '</cp:coreProperties>',
    ],
    [
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>sipas-transparency</Application></Properties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
        `<sheet name="${escapeXml(book.dataSheetName)}" sheetId="1" r:id="rId1"/><sheet name="${escapeXml(book.notesSheet.name)}" sheetId="2" r:id="rId2"/>` +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '</Relationships>',
    ],
    ['xl/styles.xml', stylesXml()],
    ['xl/worksheets/sheet2.xml', notesSheetXml(book.notesSheet.rows)],
  ];
}

function notesSheetXml(rows: readonly (readonly string[])[]): string {
  const widths = [34, 100, 80];
  const columns = widths.map((width) => ({ label: { vi: '', en: '' }, kind: 'text' as const, width }));
  const body = rows
    .map((cells, r) => {
      const ref = (c: number) => `${columnLetters(c)}${r + 1}`;
      const xml = cells.map((text, c) => (text === '' ? '' : inlineString(ref(c), text, c === 0 ? BOLD_STYLE : 0))).join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return sheetStart(columns, false) + body + SHEET_END;
}

/**
 * Writes the two workbooks: `push` the data rows (one text per column, null = empty; a number
 * column's text as the published CSV writes it), then `finish`. Each file's compressed bytes go to
 * its sink as they are made, the last call with `final` true.
 */
export class XlsxWriter {
  readonly #zips: Record<XlsxLang, Zip>;
  readonly #sheet: ZlibZipEntry;
  readonly #columns: readonly XlsxColumn[];
  readonly #refs: string[];
  readonly #encoder = new TextEncoder();
  readonly #mtime: Date;
  /**
   * The data sheet's texts, each stored once (xl/sharedStrings.xml) and referred to by number:
   * the tables repeat a few values (survey, period, unit, indicator) on every row, so the sheet is
   * a third smaller than with each text in its cell; and a text given per language has one number
   * in both files (see the module comment). Keyed by the text, or by both texts of a pair.
   */
  readonly #strings = new Map<string, number>();
  readonly #stringList: XlsxText[] = [];
  /** Pairs already numbered, by identity: a name looked up in a register is the same object on every row. */
  readonly #pairs = new Map<object, number>();
  #buffer = '';
  #rowNumber = 1;

  constructor(book: XlsxBook, sinks: Readonly<Record<XlsxLang, (chunk: Uint8Array, final: boolean) => void>>) {
    this.#mtime = entryTime(book.date);
    const zipFor = (lang: XlsxLang) =>
      new Zip((error, chunk, final) => {
        if (error) throw error;
        sinks[lang](chunk, final);
      });
    this.#zips = { vi: zipFor('vi'), en: zipFor('en') };
    for (const lang of XLSX_LANGS) {
      for (const [name, xml] of packageParts(book.date, book.editions[lang])) {
        const entry = this.#addText(lang, name);
        if (CONSTANT_PARTS.has(name)) entry.pushWhole(xml);
        else entry.push(this.#encoder.encode(xml), true);
      }
    }
    this.#sheet = new ZlibZipEntry('xl/worksheets/sheet1.xml', this.#mtime, SHEET_LEVEL);
    this.#zips.vi.add(this.#sheet);
    this.#zips.en.add(this.#sheet.copy());
    this.#columns = book.columns;
    this.#refs = this.#columns.map((_, i) => columnLetters(i));
    const header = this.#columns.map((column, i) => `<c r="${this.#refs[i]}1" s="${BOLD_STYLE}" t="s"><v>${this.#stringIndex(column.label)}</v></c>`).join('');
    this.#buffer = sheetStart(this.#columns, true) + `<row r="1">${header}</row>`;
  }

  /** Rows written so far, the header included. */
  get rowCount(): number {
    return this.#rowNumber;
  }

  push(cells: readonly (XlsxText | null)[]): void {
    const columns = this.#columns;
    if (cells.length !== columns.length) throw new Error(`an XLSX row has ${cells.length} cells for ${columns.length} columns`);
    const r = ++this.#rowNumber;
    if (r > XLSX_MAX_ROWS) throw new Error(`more than ${XLSX_MAX_ROWS} rows do not fit in one XLSX sheet`);
    let xml = `<row r="${r}">`;
    for (let i = 0; i < columns.length; i++) {
      const text = cells[i];
      if (text === null || text === undefined || text === '') continue;
      const column = columns[i] as XlsxColumn;
      const ref = `${this.#refs[i]}${r}`;
      if (column.kind === 'number') {
        if (typeof text !== 'string' || !NUMBER_TEXT.test(text)) {
          throw new Error(`XLSX column "${column.label.en}", row ${r}: ${JSON.stringify(text)} is not a number`);
        }
        xml += `<c r="${ref}" s="${numberStyle(Math.min(column.decimals ?? 0, MAX_DECIMALS))}"><v>${text}</v></c>`;
      } else {
        xml += `<c r="${ref}" t="s"><v>${this.#stringIndex(text)}</v></c>`;
      }
    }
    this.#buffer += `${xml}</row>`;
    if (this.#buffer.length >= FLUSH_CHARS) this.#flush(false);
  }

  finish(): void {
    this.#buffer += SHEET_END;
    this.#flush(true);
    const count = this.#stringList.length;
    for (const lang of XLSX_LANGS) {
      const entry = this.#addText(lang, 'xl/sharedStrings.xml');
      let xml = `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${count}" uniqueCount="${count}">`;
      for (const text of this.#stringList) {
        xml += `<si>${textElement(typeof text === 'string' ? text : text[lang])}</si>`;
        if (xml.length >= FLUSH_CHARS) {
          entry.push(this.#encoder.encode(xml));
          xml = '';
        }
      }
      entry.push(this.#encoder.encode(`${xml}</sst>`), true);
      this.#zips[lang].end();
    }
  }

  #stringIndex(text: XlsxText): number {
    if (typeof text !== 'string') {
      const seen = this.#pairs.get(text);
      if (seen !== undefined) return seen;
      const index = this.#stringIndexByKey(text);
      this.#pairs.set(text, index);
      return index;
    }
    return this.#stringIndexByKey(text);
  }

  #stringIndexByKey(text: XlsxText): number {
    const key = typeof text === 'string' ? text : `\u0000${text.vi}\u0000${text.en}`;
    let index = this.#strings.get(key);
    if (index === undefined) {
      index = this.#stringList.length;
      this.#strings.set(key, index);
      this.#stringList.push(text);
    }
    return index;
  }

  #addText(lang: XlsxLang, name: string): ZlibZipEntry {
    const entry = new ZlibZipEntry(name, this.#mtime);
    this.#zips[lang].add(entry);
    return entry;
  }

  #flush(final: boolean): void {
    // The data sheet's XML is ASCII (tags, numbers, string numbers: every text is in the shared
    // strings), and copying one-byte characters is several times faster than UTF-8 encoding.
    this.#sheet.push(Buffer.from(this.#buffer, 'latin1'), final);
    this.#buffer = '';
  }
}

/** Both workbooks in memory (charts' small tables). */
export function xlsxBytes(book: XlsxBook, rows: Iterable<readonly (XlsxText | null)[]>): Record<XlsxLang, Uint8Array> {
  const chunks: Record<XlsxLang, Uint8Array[]> = { vi: [], en: [] };
  const writer = new XlsxWriter(book, { vi: (chunk) => chunks.vi.push(chunk), en: (chunk) => chunks.en.push(chunk) });
  for (const row of rows) writer.push(row);
  writer.finish();
  return { vi: Buffer.concat(chunks.vi), en: Buffer.concat(chunks.en) };
}
