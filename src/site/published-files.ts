/**
 * What the data page lists, read from the published folder itself: datapackage.json (every file
 * with its size, rows, sha256 and schema, written by src/publish/datapackage.ts) and the
 * quarantine summary (rows set aside, counted by survey and reason; never their contents). The
 * page thus describes exactly the files a reader downloads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Bilingual } from '../intake/types.ts';
import { publishedParts } from '../publish/file-parts.ts';
import { parseSha256Sums } from '../publish/sha256sums.ts';
import { PUBLISHED_DIR } from './published-data.ts';

export interface PublishedFile {
  /** The file, or for a file published in parts the table's file name (`indices.csv`). */
  path: string;
  format: string;
  /** Size; of all the parts together for a file in parts. */
  bytes: number;
  /** SHA-256; of the parts joined for a CSV in parts; empty for Parquet in parts. */
  sha256: string;
  /** The parts in order, for a file over the part limit (src/publish/file-parts.ts). */
  parts?: PublishedPart[];
}

export interface PublishedPart {
  path: string;
  bytes: number;
  sha256: string;
}

export interface PublishedField {
  name: string;
  type: string;
  description: Bilingual;
  /** The only values the column holds (its enum), which the description names as codes. */
  values: string[];
}

export interface PublishedTable {
  table: string;
  title: Bilingual;
  description: Bilingual;
  rows: number;
  files: PublishedFile[];
  fields: PublishedField[];
}

export interface PublishedPackage {
  version: string;
  licence: { name: string; path: string; title: string };
  tables: PublishedTable[];
  /** Sizes of datapackage.json and SHA256SUMS themselves. */
  packageBytes: number;
  sumsBytes: number | null;
}

interface RawResource {
  /** One file, or the parts of a file over the part limit (Frictionless v2 multipart). */
  path: string | string[];
  format: string;
  bytes: number;
  hash?: string;
  parts?: { path: string; bytes: number; hash: string }[];
  table: string;
  rows: number;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  schema: { fields: { name: string; type: string; description: string; description_en: string; constraints?: { enum?: string[] } }[] };
}

export const DATAPACKAGE = 'datapackage.json';
export const SHA256SUMS = 'SHA256SUMS';
export const QUARANTINE_SUMMARY = 'quarantine-summary.csv';

/** The published package grouped by table (formats of one table together), in package order. */
export function readPublishedPackage(dir = PUBLISHED_DIR): PublishedPackage {
  const path = join(dir, DATAPACKAGE);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run data\` first (npm run build does it for you).`);
  const descriptor = JSON.parse(readFileSync(path, 'utf8')) as {
    version: string;
    licenses: { name: string; path: string; title: string }[];
    resources: RawResource[];
  };
  const tables = new Map<string, PublishedTable>();
  for (const r of descriptor.resources) {
    let table = tables.get(r.table);
    if (!table) {
      table = {
        table: r.table,
        title: { vi: r.title, en: r.title_en },
        description: { vi: r.description, en: r.description_en },
        rows: r.rows,
        files: [],
        fields: r.schema.fields.map((f) => ({
          name: f.name,
          type: f.type,
          description: { vi: f.description, en: f.description_en },
          values: f.constraints?.enum ?? [],
        })),
      };
      tables.set(r.table, table);
    }
    const hex = (hash: string | undefined) => (hash ?? '').replace(/^sha256:/, '');
    if (Array.isArray(r.path)) {
      const parts = (r.parts ?? []).map((part) => ({ path: part.path, bytes: part.bytes, sha256: hex(part.hash) }));
      table.files.push({ path: `${r.table}.${r.format}`, format: r.format, bytes: r.bytes, sha256: hex(r.hash), parts });
    } else {
      table.files.push({ path: r.path, format: r.format, bytes: r.bytes, sha256: hex(r.hash) });
    }
  }
  const licence = descriptor.licenses[0] ?? { name: '', path: '', title: '' };
  const sums = join(dir, SHA256SUMS);
  return {
    version: descriptor.version,
    licence,
    tables: [...tables.values()],
    packageBytes: statSync(path).size,
    sumsBytes: existsSync(sums) ? statSync(sums).size : null,
  };
}

export interface QuarantineCount {
  survey: string;
  reason: string;
  rows: number;
}

/** Rows set aside by survey and reason code; empty when the summary file is absent. */
export function readQuarantineSummary(dir = PUBLISHED_DIR): QuarantineCount[] {
  const path = join(dir, QUARANTINE_SUMMARY);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({ survey: r.survey ?? '', reason: r.reason ?? '', rows: Number(r.rows ?? 0) }));
}

/** The sha256 of each file SHA256SUMS lists, by file name; empty when the file is absent. */
export function readSha256Sums(dir = PUBLISHED_DIR): Map<string, string> {
  const path = join(dir, SHA256SUMS);
  return existsSync(path) ? parseSha256Sums(readFileSync(path, 'utf8')) : new Map();
}

/**
 * A table's XLSX file in a language (`indices.xlsx` / `indices.en.xlsx`, src/publish/table-xlsx.ts),
 * with its size and sha256; undefined when none was written (a table with more rows than a
 * worksheet holds).
 */
export function publishedXlsx(table: string, lang: 'vi' | 'en', sums: Map<string, string>, dir = PUBLISHED_DIR): PublishedFile | undefined {
  const path = lang === 'vi' ? `${table}.xlsx` : `${table}.${lang}.xlsx`;
  const sha256 = sums.get(path);
  if (!sha256 || !existsSync(join(dir, path))) return undefined;
  return { path, format: 'xlsx', bytes: statSync(join(dir, path)).size, sha256 };
}

/** The release's archive of every published file, with its size; null when absent. */
export function publishedZip(version: string, dir = PUBLISHED_DIR): { path: string; bytes: number } | null {
  const path = `sipas-${version}.zip`;
  return existsSync(join(dir, path)) ? { path, bytes: statSync(join(dir, path)).size } : null;
}

/**
 * Site paths of a published table's file for a page's download link: `/data/<file>`, or one per
 * part for a table published in parts (src/publish/file-parts.ts: `/data/comparisons-1.csv`, …).
 */
export function publishedFilePaths(file: string, dir = PUBLISHED_DIR): string[] {
  const parts = publishedParts(dir, file);
  return (parts.length > 0 ? parts : [file]).map((name) => `/data/${name}`);
}
