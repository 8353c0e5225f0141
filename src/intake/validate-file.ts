/**
 * One response file through intake: decoded and parsed a chunk at a time, each row checked
 * (response-row.ts) and either appended to the validated CSV or set aside with its reason.
 * validate-responses.ts runs it for each of a survey's files in order, on this thread or, for the
 * second half of large surveys, in validation-worker.ts.
 */
import { CsvLineBuffer } from './csv-line-buffer.ts';
import { readCsvBatches } from './csv-records.ts';
import { DataError } from './data-error.ts';
import type { Delimiter } from './delimiter.ts';
import { ReasonCounter, type QuarantineSink, type ReasonCount } from './quarantine.ts';
import { openText, type TextEncodingName, type Warn } from './read-text.ts';
import type { Registers } from './registers.ts';
import { readResponseHeader, type ResponseHeader } from './response-header.ts';
import { makeRowCheck, type DateCheck } from './response-row.ts';
import type { SeenIds } from './seen-ids.ts';
import type { SurveyInstrument } from './types.ts';

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

/** What validating one file needs; the state shared across a survey's files is passed in. */
export interface FileContext {
  instrument: SurveyInstrument;
  registers: Registers;
  warn: Warn;
  /** Where set-aside rows go. */
  quarantine: QuarantineSink;
  /** Labels of the survey's files by index (the order they are read in). */
  fileLabels: readonly string[];
  /** The response ids seen so far, in this file and the ones before it. */
  seenIds: SeenIds;
  checkDate: DateCheck;
  /** File descriptor the validated lines are appended to. */
  out: number;
  /** Counts by reason over the survey's files. */
  totalReasons: ReasonCounter;
}

/** Validates file number `fileIndex` of the survey, appending its used rows to `context.out`. */
export async function validateFile(path: string, fileIndex: number, context: FileContext): Promise<FileIntakeReport> {
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
