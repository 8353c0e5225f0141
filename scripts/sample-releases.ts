/**
 * The bundled sample's release history (data/README.md → Releases): release 2026.1 as it was
 * published on 2026-12-01, kept in data/releases/2026.1/, before release 2026.2 revised it.
 * Two things differ in 2026.1's inputs, and 2026.2's notes (site.json release.changes) say so:
 *
 * - late questionnaires: the October–November 2026 SIPAS questionnaires of Xã Ninh Sơn (22810)
 *   arrived after 2026-12-01; they are data/surveys/sipas/responses/2026-late.csv (split off
 *   2026.csv by this script when it is missing), which 2026.1 did not have;
 * - a data-entry error: 50 questionnaires of Huyện Ninh Hải (586) of 2024 were keyed on a
 *   reversed scale (5 as 1, 4 as 2, …) in 2026.1 and re-keyed from the paper forms for 2026.2.
 *
 * The script rebuilds 2026.1 from those inputs with the current pipeline and keeps it
 * (src/releases/kept-release.ts). It refuses when data/releases/2026.1 exists: delete it first
 * to regenerate (after a change to the published formats, for instance).
 *
 * Usage: npm run sample-releases
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSiteConfig } from '../src/intake/load-site-config.ts';
import { KEPT_RELEASES_DIR } from '../src/intake/provenance.ts';
import { keepRelease } from '../src/releases/kept-release.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const dataDir = join(repoRoot, 'data');
const responses = join(dataDir, 'surveys', 'sipas', 'responses');
const LATE_FILE = '2026-late.csv';
const LATE_UNIT = '22810';
const LATE_FROM = '2026-10-01';
const ERROR_UNIT = '586';
const ERROR_ROWS = 50;

const RELEASE_2026_1 = {
  version: '2026.1',
  date: '2026-12-01',
  status: 'provisional',
  provisional_periods: ['2026'],
  notes: {
    vi: 'Kết quả 11 tháng năm 2026 (phiếu đến hết ngày 30/11/2026) trên bản đồ hành chính mới; năm 2026 còn tạm thời.',
    en: 'Results for the first 11 months of 2026 (questionnaires to 30 November 2026) on the new administrative map; 2026 is still provisional.',
  },
};
const PLANNED_AT_2026_1 = [
  {
    version: '2027.1',
    date: '2027-01-20',
    status: 'final',
    notes: { vi: 'Kết quả chính thức năm 2026.', en: 'Final results for 2026.' },
  },
];

type Lines = string[];

function readLines(path: string): Lines {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
}

/** Moves Xã Ninh Sơn's October–November 2026 rows of 2026.csv into 2026-late.csv, once. */
function splitLateQuestionnaires(): void {
  if (existsSync(join(responses, LATE_FILE))) return;
  const [header = '', ...rows] = readLines(join(responses, '2026.csv'));
  const isLate = (line: string) => {
    const [, date = '', unit = ''] = line.split(',');
    return unit === LATE_UNIT && date >= LATE_FROM;
  };
  const late = rows.filter(isLate);
  if (late.length === 0) throw new Error(`no ${LATE_UNIT} rows from ${LATE_FROM} in 2026.csv`);
  writeFileSync(join(responses, '2026.csv'), [header, ...rows.filter((l) => !isLate(l))].join('\n') + '\n');
  writeFileSync(join(responses, LATE_FILE), [header, ...late].join('\n') + '\n');
  console.log(`Split ${late.length} late questionnaires of ${LATE_UNIT} into ${LATE_FILE}; run npm run provenance.`);
}

/** The first `ERROR_ROWS` rows of unit 586 in 2024.csv with their answers reversed (a → 6 − a). */
function withKeyingError(path: string): void {
  const [header = '', ...rows] = readLines(path);
  const columns = header.split(',');
  const firstItem = columns.indexOf('respondent_type') + 1;
  let left = ERROR_ROWS;
  const keyed = rows.map((line) => {
    const cells = line.split(',');
    if (left === 0 || cells[2] !== ERROR_UNIT) return line;
    left -= 1;
    return cells.map((cell, i) => (i >= firstItem && /^[1-5]$/.test(cell) ? String(6 - Number(cell)) : cell)).join(',');
  });
  if (left > 0) throw new Error(`2024.csv has fewer than ${ERROR_ROWS} rows of ${ERROR_UNIT}`);
  writeFileSync(path, [header, ...keyed].join('\n') + '\n');
}

function npm(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync('npm', args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

const target = join(dataDir, KEPT_RELEASES_DIR, RELEASE_2026_1.version);
if (existsSync(target)) {
  console.error(`${target} exists; delete it to rebuild release ${RELEASE_2026_1.version}.`);
  process.exit(1);
}
splitLateQuestionnaires();
const work = mkdtempSync(join(tmpdir(), 'sipas-release-'));
try {
  const inputs = join(work, 'data');
  cpSync(dataDir, inputs, { recursive: true, filter: (src) => !src.startsWith(join(dataDir, KEPT_RELEASES_DIR)) });
  rmSync(join(inputs, 'surveys', 'sipas', 'responses', LATE_FILE));
  withKeyingError(join(inputs, 'surveys', 'sipas', 'responses', '2024.csv'));
  const sitePath = join(inputs, 'site.json');
  const site = JSON.parse(readFileSync(sitePath, 'utf8')) as Record<string, unknown>;
  writeFileSync(sitePath, JSON.stringify({ ...site, release: RELEASE_2026_1, planned_releases: PLANNED_AT_2026_1 }, null, 2) + '\n');
  npm(['run', 'provenance'], { DATA_DIR: inputs });
  const published = join(work, 'public-data');
  npm(['run', 'data'], { DATA_DIR: inputs, PUBLISH_DIR: published, REPORTS_DIR: join(work, 'reports') });
  const config = await loadSiteConfig(inputs, () => {});
  console.log(`Kept: ${keepRelease(published, inputs, config.release, join(dataDir, KEPT_RELEASES_DIR))}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
