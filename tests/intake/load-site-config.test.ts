import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { PLACEHOLDER_BASE_URL, loadSiteConfig, normaliseSiteConfig, placeholderAddressWarning } from '../../src/intake/load-site-config.ts';
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

describe('site.json cells: which periods and breakdowns each level gets', () => {
  it('gives every level every period kind and breakdown when cells is left out', () => {
    const config = normaliseSiteConfig(raw(), 'site.json', () => {});
    for (const level of ['province', 'district', 'commune'] as const) {
      expect(config.cells[level]).toEqual({ periods: ['year', 'quarter', 'month'], breakdowns: ['field', 'channel', 'respondent_type', 'agency'] });
    }
  });

  it('narrows the named level only, in the contract order whatever order site.json uses', () => {
    const config = normaliseSiteConfig({ ...raw(), cells: { commune: { periods: ['quarter', 'year'], breakdowns: ['agency', 'channel'] } } }, 'site.json', () => {});
    expect(config.cells.commune).toEqual({ periods: ['year', 'quarter'], breakdowns: ['channel', 'agency'] });
    expect(config.cells.province.periods).toEqual(['year', 'quarter', 'month']);
  });

  it('refuses a level without years, an unknown period kind or breakdown, with the fix', () => {
    expect(refusal((o) => (o.cells = { commune: { periods: ['quarter'], breakdowns: [] } }))).toBe(
      'site.json, field cells.commune.periods: must include "year": rankings, trends and plan targets are yearly.\n  How to fix: write e.g. ["year", "quarter"].',
    );
    expect(refusal((o) => (o.cells = { commune: { periods: ['year', 'week'], breakdowns: [] } }))).toBe(
      'site.json, field cells.commune.periods[1]: must be one of "year", "quarter", "month", found "week".\n  How to fix: use one of the listed values.',
    );
    expect(refusal((o) => (o.cells = { commune: { periods: ['year'], breakdowns: ['gender'] } }))).toBe(
      'site.json, field cells.commune.breakdowns[0]: must be one of "field", "channel", "respondent_type", "agency", found "gender".\n  How to fix: use one of the listed values.',
    );
  });

  it('a national site names no province', () => {
    const o = raw();
    delete o.province_code;
    expect(normaliseSiteConfig(o, 'site.json', () => {}).province_code).toBeUndefined();
  });
});

describe('loadSiteConfig', () => {
  it('reads site.json, adding the defaulted quarantine share and the trailing slash of base_url', async () => {
    const config = await loadSiteConfig(FIXTURE_DATA, () => {}, labelOf, {});
    expect(config.thresholds).toEqual({ min_n_publish: 30, min_n_rank: 100, max_quarantine_share: 0.01 });
    expect(config.base_url).toBe('https://example.org/sipas/');
    expect(config.sample_note).toBeUndefined();
  });

  it('names the field and the bad value', () => {
    expect(refusal((o) => ((o.thresholds as Record<string, unknown>).min_n_publish = '30'))).toBe(
      'site.json, field thresholds.min_n_publish: must be a number, found "30".\n  How to fix: write a plain number without quotes, e.g. 0.01.',
    );
    expect(refusal((o) => ((o.thresholds as Record<string, unknown>).max_quarantine_share = 5))).toBe(
      'site.json, field thresholds.max_quarantine_share: must be between 0 and 1, found 5.\n  How to fix: correct the value.',
    );
    // ranked_level is no longer needed (each year ranks the units directly below each province),
    // but an older site.json that still names one is checked as it always was.
    expect(refusal((o) => (o.ranked_level = 'huyen'))).toBe(
      'site.json, field ranked_level: must be one of "country", "province", "district", "commune", found "huyen".\n  How to fix: use one of the listed values.',
    );
    expect(refusal((o) => (o.province_code = 58))).toBe('site.json, field province_code: must be a non-empty text, found 58.\n  How to fix: write it in quotes: "58".');
    expect(refusal((o) => delete (o.title as Record<string, unknown>).en)).toBe(
      'site.json, field title.en: must be a non-empty text, found nothing (the field is missing).\n  How to fix: fill it in.',
    );
    expect(refusal((o) => ((o.release as Record<string, unknown>).date = '31/03/2025'))).toBe(
      'site.json, field release.date: must be a date YYYY-MM-DD, found "31/03/2025".\n  How to fix: write the date as e.g. "2024-02-27".',
    );
  });

  it('reads a release: final without a status, the changes it states, the planned releases', () => {
    const config = normaliseSiteConfig(raw(), 'site.json', () => {});
    expect(config.release.status).toBe('final');
    expect(config.release.changes).toEqual([]);
    expect(config.planned_releases).toEqual([]);
    const release = {
      version: '2026.2',
      date: '2026-12-05',
      status: 'provisional',
      provisional_periods: ['2026'],
      changes: [{ kind: 'correction', reason: { vi: 'Nhập lại.', en: 'Re-keyed.' }, units: ['586'], periods: ['2024'] }],
    };
    const planned = [{ version: '2027.1', date: '2027-01-20', status: 'final' }];
    const read = normaliseSiteConfig({ ...raw(), release, planned_releases: planned }, 'site.json', () => {});
    expect(read.release).toEqual({ ...release, changes: [{ kind: 'correction', reason: { vi: 'Nhập lại.', en: 'Re-keyed.' }, units: ['586'], periods: ['2024'] }] });
    expect(read.planned_releases).toEqual(planned);
  });

  it('refuses a release that cannot be addressed, an unknown kind of change, a plan in the past', () => {
    expect(refusal((o) => ((o.release as Record<string, unknown>).version = '2026/2'))).toBe(
      'site.json, field release.version: "2026/2" cannot be part of an address.\n  How to fix: use letters, digits, ".", "-" or "_" only, e.g. "2026.2".',
    );
    expect(refusal((o) => ((o.release as Record<string, unknown>).changes = [{ kind: 'update', reason: { vi: 'a', en: 'b' } }]))).toBe(
      'site.json, field release.changes[0].kind: must be one of "revision", "correction", "new", "withdrawn", found "update".\n  How to fix: use one of the listed values.',
    );
    expect(refusal((o) => ((o.release as Record<string, unknown>).provisional_periods = ['2026']))).toContain('the release is final');
    expect(refusal((o) => (o.planned_releases = [{ version: 'x', date: '2020-01-01', status: 'final' }]))).toContain('planned_releases[0].date: 2020-01-01 is not after');
  });

  it('reads an older site.json with ranked_level, and says it is no longer used', () => {
    const warnings: string[] = [];
    const config = normaliseSiteConfig({ ...raw(), ranked_level: 'district' }, 'site.json', (m) => warnings.push(m));
    expect('ranked_level' in config).toBe(false);
    expect(warnings).toEqual([
      'site.json: ranked_level is no longer used: "rankings" says which levels are ranked, within what (left out: the districts and the communes within each province); remove ranked_level.',
    ]);
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

describe('rankings: which level is ranked against which', () => {
  const read = (rankings: unknown, warn: (m: string) => void = () => {}) => normaliseSiteConfig({ ...raw(), rankings }, 'site.json', warn).rankings;

  it('ranks the districts and the communes within each province when site.json leaves it out, as before the key existed', () => {
    expect('rankings' in raw()).toBe(false);
    expect(normaliseSiteConfig(raw(), 'site.json', () => {}).rankings).toEqual([
      { level: 'district', within: 'province', compare: 'elements' },
      { level: 'commune', within: 'province', compare: 'elements' },
    ]);
  });

  it('reads a national site: the provinces within the country, the communes within each province', () => {
    expect(read([{ level: 'province', within: 'country' }, { level: 'commune', within: 'province', compare: 'overall' }])).toEqual([
      { level: 'province', within: 'country', compare: 'elements' },
      { level: 'commune', within: 'province', compare: 'overall' },
    ]);
    expect(read([{ level: 'commune', within: 'district' }])).toEqual([{ level: 'commune', within: 'district', compare: 'elements' }]);
    expect(refusal((o) => (o.rankings = [{ level: 'commune', within: 'province', compare: 'items' }]))).toBe(
      'site.json, field rankings[0].compare: must be one of "elements", "overall", found "items".\n  How to fix: use one of the listed values.',
    );
    const warnings: string[] = [];
    read([{ level: 'commune', within: 'country', whithin: 'province' }], (m) => warnings.push(m));
    expect(warnings).toEqual(['site.json: field rankings[0].whithin is not used and ignored (a typo?).']);
  });

  it('refuses an unknown level or scope, naming the entry and the values it may take', () => {
    expect(refusal((o) => (o.rankings = [{ level: 'xa', within: 'province' }]))).toBe(
      'site.json, field rankings[0].level: must be one of "province", "district", "commune", found "xa".\n  How to fix: use one of the listed values.',
    );
    expect(refusal((o) => (o.rankings = [{ level: 'district', within: 'province' }, { level: 'commune', within: 'tinh' }]))).toBe(
      'site.json, field rankings[1].within: must be one of "country", "province", "district", found "tinh".\n  How to fix: use one of the listed values.',
    );
    expect(refusal((o) => (o.rankings = [{ level: 'commune' }]))).toBe(
      'site.json, field rankings[0].within: must be one of "country", "province", "district", found nothing (the field is missing).\n  How to fix: use one of the listed values.',
    );
  });

  it('refuses a level ranked within itself or within a lower level, saying what it may be ranked within', () => {
    expect(refusal((o) => (o.rankings = [{ level: 'province', within: 'province' }]))).toBe(
      'site.json, field rankings[0].within: a province cannot be ranked within a province: "within" must be a level above "province".\n  How to fix: write "country".',
    );
    expect(refusal((o) => (o.rankings = [{ level: 'district', within: 'district' }]))).toBe(
      'site.json, field rankings[0].within: a district cannot be ranked within a district: "within" must be a level above "district".\n  How to fix: write "country" or "province".',
    );
    expect(refusal((o) => (o.rankings = [{ level: 'province', within: 'district' }]))).toBe(
      'site.json, field rankings[0].within: a province cannot be ranked within a district: "within" must be a level above "province".\n  How to fix: write "country".',
    );
  });

  it('refuses a level listed twice, even within another scope, and an empty list', () => {
    expect(refusal((o) => (o.rankings = [{ level: 'commune', within: 'province' }, { level: 'province', within: 'country' }, { level: 'commune', within: 'country' }]))).toBe(
      'site.json, field rankings[2].level: "commune" is already ranked by rankings[0]; each level is ranked in one way only.\n  How to fix: keep one of the two entries for "commune".',
    );
    expect(refusal((o) => (o.rankings = [{ level: 'district', within: 'province' }, { level: 'district', within: 'province' }]))).toBe(
      'site.json, field rankings[1].level: "district" is already ranked by rankings[0]; each level is ranked in one way only.\n  How to fix: keep one of the two entries for "district".',
    );
    expect(refusal((o) => (o.rankings = []))).toBe(
      'site.json, field rankings: lists no level to rank.\n  How to fix: add one, e.g. { "level": "commune", "within": "province" }, or remove rankings to rank the districts and communes within each province.',
    );
    expect(refusal((o) => (o.rankings = { level: 'province', within: 'country' }))).toBe(
      'site.json, field rankings: must be a list ([ … ]), found {"level":"province","within":"country"}.\n  How to fix: write the entries between [ and ].',
    );
  });
});

describe('SITE_URL', () => {
  const load = (SITE_URL: string) => loadSiteConfig(FIXTURE_DATA, () => {}, labelOf, { SITE_URL });

  it('replaces base_url, adding the trailing slash as for base_url', async () => {
    expect((await load('https://sipas.ninhthuan.gov.vn')).base_url).toBe('https://sipas.ninhthuan.gov.vn/');
    expect((await load(' https://hai-long.example.vn/sipas/ ')).base_url).toBe('https://hai-long.example.vn/sipas/');
  });

  it('is ignored when empty (SITE_URL= npm run build)', async () => {
    expect((await load('  ')).base_url).toBe('https://example.org/sipas/');
  });

  it('is checked by the rules of base_url, the message naming SITE_URL', async () => {
    const message = async (value: string) => ((await load(value).catch((e: unknown) => e)) as DataError).format();
    expect(await message('sipas.ninhthuan.gov.vn')).toBe(
      'the environment variable SITE_URL: must be an absolute address such as "https://example.org/", found "sipas.ninhthuan.gov.vn".\n' +
        '  How to fix: write the full address of the published site, with https://.',
    );
    expect(await message('ftp://sipas.ninhthuan.gov.vn/')).toBe(
      'the environment variable SITE_URL: must start with https:// or http://, found "ftp://sipas.ninhthuan.gov.vn/".\n  How to fix: write the full address of the published site.',
    );
  });
});

describe('placeholderAddressWarning', () => {
  const withBaseUrl = (base_url: string) => normaliseSiteConfig({ ...raw(), base_url }, 'site.json', () => {});

  it('warns while the address is the placeholder of the bundled site.json, however it is written', () => {
    for (const address of [PLACEHOLDER_BASE_URL, 'https://sipas.example.org', 'HTTPS://SIPAS.EXAMPLE.ORG/']) {
      expect(placeholderAddressWarning(withBaseUrl(address))).toMatch(/^the site's address is the placeholder https:\/\/sipas\.example\.org\/; .* SITE_URL=https:\/\/… npm run build, or edit base_url in site\.json\.$/);
    }
  });

  it('is silent for any other address, and once SITE_URL replaces the placeholder', async () => {
    expect(placeholderAddressWarning(withBaseUrl('https://sipas.ninhthuan.gov.vn/'))).toBeNull();
    expect(placeholderAddressWarning(withBaseUrl('https://sipas.example.org/ninh-son/'))).toBeNull();
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'site.json'), JSON.stringify({ ...raw(), base_url: PLACEHOLDER_BASE_URL }));
    expect(placeholderAddressWarning(await loadSiteConfig(dir, () => {}, labelOf, {}))).not.toBeNull();
    expect(placeholderAddressWarning(await loadSiteConfig(dir, () => {}, labelOf, { SITE_URL: 'https://sipas.ninhthuan.gov.vn' }))).toBeNull();
  });
});
