/**
 * Worker threads that draw chart PNGs into the cache (png-worker.ts), jobs dealt out in turn.
 * Workers do not keep the process alive (`unref`), so a build that fails elsewhere still exits.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PngJob, PngReply } from './png-worker.ts';

export interface PngPool {
  /** The cache file of the PNG of `svg` (drawn now or earlier); null when the pool was stopped first. */
  draw(svg: string, fonts: PngJob['fonts']): Promise<{ file: string; drawn: boolean } | null>;
  /** Jobs not started come back null; waits for all, then ends the workers. */
  stop(): Promise<void>;
}

export function pngPool(size: number): PngPool {
  const stopFlag = new SharedArrayBuffer(4);
  const pending = new Map<number, { resolve: (r: { file: string; drawn: boolean } | null) => void; reject: (e: Error) => void }>();
  // The worker is a file of its own, found from the project root (this module may run from Astro's bundle).
  const script = join(process.cwd(), 'src', 'images', 'png-worker.ts');
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(script, { workerData: { stop: stopFlag } });
    worker.unref();
    worker.on('message', (reply: PngReply) => {
      const waiting = pending.get(reply.job);
      pending.delete(reply.job);
      if ('error' in reply) waiting?.reject(new Error(`chart PNG: ${reply.error}`));
      else waiting?.resolve('skipped' in reply ? null : { file: reply.file, drawn: reply.drawn });
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    return worker;
  });
  let next = 0;
  return {
    draw(svg, fonts) {
      const job = next++;
      return new Promise((resolve, reject) => {
        pending.set(job, { resolve, reject });
        workers[job % workers.length]?.postMessage({ job, svg, fonts } satisfies PngJob);
      });
    },
    async stop() {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      while (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
