import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegisters } from '../../src/intake/load-registers.ts';
import { loadSiteConfig } from '../../src/intake/load-site-config.ts';
import type { IndexRow } from '../../src/engine/tables.ts';
import { formatCsv } from '../../src/publish/csv.ts';
import { indicesSchema } from '../../src/publish/schemas.ts';
import { keepRelease } from '../../src/releases/kept-release.ts';
import { releaseRevisions } from '../../src/releases/release-revisions.ts';

const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'reorganisation', 'data');

const cell = (value: number): IndexRow => ({
  survey: 'mini',
  period: '2026',
  unit_code: '22810',
  breakdown: 'all',
  breakdown_value: '*',
  indicator: 'overall',
  level: 'overall',
  n: 40,
  satisfied: Math.round(value * 0.4),
  value,
  ci_low: value - 5,
  ci_high: value + 5,
  status: 'ok',
  se: 2.5,
  unit_valid_from: '2025-07-01',
  basis: 'direct',
});

/** A data folder whose release 2026.1 is kept, with one published index cell of 90.00. */
async function withKeptRelease(): Promise<string> {
  const data = join(mkdtempSync(join(tmpdir(), 'rel-rev-')), 'data');
  cpSync(FIXTURE, data, { recursive: true });
  const setRelease = (release: object) => {
    const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(data, 'site.json'), JSON.stringify({ ...site, release }));
  };
  setRelease({ version: '2026.1', date: '2026-12-01', status: 'provisional', provisional_periods: ['2026'] });
  const pub = mkdtempSync(join(tmpdir(), 'rel-pub-'));
  const files = { 'indices.csv': formatCsv(indicesSchema, [cell(90)]), 'datapackage.json': JSON.stringify({ version: '2026.1' }) };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pub, name), text);
  writeFileSync(join(pub, 'SHA256SUMS'), Object.entries(files).map(([n, t]) => `${createHash('sha256').update(t).digest('hex')}  ${n}\n`).join(''));
  keepRelease(pub, data, (await loadSiteConfig(data, () => {}, undefined, {})).release);
  setRelease({
    version: '2026.2',
    date: '2026-12-05',
    status: 'provisional',
    provisional_periods: ['2026'],
    changes: [{ kind: 'revision', reason: { vi: 'Phiếu đến muộn', en: 'Late questionnaires' }, units: ['22810'] }],
  });
  return data;
}

describe('this release against the kept one before it', () => {
  it('compares with the newest kept release: a changed value is revised, with the reason of the notes', async () => {
    const data = await withKeptRelease();
    const site = await loadSiteConfig(data, () => {}, undefined, {});
    const revisions = await releaseRevisions(data, site, await loadRegisters(data, () => {}));
    expect(revisions.previous?.release.version).toBe('2026.1');
    const rows = [cell(91.5)];
    revisions.flag(indicesSchema, rows);
    expect(rows[0]?.flag).toBe('r');
    expect(revisions.rows.map((r) => [r.file, r.column, r.previous_value, r.value, r.kind, r.reason_en])).toEqual([
      ['indices.csv', 'satisfied', '36', '37', 'revision', 'Late questionnaires'],
      ['indices.csv', 'value', '90.00', '91.50', 'revision', 'Late questionnaires'],
      ['indices.csv', 'ci_low', '85.00', '86.50', 'revision', 'Late questionnaires'],
      ['indices.csv', 'ci_high', '95.00', '96.50', 'revision', 'Late questionnaires'],
    ]);
  });

  it('refuses a site.json whose release is one already kept', async () => {
    const data = await withKeptRelease();
    const site = await loadSiteConfig(data, () => {}, undefined, {});
    const again = { ...site, release: { ...site.release, version: '2026.1' } };
    await expect(releaseRevisions(data, again, await loadRegisters(data, () => {}))).rejects.toThrow(/release 2026.1, which is kept already/);
  });
});
