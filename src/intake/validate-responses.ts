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
 *
 * Two cores: when a survey's files hold at least `secondThreadFromBytes` (16 MiB by default, about
 * 150,000 responses), the later files, about half the bytes, are validated in a worker thread
 * (validation-worker.ts) while this thread validates the earlier ones. The result is the same as
 * from one thread, byte for byte (validation-worker.ts says how). 1 M responses in four files on
 * two vCPUs: 6.0–6.9 s on one thread, 3.7 s on two.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from './data-error.ts';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { ReasonCounter, type QuarantineSink, type ReasonCount } from './quarantine.ts';
import type { Warn } from './read-text.ts';
import type { Registers } from './registers.ts';
import { FIXED_COLUMNS } from './response-columns.ts';
import { makeDateCheck } from './response-row.ts';
import { SeenIds } from './seen-ids.ts';
import type { SiteConfig, SurveyInstrument } from './types.ts';
import { validateFile, type FileContext, type FileIntakeReport } from './validate-file.ts';
import { validateLaterFilesInBackground, type LaterFiles } from './validation-worker.ts';

export type { FileIntakeReport } from './validate-file.ts';

/** Below this many bytes of response files, one thread: a worker's start-up would cost more than it saves. */
export const SECOND_THREAD_FROM_BYTES = 16 * 1024 * 1024;
/** The worker holds its set-aside rows in memory until the main thread takes them: at most this many. */
const WORKER_MAX_SET_ASIDE = 50_000;

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
  /** Validate the later files in a second thread from this many bytes of files on (default SECOND_THREAD_FROM_BYTES). */
  secondThreadFromBytes?: number;
  /** Told, when a second thread ran, whether its work was used or why this thread redid it. */
  onSecondThread?: (outcome: SecondThreadOutcome) => void;
}

export interface SecondThreadOutcome {
  /** How many of the files (the later ones) it validated. */
  files: number;
  used: boolean;
  /** Why its work was not used. */
  why?: string;
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
  const context: FileContext = { instrument, registers: options.registers, warn: options.warn, quarantine, fileLabels, seenIds, checkDate, out, totalReasons };
  const validateOnThisThread = async (from: number, to: number): Promise<void> => {
    for (let fileIndex = from; fileIndex < to; fileIndex++) reports.push(await validateFile(files[fileIndex] as string, fileIndex, context));
  };
  const laterFrom = laterFilesStart(files, options.secondThreadFromBytes ?? SECOND_THREAD_FROM_BYTES);
  let later: LaterFiles | null = null;
  let completed = false;
  try {
    const itemCodes = instrument.elements.flatMap((e) => e.items.map((item) => item.code));
    writeSync(out, `${[...FIXED_COLUMNS, ...itemCodes].join(',')}\n`);
    if (laterFrom < files.length) {
      later = validateLaterFilesInBackground({
        paths: files.slice(laterFrom),
        firstIndex: laterFrom,
        fileLabels,
        instrument,
        units: options.registers.units,
        agencies: options.registers.agencies,
        fields: options.registers.fields,
        crosswalk: options.registers.crosswalk,
        today,
        outputPath: `${partial}-later`,
        maxQuarantinedRows: WORKER_MAX_SET_ASIDE,
      });
    }
    await validateOnThisThread(0, laterFrom);
    if (later) {
      const result = await later.result;
      const why = !result.ok ? result.why : seenIds.containsAnyOf(result.ids) ? 'a response id of the later files is also in the earlier ones' : undefined;
      options.onSecondThread?.({ files: files.length - laterFrom, used: result.ok && why === undefined, ...(why === undefined ? {} : { why }) });
      if (result.ok && why === undefined) {
        // What this thread would have done itself, in the same order.
        for (const message of result.warnings) options.warn(message);
        for (const row of result.quarantined) {
          quarantine.add(row);
          totalReasons.add(row.reason_code);
        }
        appendFile(out, `${partial}-later`);
        reports.push(...result.reports);
      } else {
        await validateOnThisThread(laterFrom, files.length);
      }
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
    await later?.stop();
    closeSync(out);
    if (completed) renameSync(partial, options.outputPath);
    else rmSync(partial, { force: true });
  }
}

/**
 * Where the later files begin: the split of the files, in reading order, into two runs of about
 * equal bytes; `files.length` (no later files) for a single file or fewer than `fromBytes` bytes.
 */
export function laterFilesStart(files: readonly string[], fromBytes: number): number {
  const sizes = files.map((path) => statSync(path).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (files.length < 2 || total < fromBytes) return files.length;
  let best = 1;
  let bestImbalance = Infinity;
  let before = 0;
  for (let split = 1; split < files.length; split++) {
    before += sizes[split - 1] as number;
    const imbalance = Math.abs(2 * before - total);
    if (imbalance < bestImbalance) [best, bestImbalance] = [split, imbalance];
  }
  return best;
}

/** Appends the bytes of the file at `path` to the open file `out`. */
function appendFile(out: number, path: string): void {
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(4 * 1024 * 1024);
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) writeSync(out, buffer, 0, read);
  } finally {
    closeSync(fd);
  }
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
