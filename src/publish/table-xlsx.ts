/**
 * A published table (or a chart's rows) as XLSX: `<table>.xlsx` (Vietnamese headers, names and
 * notes) and `<table>.en.xlsx` (English), written from the table's CSV, so each workbook holds
 * exactly the CSV's cells, typed: number columns as numbers with the schema's decimals, every
 * other column as text (dates stay `YYYY-MM-DD` text and booleans `true`/`false`, as in the CSV).
 * Beside each code column (code-names.ts) a name column in the file's language.
 *
 * Generic over the schemas: any table the publisher writes gets its XLSX with no code of its own
 * (a column without a label in column-labels.ts shows its machine name until it gets one).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { SiteConfig } from '../intake/types.ts';
import { citationText } from '../site/citation-text.ts';
import { absoluteUrl } from '../site/routes.ts';
import { NAMED_CODES, nameReaders, type CodeNames } from './code-names.ts';
import { COLUMN_LABELS, labelOrName, type ColumnLabel } from './column-labels.ts';
import { CSV_BOM } from './csv.ts';
import type { TableSchema } from './schemas.ts';
import { XLSX_MAX_ROWS, XlsxWriter, type XlsxBook, type XlsxColumn, type XlsxLang, type XlsxText } from './xlsx.ts';

/** File names of a table's two workbooks: `indices.xlsx`, `indices.en.xlsx`. */
export function xlsxFileNames(table: string): Record<XlsxLang, string> {
  return { vi: `${table}.xlsx`, en: `${table}.en.xlsx` };
}

/** Whether a table of `rows` data rows fits one worksheet (header row included). */
export function fitsXlsx(rows: number): boolean {
  return rows + 1 <= XLSX_MAX_ROWS;
}

/** A CSV text cell the CSV writer prefixed with `'` (csv.ts neutraliseFormula): the original text. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** One XLSX column: a CSV column (`source` its index) or the name of a code column. */
interface Slot {
  name: string;
  label: ColumnLabel;
  description: Record<XlsxLang, string>;
  column: XlsxColumn;
  source: number;
  isName: boolean;
  text: boolean;
}

const WORDS = {
  dataSheet: { vi: 'Dữ liệu', en: 'Data' },
  notesSheet: { vi: 'Ghi chú', en: 'Notes' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  description: { vi: 'Mô tả', en: 'Description' },
  source: { vi: 'Nguồn (đơn vị công bố)', en: 'Source (publisher)' },
  licence: { vi: 'Giấy phép', en: 'Licence' },
  release: { vi: 'Phiên bản phát hành', en: 'Release' },
  releaseDate: { vi: 'Ngày phát hành', en: 'Release date' },
  citation: { vi: 'Cách trích dẫn', en: 'How to cite' },
  suppressed: { vi: 'Ô bị ẩn (suppressed)', en: 'Suppressed cells' },
  percent: { vi: 'Cột phần trăm (0–100)', en: 'Percentage columns (0–100)' },
  points: { vi: 'Cột điểm phần trăm (hiệu của hai tỷ lệ %)', en: 'Percentage-point columns (differences of percentages)' },
  fraction: { vi: 'Cột tỷ lệ 0–1 (xác suất, không phải %)', en: 'Fraction columns 0–1 (probabilities, not percentages)' },
  csv: { vi: 'Bản CSV của cùng dữ liệu', en: 'The same data as CSV' },
  sample: { vi: 'Dữ liệu mẫu', en: 'Sample data' },
  none: { vi: '(không có)', en: '(none)' },
  columns: { vi: 'Cột', en: 'Column' },
  machineName: { vi: 'Tên cột trong CSV', en: 'Column name in the CSV' },
  nameOf: { vi: 'Tên của mã ở cột', en: 'Name of the code in column' },
  numbersNote: {
    vi: 'Số được lưu dưới dạng số (không phải chữ), nên bảng tính theo định dạng Việt Nam hiển thị 89,82 và tính toán được ngay.',
    en: 'Numbers are stored as numbers (not text), so a spreadsheet in any locale shows and computes them directly.',
  },
} as const;

function suppressedText(site: SiteConfig, lang: XlsxLang): string {
  const n = site.thresholds.min_n_publish;
  return lang === 'vi'
    ? `status = suppressed: ô có ít hơn ${n} người trả lời (min_n_publish = ${n}) không được công bố; giá trị và khoảng tin cậy để trống để không ai đọc một con số quá ít người trả lời như một kết quả.`
    : `status = suppressed: a cell with fewer than ${n} respondents (min_n_publish = ${n}) is not published; its value and interval are left empty so that nobody reads a figure from too few respondents as a result.`;
}

/** The XLSX layout of a table: its CSV columns with a name column after each code column. */
export function xlsxSlots(schema: TableSchema): Slot[] {
  const names = schema.fields.map((f) => f.name);
  const slots: Slot[] = [];
  schema.fields.forEach((field, source) => {
    const label = labelOrName(schema, field);
    const kind = field.type === 'integer' || field.type === 'number' ? 'number' : 'text';
    const decimals = field.type === 'integer' ? 0 : (field.decimals ?? 2);
    slots.push({
      name: field.name,
      label,
      description: { vi: field.description_vi, en: field.description_en },
      column: { label, kind, decimals },
      source,
      isName: false,
      text: kind === 'text',
    });
    const named = NAMED_CODES.find((n) => n.column === field.name);
    if (named && (!named.scopeColumn || names.includes(named.scopeColumn))) {
      const nameLabel = COLUMN_LABELS[named.nameColumn] ?? { vi: named.nameColumn, en: named.nameColumn };
      slots.push({
        name: named.nameColumn,
        label: nameLabel,
        description: { vi: `${WORDS.nameOf.vi} ${field.name} (${named.register}.csv)`, en: `${WORDS.nameOf.en} ${field.name} (${named.register}.csv)` },
        column: { label: nameLabel, kind: 'text' },
        source,
        isName: true,
        text: true,
      });
    }
  });
  return slots;
}

export interface XlsxTableInput {
  schema: TableSchema;
  site: SiteConfig;
  names: CodeNames;
  /** Site path of the CSV twin, e.g. `/data/indices.csv` (named in the notes). */
  csvPath: string;
  /** Title of the notes and document; default the schema's. */
  title?: Record<XlsxLang, string>;
}

function notesRows(input: XlsxTableInput, slots: readonly Slot[], lang: XlsxLang): string[][] {
  const { schema, site } = input;
  const title = input.title?.[lang] ?? (lang === 'vi' ? schema.title_vi : schema.title_en);
  const csvUrl = absoluteUrl(input.csvPath, site.base_url);
  const listed = (scale: ColumnLabel['scale']) =>
    slots
      .filter((s) => s.label.scale === scale && s.column.kind === 'number')
      .map((s) => s.label[lang])
      .join('; ') || WORDS.none[lang];
  const rows: string[][] = [
    [WORDS.title[lang], title],
    [WORDS.description[lang], lang === 'vi' ? schema.description_vi : schema.description_en],
    [WORDS.source[lang], site.publisher[lang]],
    [WORDS.licence[lang], `${site.licence.title} (${site.licence.id}), ${site.licence.path}`],
    [WORDS.release[lang], site.release.version],
    [WORDS.releaseDate[lang], site.release.date],
    [WORDS.citation[lang], citationText(site, lang, title, csvUrl)],
    [WORDS.suppressed[lang], suppressedText(site, lang)],
    [WORDS.percent[lang], listed('percent')],
    [WORDS.points[lang], listed('points')],
    [WORDS.fraction[lang], listed('fraction')],
    ['', WORDS.numbersNote[lang]],
    [WORDS.csv[lang], csvUrl],
  ];
  if (site.sample_data && site.sample_note) rows.push([WORDS.sample[lang], site.sample_note[lang]]);
  rows.push([]);
  rows.push([WORDS.columns[lang], WORDS.machineName[lang], WORDS.description[lang]]);
  for (const slot of slots) rows.push([slot.label[lang], slot.name, slot.description[lang]]);
  return rows;
}

/**
 * Converts CSV records (header first, as csv.ts writes them) into the two workbooks' rows. The
 * returned function takes one record's cells; `finish` closes the files.
 */
export function openTableXlsx(input: XlsxTableInput, sinks: Record<XlsxLang, (chunk: Uint8Array, final: boolean) => void>): {
  push: (cells: readonly string[]) => void;
  finish: () => void;
} {
  const { schema, site, names } = input;
  const slots = xlsxSlots(schema);
  const title = (lang: XlsxLang) => input.title?.[lang] ?? (lang === 'vi' ? schema.title_vi : schema.title_en);
  const edition = (lang: XlsxLang) => ({
    title: title(lang),
    creator: site.publisher[lang],
    dataSheetName: WORDS.dataSheet[lang],
    notesSheet: { name: WORDS.notesSheet[lang], rows: notesRows(input, slots, lang) },
  });
  const book: XlsxBook = {
    date: site.release.date,
    columns: slots.map((s) => s.column),
    editions: { vi: edition('vi'), en: edition('en') },
  };
  const writer = new XlsxWriter(book, sinks);
  const columnNames = schema.fields.map((f) => f.name);
  const readers = nameReaders(columnNames, names);
  const textColumn = schema.fields.map((f) => f.type === 'string');
  let header = true;
  const texts: (string | null)[] = new Array(columnNames.length);
  const cells: (XlsxText | null)[] = new Array(slots.length);
  return {
    push(record) {
      if (header) {
        header = false;
        if (record.join(',') !== columnNames.join(',')) {
          throw new Error(`${schema.name}.csv: header ${record.join(',')} is not the schema's ${columnNames.join(',')}`);
        }
        return;
      }
      for (let i = 0; i < columnNames.length; i++) {
        const text = record[i] ?? '';
        texts[i] = text === '' ? null : textColumn[i] && NEUTRALISED.test(text) ? text.slice(1) : text;
      }
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j] as Slot;
        cells[j] = slot.isName ? (readers[slot.source]?.(texts) ?? null) : (texts[slot.source] ?? null);
      }
      writer.push(cells);
    },
    finish: () => writer.finish(),
  };
}

/** Feeds a CSV text (BOM, `\n`, RFC 4180) record by record to `push`. */
export function eachCsvRecord(csvText: string, push: (cells: readonly string[]) => void): void {
  const text = csvText.startsWith(CSV_BOM) ? csvText.slice(1) : csvText;
  Papa.parse<string[]>(text, {
    skipEmptyLines: true,
    step: (result) => {
      if (result.errors.length > 0) throw new Error(`CSV: ${result.errors[0]?.message}`);
      push(result.data);
    },
  });
}

/** Both workbooks of a small CSV (a chart's rows), in memory. */
export function tableXlsxBytes(input: XlsxTableInput, csvText: string): Record<XlsxLang, Uint8Array> {
  const chunks: Record<XlsxLang, Uint8Array[]> = { vi: [], en: [] };
  const table = openTableXlsx(input, { vi: (c) => chunks.vi.push(c), en: (c) => chunks.en.push(c) });
  eachCsvRecord(csvText, table.push);
  table.finish();
  return { vi: Buffer.concat(chunks.vi), en: Buffer.concat(chunks.en) };
}

/** Reads `<dir>/<table>.csv` and writes `<dir>/<table>.xlsx` and `<dir>/<table>.en.xlsx`. */
export function writeTableXlsx(dir: string, input: Omit<XlsxTableInput, 'csvPath'>): string[] {
  const files = xlsxFileNames(input.schema.name);
  const fds = { vi: openSync(join(dir, files.vi), 'w', 0o644), en: openSync(join(dir, files.en), 'w', 0o644) };
  try {
    const table = openTableXlsx(
      { ...input, csvPath: `/data/${input.schema.name}.csv` },
      { vi: (chunk) => void writeSync(fds.vi, chunk), en: (chunk) => void writeSync(fds.en, chunk) },
    );
    eachCsvRecord(readFileSync(join(dir, `${input.schema.name}.csv`), 'utf8'), table.push);
    table.finish();
  } finally {
    closeSync(fds.vi);
    closeSync(fds.en);
  }
  return [files.vi, files.en];
}
