/**
 * Command-line options of scripts/generate-sample.ts, parsed into a plain object so the script
 * and the tests share one reading of them. Errors name the option and what to write instead.
 */
import { join, resolve } from 'node:path';
import { SAMPLE_END_MONTH } from './sample-plan.ts';

export interface GenerateOptions {
  seed: number;
  years: number[];
  surveys: string[];
  /**
   * Total rows per survey across all years, where given; a survey not listed gets the plan's own
   * size (sample-plan.ts), which is what the committed sample uses.
   */
  responses: Record<string, number>;
  /** Last month sampled, `YYYY-MM`. */
  until: string;
  /** Folder with units.csv, agencies.csv, fields.csv and surveys/<id>/survey.json. */
  dataDir: string;
  /** Folder receiving <survey>/responses/<year>.csv. */
  outDir: string;
  defectShare: number;
  /** `bundled`: responses for the registers of --data; `national`: a whole data folder from data/national/ (national-folder.ts). */
  scope: 'bundled' | 'national';
  /** Rows per year of a survey, where given (--responses-per-year, SIPAS): each year gets exactly this many. */
  responsesPerYear: Record<string, number>;
  /** National scope: the folder written (--out), and which provinces and how many communes. */
  folderDir: string;
  provinces?: string[];
  communes?: number;
  /**
   * σ of the lasting size differences between communes (sample-plan.ts → communeSizeFactor); the
   * national scope widens it, since the country's communes range from a few thousand people to
   * over a hundred thousand, so some get too few respondents to publish.
   */
  communeSpread?: number;
}

/** σ of commune sizes in a national folder (see GenerateOptions.communeSpread). */
export const NATIONAL_COMMUNE_SPREAD = 0.8;

export const USAGE = `Usage: npm run generate -- [options]
  --scope national         write a whole data folder for the country (or --provinces) into --out, from
                           data/national/ (34 provinces, 3,321 communes, real codes and names), with
                           sample agencies and responses; build it with DATA_DIR=<out> npm run build
  --responses-per-year N   SIPAS responses in each year (national scope; default 1000000)
  --provinces 01,56,79     national scope: only these provinces (default all 34)
  --communes N             national scope: at most N communes in all, spread over the provinces
  --seed N                 random seed (default 1); same options → byte-identical files
  --years 2021-2026        years, as a range or a list (2021,2023) (default 2021-2026; national 2025-2026); one file per year
  --until YYYY-MM          last month sampled (default ${SAMPLE_END_MONTH}: the sample reaches the end of
                           November 2026); later months of the last year are left out
  --responses N            SIPAS responses in total over all years (default: the plan's size — 6000 a year
                           by district to 2025-06-30, then each commune of the new Khánh Hòa its own
                           sample, ≈ 100–400 a year, plus the province offices)
  --responses-y-te N       health responses in total (default: the plan's size — 1050 a year by district,
                           then ≈ 30–60 a year per commune health station)
  --responses-giao-duc N   education responses in total (default: the plan's size, as for health)
  --surveys a,b            surveys to generate (default sipas,y-te,giao-duc)
  --data DIR               registers folder (default $DATA_DIR or ./data)
  --out DIR                output folder (default <data>/surveys); writes <out>/<survey>/responses/<year>.csv
  --defects SHARE          share of rows with a defect the intake must quarantine, and the same share
                           in loose-but-valid forms (default 0.002 when --out is not given, i.e. for
                           the committed sample; 0 when --out is given, e.g. for benchmarks)
A given --responses N is split over the years in proportion to the plan, so the years keep their shape.`;

function parseWholeNumber(option: string, text: string, minimum: number): number {
  if (!/^\d+$/.test(text) || Number(text) < minimum) {
    throw new Error(`${option} ${text}: expected a whole number ≥ ${minimum}, e.g. ${option} ${Math.max(minimum, 1000)}.`);
  }
  return Number(text);
}

export function parseYears(text: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  if (range) {
    const first = Number(range[1]);
    const last = Number(range[2]);
    if (last < first) throw new Error(`--years ${text}: the range ends before it starts; write e.g. 2021-2024.`);
    return Array.from({ length: last - first + 1 }, (_, index) => first + index);
  }
  const years = text.split(',').map((part) => part.trim());
  if (years.some((year) => !/^\d{4}$/.test(year))) {
    throw new Error(`--years ${text}: write a range (2021-2024) or a list of years (2021,2023).`);
  }
  return [...new Set(years.map(Number))].sort((a, b) => a - b);
}

/** `argv` without the node and script paths; `env` for DATA_DIR; `cwd` for relative defaults. */
export function parseGenerateOptions(argv: string[], env: Record<string, string | undefined>, cwd: string): GenerateOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? '';
    if (!argument.startsWith('--')) throw new Error(`Unexpected argument "${argument}".\n${USAGE}`);
    const [name, inline] = argument.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
    values.set(name, value);
  }
  const known = [
    '--seed', '--responses', '--responses-y-te', '--responses-giao-duc', '--years', '--until', '--surveys', '--data', '--out', '--defects',
    '--scope', '--responses-per-year', '--provinces', '--communes',
  ];
  const unknown = [...values.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);

  const scope = values.get('--scope') ?? 'bundled';
  if (scope !== 'bundled' && scope !== 'national') throw new Error(`--scope ${scope}: expected national (a whole-country folder) or bundled (the default).`);
  const national = scope === 'national';
  for (const option of ['--responses-per-year', '--provinces', '--communes']) {
    if (!national && values.has(option)) throw new Error(`${option} applies to --scope national only.`);
  }
  if (national && !values.has('--out')) throw new Error('--scope national needs --out DIR: the data folder to write (it is generated, keep it outside the repository or in a git-ignored place).');
  const years = parseYears(values.get('--years') ?? (national ? '2025-2026' : '2021-2026'));
  const until = values.get('--until') ?? SAMPLE_END_MONTH;
  const untilMatch = /^(\d{4})-(\d{2})$/.exec(until);
  if (!untilMatch || Number(untilMatch[2]) < 1 || Number(untilMatch[2]) > 12) {
    throw new Error(`--until ${until}: expected a month as YYYY-MM, e.g. --until ${SAMPLE_END_MONTH}.`);
  }
  const late = years.filter((year) => year > Number(untilMatch[1]));
  if (late.length > 0) {
    throw new Error(`--years: ${late.join(', ')} ${late.length === 1 ? 'is' : 'are'} after --until ${until}; the sample has no months there.`);
  }
  const surveys = (values.get('--surveys') ?? 'sipas,y-te,giao-duc').split(',').map((survey) => survey.trim()).filter(Boolean);
  const responses: Record<string, number> = {};
  for (const survey of surveys) {
    const option = survey === 'sipas' ? '--responses' : `--responses-${survey}`;
    const given = values.get(option);
    if (given !== undefined) responses[survey] = parseWholeNumber(option, given, 0);
  }
  const dataDir = resolve(cwd, values.get('--data') ?? env.DATA_DIR ?? 'data');
  const outGiven = values.get('--out');
  const defectText = values.get('--defects');
  const defectShare = defectText === undefined ? (outGiven === undefined ? 0.002 : 0) : Number(defectText);
  if (!Number.isFinite(defectShare) || defectShare < 0 || defectShare > 0.05) {
    throw new Error(`--defects ${defectText}: expected a share between 0 and 0.05, e.g. --defects 0.002 (0.2 % of rows).`);
  }
  const responsesPerYear: Record<string, number> = {};
  if (national) responsesPerYear.sipas = parseWholeNumber('--responses-per-year', values.get('--responses-per-year') ?? '1000000', 0);
  const provinces = values.get('--provinces')?.split(',').map((code) => code.trim()).filter(Boolean);
  const communes = values.has('--communes') ? parseWholeNumber('--communes', values.get('--communes') ?? '', 2) : undefined;
  const folderDir = outGiven === undefined ? dataDir : resolve(cwd, outGiven);
  return {
    scope,
    responsesPerYear,
    folderDir,
    ...(provinces ? { provinces } : {}),
    ...(communes !== undefined ? { communes } : {}),
    ...(national ? { communeSpread: NATIONAL_COMMUNE_SPREAD } : {}),
    seed: parseWholeNumber('--seed', values.get('--seed') ?? '1', 0),
    years,
    until,
    surveys,
    responses,
    dataDir,
    outDir: outGiven === undefined ? join(dataDir, 'surveys') : resolve(cwd, outGiven),
    defectShare,
  };
}
