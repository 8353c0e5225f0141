/**
 * The PNG is a real PNG of the standalone SVG's size, and the chart font draws Vietnamese: two
 * strings that differ only in a diacritic give different pixels (a missing glyph would draw the
 * same empty box for both), and a Vietnamese letter is not drawn as a blank.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { chartFontFiles, fullFontFiles, inChartFont } from '../../src/images/chart-font.ts';
import { chartPng, pngOptions } from '../../src/images/chart-png.ts';
import { standaloneSvg } from '../../src/images/standalone-svg.ts';

const require = createRequire(join(process.cwd(), 'package.json'));
const { Resvg } = require('@resvg/resvg-js') as { Resvg: typeof ResvgClass };

const CHART = '<svg viewBox="0 0 300 60" height="60" width="300" font-family="system-ui, sans-serif"><text x="10" y="30">Huyện Bác Ái, 84,80 %</text></svg>';
const SVG = standaloneSvg(CHART, { title: 'Tỷ lệ hài lòng', source: 'Nguồn: Sở Nội vụ.', citation: 'Trích dẫn: ví dụ.' });

/** Chunks of a PNG file: type and data. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

/** RGBA pixels of one line of text drawn with `fontFiles` only. */
function pixels(text: string, fontFiles: string[]): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="28" font-size="24" font-family="DejaVu Sans">${text}</text></svg>`;
  return Buffer.from(new Resvg(svg, pngOptions(fontFiles)).render().pixels);
}

describe('chart PNG', () => {
  it('is a PNG of the SVG size whose image data inflates to every row', async () => {
    const fonts = await chartFontFiles();
    const png = chartPng(SVG, fonts.files);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const parts = chunks(png);
    const header = parts[0];
    expect(header?.type).toBe('IHDR');
    const width = header?.data.readUInt32BE(0) ?? 0;
    const height = header?.data.readUInt32BE(4) ?? 0;
    expect(`${width}x${height}`).toBe(/width="(\d+)" height="(\d+)"/.exec(SVG)?.slice(1).join('x'));
    const colourType = header?.data[9];
    const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
    expect(channels).toBeGreaterThan(0);
    const data = inflateSync(Buffer.concat(parts.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    // One filter byte, then the pixels, for each row.
    expect(data.length).toBe(height * (1 + width * channels));
    expect(parts.at(-1)?.type).toBe('IEND');
  });

  it('has the same bytes every time (deterministic)', async () => {
    const fonts = await chartFontFiles();
    expect(chartPng(SVG, fonts.files).equals(chartPng(SVG, fonts.files))).toBe(true);
  });

  it('draws Vietnamese diacritics with the shipped font, not empty boxes', async () => {
    const { files } = await chartFontFiles();
    for (const char of 'ỷỹơưđẠ') expect(inChartFont(char)).toBe(true);
    // Same base letter, different marks: a font without the glyphs draws the same box twice.
    expect(pixels('Tỷ', files).equals(pixels('Tỹ', files))).toBe(false);
    expect(pixels('ơ', files).equals(pixels('ư', files))).toBe(false);
    // The cut-down font draws them as the full font does.
    expect(pixels('Tỷ lệ hài lòng', files).equals(pixels('Tỷ lệ hài lòng', fullFontFiles()))).toBe(true);
    // And without any font nothing is drawn: the test can fail.
    const blank = pixels('Tỷ', []);
    expect(blank.equals(pixels('', files))).toBe(true);
  });
});
