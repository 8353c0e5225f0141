/**
 * A worker thread drawing chart PNGs into the cache (png-cache.ts), one message at a time, apart
 * from the main thread: resvg's own `renderAsync` leaves the PNG encoding (a third of the cost)
 * and every next job to the main thread, which is busy writing pages. `stop` (shared memory) set
 * to 1 makes the jobs not yet started come back undone.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedPngSync } from './png-cache.ts';

export interface PngJob {
  job: number;
  svg: string;
  fonts: { files: string[]; key: string };
}

export type PngReply = { job: number; file: string; drawn: boolean } | { job: number; skipped: true } | { job: number; error: string };

const stop = new Int32Array((workerData as { stop: SharedArrayBuffer }).stop);

parentPort?.on('message', ({ job, svg, fonts }: PngJob) => {
  let reply: PngReply;
  if (Atomics.load(stop, 0) === 1) reply = { job, skipped: true };
  else {
    try {
      reply = { job, ...cachedPngSync(svg, fonts) };
    } catch (error) {
      reply = { job, error: String(error) };
    }
  }
  parentPort?.postMessage(reply);
});
