/**
 * Chart PNGs drawn while Astro is still writing pages. Page generation runs on one core; the
 * images are drawn on the other, by one worker thread (png-pool.ts), into the PNG cache
 * (png-cache.ts). At the end of the build the integration stops it, takes the finished images
 * from the cache and draws the rest with a worker per core.
 *
 * ChartFigure (inside Astro's bundle) and the integration (loaded with the config) are two
 * copies of this module, so the state lives on `globalThis` under a registered symbol. It is only
 * a head start: without it every image is still drawn at the end.
 */
import { chartFontFiles } from './chart-font.ts';
import { pngPool, type PngPool } from './png-pool.ts';

interface Warmup {
  pool: PngPool | undefined;
  seen: Set<string>;
  stopped: boolean;
}

const KEY = Symbol.for('sipas.chart-png-warmup');

function state(): Warmup {
  const holder = globalThis as unknown as Record<symbol, Warmup | undefined>;
  holder[KEY] ??= { pool: undefined, seen: new Set(), stopped: false };
  return holder[KEY];
}

/** Queues the PNG of a standalone chart SVG for drawing on the idle core. */
export async function warmChartPng(svg: string): Promise<void> {
  const warmup = state();
  if (warmup.stopped || warmup.seen.has(svg)) return;
  warmup.seen.add(svg);
  const fonts = await chartFontFiles();
  // One worker: the other core is Astro's.
  warmup.pool ??= pngPool(1);
  // A failure here is met again, and reported, when the integration draws what is missing.
  warmup.pool.draw(svg, fonts).catch(() => undefined);
}

/** Lets the images being drawn finish, drops the rest, ends the worker; returns how many were queued. */
export async function stopWarmup(): Promise<number> {
  const warmup = state();
  warmup.stopped = true;
  await warmup.pool?.stop();
  return warmup.seen.size;
}
