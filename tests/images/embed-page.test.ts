import { describe, expect, it } from 'vitest';
import { embedPageHtml } from '../../src/images/embed-page.ts';
import { imageTexts, sampleSizeLine, sampleSizeRange, sourceLine } from '../../src/images/image-texts.ts';
import { sha256Source } from '../../src/site/csp.ts';

const SITE = {
  publisher: { vi: 'Nhóm dữ liệu mở', en: 'Open-data group' },
  title: { vi: 'Chỉ số hài lòng', en: 'Satisfaction index' },
  release: { version: '2026.1', date: '2026-12-05', status: 'final' as const, provisional_periods: [], changes: [] },
  licence: { id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
};

describe('image texts', () => {
  it('reads the smallest and largest n of the chart rows, skipping rows without one', () => {
    const csv = '\ufeffunit_code,value,n\n585,92.05,371\n58,90.6,5988\n586,,\n587,"88,1",412\n';
    expect(sampleSizeRange(csv)).toEqual({ min: 371, max: 5988 });
    expect(sampleSizeRange('unit_code,value\n585,1\n')).toBeNull();
    expect(sampleSizeLine({ min: 371, max: 5988 }, 'vi')).toBe('Cỡ mẫu mỗi ước lượng: n = 371–5.988');
    expect(sampleSizeLine({ min: 371, max: 5988 }, 'en')).toBe('Sample size of each estimate: n = 371–5,988');
    expect(sampleSizeLine({ min: 120, max: 120 }, 'en')).toBe('Sample size of each estimate: n = 120');
  });

  it('names the publisher as the source and cites the chart\'s page with its anchor', () => {
    expect(sourceLine(SITE, 'vi')).toBe('Nguồn: Nhóm dữ liệu mở, Chỉ số hài lòng.');
    const texts = imageTexts(SITE, 'en', { title: 'Trend', caption: '' }, 'https://s.example/en/units/585-ninh-son/#trend', null);
    expect(texts.citation).toBe('Cite as: Open-data group (2026). Trend. Satisfaction index, release 2026.1. https://s.example/en/units/585-ninh-son/#trend. CC BY 4.0.');
    expect(texts.sampleSize).toBeUndefined();
    expect(texts.subtitle).toBeUndefined();
  });
});

describe('embed page', () => {
  const css = 'body{margin:0}';
  const html = embedPageHtml({
    lang: 'vi',
    title: 'Tỷ lệ <hài lòng>',
    caption: 'Huyện Ninh Sơn.',
    drawings: { phone: '<svg data-layout="phone"></svg>', page: '<svg data-layout="page"></svg>', wide: '<svg data-layout="wide"></svg>' },
    notes: ['Cỡ mẫu mỗi ước lượng: n = 371', 'Nguồn: Nhóm.'],
    pageUrl: 'https://s.example/don-vi/585-ninh-son/#trend',
    embedUrl: 'https://s.example/nhung/trend/',
    siteTitle: 'Chỉ số hài lòng',
    css,
  });

  it('allows its stylesheet by hash, loads no script and does not forbid framing', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(policy).toContain(`style-src 'self' ${sha256Source(css)}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('frame-ancestors');
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).not.toContain('<script');
    // Nothing is fetched from another host: no src=, and the only absolute hrefs are the canonical and the link back.
    expect(html).not.toMatch(/\ssrc="/);
    expect([...html.matchAll(/href="(https?:[^"]*)"/g)].map((m) => m[1])).toEqual(['https://s.example/nhung/trend/', 'https://s.example/don-vi/585-ninh-son/#trend']);
  });

  it('shows title, caption, every drawing, n and source, and links back to the page, out of the frame', () => {
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<h1>Tỷ lệ &lt;hài lòng&gt;</h1><p>Huyện Ninh Sơn.</p>');
    expect(html.match(/<svg data-layout="(phone|page|wide)">/g)).toHaveLength(3);
    expect(html).toContain('<p class="embed-notes">Cỡ mẫu mỗi ước lượng: n = 371</p>');
    expect(html).toContain('<a href="https://s.example/don-vi/585-ninh-son/#trend" target="_top">Xem biểu đồ trên trang gốc</a>');
  });
});
