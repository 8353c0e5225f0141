import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY } from '../../src/images/chart-font.ts';
import { standaloneSvg } from '../../src/images/standalone-svg.ts';

// A drawing as a page holds it: page attribute, Plot's font stack, an aria-label with a bare ">".
const CHART = '<svg data-layout="wide" aria-label="SIPAS > 80 %" role="img" viewBox="0 0 600 100" height="100" width="600" font-family="system-ui, sans-serif" class="plot-1"><text y="50">Huyện Ninh Sơn</text></svg>';

const TEXTS = {
  title: 'Tỷ lệ hài lòng theo năm',
  sampleSize: 'Cỡ mẫu mỗi ước lượng: n = 371–5.988',
  source: 'Nguồn: Nhóm dữ liệu mở.',
  citation: 'Trích dẫn: https://sipas.example.org/don-vi/585-ninh-son/#trend',
};

describe('standaloneSvg: the page drawing framed by title, sample sizes, source and citation', () => {
  const svg = standaloneSvg(CHART, TEXTS);

  it('carries the title (as <title> and as drawn text), the sample sizes, the source and the citation inside the image', () => {
    expect(svg).toContain('<title>Tỷ lệ hài lòng theo năm</title>');
    expect(svg).toMatch(/<text font-size="20" font-weight="bold"[^>]*><tspan[^>]*>Tỷ lệ hài lòng theo năm<\/tspan><\/text>/);
    for (const line of [TEXTS.sampleSize, TEXTS.source, TEXTS.citation]) expect(svg).toContain(`>${line}</tspan>`);
  });

  it('names DejaVu Sans first, on the image and on the drawing (the font the PNG is drawn with)', () => {
    expect(CHART_FONT_FAMILY).toBe('DejaVu Sans');
    const families = [...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]);
    expect(families).toHaveLength(2);
    for (const family of families) expect(family?.startsWith('&#39;DejaVu Sans&#39;') || family?.startsWith("'DejaVu Sans'")).toBe(true);
    expect(svg).not.toContain('system-ui');
  });

  it('places the drawing under the title and sizes the image around it (hand-worked geometry)', () => {
    // Title: one line at 20 px from top 24 − 4 = 20: baseline 20 + 20 = 40, bottom 40 + round(0.35 × 20) = 47.
    // Drawing at y = 47 + 12 = 59, 100 high. Notes: top 59 + 100 + 8 = 167, baselines 167 + 13 = 180,
    // then every round(13 × 1.35) = 18 px: 180, 198, 216; bottom 216 + round(4.55) = 221.
    // Image: 600 + 2 × 24 = 648 wide, 221 + 24 − 4 = 241 high.
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="648" height="241" viewBox="0 0 648 241"/);
    expect(svg).toContain('<tspan x="24" y="40">Tỷ lệ');
    expect(svg).toMatch(/<svg x="24" y="59" aria-label="SIPAS > 80 %"/);
    expect([...svg.matchAll(/<tspan x="24" y="(\d+)">/g)].map((m) => Number(m[1]))).toEqual([40, 180, 198, 216]);
  });

  it('drops the page-only attribute and keeps the drawing itself unchanged', () => {
    expect(svg).not.toContain('data-layout');
    expect(svg).toContain('<text y="50">Huyện Ninh Sơn</text></svg>');
  });

  it('wraps a long citation to the image width and escapes text for XML', () => {
    const long = standaloneSvg(CHART, { ...TEXTS, title: 'A & B <c>', citation: `${'từ '.repeat(60)}end` });
    expect(long).toContain('<title>A &amp; B &lt;c&gt;</title>');
    // 600 px at 13 px × 0.6 = 7.8 px a character: 76 characters a line, so 25 words "từ" (74
    // characters); 60 of them and "end" make lines of 25, 25 and 10 + "end".
    const lines = [...long.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '').filter((l) => l.startsWith('từ'));
    expect(lines.map((l) => l.split(' ').length)).toEqual([25, 25, 11]);
    expect(lines.at(-1)?.endsWith('từ end')).toBe(true);
  });
});
