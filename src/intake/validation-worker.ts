/**
 * Validates the later files of a large survey in a worker thread while the main thread validates
 * the earlier ones (validate-responses.ts), so that intake uses both cores.
 *
 * The worker is only a fast path for the common case. Files depend on each other in one way: a
 * response id seen in an earlier file makes a later copy a duplicate. The worker cannot know the
 * ids of the earlier files, so it reports the ids it saw and the main thread checks them; if any
 * was also seen earlier — or the worker meets anything unusual: an error, a file it refuses, more
 * set-aside rows than it should hold in memory — the main thread discards the worker's work and
 * validates those files itself, as if there had been no worker. Either way the validated CSV, the
 * quarantine, the warnings and every message are the same as from one thread.
 */
import { closeSync, openSync, rmSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CrosswalkLink } from './load-crosswalk.ts';
import { memoryQuarantine, ReasonCounter, type QuarantineSink } from './quarantine.ts';
import { buildRegisters } from './registers.ts';
import { makeDateCheck } from './response-row.ts';
import { SeenIds, type SeenIdsSnapshot } from './seen-ids.ts';
import type { Agency, Field, QuarantinedRow, SurveyInstrument, Unit } from './types.ts';
import { validateFile, type FileIntakeReport } from './validate-file.ts';

export interface LaterFilesJob {
  /** The files to validate, in reading order. */
  paths: string[];
  /** The index of paths[0] among the survey's files. */
  firstIndex: number;
  /** Labels of all the survey's files by index. */
  fileLabels: string[];
  instrument: SurveyInstrument;
  units: readonly Unit[];
  agencies: readonly Agency[];
  fields: readonly Field[];
  crosswalk: readonly CrosswalkLink[];
  today: string;
  /** Where the worker writes its validated lines (no header); removed by `stop`. */
  outputPath: string;
  /** More set-aside rows than this and the worker gives up (they are held in memory). */
  maxQuarantinedRows: number;
}

export type LaterFilesResult =
  | { ok: true; reports: FileIntakeReport[]; quarantined: QuarantinedRow[]; warnings: string[]; ids: SeenIdsSnapshot }
  | { ok: false; why: string };

export interface LaterFiles {
  /** Settles when the worker is done; never rejects (a failure is `ok: false`). */
  result: Promise<LaterFilesResult>;
  /** Ends the worker if it still runs and removes its output. */
  stop(): Promise<void>;
}

export function validateLaterFilesInBackground(job: LaterFilesJob): LaterFiles {
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  const result = new Promise<LaterFilesResult>((resolve) => {
    worker.once('message', (message: LaterFilesResult) => resolve(message));
    worker.once('error', (error) => resolve({ ok: false, why: error.message }));
    worker.once('exit', (code) => resolve({ ok: false, why: `the worker stopped with code ${code}` }));
  });
  return {
    result,
    async stop() {
      await worker.terminate();
      rmSync(job.outputPath, { force: true });
    },
  };
}

class TooManySetAside extends Error {}

/** Keeps set-aside rows for the main thread (an in-memory quarantine), up to a limit. */
function heldQuarantine(limit: number): QuarantineSink & { rows: QuarantinedRow[] } {
  const held = memoryQuarantine();
  return {
    ...held,
    add(row) {
      if (held.rows.length >= limit) throw new TooManySetAside();
      held.add(row);
    },
  };
}

async function validateLaterFiles(job: LaterFilesJob): Promise<LaterFilesResult> {
  const quarantine = heldQuarantine(job.maxQuarantinedRows);
  const warnings: string[] = [];
  const seenIds = new SeenIds();
  const out = openSync(job.outputPath, 'w');
  const reports: FileIntakeReport[] = [];
  try {
    const context = {
      instrument: job.instrument,
      registers: buildRegisters(job.units, job.agencies, job.fields, job.crosswalk),
      warn: (message: string) => warnings.push(message),
      quarantine,
      fileLabels: job.fileLabels,
      seenIds,
      checkDate: makeDateCheck(job.instrument, job.today),
      out,
      totalReasons: new ReasonCounter(),
    };
    for (let i = 0; i < job.paths.length; i++) reports.push(await validateFile(job.paths[i] as string, job.firstIndex + i, context));
  } catch (error) {
    return { ok: false, why: error instanceof TooManySetAside ? 'too many rows set aside' : String(error) };
  } finally {
    closeSync(out);
  }
  return { ok: true, reports, quarantined: quarantine.rows, warnings, ids: seenIds.snapshot() };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void validateLaterFiles(workerData as LaterFilesJob).then((result) => {
    // The snapshot is a fresh copy: its buffers move to the main thread instead of being copied again.
    port.postMessage(result, result.ok ? [result.ids.bytes.buffer as ArrayBuffer, result.ids.starts.buffer as ArrayBuffer] : []);
  });
}
