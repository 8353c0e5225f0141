/**
 * "Frozen pages never change when a later release is added" (data-contract.md → Releases): after
 * the build, a copy of the data folder gets a new release (2026.2 is kept, 2026.3 becomes the
 * current one) and the frozen copies of the kept releases are built again into another folder.
 * Release 2026.1's pages and files must be the same bytes as before; 2026.2's files too, and its
 * pages the same but for the banner, which now says a newer release exists.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../src/intake/load-site-config.ts';
import { keepRelease } from '../../src/releases/kept-release.ts';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
let work: string;
let rebuilt: string;

/** Every file under `dir`, as paths relative to it. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

const sections = (release: string) => [join('phat-hanh', release), join('en', 'releases', release)];
/** The page with its release banner taken out (the one part allowed to change, once). */
const withoutBanner = (html: string) => html.replace(/<section class="banner release-banner"[\s\S]*?<\/section>/, '');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sipas-frozen-'));
  const data = join(work, 'data');
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  return (async () => {
    const site = await loadSiteConfig(data, () => {}, undefined, {});
    expect(site.release.version).toBe('2026.2');
    keepRelease(join(ROOT, 'public', 'data'), data, site.release);
    const raw = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8')) as Record<string, unknown>;
    raw.release = { version: '2026.3', date: '2026-12-20', status: 'provisional', provisional_periods: ['2026'], changes: [] };
    raw.planned_releases = [];
    writeFileSync(join(data, 'site.json'), JSON.stringify(raw, null, 2));
    rebuilt = join(work, 'dist');
    const run = spawnSync('npm', ['run', 'releases'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: data, SIPAS_DIST_DIR: rebuilt, SIPAS_RELEASES: '2026.1,2026.2' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`npm run releases failed:\n${run.stdout}\n${run.stderr}`);
  })();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('adding release 2026.3', () => {
  test('leaves every page and file of release 2026.1 the same, byte for byte', () => {
    for (const section of sections('2026.1')) {
      const before = files(join(DIST, section));
      expect(before.length, section).toBeGreaterThan(100);
      expect(files(join(rebuilt, section)), section).toEqual(before);
      const changed = before.filter((f) => !readFileSync(join(DIST, section, f)).equals(readFileSync(join(rebuilt, section, f))));
      expect(changed, section).toEqual([]);
    }
  });

  test('leaves release 2026.2\'s files the same, and its pages but for the banner, which now says a newer release exists', () => {
    for (const section of sections('2026.2')) {
      const before = files(join(DIST, section));
      expect(files(join(rebuilt, section)), section).toEqual(before);
      const changed = before.filter((f) => {
        const a = readFileSync(join(DIST, section, f));
        const b = readFileSync(join(rebuilt, section, f));
        return f.endsWith('.html') ? withoutBanner(a.toString('utf8')) !== withoutBanner(b.toString('utf8')) : !a.equals(b);
      });
      expect(changed, section).toEqual([]);
    }
    const banner = readFileSync(join(rebuilt, 'phat-hanh', '2026.2', 'index.html'), 'utf8');
    expect(banner).toContain('Bản phát hành 2026.2 (05/12/2026)</strong> — đã có bản mới hơn');
    // The comparison above took the banner out: it was there to take.
    expect(withoutBanner(banner)).not.toBe(banner);
  });
});
