/**
 * The font chart images are drawn with: DejaVu Sans (regular and bold) from the `dejavu-fonts-ttf`
 * npm package, so a PNG renders Vietnamese with its diacritics on a fresh machine without relying
 * on system fonts (DejaVu is also the font the charts' text widths are estimated for:
 * src/charts/text-layout.ts).
 *
 * resvg parses the whole font for every image it draws, and the full DejaVu Sans (740 kB, 6,000
 * glyphs) costs ~4 ms for each text element of a chart; cut down to the characters a chart of
 * this site holds (Latin with the Vietnamese letters, punctuation, a few signs: ~350 glyphs) it
 * costs a fraction of that (measured 2026-12-05 on a unit page's charts: 58 → 8 ms per image).
 * The set is fixed, not taken from the charts, so an image can be drawn as soon as its page is
 * (png-warmup.ts) with the same font as at the end of the build. The cut-down faces are made with
 * `subset-font` (HarfBuzz's hb-subset, ~0.2 s) and kept in a cache folder named by a hash of the
 * characters and the package version, so a rebuild reads them back.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The family the standalone SVG names first, and the only one the PNG renderer knows. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** The font stack written into a standalone SVG: DejaVu first, then what a viewer may have. */
export const CHART_FONT_STACK = `'${CHART_FONT_FAMILY}', Verdana, 'Noto Sans', Arial, sans-serif`;

const FACES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

/** Inclusive code point ranges kept in the cut-down faces. */
export const CHART_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x17f], // Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý, no-break space, ×) and Extended-A (ă đ ĩ ũ)
  [0x1a0, 0x1a1], // Ơ ơ
  [0x1af, 0x1b0], // Ư ư
  [0x300, 0x303], // combining grave, acute, circumflex, tilde (text that is not NFC)
  [0x309, 0x309], // combining hook above
  [0x323, 0x323], // combining dot below
  [0x1ea0, 0x1ef9], // Vietnamese letters with two marks (Ạ … ỹ)
  [0x2009, 0x200a], // thin and hair spaces
  [0x2010, 0x2027], // dashes, quotes, bullet, ellipsis
  [0x2030, 0x2033], // per mille, primes
  [0x2190, 0x2193], // arrows
  [0x2205, 0x2205], // ∅ (the official-results chart: no published figure)
  [0x2212, 0x2212], // minus sign
  [0x2248, 0x2248], // ≈
  [0x2260, 0x2265], // ≠ ≤ ≥
  [0x25a0, 0x25a1], // squares of legends
  [0x25ae, 0x25ae], // ▮ (a bar in a legend)
  [0x25cb, 0x25cf], // circles of legends
];

/** Whether a character is drawn by the chart font (else it would show as an empty box). */
export function inChartFont(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return CHART_FONT_RANGES.some(([from, to]) => code >= from && code <= to);
}

/** The kept characters, in code point order. */
export function keptCharacters(): string {
  let text = '';
  for (const [from, to] of CHART_FONT_RANGES) for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

const require = createRequire(join(process.cwd(), 'package.json'));

/** The full faces as shipped by the npm package. */
export function fullFontFiles(): string[] {
  return FACES.map((face) => require.resolve(`dejavu-fonts-ttf/ttf/${face}`));
}

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'truetype' }) => Promise<Buffer>;

/**
 * Paths of the regular and bold faces cut down to the kept characters, made under
 * `cacheDir` when not there yet, and a key that changes with them. The file names carry a hash of
 * the package version and the characters, so a change of either makes new files rather than
 * reading stale ones.
 */
export async function chartFontFiles(cacheDir = join(process.cwd(), 'node_modules', '.cache', 'chart-font')): Promise<{ files: string[]; key: string }> {
  const characters = keptCharacters();
  const version = (require('dejavu-fonts-ttf/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`${version}\n${characters}`).digest('hex').slice(0, 12);
  mkdirSync(cacheDir, { recursive: true });
  const subsetFont = require('subset-font') as SubsetFont;
  const files: string[] = [];
  for (const [i, face] of FACES.entries()) {
    const target = join(cacheDir, face.replace(/\.ttf$/, `-${key}.ttf`));
    if (!existsSync(target)) {
      const full = readFileSync(fullFontFiles()[i] as string);
      writeFileSync(target, await subsetFont(full, characters, { targetFormat: 'truetype' }));
    }
    files.push(target);
  }
  return { files, key };
}
