/**
 * The provenance register `data/provenance.csv`: one row per raw input file of the data folder
 * saying who produced it, when, under which licence, from which sources, and its sha256.
 * data-contract.md asks that "a test fails when a file changes without its record", so a changed
 * input can never reach a release unexplained; `findProvenanceProblems` is that check and
 * `refreshRegister` (run by `npm run provenance`) is how an editor brings the register up to date.
 *
 * Paths in the register are relative to the data folder, with `/` separators, so the register
 * reads the same on every machine and under any DATA_DIR.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const REGISTER_FILE = 'provenance.csv';

/** Columns every register has, in this order; any further columns are kept after them. */
export const REGISTER_COLUMNS = ['path', 'producer', 'date', 'licence', 'sha256', 'source_ids', 'note'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** One row of the register. Extra columns an editor added are kept under their own names. */
export type ProvenanceRecord = Record<RegisterColumn, string> & Record<string, string>;

/** Producer written for a file nobody has described yet; the check refuses it until replaced. */
export const UNKNOWN_PRODUCER = 'unknown — fill in';

/** The command that refreshes the register (package.json maps it to scripts/update-provenance.ts). */
export const REFRESH_COMMAND = 'npm run provenance';

/** Response files the sample generator writes; their record can be filled in automatically. */
const RESPONSES_PATH = /^surveys\/[^/]+\/responses\//;

export const SAMPLE_RESPONSES_RECORD = {
  producer: 'project sample generator (scripts/generate-sample.ts)',
  licence: 'CC-BY-4.0',
  note: 'generated sample data',
} as const;

/** A register that cannot be read as a whole (missing column, bad CSV). */
export class ProvenanceRegisterError extends Error {}

export type ProvenanceProblemKind =
  | 'no_register'
  | 'missing_record'
  | 'stale_hash'
  | 'missing_file'
  | 'duplicate_record'
  | 'incomplete_record';

export interface ProvenanceProblem {
  kind: ProvenanceProblemKind;
  /** Path relative to the data folder. */
  path: string;
  /** One line an editor can act on. */
  message: string;
}

/** A register row with the line it was read from (header = line 1), for messages. */
export interface RegisterEntry {
  record: ProvenanceRecord;
  line: number;
}

export interface RegisterContents {
  /** Column names in file order: the standard ones first, then any extra ones. */
  columns: string[];
  entries: RegisterEntry[];
}

/** sha256 of a file's bytes, hex. Reads in chunks so large response files need little memory. */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Every file under the data folder that needs a record, as sorted `/`-separated relative paths.
 * Left out: the register itself, hidden files and folders (`.DS_Store`, `.gitkeep`), which
 * editors' tools create and nobody reads, and `releases/`: the kept earlier releases are outputs,
 * each checked against its own SHA256SUMS and the copy of this register it was built from
 * (src/releases/kept-release.ts).
 */
/** The folder of the data folder that keeps earlier releases (data-contract.md → Releases). */
export const KEPT_RELEASES_DIR = 'releases';

export function listDataFiles(dataDir: string): string[] {
  const files: string[] = [];
  const walk = (relDir: string): void => {
    for (const entry of fs.readdirSync(path.join(dataDir, relDir), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || (relDir === '' && entry.name === KEPT_RELEASES_DIR)) continue;
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && rel !== REGISTER_FILE) files.push(rel);
    }
  };
  walk('');
  return files.sort(compareCodeUnits);
}

/** How messages name the data folder: relative to the working directory when inside it. */
export function dataFolderLabel(dataDir: string): string {
  const rel = path.relative(process.cwd(), dataDir);
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return dataDir.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/** Reads the register; null when the file does not exist. */
export function readRegister(dataDir: string, label = dataFolderLabel(dataDir)): RegisterContents | null {
  const file = path.join(dataDir, REGISTER_FILE);
  if (!fs.existsSync(file)) return null;
  const where = `${label}/${REGISTER_FILE}`;
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (header === undefined) {
    throw new ProvenanceRegisterError(`${where} is empty: its first line must be ${REGISTER_COLUMNS.join(',')}`);
  }
  const columns = header.map((name) => name.trim());
  for (const required of REGISTER_COLUMNS) {
    if (!columns.includes(required)) {
      throw new ProvenanceRegisterError(
        `${where}, line 1: column "${required}" is missing; the header must be ${REGISTER_COLUMNS.join(',')}`,
      );
    }
  }
  const entries = rows.map((cells, index) => {
    // Line numbers assume one line per row (true unless a note spans lines).
    const line = index + 2;
    if (cells.length !== columns.length) {
      throw new ProvenanceRegisterError(
        `${where}, line ${line}: ${cells.length} cells for ${columns.length} columns; quote any cell that contains a comma`,
      );
    }
    const record = Object.fromEntries(columns.map((name, i) => [name, (cells[i] ?? '').trim()])) as ProvenanceRecord;
    return { record, line };
  });
  const extra = columns.filter((name) => !(REGISTER_COLUMNS as readonly string[]).includes(name));
  return { columns: [...REGISTER_COLUMNS, ...extra], entries };
}

/**
 * Everything wrong between the data folder and its register, sorted by path. Empty = in order.
 * `label` names the data folder in messages (default: relative to the working directory).
 */
export function findProvenanceProblems(dataDir: string, label = dataFolderLabel(dataDir)): ProvenanceProblem[] {
  const where = `${label}/${REGISTER_FILE}`;
  const register = readRegister(dataDir, label);
  if (register === null) {
    return [{
      kind: 'no_register',
      path: REGISTER_FILE,
      message: `${where} does not exist: run \`${REFRESH_COMMAND}\` to create it, then fill in producer, date, licence and source_ids`,
    }];
  }
  const problems: ProvenanceProblem[] = [];
  const byPath = new Map<string, RegisterEntry>();
  for (const entry of register.entries) {
    const first = byPath.get(entry.record.path);
    if (first === undefined) byPath.set(entry.record.path, entry);
    else {
      problems.push({
        kind: 'duplicate_record',
        path: entry.record.path,
        message: `${where} lists ${label}/${entry.record.path} twice (lines ${first.line} and ${entry.line}): keep one row`,
      });
    }
  }
  const files = listDataFiles(dataDir);
  for (const file of files) {
    const entry = byPath.get(file);
    const shown = `${label}/${file}`;
    if (entry === undefined) {
      problems.push({
        kind: 'missing_record',
        path: file,
        message: `${shown} has no provenance record: run \`${REFRESH_COMMAND}\`, then fill in its producer, date, licence and source_ids in ${where}`,
      });
    } else if (entry.record.sha256 !== sha256OfFile(path.join(dataDir, file))) {
      problems.push({
        kind: 'stale_hash',
        path: file,
        message: `${shown} changed but its provenance record was not updated: run \`${REFRESH_COMMAND}\``,
      });
    } else if (isIncomplete(entry.record)) {
      problems.push({
        kind: 'incomplete_record',
        path: file,
        message: `${shown}: its provenance record (${where}, line ${entry.line}) has no producer or licence yet: fill them in`,
      });
    }
  }
  const present = new Set(files);
  for (const [recordPath, entry] of byPath) {
    if (!present.has(recordPath)) {
      problems.push({
        kind: 'missing_file',
        path: recordPath,
        message: `${where}, line ${entry.line}: record for ${label}/${recordPath}, but the file does not exist: restore the file or run \`${REFRESH_COMMAND}\` to drop the record`,
      });
    }
  }
  return problems.sort((a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.kind, b.kind));
}

export interface RefreshOptions {
  /** True when the site runs on generated sample data (site config `sample_data`): response files then get the generator's record. */
  sampleData: boolean;
}

export interface RefreshResult {
  records: ProvenanceRecord[];
  /** Paths that got a new record. */
  added: string[];
  /** Paths whose sha256 changed. */
  rehashed: string[];
  /** Paths whose record was dropped: the file is gone, or the row repeated an earlier one. */
  dropped: string[];
}

/**
 * Brings the register in line with the data folder and writes it: recomputes every sha256, adds a
 * row for each new file, drops rows of files that are gone, keeps every other cell as written,
 * and sorts by path, so the same folder always gives the same bytes.
 */
export function refreshRegister(dataDir: string, options: RefreshOptions): RefreshResult {
  const register = readRegister(dataDir) ?? { columns: [...REGISTER_COLUMNS], entries: [] };
  const byPath = new Map<string, ProvenanceRecord>();
  const dropped: string[] = [];
  for (const { record } of register.entries) {
    if (byPath.has(record.path)) dropped.push(record.path);
    else byPath.set(record.path, record);
  }
  const files = listDataFiles(dataDir);
  const present = new Set(files);
  for (const recordPath of byPath.keys()) if (!present.has(recordPath)) dropped.push(recordPath);

  const added: string[] = [];
  const rehashed: string[] = [];
  const records = files.map((file) => {
    const sha256 = sha256OfFile(path.join(dataDir, file));
    const known = byPath.get(file);
    if (known === undefined) {
      added.push(file);
      return newRecord(file, sha256, register.columns, options);
    }
    if (known.sha256 !== sha256) rehashed.push(file);
    return { ...known, sha256 };
  });
  writeAtomically(path.join(dataDir, REGISTER_FILE), formatRegister(records, register.columns));
  return { records, added, rehashed, dropped: dropped.sort(compareCodeUnits) };
}

/** The register as CSV: header, one row per record, `\n` line ends, RFC 4180 quoting. */
export function formatRegister(records: ProvenanceRecord[], columns: readonly string[] = REGISTER_COLUMNS): string {
  const rows = records.map((record) => columns.map((name) => record[name] ?? ''));
  return `${Papa.unparse({ fields: [...columns], data: rows }, { newline: '\n' })}\n`;
}

function newRecord(file: string, sha256: string, columns: readonly string[], options: RefreshOptions): ProvenanceRecord {
  const blank = Object.fromEntries(columns.map((name) => [name, ''])) as ProvenanceRecord;
  if (options.sampleData && RESPONSES_PATH.test(file)) {
    return { ...blank, path: file, sha256, ...SAMPLE_RESPONSES_RECORD };
  }
  return { ...blank, path: file, sha256, producer: UNKNOWN_PRODUCER };
}

function isIncomplete(record: ProvenanceRecord): boolean {
  return record.producer === '' || record.producer === UNKNOWN_PRODUCER || record.licence === '';
}

/**
 * Write to a temporary file, then rename: an interrupted run never leaves half a register. The
 * temporary name starts with a dot, so `listDataFiles` never mistakes it for an input.
 */
function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/** Plain code-unit order: the same on every machine, unlike locale-aware comparison. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
