/**
 * `npm run generate -- --scope national --out DIR`: a whole data folder for the whole country
 * (or for a few of its provinces), in the layout of data/ so `DATA_DIR=DIR npm run build` builds
 * it with no other change: registers from data/national/ (national-registers.ts), the instruments,
 * fields and official figures copied from the bundled folder, a site.json that ranks the provinces
 * against each other and each province's communes against each other, seeded responses, and the
 * provenance register. The folder is generated, never committed.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegister, refreshRegister, REGISTER_COLUMNS } from '../intake/provenance.ts';
import type { GenerateOptions } from './cli-options.ts';
import { csvCell } from './csv-file.ts';
import { generateSampleSet } from './generate-sample-set.ts';
import type { SurveyYearResult } from './generate-survey-year.ts';
import {
  nationalAgencyRows,
  nationalUnitRows,
  readNationalReference,
  selectUnits,
  type AgencyRow,
  type UnitRow,
} from './national-registers.ts';

export interface NationalFolderResult {
  provinces: number;
  communes: number;
  agencies: number;
  repairedNames: string[];
  files: SurveyYearResult[];
}

const UNIT_COLUMNS = ['code', 'name_vi', 'name_en', 'level', 'parent_code', 'valid_from', 'valid_to', 'source_id', 'note'] as const;
const AGENCY_COLUMNS = ['code', 'name_vi', 'name_en', 'unit_code', 'sector', 'has_procedures', 'valid_from', 'valid_to'] as const;

function csvText<T extends UnitRow | AgencyRow>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = rows.map((row) => columns.map((column) => csvCell(String(row[column]))).join(','));
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}

/** The first day of the month after `until` (`YYYY-MM`): the release follows the last month sampled. */
export function releaseDateAfter(until: string): string {
  const [year, month] = until.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** site.json of a generated folder: one release, the provinces ranked nationally, sample data said plainly. */
export function nationalSiteConfig(options: { until: string; years: number[]; provinces: number; communes: number; whole: boolean }): object {
  const lastYear = String(options.years[options.years.length - 1]);
  const scopeVi = options.whole ? 'cả nước' : `${options.provinces} tỉnh, thành phố`;
  const scopeEn = options.whole ? 'the whole country' : `${options.provinces} provinces`;
  return {
    publisher: { vi: 'Nhóm dữ liệu mở SIPAS (dữ liệu mẫu)', en: 'SIPAS open-data group (sample data)' },
    title: {
      vi: `Chỉ số hài lòng về sự phục vụ hành chính — ${scopeVi}`,
      en: `Satisfaction Index of Public Administrative Services — ${scopeEn}`,
    },
    base_url: 'https://sipas.example.org/',
    release: {
      version: `${lastYear}.1`,
      date: releaseDateAfter(options.until),
      status: 'provisional',
      provisional_periods: [lastYear],
      notes: {
        vi: `Bản phát hành đầu tiên của bộ dữ liệu mẫu ${scopeVi}; năm ${lastYear} còn tạm thời.`,
        en: `First release of the sample data for ${scopeEn}; ${lastYear} is still provisional.`,
      },
      changes: [],
    },
    licence: { id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
    thresholds: { min_n_publish: 30, min_n_rank: 100, max_quarantine_share: 0.01 },
    rankings: [
      { level: 'province', within: 'country' },
      // Every pair of communes of a province, overall index only: 190,000 pairs a year already.
      { level: 'commune', within: 'province', compare: 'overall' },
    ],
    // 3,321 communes × every month and breakdown would be 9 million cells (most too small to
    // publish, and more than 8 GB to compute): communes get years and quarters; the provinces and
    // the country every period and breakdown but the agency one, which would list every commune's
    // offices again under its province.
    cells: {
      country: { periods: ['year', 'quarter', 'month'], breakdowns: ['field', 'channel', 'respondent_type'] },
      province: { periods: ['year', 'quarter', 'month'], breakdowns: ['field', 'channel', 'respondent_type'] },
      commune: { periods: ['year', 'quarter'], breakdowns: [] },
    },
    // Chart images, embed pages and XLSX copies for the country's and the provinces' pages, not for
    // each of 3,321 communes (80,000 files, most of the page build's time); their charts keep CSVs.
    chart_files: ['country', 'province'],
    rank_simulation: { draws: 10000, seed: 20250701 },
    sample_data: true,
    sample_note: {
      vi:
        `Các phiếu trả lời khảo sát trên trang này là dữ liệu mẫu do máy tạo ra, không phải kết quả khảo sát thật. ` +
        `Danh mục ${options.provinces} tỉnh, thành phố và ${options.communes.toLocaleString('vi-VN')} đơn vị hành chính cấp xã từ 01/07/2025 (mã số và tên) là thật và có dẫn nguồn; danh mục cơ quan, đơn vị phục vụ là danh mục mẫu.`,
      en:
        `The survey responses on this site are generated sample data, not real survey results. ` +
        `The register of ${options.provinces} provinces and ${options.communes.toLocaleString('en')} commune-level units from 1 July 2025 (codes and names) is real and cited; the register of serving agencies is a sample register.`,
    },
  };
}

const FOLDER_README = (communes: number, provinces: number, command: string) => `# A generated data folder (sample data)

Made by \`${command}\` from the repository's \`data/national/\` lists: ${provinces} provinces and
${communes} commune-level units from 1/7/2025 with their real codes and names (sources S34, S78),
a sample register of agencies, and seeded sample responses. Build it with
\`DATA_DIR=<this folder> npm run build\`. Regenerate it rather than editing it.
`;

/** Records of the copied and written files; the responses get the generator's record from refreshRegister. */
const PROVENANCE_HEAD = (date: string) =>
  [
    'path,producer,date,licence,sha256,source_ids,note',
    `README.md,project (generated),${date},CC-BY-4.0,,,what this folder is`,
    `agencies.csv,project (sample register),${date},CC-BY-4.0,,,"SAMPLE register: seven province offices per province and a service centre, health station and primary school per commune; not an official list"`,
    `site.json,project (generated),${date},CC-BY-4.0,,,"settings: one release, provinces ranked nationally, communes within their province"`,
    `units.csv,"Cục Thống kê, via data/national/",${date},public official list,,S34;S78,"the 34 provinces and commune-level units from 2025-07-01, codes and names as published"`,
  ].join('\n') + '\n';

export function writeNationalFolder(options: GenerateOptions, log: (line: string) => void, command: string): NationalFolderResult {
  const reference = readNationalReference(join(options.dataDir, 'national'));
  const selection = selectUnits(reference, { provinceCodes: options.provinces, communeCount: options.communes, seed: options.seed });
  const units = nationalUnitRows(selection);
  const agencies = nationalAgencyRows(units);
  const out = options.folderDir;
  if (existsSync(join(out, 'units.csv')) || existsSync(join(out, 'site.json'))) {
    // A folder made by an earlier run is replaced whole, so no file of another selection lingers.
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'units.csv'), csvText(UNIT_COLUMNS, units));
  writeFileSync(join(out, 'agencies.csv'), csvText(AGENCY_COLUMNS, agencies));
  cpSync(join(options.dataDir, 'fields.csv'), join(out, 'fields.csv'));
  cpSync(join(options.dataDir, 'published'), join(out, 'published'), { recursive: true });
  for (const survey of options.surveys) {
    cpSync(join(options.dataDir, 'surveys', survey, 'survey.json'), join(out, 'surveys', survey, 'survey.json'));
  }
  const whole = selection.provinces.length === reference.provinces.length && selection.communes.length === reference.communes.length;
  const site = nationalSiteConfig({ until: options.until, years: options.years, provinces: selection.provinces.length, communes: selection.communes.length, whole });
  writeFileSync(join(out, 'site.json'), `${JSON.stringify(site, null, 2)}\n`);
  writeFileSync(join(out, 'README.md'), FOLDER_README(selection.communes.length, selection.provinces.length, command));
  log(`${selection.provinces.length} provinces, ${selection.communes.length} communes, ${agencies.length} agencies → ${out}`);
  if (reference.repairedNames.length > 0) {
    log(`${reference.repairedNames.length} names of the reference held a "<br>" from its transcription, read as a space (e.g. ${reference.repairedNames.slice(0, 2).join(', ')}).`);
  }

  const files = generateSampleSet({ ...options, dataDir: out, outDir: join(out, 'surveys') }, log);
  // Copied files keep the bundled folder's records; the written ones get theirs; then every sha256.
  const bundled = readBundledRecords(options.dataDir, options.surveys);
  writeFileSync(join(out, 'provenance.csv'), PROVENANCE_HEAD(releaseDateAfter(options.until)) + bundled);
  refreshRegister(out, { sampleData: true });
  return { provinces: selection.provinces.length, communes: selection.communes.length, agencies: agencies.length, repairedNames: reference.repairedNames, files };
}

/** The bundled provenance rows of the files copied unchanged (fields, instruments, official figures). */
function readBundledRecords(dataDir: string, surveys: readonly string[]): string {
  const copied = (path: string) => path === 'fields.csv' || path.startsWith('published/') || surveys.some((s) => path === `surveys/${s}/survey.json`);
  return (readRegister(dataDir)?.entries ?? [])
    .filter(({ record }) => copied(record.path))
    .map(({ record }) => `${REGISTER_COLUMNS.map((column) => csvCell(record[column] ?? '')).join(',')}\n`)
    .join('');
}
