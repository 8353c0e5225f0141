/**
 * Chart PNGs drawn while Astro is still writing pages. Page generation runs on one core; the
 * images are drawn on the other (resvg's `renderAsync` works on libuv's thread pool, one image at
 * a time here) into the PNG cache (png-cache.ts). At the end of the build the integration takes
 * the finished ones from the cache and draws only what is left, with every core.
 *
 * ChartFigure (inside Astro's bundle) and the integration (loaded with the config) are two
 * copies of this module, so the queue lives on `globalThis` under a registered symbol. It is only
 * a head start: without it every image is still drawn at the end.
 */
import { chartFontFiles } from './chart-font.ts';
import { cachedPng } from './png-cache.ts';

interface Warmup {
  queue: string[];
  running: Set<Promise<void>>;
  seen: Set<string>;
  stopped: boolean;
}

const KEY = Symbol.for('sipas.chart-png-warmup');

function state(): Warmup {
  const holder = globalThis as unknown as Record<symbol, Warmup | undefined>;
  holder[KEY] ??= { queue: [], running: new Set(), seen: new Set(), stopped: false };
  return holder[KEY];
}

/** Images drawn at once while pages are written: one core is Astro's. */
const AT_ONCE = 1;

function pump(warmup: Warmup): void {
  while (!warmup.stopped && warmup.running.size < AT_ONCE && warmup.queue.length > 0) {
    const svg = warmup.queue.shift() as string;
    const job: Promise<void> = chartFontFiles()
      .then((fonts) => cachedPng(svg, fonts))
      .then(() => undefined, () => undefined) // a failure here is met again, and reported, at the end
      .finally(() => {
        warmup.running.delete(job);
        pump(warmup);
      });
    warmup.running.add(job);
  }
}

/** Queues the PNG of a standalone chart SVG for drawing in the background. */
export function warmChartPng(svg: string): void {
  const warmup = state();
  if (warmup.stopped || warmup.seen.has(svg)) return;
  warmup.seen.add(svg);
  warmup.queue.push(svg);
  pump(warmup);
}

/** Drops the images not started and waits for those being drawn; returns how many were queued in all. */
export async function stopWarmup(): Promise<number> {
  const warmup = state();
  warmup.stopped = true;
  warmup.queue.length = 0;
  await Promise.all([...warmup.running]);
  return warmup.seen.size;
}
