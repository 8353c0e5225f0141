/**
 * The input files the data pages need besides the published tables: the registers (unit, agency
 * and field names), the survey instruments (element and item names, method versions) and the
 * plans (target labels, document references). Read through the intake's own loaders, so the pages
 * see exactly what the pipeline saw, and read once per build: Astro renders every page in one
 * process, and re-reading units.csv for each of a hundred unit pages would cost seconds.
 */
import { loadPlans } from '../intake/load-plans.ts';
import { loadRegisters } from '../intake/load-registers.ts';
import { listSurveyIds, loadSurvey } from '../intake/load-survey.ts';
import type { Registers } from '../intake/registers.ts';
import type { Plan, SurveyInstrument } from '../intake/types.ts';
import { dataDir } from './site-config.ts';

const warn = (message: string): void => console.warn(message);

let registers: Promise<Registers> | undefined;
let surveys: Promise<SurveyInstrument[]> | undefined;
let plans: Promise<Plan[]> | undefined;

export function siteRegisters(): Promise<Registers> {
  registers ??= loadRegisters(dataDir(), warn);
  return registers;
}

/** Every instrument under `surveys/`, in folder-name order. */
export function siteSurveys(): Promise<SurveyInstrument[]> {
  surveys ??= Promise.all(listSurveyIds(dataDir()).map((id) => loadSurvey(dataDir(), id, warn)));
  return surveys;
}

/** Every plan under `plans/`, in file-name order, checked against the registers and instruments. */
export function sitePlans(): Promise<Plan[]> {
  plans ??= (async () => loadPlans(dataDir(), { registers: await siteRegisters(), surveys: await siteSurveys() }, warn))();
  return plans;
}
