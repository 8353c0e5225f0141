/**
 * Drawn PNGs kept under the hash of what determines their bytes (the standalone SVG and the font
 * key), so a rebuild draws only the charts that changed, and the images drawn while pages were
 * being written (png-warmup.ts) are found at the end of the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartPng } from './chart-png.ts';

export const PNG_CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'chart-png');

/** The cache file of `svg` drawn with the font `key`. */
export function pngCacheFile(svg: string, fontKey: string): string {
  return join(PNG_CACHE_DIR, `${createHash('sha256').update(`${fontKey}\n${svg}`).digest('hex')}.png`);
}

/**
 * The cache file of the PNG of `svg`, drawn now when missing (`drawn` true). Written under a
 * temporary name and renamed, so a file in the cache is always whole.
 */
export function cachedPngSync(svg: string, fonts: { files: string[]; key: string }): { file: string; drawn: boolean } {
  const file = pngCacheFile(svg, fonts.key);
  if (existsSync(file)) return { file, drawn: false };
  const png = chartPng(svg, fonts.files);
  mkdirSync(PNG_CACHE_DIR, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, file);
  return { file, drawn: true };
}
