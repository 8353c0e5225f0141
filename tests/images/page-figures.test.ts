import { describe, expect, it } from 'vitest';
import { chartsToDraw } from '../../src/images/chart-images-integration.ts';
import { htmlText, pageFigures } from '../../src/images/page-figures.ts';

const svg = (layout: string, width: number) => `<svg data-layout="${layout}" aria-label="a > b" width="${width}" height="50"><text>x</text></svg>`;

/** A figure as ChartFigure.astro writes it. */
const figure = (id: string, title: string, layouts = ['phone', 'page', 'wide']) =>
  `<figure class="chart" id="${id}" data-chart><figcaption><h3 id="${id}-title">${title}</h3><p>Tỷ lệ của Huyện Ninh Sơn &amp; tỉnh.</p></figcaption>` +
  layouts.map((l) => svg(l, l === 'wide' ? 1104 : 340)).join('') +
  `<div class="table-wrap"><table><caption>x</caption></table></div><p class="chart-links"><a href="#${id}">Liên kết cố định</a></p>` +
  `<details class="chart-embed no-print"><summary>Nhúng biểu đồ</summary><textarea>&lt;iframe&gt;&lt;/iframe&gt;</textarea></details></figure>`;

describe('pageFigures: the charts of a written page', () => {
  const html = `<main>${figure('trend-sipas-585-year', 'Tỷ lệ &quot;hài lòng&quot; &amp; n')}<p>text</p>${figure('elements-x', 'No wide', ['phone'])}</main>`;

  it('reads id, title and caption (entities decoded) and each layout\'s drawing', () => {
    const figures = pageFigures(html);
    expect(figures.map((f) => f.id)).toEqual(['trend-sipas-585-year']);
    const [first] = figures;
    expect(first?.title).toBe('Tỷ lệ "hài lòng" & n');
    expect(first?.caption).toBe('Tỷ lệ của Huyện Ninh Sơn & tỉnh.');
    expect(Object.keys(first?.drawings ?? {})).toEqual(['phone', 'page', 'wide']);
    expect(first?.drawings.wide).toBe(svg('wide', 1104));
  });

  it('decodes named and numeric entities', () => {
    expect(htmlText('<b>A&#39;s</b> &#x1EF7; &lt;x&gt;')).toBe("A's ỷ <x>");
  });
});

describe('chartsToDraw: one image per chart and language, from the chart\'s own page', () => {
  it('prefers a page that is not a home page, then the first path; keeps the languages apart', () => {
    const pages = [
      { path: '/', lang: 'vi' as const, html: figure('ranking-2024', 'Trang chủ') },
      { path: '/xep-hang/2024/', lang: 'vi' as const, html: figure('ranking-2024', 'Xếp hạng') },
      { path: '/xep-hang/2025/', lang: 'vi' as const, html: figure('ranking-2024', 'Lần hai') },
      { path: '/en/', lang: 'en' as const, html: figure('ranking-2024', 'Home') },
      { path: '/en/', lang: 'en' as const, html: figure('only-home', 'Home only') },
    ];
    expect(chartsToDraw(pages).map((c) => `${c.lang} ${c.figure.id} ${c.pagePath} ${c.figure.title}`)).toEqual([
      'vi ranking-2024 /xep-hang/2024/ Xếp hạng',
      'en ranking-2024 /en/ Home',
      'en only-home /en/ Home only',
    ]);
  });
});
