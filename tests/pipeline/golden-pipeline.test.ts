/**
 * Golden test of the whole pipeline (scripts/build-data.ts: intake → DuckDB-WASM → publish) run
 * the way an office runs it, on another data folder (DATA_DIR). The folder is built from the engine
 * fixture whose numbers are worked out by hand in tests/fixtures/engine/README.md, plus what the
 * intake must handle on the way: a row with an answer outside the scale (quarantined), a date
 * written DD/MM/YYYY (read), and a personal-data column (dropped, never published).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';

const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'engine');
const root = mkdtempSync(join(tmpdir(), 'golden-'));
const dataDir = join(root, 'data');

function csv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function buildDataFolder(): void {
  mkdirSync(join(dataDir, 'surveys', 'fixture', 'responses'), { recursive: true });
  mkdirSync(join(dataDir, 'plans'), { recursive: true });
  writeFileSync(
    join(dataDir, 'site.json'),
    JSON.stringify({
      publisher: { vi: 'Nhóm thử nghiệm', en: 'Test group' },
      title: { vi: 'Chỉ số hài lòng (thử)', en: 'Satisfaction index (test)' },
      base_url: 'https://example.org/sipas/',
      release: { version: '0.0-golden', date: '2025-01-31' },
      licence: { id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
      // Thresholds of 1 so the hand-worked small cells are published, not suppressed.
      thresholds: { min_n_publish: 1, min_n_rank: 1, max_quarantine_share: 0.2 },
      province_code: '90',
      rank_simulation: { draws: 1000, seed: 7 },
      sample_data: false,
    }),
  );
  const units = csv(join(FIXTURE, 'units.csv')).map((u) => ({ ...u, name_vi: `Đơn vị ${u.code}`, name_en: `Unit ${u.code}` }));
  writeFileSync(join(dataDir, 'units.csv'), Papa.unparse(units, { columns: ['code', 'name_vi', 'name_en', 'level', 'parent_code', 'valid_from', 'valid_to'] }));
  writeFileSync(
    join(dataDir, 'agencies.csv'),
    'code,name_vi,name_en,unit_code,sector,has_procedures,valid_from,valid_to\n' +
      '901-MC,Bộ phận Một cửa 901,One-stop shop 901,901,hanh-chinh,true,2020-01-01,\n' +
      '90101-UBND,UBND 90101,People’s Committee 90101,90101,hanh-chinh,true,2020-01-01,\n' +
      '90102-UBND,UBND 90102,People’s Committee 90102,90102,hanh-chinh,true,2020-01-01,\n',
  );
  writeFileSync(join(dataDir, 'fields.csv'), 'code,name_vi,name_en\ndat-dai,Đất đai,Land\nxay-dung,Xây dựng,Construction\n');
  // The engine fixture's instrument, with the method note the intake requires of a published one.
  const survey = JSON.parse(readFileSync(join(FIXTURE, 'survey.json'), 'utf8'));
  survey.method_versions[0].note = { vi: 'Phương pháp thử', en: 'Test method' };
  writeFileSync(join(dataDir, 'surveys', 'fixture', 'survey.json'), JSON.stringify(survey));
  writeFileSync(
    join(dataDir, 'plans', 'golden.json'),
    JSON.stringify({
      id: 'golden',
      reference: '1/KH-TEST',
      date: '2024-01-01',
      issuer: { vi: 'UBND thử', en: 'Test committee' },
      title: { vi: 'Kế hoạch thử', en: 'Test plan' },
      unit_code: '901',
      source: { title: { vi: 'Thử', en: 'Test' }, url: null },
      targets: [
        { id: 'coverage', label: { vi: 'Độ phủ', en: 'Coverage' }, survey: 'fixture', unit_code: '901', period: '2024', indicator: 'coverage', breakdown: 'all', breakdown_values: [], comparator: '>=', threshold: 100 },
      ],
    }),
  );
  // The fixture's 12 validated responses as an office would export them: a phone column, one
  // date as DD/MM/YYYY, and a 13th row with an answer of 6.
  const lines = readFileSync(join(FIXTURE, 'responses.csv'), 'utf8').trim().split('\n');
  const out = lines.map((line, i) => `${line},${i === 0 ? 'so_dien_thoai' : '0901234567'}`.replace('r12,2024-08-08', 'r12,08/08/2024'));
  out.push('r13,2024-06-12,90201,,xay-dung,truc-tuyen,ca-nhan,6,5,5,5,5,0901234567');
  writeFileSync(join(dataDir, 'surveys', 'fixture', 'responses', '2024.csv'), `${out.join('\n')}\n`);
}

function runPipeline(publishDir: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['scripts/build-data.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dataDir, PUBLISH_DIR: publishDir, REPORTS_DIR: join(root, 'reports'), BUILD_TODAY: '2025-01-31' },
    encoding: 'utf8',
  });
}

const published = join(root, 'published');
let first: ReturnType<typeof runPipeline>;

beforeAll(() => {
  buildDataFolder();
  first = runPipeline(published);
}, 120_000);

describe('the pipeline on another DATA_DIR', () => {
  test('succeeds and says what it set aside and dropped', () => {
    expect(first.stderr + first.stdout).toMatch(/so_dien_thoai/);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/13 rows read, 12 used, 1 set aside/);
  });

  test('publishes the hand-worked numbers of cell 1 (commune 90101, 2024-Q1)', () => {
    const rows = csv(join(published, 'indices.csv')).filter(
      (r) => r.period === '2024-Q1' && r.unit_code === '90101' && r.breakdown === 'all',
    );
    const row = (indicator: string) => rows.find((r) => r.indicator === indicator);
    expect(row('A1')).toMatchObject({ n: '4', satisfied: '2', value: '50.00', ci_low: '15.00', ci_high: '85.00', status: 'ok' });
    expect(row('A2')).toMatchObject({ n: '4', satisfied: '3', value: '75.00', ci_low: '30.06', ci_high: '95.44' });
    expect(row('B2')).toMatchObject({ n: '3', value: '100.00', ci_low: '43.85', ci_high: '100.00' });
    expect(row('A')).toMatchObject({ level: 'element', n: '5', value: '58.33', ci_low: '20.69', ci_high: '95.98' });
    expect(row('B')).toMatchObject({ level: 'element', n: '4', value: '75.00', ci_low: '46.71', ci_high: '100.00' });
    expect(row('overall')).toMatchObject({ level: 'overall', n: '5', value: '66.67' });
  });

  test('quarantines the row with an answer of 6, with its line and column, and publishes only counts', () => {
    const quarantine = csv(join(root, 'reports', 'quarantine.csv'));
    expect(quarantine).toEqual([
      { file: expect.stringMatching(/2024\.csv$/), line: '14', column: 'A1', reason: "answer '6' in A1 is outside the scale 1–5" },
    ]);
    expect(csv(join(published, 'quarantine-summary.csv'))).toEqual([{ survey: 'fixture', reason: 'answer_outside_scale', rows: '1' }]);
  });

  test('publishes the 12 used responses, the DD/MM/YYYY date as ISO, and no personal-data column', () => {
    const responses = csv(join(published, 'responses-fixture.csv'));
    expect(responses).toHaveLength(12);
    expect(Object.keys(responses[0] ?? {})).not.toContain('so_dien_thoai');
    expect(readFileSync(join(published, 'responses-fixture.csv'), 'utf8')).not.toContain('0901234567');
    expect(responses.find((r) => r.response_id === 'r12')?.date).toBe('2024-08-08');
  });

  test('computes coverage and the plan target from it: 2 of the 3 agencies of district 901 measured', () => {
    // 901-MC (r8) and 90101-UBND (r1–r3) have responses in 2024; 90102-UBND has none.
    const coverage = csv(join(published, 'coverage.csv')).find((r) => r.unit_code === '901' && r.period === '2024');
    expect(coverage).toMatchObject({ agencies_registered: '3', agencies_measured: '2', coverage: '66.67' });
    const target = csv(join(published, 'targets.csv')).find((r) => r.target === 'coverage');
    expect(target).toMatchObject({ value: '66.67', gap: '-33.33', status: 'not_met', certainty: '' });
  });

  test('is deterministic: a second run gives byte-identical files', () => {
    const again = join(root, 'published-again');
    expect(runPipeline(again).status).toBe(0);
    expect(readFileSync(join(again, 'SHA256SUMS'), 'utf8')).toBe(readFileSync(join(published, 'SHA256SUMS'), 'utf8'));
  }, 120_000);
});
