/**
 * Writes one survey's published responses (CSV + Parquet) in a worker thread.
 *
 * Why a thread: the responses are the only published table that grows with the number of
 * respondents (several seconds of work per million rows, most of it Parquet encoding in
 * parquet-wasm), and they depend only on the validated CSV — not on the engine. DuckDB-WASM is
 * single-threaded, so on a two-core machine the responses can be written on the second core while
 * the first computes the indices. The worker writes straight from the CSV's bytes
 * (validated-responses-writer.ts): the same files as the row-by-row writer for well under half its
 * work (about 20 s per million rows), so it takes less of the machine from the engine.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SurveyInstrument } from '../intake/types.ts';
import type { WrittenTable } from './table-writer.ts';
import { writeValidatedResponses } from './validated-responses-writer.ts';

interface Job {
  instrument: SurveyInstrument;
  validatedCsv: string;
  dir: string;
}

/** What the worker reports: the files, and its own working time (the main thread may only see the
 * message later, when the synchronous engine lets its event loop run). */
export interface BackgroundResult {
  table: WrittenTable;
  seconds: number;
}

/** Starts the worker; the promise settles when the files are in `dir`. */
export function writeResponsesInBackground(job: Job): Promise<BackgroundResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (result: BackgroundResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the responses writer of ${job.instrument.id} stopped with code ${code}`));
    });
  });
}

if (!isMainThread && parentPort) {
  const started = performance.now();
  const { instrument, validatedCsv, dir } = workerData as Job;
  const table = await writeValidatedResponses(dir, instrument, validatedCsv);
  parentPort.postMessage({ table, seconds: (performance.now() - started) / 1000 } satisfies BackgroundResult);
}
