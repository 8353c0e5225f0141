/**
 * The page-weight budget of quality.md over the built site: every page (the explorer excepted, which
 * does not exist yet) within 150 KB compressed in all, of which JavaScript at most 20 KB, and no
 * page loads anything from another host.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { htmlPages, pageWeight } from './page-weight.ts';

const DIST = join(process.cwd(), 'dist');
const TOTAL_BUDGET = 150 * 1024;
const JS_BUDGET = 20 * 1024;
const pages = htmlPages(DIST);
const weights = pages.map((p) => pageWeight(DIST, p.file, p.path));

describe('page weight (gzip, all resources)', () => {
  test('the build has pages to measure', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  test(`every page ≤ ${TOTAL_BUDGET / 1024} KB in all`, () => {
    const over = weights.filter((w) => w.totalBytes > TOTAL_BUDGET).map((w) => `${w.page}: ${(w.totalBytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });

  test(`every page ≤ ${JS_BUDGET / 1024} KB of JavaScript`, () => {
    const over = weights.filter((w) => w.jsBytes > JS_BUDGET).map((w) => `${w.page}: ${(w.jsBytes / 1024).toFixed(1)} KB JS`);
    expect(over).toEqual([]);
  });

  test('no page loads a resource from another host', () => {
    const external = weights.flatMap((w) => w.externalLoads.map((u) => `${w.page}: ${u}`));
    expect(external).toEqual([]);
  });
});
