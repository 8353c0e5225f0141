import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { loadSiteConfig, normaliseSiteConfig } from '../../src/intake/load-site-config.ts';
import { FIXTURE_DATA, labelOf, tempDir } from './fixture.ts';

const raw = (): Record<string, unknown> => JSON.parse(readFileSync(join(FIXTURE_DATA, 'site.json'), 'utf8')) as Record<string, unknown>;

function refusal(change: (o: Record<string, unknown>) => void): string {
  const o = raw();
  change(o);
  try {
    normaliseSiteConfig(o, 'site.json', () => {});
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).format();
  }
  throw new Error('expected a refusal');
}

describe('loadSiteConfig', () => {
  it('reads site.json, adding the defaulted quarantine share and the trailing slash of base_url', async () => {
    const config = await loadSiteConfig(FIXTURE_DATA, () => {});
    expect(config.thresholds).toEqual({ min_n_publish: 30, min_n_rank: 100, max_quarantine_share: 0.01 });
    expect(config.base_url).toBe('https://example.org/sipas/');
    expect(config.ranked_level).toBe('district');
    expect(config.sample_note).toBeUndefined();
  });

  it('names the field and the bad value', () => {
    expect(refusal((o) => ((o.thresholds as Record<string, unknown>).min_n_publish = '30'))).toBe(
      'site.json, field thresholds.min_n_publish: must be a number, found "30".\n  How to fix: write a plain number without quotes, e.g. 0.01.',
    );
    expect(refusal((o) => ((o.thresholds as Record<string, unknown>).max_quarantine_share = 5))).toBe(
      'site.json, field thresholds.max_quarantine_share: must be between 0 and 1, found 5.\n  How to fix: correct the value.',
    );
    expect(refusal((o) => (o.ranked_level = 'huyen'))).toBe(
      'site.json, field ranked_level: must be one of "province", "district", "commune", found "huyen".\n  How to fix: use one of the listed values.',
    );
    expect(refusal((o) => (o.province_code = 58))).toBe('site.json, field province_code: must be a non-empty text, found 58.\n  How to fix: write it in quotes: "58".');
    expect(refusal((o) => delete (o.title as Record<string, unknown>).en)).toBe(
      'site.json, field title.en: must be a non-empty text, found nothing (the field is missing).\n  How to fix: fill it in.',
    );
    expect(refusal((o) => ((o.release as Record<string, unknown>).date = '31/03/2025'))).toBe(
      'site.json, field release.date: must be a date YYYY-MM-DD, found "31/03/2025".\n  How to fix: write the date as e.g. "2024-02-27".',
    );
  });

  it('warns about keys it does not know (a typo would otherwise be ignored silently)', () => {
    const warnings: string[] = [];
    normaliseSiteConfig({ ...raw(), tresholds: {} }, 'site.json', (m) => warnings.push(m));
    expect(warnings).toEqual(['site.json: field tresholds is not used and ignored (a typo?).']);
  });

  it('reports JSON syntax errors with the line', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'site.json'), '{\n  "publisher": {}\n  "title": {}\n}\n');
    const error = (await loadSiteConfig(dir, () => {}, labelOf).catch((e: unknown) => e)) as DataError;
    expect(error.line).toBe(3);
    expect(error.format()).toMatch(/^site\.json, line 3: not valid JSON \(.+\)\.\n {2}How to fix: look for a missing comma or quote/);
  });

  it('says when site.json is missing', async () => {
    const error = (await loadSiteConfig(tempDir(), () => {}, labelOf).catch((e: unknown) => e)) as DataError;
    expect(error.format()).toBe("site.json: the file is missing.\n  How to fix: create site.json with the publisher's settings (see data-contract.md → Inputs).");
  });
});
