/**
 * Writes the XLSX files of the published tables (table-xlsx.ts) in worker threads, after every
 * CSV is written. The two largest tables (indices, trends) take most of the time, so the tables
 * are shared between two threads by rows, largest first: on a two-core machine both cores work
 * and the wall time is about half of writing them one after another.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../intake/types.ts';
import { readCodeNames } from './code-names.ts';
import type { TableSchema } from './schemas.ts';
import { writeTableXlsx } from './table-xlsx.ts';

interface Job {
  dir: string;
  site: SiteConfig;
  schemas: TableSchema[];
}

/** Each table's two file names, in the order of `tables`. */
export interface XlsxWritten {
  table: string;
  files: string[];
}

const THREADS = 2;

function runJob(job: Job): Promise<XlsxWritten[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (result: XlsxWritten[] | { error: unknown }) => ('error' in result ? reject(result.error) : resolve(result)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the XLSX writer thread stopped with code ${code}`));
    });
  });
}

/** Writes `<table>.xlsx` and `<table>.en.xlsx` for each table (its CSV must be in `dir`). */
export async function writeXlsxInBackground(dir: string, site: SiteConfig, tables: { schema: TableSchema; rows: number }[]): Promise<XlsxWritten[]> {
  const shares: { rows: number; schemas: TableSchema[] }[] = Array.from({ length: THREADS }, () => ({ rows: 0, schemas: [] }));
  for (const { schema, rows } of [...tables].sort((a, b) => b.rows - a.rows)) {
    const share = shares.reduce((least, s) => (s.rows < least.rows ? s : least));
    share.rows += rows;
    share.schemas.push(schema);
  }
  const results = await Promise.all(shares.filter((s) => s.schemas.length > 0).map((s) => runJob({ dir, site, schemas: s.schemas })));
  const byTable = new Map(results.flat().map((w) => [w.table, w]));
  return tables.map(({ schema }) => byTable.get(schema.name)!);
}

if (!isMainThread && parentPort) {
  const { dir, site, schemas } = workerData as Job;
  try {
    const names = readCodeNames(dir);
    const written = schemas.map((schema) => ({ table: schema.name, files: writeTableXlsx(dir, { schema, site, names }) }));
    parentPort.postMessage(written satisfies XlsxWritten[]);
  } catch (error) {
    parentPort.postMessage({ error });
  }
}
