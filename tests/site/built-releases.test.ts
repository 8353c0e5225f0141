/**
 * The releases of the bundled data as built (data-contract.md → Releases; reads dist/, public/data
 * and data/releases/: runs after the build, vitest.config.ts SITE_TESTS):
 * - revisions.csv lists exactly the values that differ between release 2026.1 (kept) and 2026.2
 *   (public/data), checked against an independent diff of the two releases' CSVs;
 * - the `flag` column: `r` on exactly the rows with a revised value, `p` on the other rows of the
 *   open year, and the same in the page tables;
 * - each release's frozen copy serves its own files, each matching its SHA256SUMS, and its pages
 *   carry the banner; the live pages cite the frozen copy of 2026.2.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { diffCsvTables } from '../publish/diff-tables.ts';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const DATA = join(ROOT, 'public', 'data');
const KEPT = join(ROOT, 'data', 'releases', '2026.1', 'data');
type Row = Record<string, string>;
const parse = (text: string): Row[] => Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
/**
 * A published table's parts in `dir` (`indices-1.csv`, `indices-2.csv`, …: src/publish/file-parts.ts),
 * in part order; none when the table is one file.
 */
const partsOf = (dir: string, file: string): string[] => {
  const [stem, ext] = [file.replace(/\.[a-z]+$/, ''), file.slice(file.lastIndexOf('.'))];
  const pattern = new RegExp(`^${stem.replace(/[.-]/g, '\\$&')}-(\\d+)\\${ext}$`);
  return readdirSync(dir).filter((f) => pattern.test(f)).sort((a, b) => Number(pattern.exec(a)?.[1]) - Number(pattern.exec(b)?.[1]));
};
/** A table of public/data, whole or joined from its parts. */
const current = (file: string) => {
  const parts = existsSync(join(DATA, file)) ? [file] : partsOf(DATA, file);
  return Buffer.concat(parts.map((part) => readFileSync(join(DATA, part)))).toString('utf8');
};
const kept = (file: string) => gunzipSync(readFileSync(join(KEPT, `${file}.gz`))).toString('utf8');
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document;

/** The result tables and their keys, written out here rather than read from the code under test. */
const KEYS: Record<string, string[]> = {
  'indices.csv': ['survey', 'period', 'unit_code', 'unit_valid_from', 'breakdown', 'breakdown_value', 'indicator'],
  'rankings.csv': ['survey', 'period', 'unit_level', 'unit_code', 'unit_valid_from', 'k'],
  'element-rankings.csv': ['survey', 'period', 'unit_level', 'unit_code', 'unit_valid_from', 'k', 'indicator'],
  'targets.csv': ['plan', 'target', 'period', 'breakdown_value'],
  'trends.csv': ['survey', 'period', 'unit_code', 'unit_valid_from', 'breakdown', 'breakdown_value', 'indicator'],
  'comparisons.csv': ['survey', 'period', 'unit_a', 'unit_a_valid_from', 'unit_b', 'unit_b_valid_from', 'indicator'],
  'coverage.csv': ['survey', 'period', 'unit_code', 'unit_valid_from'],
};

/** revisions.csv's values are text: the CSV guards one starting with - (a negative number) by a '. */
const unguard = (text: string | undefined): string => (text !== undefined && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : (text ?? ''));
const revisions: Row[] = parse(current('revisions.csv')).map((r) => ({ ...r, previous_value: unguard(r.previous_value), value: unguard(r.value) }));

describe('revisions.csv, release 2026.2 against 2026.1', () => {
  test.each(Object.keys(KEYS))('%s: exactly the values that differ between the two releases', (file) => {
    const diff = diffCsvTables(kept(file), current(file), KEYS[file] as string[]);
    const listed = revisions.filter((r) => r.file === file);
    const asText = (r: { key?: string; column?: string; previous_value?: string; value?: string }) => `${r.key}|${r.column}|${r.previous_value}→${r.value}`;
    expect(listed.filter((r) => r.kind === 'revision' || r.kind === 'correction').map(asText).sort()).toEqual(diff.changed.map(asText).sort());
    expect(listed.filter((r) => r.kind === 'new').map((r) => r.key).sort()).toEqual([...diff.added].sort());
    expect(listed.filter((r) => r.kind === 'withdrawn').map((r) => r.key).sort()).toEqual([...diff.withdrawn].sort());
    for (const r of listed) expect([r.release, r.previous_release]).toEqual(['2026.2', '2026.1']);
  });

  test('shows both stated reasons: the late questionnaires of 2026 and the 2024 correction', () => {
    const indices = revisions.filter((r) => r.file === 'indices.csv');
    const corrected = indices.filter((r) => r.kind === 'correction');
    const revised = indices.filter((r) => r.kind === 'revision');
    expect(corrected.length).toBeGreaterThan(0);
    expect(revised.length).toBeGreaterThan(0);
    // Corrections lie in 2024, revisions in 2026; each carries its reason in both languages.
    expect(new Set(corrected.map((r) => r.key?.split('|')[1]?.slice(0, 4)))).toEqual(new Set(['2024']));
    expect(new Set(revised.map((r) => r.key?.split('|')[1]?.slice(0, 4)))).toEqual(new Set(['2026']));
    expect(corrected[0]?.reason).toContain('Huyện Ninh Hải');
    expect(revised[0]?.reason_en).toContain('Xã Ninh Sơn');
    // Ninh Sơn's 2024 rank: 2 in release 2026.1, 3 after the correction.
    const rank = revisions.find((r) => r.file === 'rankings.csv' && r.key === 'sipas|2024|district|585|2020-01-01|3' && r.column === 'rank');
    expect(rank && [rank.previous_value, rank.value, rank.kind]).toEqual(['2', '3', 'correction']);
  });
});

describe('the flag column', () => {
  test.each(Object.keys(KEYS))('%s: r exactly on revised rows, p on the other rows of 2026, empty elsewhere', (file) => {
    const rows = parse(current(file));
    const revisedKeys = new Set(revisions.filter((r) => r.file === file && (r.kind === 'revision' || r.kind === 'correction')).map((r) => r.key));
    const keyOf = (row: Row) => (KEYS[file] as string[]).map((c) => row[c] ?? '').join('|');
    const wrong = rows.filter((row) => {
      const expected = revisedKeys.has(keyOf(row)) ? 'r' : (row.period ?? '').startsWith('2026') ? 'p' : '';
      return row.flag !== expected;
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(Object.keys(rows[0] ?? {}).at(-1)).toBe('flag');
  });

  test('the unit page table of Huyện Ninh Hải shows its 2024 index as revised', () => {
    const text = page('don-vi/586-ninh-hai').getElementById('trend-sipas-586-year')?.textContent ?? '';
    expect(text).toContain('r: đã sửa đổi');
  });
});

describe('the frozen copies', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  test.each(['2026.1', '2026.2'])('release %s serves each file of its SHA256SUMS, unchanged, under /phat-hanh/<id>/data/', (release) => {
    const dir = join(DIST, 'phat-hanh', release, 'data');
    const lines = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      const [hash, name] = [line.slice(0, 64), line.slice(66)];
      expect(sha(join(dir, name)), name).toBe(hash);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx') || f.endsWith('.zip'))).toEqual([]);
  });

  test('release 2026.1 serves what data/releases/2026.1 keeps, byte for byte, a table over 24 MiB in parts', () => {
    const dir = join(DIST, 'phat-hanh', '2026.1', 'data');
    const served = new Map(readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => [line.slice(66), line.slice(0, 64)]));
    const keptLines = readFileSync(join(KEPT, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => [line.slice(66), line.slice(0, 64)] as const);
    const inParts: string[] = [];
    for (const [name, hash] of keptLines) {
      if (name === 'datapackage.json') continue;
      if (served.has(name)) {
        expect(served.get(name), name).toBe(hash);
        continue;
      }
      // Kept whole, served in parts: the parts joined are the kept bytes.
      const parts = partsOf(dir, name);
      expect(parts.length, name).toBeGreaterThan(1);
      for (const part of parts) expect(statSync(join(dir, part)).size).toBeLessThanOrEqual(24 * 1024 * 1024);
      const joined = Buffer.concat(parts.map((part) => readFileSync(join(dir, part))));
      expect(createHash('sha256').update(joined).digest('hex'), name).toBe(hash);
      inParts.push(name);
    }
    // indices.csv (46.5 MB) and trends.csv (39.6 MB) of 2026.1 are over the limit.
    expect(inParts.sort()).toEqual(['indices.csv', 'trends.csv']);
    expect(readFileSync(join(dir, 'rankings.csv'), 'utf8')).toBe(kept('rankings.csv'));
    // The served datapackage.json is the kept one with the parts as the tables' paths.
    const resources = (text: string) => (JSON.parse(text) as { resources: Record<string, unknown>[] }).resources;
    const keptResources = resources(kept('datapackage.json'));
    const servedResources = resources(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    expect(servedResources.map((r) => r.name)).toEqual(keptResources.map((r) => r.name));
    servedResources.forEach((r, i) => {
      const k = keptResources[i] as Record<string, unknown>;
      if (!inParts.includes(k.path as string)) expect(r).toEqual(k);
      else expect({ ...r, path: k.path, parts: undefined }).toEqual({ ...k, parts: undefined });
    });
  });

  test('2026.1 says a newer release exists and links to the live page; 2026.2 says it is frozen', () => {
    const old = page('phat-hanh/2026.1/don-vi/585-ninh-son').querySelector('.release-banner');
    expect(old?.textContent).toContain('Bản phát hành 2026.1 (01/12/2026) — đã có bản mới hơn');
    expect(old?.querySelector('a')?.getAttribute('href')).toBe('/don-vi/585-ninh-son/');
    const en = page('en/releases/2026.1/units/585-ninh-son').querySelector('.release-banner');
    expect(en?.textContent).toContain('Release 2026.1 (1 Dec 2026) — a newer release exists');
    expect(en?.querySelector('a')?.getAttribute('href')).toBe('/en/units/585-ninh-son/');
    expect(page('phat-hanh/2026.2/don-vi/585-ninh-son').querySelector('.release-banner')?.textContent).toContain('bản lưu cố định');
    expect(page('don-vi/585-ninh-son').querySelector('.release-banner')).toBeNull();
  });

  test('the 2026.1 copy shows the numbers of 2026.1: Ninh Sơn second in 2024', () => {
    const ranking = page('phat-hanh/2026.1/xep-hang/2024').getElementById('ranking-sipas-2024');
    const rows = [...(ranking?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.textContent ?? '');
    expect(rows.findIndex((r) => r.includes('Ninh Sơn'))).toBe(1);
    const live = [...(page('xep-hang/2024').getElementById('ranking-sipas-2024')?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.textContent ?? '');
    expect(live.findIndex((r) => r.includes('Ninh Sơn'))).toBe(2);
  });

  test('every citation of a live page names release 2026.2 and its frozen copy', () => {
    for (const path of ['don-vi/585-ninh-son', 'xep-hang/2024', 'en/units/585-ninh-son']) {
      const citations = [...page(path).querySelectorAll('p.citation')];
      expect(citations.length, path).toBeGreaterThan(0);
      for (const c of citations) {
        const href = c.querySelector('a')?.getAttribute('href') ?? '';
        expect(href, path).toMatch(/^https:\/\/sipas\.example\.org\/(phat-hanh|en\/releases)\/2026\.2\//);
        expect(existsSync(join(DIST, new URL(href).pathname, 'index.html')), href).toBe(true);
        expect(c.textContent).toMatch(/(bản phát hành|release) 2026\.2/);
      }
    }
  });

  test('the live unit page lists the number in every release, and links to both copies', () => {
    const section = page('don-vi/585-ninh-son').getElementById('in-every-release')?.parentElement;
    const links = [...(section?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toContain('/phat-hanh/2026.1/don-vi/585-ninh-son/');
    expect(links).toContain('/phat-hanh/2026.2/don-vi/585-ninh-son/');
  });
});
