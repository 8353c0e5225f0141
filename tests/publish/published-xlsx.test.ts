/**
 * The XLSX twins and the release ZIP of the published folder, checked with readers that did not
 * write them: read-excel-file for the workbooks (its own unzip and XML parser), JSZip for the
 * archive. Every cell of every workbook is compared with its CSV.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../src/publish/csv.ts';
import { releaseZipName } from '../../src/publish/release-zip.ts';
import { writePublished } from '../../src/publish/write-published.ts';
import { publishInput } from '../fixtures/publish/fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'publish-xlsx-test-'));
const first = join(work, 'first');
const second = join(work, 'second');

beforeAll(async () => {
  await writePublished(first, publishInput());
  await writePublished(second, publishInput());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const csvRows = (dir: string, table: string) =>
  Papa.parse<string[]>(readFileSync(join(dir, `${table}.csv`), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const tablesOf = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Column name (as in the CSV) of each data-sheet column, read from the notes sheet's column list. */
function columnNames(notes: unknown[][], headers: unknown[]): string[] {
  const byLabel = new Map<unknown, string>();
  const start = notes.findIndex((row) => row[1] === 'Tên cột trong CSV' || row[1] === 'Column name in the CSV');
  for (const row of notes.slice(start + 1)) byLabel.set(row[0], String(row[1]));
  return headers.map((label) => byLabel.get(label) ?? '');
}

describe('each published table has a Vietnamese and an English XLSX holding the CSV', () => {
  it('writes <table>.xlsx and <table>.en.xlsx for every CSV', () => {
    const files = readdirSync(first);
    for (const table of tablesOf(first)) {
      expect(files).toContain(`${table}.xlsx`);
      expect(files).toContain(`${table}.en.xlsx`);
    }
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`matches every cell of the CSV (${lang})`, async () => {
      let compared = 0;
      for (const table of tablesOf(first)) {
        const file = join(first, lang === 'vi' ? `${table}.xlsx` : `${table}.en.xlsx`);
        const [data, notes] = await readXlsxFile(file, { trim: false });
        const csv = csvRows(first, table);
        const header = csv[0] as string[];
        const sheet = data!.data;
        expect(sheet.length, table).toBe(csv.length);
        const names = columnNames(notes!.data, sheet[0]!);
        // Every CSV column is in the workbook, in the CSV's order, names only added between them.
        expect(names.filter((n) => header.includes(n)), table).toEqual(header);
        for (let r = 1; r < csv.length; r++) {
          header.forEach((name, c) => {
            const text = (csv[r] as string[])[c] ?? '';
            const cell = sheet[r]![names.indexOf(name)];
            if (text === '') expect(cell, `${table} row ${r} ${name}`).toBeNull();
            else if (typeof cell === 'number') expect(cell, `${table} row ${r} ${name}`).toBe(Number(text));
            // Text as the CSV has it, which neutralises a leading = + - @ with a quote (csv.ts).
            else expect(neutraliseFormula(String(cell)), `${table} row ${r} ${name}`).toBe(text);
            compared += 1;
          });
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  }

  it('types the number columns: value 83.94 is a number, n 512 an integer, a suppressed value empty', async () => {
    const [data] = await readXlsxFile(join(first, 'indices.xlsx'), { trim: false });
    const [header, overall, , suppressed] = data!.data;
    const at = (label: string) => header!.indexOf(label);
    // 83.935 rounds half away from zero to 83.94 (round.ts); n = 512.
    expect(overall![at('Giá trị (%)')]).toBe(83.94);
    expect(overall![at('Số người trả lời')]).toBe(512);
    expect(suppressed![at('Giá trị (%)')]).toBeNull();
    expect(suppressed![at('Trạng thái')]).toBe('suppressed');
  });

  it('puts names beside codes in the file’s language', async () => {
    const [vi] = await readXlsxFile(join(first, 'indices.xlsx'));
    const [en] = await readXlsxFile(join(first, 'indices.en.xlsx'));
    const units = Papa.parse<Record<string, string>>(readFileSync(join(first, 'units.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true }).data;
    const unit585 = units.find((u) => u.code === '585')!;
    const viHeader = vi!.data[0]!;
    const enHeader = en!.data[0]!;
    expect(viHeader.indexOf('Tên đơn vị')).toBe(viHeader.indexOf('Mã đơn vị') + 1);
    expect(enHeader.indexOf('Unit name')).toBe(enHeader.indexOf('Unit code') + 1);
    expect(vi!.data[1]![viHeader.indexOf('Tên đơn vị')]).toBe(unit585.name_vi);
    expect(en!.data[1]![enHeader.indexOf('Unit name')]).toBe(unit585.name_en);
    expect(viHeader).toContain('Tên chỉ số');
    expect(enHeader).toContain('Indicator name');
  });

  it('has a notes sheet with the release, licence, citation, suppression rule and the CSV twin', async () => {
    const site = publishInput().site;
    for (const [file, lang] of [['rankings.xlsx', 'vi'], ['rankings.en.xlsx', 'en']] as const) {
      const [, notes] = await readXlsxFile(join(first, file));
      expect(notes!.sheet).toBe(lang === 'vi' ? 'Ghi chú' : 'Notes');
      const text = notes!.data.map((row) => row.join(' | ')).join('\n');
      expect(text).toContain(site.release.version);
      expect(text).toContain(site.release.date);
      expect(text).toContain(site.publisher[lang]);
      expect(text).toContain(site.licence.id);
      expect(text).toContain(`min_n_publish = ${site.thresholds.min_n_publish}`);
      expect(text).toContain(`${site.base_url}data/rankings.csv`);
      expect(text).toContain(lang === 'vi' ? 'Trích dẫn:' : 'Cite as:');
      // rankings: p_first is a fraction, value a percentage.
      expect(text).toMatch(lang === 'vi' ? /Cột tỷ lệ 0–1[^\n]*Xác suất đứng thứ nhất \(0–1\)/ : /Fraction columns 0–1[^\n]*Probability of ranking first \(0–1\)/);
      expect(text).toMatch(lang === 'vi' ? /Cột phần trăm \(0–100\)[^\n]*Giá trị \(%\)/ : /Percentage columns \(0–100\)[^\n]*Value \(%\)/);
    }
  });
});

describe('the files are the same bytes on every build', () => {
  it('gives every XLSX and the ZIP the same sha256 twice', () => {
    const files = readdirSync(first).filter((f) => f.endsWith('.xlsx') || f.endsWith('.zip'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(sha256(join(second, file)), file).toBe(sha256(join(first, file)));
  });
});

describe('SHA256SUMS and the release ZIP', () => {
  const zipName = releaseZipName(publishInput().site.release.version);
  const listed = () =>
    readFileSync(join(first, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [hash, file] = line.split('  ');
        return { hash: hash!, file: file! };
      });

  it('lists every XLSX in SHA256SUMS, and not the ZIP', () => {
    const files = listed().map((l) => l.file);
    for (const file of readdirSync(first).filter((f) => f.endsWith('.xlsx'))) expect(files).toContain(file);
    expect(files).not.toContain(zipName);
  });

  it('opens and holds every file of SHA256SUMS with the same bytes, and SHA256SUMS itself', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(first, zipName)));
    const entries = Object.keys(zip.files).sort();
    expect(entries).toEqual([...listed().map((l) => l.file), 'SHA256SUMS'].sort());
    for (const { hash, file } of listed()) {
      const bytes = await zip.file(file)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(hash);
    }
    expect(await zip.file('SHA256SUMS')!.async('string')).toBe(readFileSync(join(first, 'SHA256SUMS'), 'utf8'));
  });
});
