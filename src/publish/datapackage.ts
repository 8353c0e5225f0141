/**
 * `datapackage.json`: a Frictionless Data Package v2 (https://datapackage.org) describing every
 * published file. Choices made here:
 * - Vietnamese first: `title` and `description` hold Vietnamese, `title_en` / `description_en`
 *   (extra properties, which v2 allows) hold English — on the package, each resource and each field.
 * - One resource per file: `<table>-<format>` (indices-csv, indices-parquet, …); the custom
 *   property `table` groups the formats of one table and `rows` gives its row count.
 * - `hash` in the v2 form `sha256:<hex>`; `created` is the release date from the site config at
 *   00:00 UTC, never the build time, so two builds give the same bytes.
 * - A file over the part limit (file-parts.ts) is one resource with its parts as `path` (the v2
 *   multipart form, `"path": ["indices-1.csv", "indices-2.csv"]`), `bytes` the parts' total, and
 *   the custom property `parts` giving each part's bytes and hash. A CSV's `hash` is that of its
 *   parts joined (the whole table's bytes); Parquet parts are files of their own, so a Parquet
 *   resource in parts has no `hash` of the whole.
 * - Key order is fixed by construction; the file is `JSON.stringify(…, null, 2)` plus a newline.
 */
import type { Bilingual, SiteConfig } from '../intake/types.ts';
import { CSV_LINE_END } from './csv.ts';
import type { FileFormat, PublishedField, TableSchema } from './schemas.ts';

export const DATAPACKAGE_FILE = 'datapackage.json';
export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export const MEDIA_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/json',
};

/** A source cited by the package: a row of data/published/sources.csv. */
export interface SourceRecord {
  source_id: string;
  publisher: string;
  title: string;
  url: string | null;
}

/** One part of a file published in parts (file-parts.ts). */
export interface PackagedPart {
  file: string;
  bytes: number;
  sha256: string;
}

/** A written file, with the facts the package records about it. */
export interface PackagedFile {
  /** The table's file name (`indices.csv`), also when it is published in parts. */
  file: string;
  format: FileFormat;
  /** Size; for a file in parts, the parts' total. */
  bytes: number;
  /** SHA-256 of the file; of the joined parts for a CSV in parts; null for Parquet in parts. */
  sha256: string | null;
  /** The parts, in order, when the file is published in parts. */
  parts?: PackagedPart[];
}

export interface PackagedTable {
  schema: TableSchema;
  rows: number;
  files: PackagedFile[];
}

export interface DataPackageInput {
  site: SiteConfig;
  tables: PackagedTable[];
  sources: SourceRecord[];
}

const SAMPLE_SOURCE: Bilingual = {
  vi: 'Phiếu trả lời mẫu, sinh ngẫu nhiên (không phải kết quả khảo sát thật)',
  en: 'Generated sample responses (not real survey results)',
};

export function buildDataPackage({ site, tables, sources }: DataPackageInput): Record<string, unknown> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(site.release.date)) {
    throw new Error(`site.json release.date must be YYYY-MM-DD, got ${JSON.stringify(site.release.date)}`);
  }
  const sampleNote = site.sample_data ? site.sample_note ?? SAMPLE_SOURCE : undefined;
  const citedSources = [
    ...sources.map((source) => ({
      title: `${source.publisher}: ${source.title}`,
      ...(source.url ? { path: source.url } : {}),
      source_id: source.source_id,
    })),
    ...(sampleNote
      ? [{ title: SAMPLE_SOURCE.vi, title_en: SAMPLE_SOURCE.en, description: sampleNote.vi, description_en: sampleNote.en }]
      : []),
  ];
  return {
    $schema: DATAPACKAGE_PROFILE,
    name: `sipas-${site.province_code ?? 'vn'}`.toLowerCase(),
    id: `${site.base_url}data/${DATAPACKAGE_FILE}`,
    title: site.title.vi,
    title_en: site.title.en,
    description: packageDescription('vi', sampleNote?.vi),
    description_en: packageDescription('en', sampleNote?.en),
    version: site.release.version,
    created: `${site.release.date}T00:00:00Z`,
    homepage: site.base_url,
    keywords: ['SIPAS', 'chỉ số hài lòng', 'satisfaction index', 'Việt Nam'],
    sample_data: site.sample_data,
    licenses: [{ name: site.licence.id, path: site.licence.path, title: site.licence.title }],
    ...(citedSources.length > 0 ? { sources: citedSources } : {}),
    contributors: [{ title: site.publisher.vi, title_en: site.publisher.en, path: site.base_url, roles: ['publisher'] }],
    resources: tables.flatMap((table) => table.files.map((file) => resource(table, file))),
  };
}

export function formatDataPackage(descriptor: Record<string, unknown>): string {
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

function packageDescription(lang: 'vi' | 'en', sampleNote: string | undefined): string {
  const text =
    lang === 'vi'
      ? 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước, với số người trả lời và khoảng tin cậy 95 %; xếp hạng với khoảng thứ hạng; thay đổi so với kỳ trước; độ bao phủ cơ quan; mức độ đạt chỉ tiêu kế hoạch; phiếu trả lời đã kiểm tra và các danh mục. Tỷ lệ tính bằng %, làm tròn 2 chữ số thập phân (nửa ra xa số 0) khi ghi. Mỗi bảng có CSV (UTF-8 có BOM) và Parquet; bảng nhỏ có thêm JSON.'
      : 'Citizen and organisation satisfaction with public administrative services, with respondents and 95 % confidence intervals; rankings with rank intervals; change from the previous period; agency coverage; attainment of plan targets; validated responses and the registers. Percentages rounded half away from zero to 2 decimals when written. Each table as CSV (UTF-8 with BOM) and Parquet; small tables also as JSON.';
  return sampleNote ? `${text} ${sampleNote}` : text;
}

function resource(table: PackagedTable, file: PackagedFile): Record<string, unknown> {
  const { schema } = table;
  const isText = file.format !== 'parquet';
  return {
    name: `${schema.name}-${file.format}`,
    type: 'table',
    path: file.parts ? file.parts.map((part) => part.file) : file.file,
    format: file.format,
    mediatype: MEDIA_TYPES[file.format],
    ...(isText ? { encoding: 'utf-8' } : {}),
    bytes: file.bytes,
    ...(file.sha256 !== null ? { hash: `sha256:${file.sha256}` } : {}),
    ...(file.parts ? { parts: file.parts.map((part) => ({ path: part.file, bytes: part.bytes, hash: `sha256:${part.sha256}` })) } : {}),
    title: schema.title_vi,
    title_en: schema.title_en,
    description: schema.description_vi,
    description_en: schema.description_en,
    table: schema.name,
    rows: table.rows,
    ...(file.format === 'csv'
      ? { dialect: { header: true, delimiter: ',', lineTerminator: CSV_LINE_END, quoteChar: '"', doubleQuote: true } }
      : {}),
    schema: tableSchema(schema),
  };
}

function tableSchema(schema: TableSchema): Record<string, unknown> {
  return {
    fields: schema.fields.map(fieldDescriptor),
    missingValues: [''],
    ...(schema.primaryKey ? { primaryKey: [...schema.primaryKey] } : {}),
  };
}

function fieldDescriptor(field: PublishedField): Record<string, unknown> {
  const constraints = {
    ...(field.required ? { required: true } : {}),
    ...(field.enum ? { enum: [...field.enum] } : {}),
  };
  return {
    name: field.name,
    type: field.type,
    description: field.description_vi,
    description_en: field.description_en,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}
