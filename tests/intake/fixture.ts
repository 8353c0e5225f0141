/**
 * Shared set-up for the intake tests: the tiny data folder in tests/fixtures/bad-files/data
 * (registers and the `mini` instrument, see that folder's README) and a runner that validates
 * response files into a temporary folder, capturing warnings.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegisters } from '../../src/intake/load-registers.ts';
import { loadSurvey } from '../../src/intake/load-survey.ts';
import { memoryQuarantine, type QuarantineSink } from '../../src/intake/quarantine.ts';
import type { Registers } from '../../src/intake/registers.ts';
import type { SurveyInstrument } from '../../src/intake/types.ts';
import { validateResponses, type IntakeSummary, type ValidateResponsesOptions } from '../../src/intake/validate-responses.ts';

export const BAD_FILES = fileURLToPath(new URL('../fixtures/bad-files', import.meta.url));
export const FIXTURE_DATA = join(BAD_FILES, 'data');
/** The build date the tests run on. */
export const TODAY = '2025-09-30';
/** Files are labelled by name only, so messages in assertions stay short. */
export const labelOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'intake-test-'));
}

let cached: { registers: Registers; instrument: SurveyInstrument } | undefined;

export async function fixtureData(): Promise<{ registers: Registers; instrument: SurveyInstrument }> {
  if (!cached) {
    const ignore = (): void => {};
    cached = {
      registers: await loadRegisters(FIXTURE_DATA, ignore),
      instrument: await loadSurvey(FIXTURE_DATA, 'mini', ignore),
    };
  }
  return cached;
}

export interface Run {
  summary: IntakeSummary;
  warnings: string[];
  quarantine: ReturnType<typeof memoryQuarantine>;
  /** The validated CSV as written. */
  output: string;
}

/**
 * The options the intake tests validate with: the fixture's registers and instrument, the test
 * date, files named in the bad-file corpus or by absolute path, output in a fresh folder.
 */
export async function fixtureOptions(
  files: string[],
  maxShare: number,
  collect: { warnings: string[]; quarantine: QuarantineSink },
): Promise<ValidateResponsesOptions> {
  const { registers, instrument } = await fixtureData();
  return {
    files: files.map((f) => (f.startsWith('/') ? f : join(BAD_FILES, f))),
    instrument,
    registers,
    thresholds: { max_quarantine_share: maxShare },
    outputPath: join(tempDir(), 'mini.csv'),
    quarantine: collect.quarantine,
    warn: (m) => collect.warnings.push(m),
    today: TODAY,
    labelOf,
  };
}

/** Validates `files` (names in the bad-file corpus, or absolute paths). */
export async function run(files: string[], maxShare = 1): Promise<Run> {
  const warnings: string[] = [];
  const quarantine = memoryQuarantine();
  const options = await fixtureOptions(files, maxShare, { warnings, quarantine });
  const summary = await validateResponses(options);
  return { summary, warnings, quarantine, output: readFileSync(options.outputPath, 'utf8') };
}

/** Runs and returns the error thrown (fails the test when nothing is thrown). */
export async function runError(files: string[], maxShare = 1): Promise<Error & { format?: () => string }> {
  try {
    await run(files, maxShare);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${files.join(', ')} to be refused`);
}

export const OUTPUT_HEADER = 'response_id,date,unit_code,agency_code,field,channel,respondent_type,TC1,TC2,CC1,CC2';

/** Output data lines (header checked and removed). */
export function outputRows(output: string): string[] {
  const lines = output.split('\n');
  if (lines[0] !== OUTPUT_HEADER) throw new Error(`unexpected output header: ${lines[0]}`);
  if (lines[lines.length - 1] !== '') throw new Error('output does not end with a line break');
  return lines.slice(1, -1);
}
