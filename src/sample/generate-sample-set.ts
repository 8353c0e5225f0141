/**
 * Generates every requested survey × year file: splits each survey's total over the years,
 * replaces the survey's old responses files, and reports one summary line per file.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { apportion } from './apportion.ts';
import type { GenerateOptions } from './cli-options.ts';
import { generateSurveyYear, type SurveyYearResult } from './generate-survey-year.ts';
import { SURVEY_PROFILES } from './case-mix.ts';
import { readInstrument, readRegisters, type Registers } from './read-registers.ts';
import { areaHasOffices, areasOfYear, plannedGroups, type Area } from './sample-plan.ts';

/** Deletes `<dir>/*.csv` so files of years no longer generated do not linger. */
function removeOldResponses(directory: string): void {
  if (!existsSync(directory)) return;
  for (const name of readdirSync(directory)) {
    if (name.endsWith('.csv') || name.endsWith('.csv.partial')) rmSync(join(directory, name));
  }
}

export function summaryLine(surveyId: string, year: number, result: SurveyYearResult): string {
  const defectRows = Object.values(result.defects).reduce((sum, count) => sum + count, 0);
  const byKind = Object.entries(result.defects)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  return (
    `${surveyId} ${year}: ${result.rows} rows, ${result.bytes} bytes, ` +
    `${defectRows} defect rows${byKind ? ` (${byKind})` : ''}, ${result.looseRows} loose-form rows → ${result.path}`
  );
}

/**
 * Rows the plan gives a survey in a year, rounded: 6000 for a whole SIPAS year by district, the
 * communes' and offices' plans after 2025-07-01, both parts' shares in 2025.
 */
export function plannedRows(surveyId: string, registers: Registers, year: number, until: string, seed: number, communeSpread?: number): number {
  const profile = SURVEY_PROFILES[surveyId];
  if (!profile) return 0;
  const hasOffices = (area: Area): boolean => areaHasOffices(registers.agencies, area, profile.sector);
  const groups = plannedGroups(areasOfYear(registers.units, year), { surveyId, profile, year, until, seed, hasOffices, ...(communeSpread !== undefined ? { communeSpread } : {}) });
  return Math.round(groups.districts + groups.communeAreas.reduce((sum, rows) => sum + rows, 0));
}

export function generateSampleSet(options: GenerateOptions, log: (line: string) => void): SurveyYearResult[] {
  const registers = readRegisters(options.dataDir);
  const results: SurveyYearResult[] = [];
  for (const surveyId of options.surveys) {
    const instrument = readInstrument(options.dataDir, surveyId);
    const responsesDir = join(options.outDir, surveyId, 'responses');
    // Each year's planned size (sample-plan.ts); a given total is split in the same proportions.
    const planned = options.years.map((year) => plannedRows(surveyId, registers, year, options.until, options.seed, options.communeSpread));
    const given = options.responses[surveyId];
    const givenPerYear = options.responsesPerYear[surveyId];
    const perYear =
      givenPerYear !== undefined ? options.years.map(() => givenPerYear) : given === undefined ? planned : apportion(given, planned);
    removeOldResponses(responsesDir);
    options.years.forEach((year, index) => {
      const result = generateSurveyYear({
        surveyId,
        instrument,
        registers,
        year,
        responses: perYear[index] ?? 0,
        seed: options.seed,
        defectShare: options.defectShare,
        outFile: join(responsesDir, `${year}.csv`),
        until: options.until,
        ...(options.communeSpread !== undefined ? { communeSpread: options.communeSpread } : {}),
      });
      log(summaryLine(surveyId, year, result));
      results.push(result);
    });
  }
  return results;
}
