/**
 * A chart's PNG, drawn from its standalone SVG by resvg (`@resvg/resvg-js`, Rust, prebuilt
 * binaries in the npm package) with the chart font only: no system font is read, so the picture
 * is the same on any machine, byte for byte. Synchronous: the build draws them in worker threads
 * (png-pool.ts).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from './chart-font.ts';

const require = createRequire(join(process.cwd(), 'package.json'));
let Resvg: typeof ResvgClass | undefined;

/** resvg's options: the given font files and nothing else, white background, 1 px per px. */
export function pngOptions(fontFiles: string[]): ResvgRenderOptions {
  return {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: 1 },
    logLevel: 'off',
  };
}

/** The PNG bytes of `svg`. */
export function chartPng(svg: string, fontFiles: string[]): Buffer {
  Resvg ??= (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  return new Resvg(svg, pngOptions(fontFiles)).render().asPng();
}

/** Runs `task` over `items`, at most `limit` at a time, results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
