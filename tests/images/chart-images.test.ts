import { describe, expect, it } from 'vitest';
import { chartImagePath, embedHeight, embedPath, embedSnippet, fillImageSizes, isHomePath } from '../../src/site/chart-images.ts';

describe('chart image and embed addresses', () => {
  it('puts images beside the chart CSV, English ones marked .en', () => {
    expect(chartImagePath('trend-sipas-585-year', 'vi', 'svg')).toBe('/data/charts/trend-sipas-585-year.svg');
    expect(chartImagePath('trend-sipas-585-year', 'en', 'png')).toBe('/data/charts/trend-sipas-585-year.en.png');
    expect(embedPath('trend-sipas-585-year', 'vi')).toBe('/nhung/trend-sipas-585-year/');
    expect(embedPath('trend-sipas-585-year', 'en')).toBe('/en/embed/trend-sipas-585-year/');
    expect(isHomePath('/')).toBe(true);
    expect(isHomePath('/en/')).toBe(true);
    expect(isHomePath('/en/ranking/2024/')).toBe(false);
  });

  it('writes the iframe snippet with the embed address, an escaped title and the height', () => {
    expect(embedSnippet('https://sipas.example.org/nhung/x/', 'Tỷ lệ "A" & B', 470)).toBe(
      '<iframe src="https://sipas.example.org/nhung/x/" title="Tỷ lệ &quot;A&quot; &amp; B" width="100%" height="470" loading="lazy" style="border:0"></iframe>',
    );
  });

  it('sizes the iframe for the tallest drawing plus the text around it', () => {
    // Tallest drawing 300.5 px (an aria-label holding ">" must not end the tag early) + 170 → 470.5 → 471.
    expect(embedHeight({ phone: '<svg aria-label="a > b" height="300.5" width="340">', page: '<svg height="200" width="704">', wide: '<svg width="1104" height="180">' })).toBe(471);
  });
});

describe('fillImageSizes: the image links get their file sizes once the files exist', () => {
  const page = '<p><a class="download no-print" href="/data/charts/x.svg" download data-image-size>Tải ảnh (SVG)</a><a class="download no-print" href="/data/charts/x.png" download data-image-size>Tải ảnh (PNG)</a></p>';
  const sizes = new Map([['/data/charts/x.svg', 9100], ['/data/charts/x.png', 70512]]);

  it('writes format and size in the page\'s language and drops the mark', () => {
    expect(fillImageSizes(page, 'vi', (p) => sizes.get(p))).toBe(
      '<p><a class="download no-print" href="/data/charts/x.svg" download>Tải ảnh (SVG, 9,1 kB)</a><a class="download no-print" href="/data/charts/x.png" download>Tải ảnh (PNG, 70,5 kB)</a></p>',
    );
    expect(fillImageSizes(page.replace(/Tải ảnh/g, 'Download the image'), 'en', (p) => sizes.get(p))).toContain('Download the image (PNG, 70.5 kB)</a>');
  });

  it('stops the build on a link to an image that was not written', () => {
    expect(() => fillImageSizes(page, 'vi', () => undefined)).toThrow(/x\.svg, which was not written/);
  });
});
