/**
 * Validates a survey's response files and writes the one normalised CSV the engine reads
 * (COMMON format: UTF-8 without BOM, comma, `response_id,date,unit_code,agency_code,field,channel,
 * respondent_type,` + item codes in instrument order, ISO dates, integers, empty = null).
 *
 * Streams: each file is decoded and parsed a chunk at a time and its rows are written as they
 * pass, so 10 million rows need memory only for the set of response ids. Every row read is
 * either used or quarantined (`read = used + quarantined`, asserted per file). The output is
 * written to a `.partial` file and renamed into place only when every file passed, including the
 * per-file limit on the quarantined share.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CsvLineBuffer } from './csv-line-buffer.ts';
import { readCsvBatches } from './csv-records.ts';
import { DataError } from './data-error.ts';
import type { Delimiter } from './delimiter.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { ReasonCounter, type QuarantineSink, type ReasonCount } from './quarantine.ts';
import { openText, type TextEncodingName, type Warn } from './read-text.ts';
import type { Registers } from './registers.ts';
import { FIXED_COLUMNS } from './response-columns.ts';
import { readResponseHeader, type ResponseHeader } from './response-header.ts';
import { makeDateCheck, makeRowCheck } from './response-row.ts';
import { SeenIds } from './seen-ids.ts';
import type { SiteConfig, SurveyInstrument } from './types.ts';

export interface ValidateResponsesOptions {
  /** The survey's response files; read in name order whatever order they are given in. */
  files: readonly string[];
  instrument: SurveyInstrument;
  registers: Registers;
  thresholds: Pick<SiteConfig['thresholds'], 'max_quarantine_share'>;
  /** Where the validated CSV goes (its folder is created). */
  outputPath: string;
  quarantine: QuarantineSink;
  warn: Warn;
  /** ISO date of the build: later response dates are quarantined. Passed in so tests can fix it. */
  today: string;
  /** How files are named in messages and in the quarantine; default: relative to the working folder. */
  labelOf?: FileLabeller;
}

export interface FileIntakeReport {
  /** The file as labelled in messages. */
  file: string;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  /** Data rows read (header and blank lines not counted). */
  read: number;
  used: number;
  quarantined: number;
  blank_lines: number;
  quarantined_by_reason: ReasonCount[];
  /** Unknown columns dropped (personal-data ones listed apart). */
  dropped_columns: string[];
  personal_data_columns: string[];
  /** Item columns absent from the file: those items count as unanswered in it. */
  missing_items: string[];
}

export interface IntakeSummary {
  survey: string;
  /** The validated CSV, as labelled. */
  output: string;
  files: FileIntakeReport[];
  read: number;
  used: number;
  quarantined: number;
  quarantined_by_reason: ReasonCount[];
  /** The quarantine file, as labelled; null for an in-memory sink. */
  quarantine_file: string | null;
}

export async function validateResponses(options: ValidateResponsesOptions): Promise<IntakeSummary> {
  const { instrument, quarantine, today } = options;
  const labelOf = options.labelOf ?? ((path: string) => fileLabel(path));
  const files = [...options.files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fileLabels = files.map((path) => labelOf(path));
  const seenIds = new SeenIds();
  const checkDate = makeDateCheck(instrument, today);
  const partial = `${options.outputPath}.partial`;
  mkdirSync(dirname(options.outputPath), { recursive: true });
  const out = openSync(partial, 'w');
  const reports: FileIntakeReport[] = [];
  const totalReasons = new ReasonCounter();
  let completed = false;
  try {
    const itemCodes = instrument.elements.flatMap((e) => e.items.map((item) => item.code));
    writeSync(out, `${[...FIXED_COLUMNS, ...itemCodes].join(',')}\n`);
    for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
      const report = await validateFile(files[fileIndex] as string, fileIndex, {
        ...options, labelOf, fileLabels, seenIds, checkDate, out, totalReasons,
      });
      reports.push(report);
    }
    const summary: IntakeSummary = {
      survey: instrument.id,
      output: labelOf(options.outputPath),
      files: reports,
      read: sum(reports, (r) => r.read),
      used: sum(reports, (r) => r.used),
      quarantined: sum(reports, (r) => r.quarantined),
      quarantined_by_reason: totalReasons.list(),
      quarantine_file: quarantine.path === null ? null : labelOf(quarantine.path),
    };
    checkQuarantineShares(summary, options.thresholds.max_quarantine_share, quarantine);
    completed = true;
    return summary;
  } finally {
    closeSync(out);
    if (completed) renameSync(partial, options.outputPath);
    else rmSync(partial, { force: true });
  }
}

interface FileContext extends ValidateResponsesOptions {
  labelOf: FileLabeller;
  fileLabels: string[];
  seenIds: SeenIds;
  checkDate: ReturnType<typeof makeDateCheck>;
  out: number;
  totalReasons: ReasonCounter;
}

async function validateFile(path: string, fileIndex: number, context: FileContext): Promise<FileIntakeReport> {
  const label = context.fileLabels[fileIndex] as string;
  const source = await openText(path, label, context.warn);
  const reasons = new ReasonCounter();
  let header: ResponseHeader | null = null;
  let check: ReturnType<typeof makeRowCheck> | null = null;
  let delimiter: Delimiter = ',';
  let read = 0;
  let used = 0;
  let quarantined = 0;
  let blankLines = 0;
  const lines = new CsvLineBuffer();
  for await (const batch of readCsvBatches(source, label)) {
    delimiter = batch.layout.delimiter;
    blankLines += batch.blankLines;
    for (const record of batch.records) {
      if (!check) {
        header = readResponseHeader(record.cells, context.instrument, label, context.warn);
        check = makeRowCheck({ ...context, header, fileIndex }, lines);
        continue;
      }
      read++;
      const verdict = check(record.cells, record.line);
      if (verdict === null) {
        used++;
      } else {
        quarantined++;
        reasons.add(verdict.code);
        context.totalReasons.add(verdict.code);
        context.quarantine.add({ file: label, line: record.line, column: verdict.column, reason: verdict.reason, reason_code: verdict.code });
      }
    }
    lines.flushTo(context.out);
  }
  if (!header) {
    throw new DataError({
      file: label,
      problem: 'the file has no header row: it holds only blank lines.',
      fix: 'export the responses again with the header row, or delete the file if it is not needed.',
    });
  }
  if (read !== used + quarantined) {
    throw new Error(`internal error in intake: ${label} read ${read} rows but used ${used} and quarantined ${quarantined}`);
  }
  if (read === 0) context.warn(`${label}: the file has a header but no rows; 0 rows read.`);
  return {
    file: label,
    encoding: source.encoding,
    delimiter,
    read,
    used,
    quarantined,
    blank_lines: blankLines,
    quarantined_by_reason: reasons.list(),
    dropped_columns: header.dropped,
    personal_data_columns: header.personalData,
    missing_items: header.missingItems,
  };
}

/** Fails on the first file whose quarantined share exceeds the limit, naming any others too. */
function checkQuarantineShares(summary: IntakeSummary, maxShare: number, quarantine: QuarantineSink): void {
  const over = summary.files.filter((f) => f.read > 0 && f.quarantined / f.read > maxShare);
  const first = over[0];
  if (!first) return;
  quarantine.flush();
  const reasons = first.quarantined_by_reason.slice(0, 3).map((r) => `${r.label.en} (${r.count})`).join(', ');
  const others = over.slice(1).map((f) => `${f.file} (${percent(f.quarantined / f.read)})`);
  throw new DataError({
    file: first.file,
    problem: `${first.quarantined} of ${first.read} rows (${percent(first.quarantined / first.read)}) were set aside, more than the allowed ` +
      `${percent(maxShare)} (thresholds.max_quarantine_share in site.json). Most frequent reasons: ${reasons}.` +
      (others.length > 0 ? ` Also over the limit: ${others.join(', ')}.` : ''),
    fix: `open ${summary.quarantine_file ?? 'the quarantine report'} to see each set-aside row's line, column and reason; correct the file and build again.`,
  });
}

/** `0.0123` → `1.23 %` (at most two decimals, none when whole). */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))} %`;
}

function sum<T>(rows: T[], value: (row: T) => number): number {
  return rows.reduce((total, row) => total + value(row), 0);
}
