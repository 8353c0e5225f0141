/**
 * Loads tests/fixtures/engine (see its README for the hand arithmetic) as the engine's typed
 * inputs, plus the responses as ValidatedResponse for the TypeScript reference.
 */
import { allCells } from '../../src/intake/load-site-config.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { BreakdownValues } from '../../src/engine/compute-indices.ts';
import { parseCrosswalk, type CrosswalkLink } from '../../src/intake/load-crosswalk.ts';
import type { SiteConfig, SurveyInstrument, Unit, ValidatedResponse } from '../../src/intake/types.ts';

export const fixtureDir = fileURLToPath(new URL('../fixtures/engine/', import.meta.url));
export const fixtureCsv = `${fixtureDir}responses.csv`;

function readCsv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(`${fixtureDir}${name}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

export const fixtureSurvey = JSON.parse(readFileSync(`${fixtureDir}survey.json`, 'utf8')) as SurveyInstrument;

export const fixtureUnits: Unit[] = readCsv('units.csv').map((row) => ({
  code: row.code!,
  name_vi: row.code!,
  name_en: row.code!,
  level: row.level as Unit['level'],
  parent_code: row.parent_code || null,
  valid_from: row.valid_from!,
  valid_to: row.valid_to || null,
}));

/**
 * 90202's move on 2024-07-01 read as a reorganisation (method.md → Units that change): all of the
 * old version went into the new one, so the old version's responses make the new one's back-cast.
 * Only the tests that say so use it; the hand arithmetic of the README is without it.
 */
export const fixtureCrosswalk: CrosswalkLink[] = parseCrosswalk(
  [{ line: 2, values: { old_commune_code: '90202', new_commune_code: '90202', whole_or_part: 'whole' } }],
  'crosswalk-2025.csv',
  fixtureUnits,
);

/**
 * The registers' breakdown values for the fixture: every value its responses record, plus a field
 * and an agency with no response (which must simply get no cell).
 */
export const fixtureBreakdownValues: BreakdownValues = {
  field: ['dat-dai', 'dau-tu', 'xay-dung'],
  channel: ['truc-tiep', 'truc-tuyen', 'buu-chinh'],
  respondent_type: ['ca-nhan', 'to-chuc'],
  agency: ['901-MC', '902-MC', '90101-UBND'],
};

const itemCodes = fixtureSurvey.elements.flatMap((element) => element.items.map((item) => item.code));

export const fixtureResponses: ValidatedResponse[] = readCsv('responses.csv').map((row) => ({
  response_id: row.response_id!,
  date: row.date!,
  unit_code: row.unit_code!,
  agency_code: row.agency_code || null,
  field: row.field || null,
  channel: row.channel || null,
  respondent_type: row.respondent_type || null,
  answers: itemCodes.map((code) => (row[code] ? Number(row[code]) : null)),
}));

export function siteWith(minNPublish: number): SiteConfig {
  return {
    publisher: { vi: 'Thử', en: 'Test' },
    title: { vi: 'Thử', en: 'Test' },
    base_url: 'https://example.org/',
    release: { version: 'test', date: '2025-01-01', status: 'final', provisional_periods: [], changes: [] },
    planned_releases: [],
    licence: { id: 'CC-BY-4.0', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
    thresholds: { min_n_publish: minNPublish, min_n_rank: 100, max_quarantine_share: 0.01 },
    province_code: '90',
    rankings: [{ level: 'district', within: 'province', compare: 'elements' }, { level: 'commune', within: 'province', compare: 'elements' }],
    rank_simulation: { draws: 100, seed: 1 },
    cells: allCells(),
    chart_files: ['country', 'province', 'district', 'commune'],
    sample_data: true,
  };
}
