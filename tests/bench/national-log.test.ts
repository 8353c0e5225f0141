/**
 * The national benchmark reads Astro's build log to find the slowest page types; these check
 * its reading of the log against lines copied from a real build.
 */
import { describe, expect, it } from 'vitest';
import { pageType, parseDuration, parsePageTimes } from '../../bench/national.ts';

describe('national benchmark: reading the build log', () => {
  it("reads Astro's three forms of a time stat", () => {
    expect(parseDuration('336ms')).toBe(336);
    expect(parseDuration('1.23s')).toBe(1230);
    expect(parseDuration('1m 5s')).toBe(65_000);
  });

  it('finds each rendered file and its time, colours stripped, other lines ignored', () => {
    const log = [
      ' generating static routes ',
      '13:31:53   ├─ /don-vi/15925-nguyet-vien/index.html (+336ms) ',
      '13:31:54   \u001b[34m├─\u001b[39m \u001b[2m/en/units/VN-ca-nuoc/index.html\u001b[22m \u001b[31m(+4.94s)\u001b[39m ',
      '13:31:54   └─ /data/charts/trend-sipas-vn-year.csv (+4ms) ',
      '13:32:32 [chart-images] 296 charts: SVG images and embed pages written in 1.4 s',
    ].join('\n');
    expect(parsePageTimes(log)).toEqual([
      { path: '/don-vi/15925-nguyet-vien/index.html', ms: 336 },
      { path: '/en/units/VN-ca-nuoc/index.html', ms: 4940 },
      { path: '/data/charts/trend-sipas-vn-year.csv', ms: 4 },
    ]);
  });

  it('groups a page by its first path segment, and an English page by its first two', () => {
    expect(pageType('/don-vi/15925-nguyet-vien/index.html')).toBe('/don-vi/');
    expect(pageType('/en/units/01-ha-noi/index.html')).toBe('/en/units/');
    expect(pageType('/index.html')).toBe('/');
    expect(pageType('/en/index.html')).toBe('/en/');
    expect(pageType('/404.html')).toBe('/404.html');
    expect(pageType('/en/404.html')).toBe('/en/404.html');
  });
});
