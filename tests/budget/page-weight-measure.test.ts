/** The measurement itself, on a hand-made two-file site, so the budget test cannot pass vacuously. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlPages, pageWeight } from './page-weight.ts';

describe('pageWeight', () => {
  const dist = mkdtempSync(join(tmpdir(), 'weight-'));
  mkdirSync(join(dist, 'a'));
  const js = 'console.log("x".repeat(10));';
  const html =
    '<html><head><link rel="stylesheet" href="/s.css"><script src="../app.js"></script>' +
    '<link rel="icon" href="https://cdn.example.com/i.png"></head><body><img src="https://x.test/y.png">' +
    '<a href="https://source.example.org/doc">source</a><script>let a=1;</script></body></html>';
  writeFileSync(join(dist, 'a', 'index.html'), html);
  writeFileSync(join(dist, 's.css'), 'body{color:red}');
  writeFileSync(join(dist, 'app.js'), js);

  test('sums gzip sizes of the page and its same-site resources, and counts inline scripts as JS', () => {
    const [page] = htmlPages(dist);
    expect(page?.path).toBe('/a/');
    const w = pageWeight(dist, page!.file, page!.path);
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(w.resources.sort()).toEqual(['/app.js', '/s.css']);
    expect(w.totalBytes).toBe(gz(html) + gz('body{color:red}') + gz(js));
    expect(w.jsBytes).toBe(gz(js) + gz('let a=1;'));
  });

  test('reports loads from other hosts but not links a reader may follow', () => {
    const [page] = htmlPages(dist);
    const w = pageWeight(dist, page!.file, page!.path);
    expect(w.externalLoads.sort()).toEqual(['https://cdn.example.com/i.png', 'https://x.test/y.png']);
  });
});
