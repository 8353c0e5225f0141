/**
 * A worker thread that writes large computed tables' files (indices, trends: CSV + Parquet, a few
 * seconds each at a million responses) while the main thread goes on computing the next tables in
 * DuckDB-WASM. Tables are written one after another, in the order they are handed over, so the
 * thread never competes with itself for the machine's second core.
 *
 * The rows travel as typed-array columns (columnar-rows.ts) and are written from them
 * (columnar-table-writer.ts), or, when that writer leaves a table to the row writer, by the same
 * writeTable as on the main thread: either way the files are the bytes writeTable writes.
 */
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fromColumns, toColumns, transferables, type ColumnarRows } from './columnar-rows.ts';
import { writeColumnarTable } from './columnar-table-writer.ts';
import type { BackgroundResult } from './responses-worker.ts';
import type { TableSchema } from './schemas.ts';
import { writeTable } from './table-writer.ts';

interface Job {
  id: number;
  dir: string;
  schema: TableSchema;
  rows: ColumnarRows;
}

type Reply = { id: number; result: BackgroundResult } | { id: number; error: unknown };

export class TableWriterThread {
  #worker = new Worker(new URL(import.meta.url));
  #pending = new Map<number, { resolve: (result: BackgroundResult) => void; reject: (error: unknown) => void }>();
  #nextId = 0;

  constructor() {
    this.#worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ('error' in reply) pending?.reject(reply.error);
      else pending?.resolve(reply.result);
    });
    const failAll = (error: unknown): void => {
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    this.#worker.on('error', failAll);
    this.#worker.on('exit', (code) => failAll(new Error(`the table writer thread stopped with code ${code}`)));
  }

  /** Queues the table; the promise settles when its files are in `dir`. */
  write(dir: string, schema: TableSchema, rows: readonly object[]): Promise<BackgroundResult> {
    const job: Job = { id: this.#nextId++, dir, schema, rows: toColumns(schema, rows) };
    const done = new Promise<BackgroundResult>((resolve, reject) => this.#pending.set(job.id, { resolve, reject }));
    this.#worker.postMessage(job, transferables(job.rows));
    return done;
  }

  /**
   * Ends the thread at once, writing or not: await the tables' promises first. Until then the
   * idle thread keeps the process alive, so every path out of the caller must close it.
   */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  let queue = Promise.resolve();
  port.on('message', (job: Job) => {
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        const table = (await writeColumnarTable(job.dir, job.schema, job.rows)) ?? (await writeTable(job.dir, job.schema, fromColumns(job.rows)));
        port.postMessage({ id: job.id, result: { table, seconds: (performance.now() - started) / 1000 } } satisfies Reply);
      } catch (error) {
        port.postMessage({ id: job.id, error } satisfies Reply);
      }
    });
  });
}
