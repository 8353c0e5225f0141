/**
 * Generates every requested survey × year file: splits each survey's total over the years,
 * replaces the survey's old responses files, and reports one summary line per file.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { apportion } from './apportion.ts';
import type { GenerateOptions } from './cli-options.ts';
import { generateSurveyYear, type SurveyYearResult } from './generate-survey-year.ts';
import { readInstrument, readRegisters } from './read-registers.ts';

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

export function generateSampleSet(options: GenerateOptions, log: (line: string) => void): SurveyYearResult[] {
  const registers = readRegisters(options.dataDir);
  const results: SurveyYearResult[] = [];
  for (const surveyId of options.surveys) {
    const instrument = readInstrument(options.dataDir, surveyId);
    const responsesDir = join(options.outDir, surveyId, 'responses');
    const perYear = apportion(options.responses[surveyId] ?? 0, options.years.map(() => 1));
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
      });
      log(summaryLine(surveyId, year, result));
      results.push(result);
    });
  }
  return results;
}
