/**
 * What a reader downloads for one page of the built site: the HTML plus every same-site resource
 * it loads (stylesheets, scripts, images, icons), each gzip-compressed as a server would send it.
 * Also lists every URL of another host that the page would LOAD (links to sources, which a reader
 * may follow, are not loads).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { resolveFile } from '../browser/static-server.ts';

export interface PageWeight {
  page: string;
  totalBytes: number;
  jsBytes: number;
  resources: string[];
  externalLoads: string[];
}

const LOAD_PATTERNS: RegExp[] = [
  /<script[^>]*\ssrc="([^"]+)"/g,
  /<link[^>]*\srel="(?:stylesheet|icon|preload|modulepreload|manifest|apple-touch-icon)"[^>]*\shref="([^"]+)"/g,
  /<link[^>]*\shref="([^"]+)"[^>]*\srel="(?:stylesheet|icon|preload|modulepreload|manifest|apple-touch-icon)"/g,
  /<img[^>]*\ssrc="([^"]+)"/g,
  /<(?:source|video|audio|iframe|embed)[^>]*\ssrc="([^"]+)"/g,
  /url\((?!['"]?data:)['"]?([^'")]+)['"]?\)/g,
  /@import\s+['"]([^'"]+)['"]/g,
];

const gz = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;

export function pageWeight(dist: string, htmlFile: string, pagePath: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const loads = new Set<string>();
  for (const pattern of LOAD_PATTERNS) for (const m of html.matchAll(pattern)) if (m[1]) loads.add(m[1]);
  let totalBytes = gz(html);
  let jsBytes = 0;
  // Inline scripts count towards the JavaScript budget too.
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[0].includes('application/ld+json')) continue;
    jsBytes += gz(m[1] ?? '');
  }
  const resources: string[] = [];
  const externalLoads: string[] = [];
  for (const ref of loads) {
    const url = new URL(ref, 'http://local.test' + pagePath);
    if (url.host !== 'local.test') {
      externalLoads.push(ref);
      continue;
    }
    const file = resolveFile(dist, url.pathname);
    if (!file) continue; // a missing file is the link checker's business
    const bytes = readFileSync(file);
    const size = gz(bytes);
    totalBytes += size;
    if (extname(file) === '.js' || extname(file) === '.mjs') jsBytes += size;
    resources.push(url.pathname);
  }
  // Browsers request /favicon.ico by themselves when no icon is declared.
  if (!html.includes('rel="icon"')) {
    const ico = resolveFile(dist, '/favicon.ico');
    if (ico) totalBytes += gz(readFileSync(ico));
  }
  return { page: pagePath, totalBytes, jsBytes, resources, externalLoads };
}

export function htmlPages(dist: string, relDir = ''): { file: string; path: string }[] {
  const out: { file: string; path: string }[] = [];
  for (const name of readdirSync(join(dist, relDir))) {
    const rel = join(relDir, name);
    const abs = join(dist, rel);
    if (statSync(abs).isDirectory()) out.push(...htmlPages(dist, rel));
    else if (name.endsWith('.html')) {
      const path = '/' + rel.replace(/index\.html$/, '').replace(/\\/g, '/');
      out.push({ file: abs, path });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
