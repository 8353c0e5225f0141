/**
 * Writes one responses file: one survey, one year. Rows are produced month by month and district
 * by district (to 2025-06-30) or commune by commune (from 2025-07-01, sample-plan.ts) and written
 * as they are made, so memory stays flat whatever the row count. A year that spans the
 * reorganisation holds both: January–June in the old units, July–December in the new ones.
 *
 * Randomness comes from streams keyed by (seed, survey, year), so a file does not change when
 * other surveys or years are generated in the same run, and from a separate defects stream, so the
 * valid rows are the same whatever --defects is.
 */
import { FIXED_COLUMNS } from '../intake/response-columns.ts';
import type { Agency, SurveyInstrument, Unit } from '../intake/types.ts';
import { apportion } from './apportion.ts';
import { COMMUNE_PLAN, FULL_COVERAGE, SURVEY_PROFILES, type SurveyProfile } from './case-mix.ts';
import { CsvFileWriter } from './csv-file.ts';
import { DefectInjector, retiredCodeFinder, type DefectKind } from './defects.ts';
import { CaseDrawer, emptyCase, type RespondentCase } from './draw-case.ts';
import { createPrng, type Prng } from './prng.ts';
import type { Registers } from './read-registers.ts';
import { buildAnswerModel, communeEffect, drawAnswers, respondentMean, transitionEffect, type RespondentContext } from './response-model.ts';
import {
  areaHasOffices,
  areasOfYear,
  communeAnnualPlan,
  monthKey,
  plannedGroups,
  provinceOfficesAnnualPlan,
  validAllMonth,
  yearShare,
  type Area,
} from './sample-plan.ts';
import { DistrictFrame } from './sampling-frame.ts';
import { isoDate, MonthDays } from './survey-dates.ts';

export interface SurveyYearSpec {
  surveyId: string;
  instrument: SurveyInstrument;
  registers: Registers;
  year: number;
  /** Exact number of rows to write. */
  responses: number;
  seed: number;
  /** Share of rows given a defect the intake must quarantine (the same share again gets a loose form). */
  defectShare: number;
  outFile: string;
  /** Last month sampled, `YYYY-MM` (sample-plan.ts → SAMPLE_END_MONTH). */
  until: string;
  /** σ of commune sizes (sample-plan.ts → communeSizeFactor); the bundled sample's when absent. */
  communeSpread?: number;
}

export interface SurveyYearResult {
  path: string;
  rows: number;
  bytes: number;
  /** Rows the intake must quarantine, by reason. */
  defects: Record<DefectKind, number>;
  /** Valid rows written in a loose form (DD/MM/YYYY, 4.0, " 5 "). */
  looseRows: number;
}

/** Header of the responses file: the fixed columns, then one column per item. */
export function responsesHeader(instrument: SurveyInstrument): string[] {
  return [...FIXED_COLUMNS, ...instrument.elements.flatMap((element) => element.items.map((item) => item.column))];
}

/**
 * Positions (0-based, within the district's rows of the year) at which each agency that must be
 * covered gets a respondent: distinct random positions, so forced rows spread over the year.
 */
function forcedPositions(prng: Prng, rowCount: number, agencies: Agency[]): Map<number, Agency> {
  const positions = new Map<number, Agency>();
  for (const agency of agencies.slice(0, rowCount)) {
    let position = prng.int(rowCount);
    while (positions.has(position)) position = prng.int(rowCount);
    positions.set(position, agency);
  }
  return positions;
}

const ANSWER_TEXT = ['', '1', '2', '3', '4', '5'] as const;

export function generateSurveyYear(spec: SurveyYearSpec): SurveyYearResult {
  const { surveyId, instrument, registers, year, seed, until, communeSpread } = spec;
  const profile = SURVEY_PROFILES[surveyId];
  if (!profile) {
    throw new Error(`No respondent profile for survey "${surveyId}". Known: ${Object.keys(SURVEY_PROFILES).join(', ')}.`);
  }
  const model = buildAnswerModel(
    surveyId,
    instrument.elements.map((element) => ({ code: element.code, itemCount: element.items.length })),
  );
  const areas = areasOfYear(registers.units, year);
  if (areas.length === 0) {
    throw new Error(
      `units.csv: no district-level unit, and no province with commune-level units directly under it, is valid in ${year}; the generator samples by district or by commune.`,
    );
  }
  const districts = areas.filter((area) => area.design === 'districts').map((area) => area.unit);
  const communeAreas = areas.filter((area) => area.design === 'communes');

  const prng = createPrng(`${seed}|${surveyId}|${year}`);
  const frames = districts.map((district) => new DistrictFrame(district, year, registers.units, registers.agencies, profile.sector, seed));
  const areaFrames = communeAreas.map((area) => new DistrictFrame(area.unit, year, registers.units, registers.agencies, profile.sector, seed));
  const months = Array.from({ length: 12 }, (_, index) => new MonthDays(year, index + 1));
  const sampled = (month: number): boolean => monthKey(year, month) <= until;

  // The year's rows split between the district design and each commune-design area by plan.
  const hasOffices = (area: Area): boolean => areaHasOffices(registers.agencies, area, profile.sector);
  const planned = plannedGroups(areas, { surveyId, profile, year, until, seed, hasOffices, ...(communeSpread !== undefined ? { communeSpread } : {}) });
  const groupCounts = apportion(spec.responses, [planned.districts, ...planned.communeAreas]);

  // District design (to 2025-06-30): districts by their weight (± a few %), then months by season.
  const districtCounts = apportion(
    groupCounts[0] ?? 0,
    districts.map((district) => (profile.districtWeight[district.code] ?? 1) * Math.exp(0.05 * prng.normal())),
  );
  const monthCounts = frames.map((frame, index) =>
    apportion(
      districtCounts[index] ?? 0,
      months.map((month, m) =>
        sampled(month.month) && frame.isValidOn(isoDate(year, month.month, 15))
          ? (profile.monthWeight[m] ?? 1) * Math.exp(0.08 * prng.normal())
          : 0,
      ),
    ),
  );
  const forced = frames.map((frame, index) =>
    FULL_COVERAGE.some((entry) => entry.district === frame.district.code && entry.year === year)
      ? forcedPositions(prng, districtCounts[index] ?? 0, frame.agenciesWithProcedures())
      : new Map<number, Agency>(),
  );

  // Commune design (from 2025-07-01): each commune and the area's offices a planned sample.
  const areaStrata = communeAreas.map((area, index) =>
    planStrata(area, groupCounts[index + 1] ?? 0, { surveyId, profile, year, seed, sampled, prng, hasOffices: hasOffices(area), registers, communeSpread }),
  );

  const caseDrawer = new CaseDrawer(profile, year, registers.fields.map((field) => field.code));
  const defects = new DefectInjector(
    createPrng(`${seed}|${surveyId}|${year}|defects`),
    spec.defectShare,
    new Set(registers.units.map((unit) => unit.code)),
    year,
    retiredCodeFinder(registers.units, registers.crosswalk),
  );
  const header = responsesHeader(instrument);
  const itemCount = header.length - FIXED_COLUMNS.length;
  const answers = new Int8Array(itemCount);
  const elementDraw = new Float64Array(instrument.elements.length);
  const respondent: RespondentCase = emptyCase();
  const idPrefix = `${surveyId.toUpperCase()}-${year}-`;
  const idWidth = Math.max(6, String(spec.responses).length);
  const responseId = (n: number): string => idPrefix + String(n).padStart(idWidth, '0');
  let sequence = 0;
  /** Id written on the previous row when it differs from its sequence number (a duplicated id). */
  let previousIdCell: string | null = null;
  const districtRowIndex = new Int32Array(districts.length);

  const writer = new CsvFileWriter(spec.outFile);
  /** Answers and writes the row of `respondent` (already drawn) on `date`. */
  const emit = (date: string, area: string, unitEffect: number | undefined, forcedAgency: Agency | null): void => {
    const context: RespondentContext = {
      district: area,
      year,
      field: respondent.field,
      channel: respondent.channel,
      respondentType: respondent.respondentType,
    };
    if (unitEffect !== undefined) context.unitEffect = unitEffect;
    drawAnswers(model, respondentMean(model, context), prng, answers, elementDraw);
    sequence++;

    // Forced rows carry the coverage guarantee: never spoil them.
    const change = forcedAgency ? null : defects.decide();
    if (change === null) {
      writeRow(writer, idPrefix, sequence, idWidth, date, respondent, answers);
      previousIdCell = null;
      return;
    }
    // Rare path: a row to spoil or loosen goes through an array of cells.
    const id = responseId(sequence);
    const cells = [id, date, respondent.unitCode, respondent.agency?.code ?? '', respondent.field, respondent.channel, respondent.respondentType];
    for (let c = 0; c < itemCount; c++) cells.push(ANSWER_TEXT[answers[c] ?? 0] ?? '');
    if (change === 'defect') defects.spoil(cells, previousIdCell ?? (sequence > 1 ? responseId(sequence - 1) : null));
    else defects.loosen(cells);
    // A duplicated id stays the "previous id" of the next row; otherwise the sequence gives it.
    previousIdCell = cells[0] === id ? null : (cells[0] ?? null);
    writer.line(cells);
  };
  try {
    writer.line(header);
    for (const month of months) {
      frames.forEach((frame, d) => {
        const count = monthCounts[d]?.[month.month - 1] ?? 0;
        const days = month.drawSorted(prng, count);
        for (let k = 0; k < count; k++) {
          const date = month.isoDays[days[k] ?? 0] ?? isoDate(year, month.month, 1);
          const rowInDistrict = districtRowIndex[d] ?? 0;
          districtRowIndex[d] = rowInDistrict + 1;
          const forcedAgency = forced[d]?.get(rowInDistrict) ?? null;
          caseDrawer.draw(prng, frame, frame.on(date), forcedAgency, respondent);
          emit(date, frame.district.code, undefined, forcedAgency);
        }
      });
      areaFrames.forEach((frame, a) => {
        for (const stratum of areaStrata[a] ?? []) {
          const count = stratum.monthCounts[month.month - 1] ?? 0;
          const days = month.drawSorted(prng, count);
          for (let k = 0; k < count; k++) {
            const date = month.isoDays[days[k] ?? 0] ?? isoDate(year, month.month, 1);
            const day = frame.on(date);
            if (stratum.commune) caseDrawer.drawInCommune(prng, day, stratum.commune.code, respondent);
            else caseDrawer.drawAtAreaOffices(prng, frame, day, respondent);
            emit(date, frame.district.code, stratum.effect + transitionEffect(model, date), null);
          }
        }
      });
    }
  } catch (error) {
    writer.abort();
    throw error;
  }
  const bytes = writer.close();
  return { path: spec.outFile, rows: sequence, bytes, defects: defects.counts, looseRows: defects.looseRows };
}

/** One commune's sample, or (commune null) the area offices' sample, in one year of the commune design. */
interface Stratum {
  commune: Unit | null;
  /** Unit effect of its respondents (response-model.ts → communeEffect; 0 for the offices). */
  effect: number;
  monthCounts: number[];
}

interface StrataContext {
  surveyId: string;
  profile: SurveyProfile;
  year: number;
  seed: number;
  sampled: (month: number) => boolean;
  prng: Prng;
  hasOffices: boolean;
  registers: Registers;
  communeSpread: number | undefined;
}

/**
 * The strata of a commune-design area for the year: `total` rows split over its communes and
 * offices by their plans × the share of the year they are sampled × a yearly wobble
 * exp(σ_y · z), then each stratum's rows over its months by season (± 8 %), as the districts.
 */
function planStrata(area: Area, total: number, context: StrataContext): Stratum[] {
  const { surveyId, profile, year, seed, sampled, prng } = context;
  const monthsOf = (row: { valid_from: string; valid_to: string | null } | null): boolean[] =>
    Array.from(
      { length: 12 },
      (_, m) => sampled(m + 1) && validAllMonth(area.unit, year, m + 1) && (row === null || validAllMonth(row, year, m + 1)),
    );
  const predecessors = (code: string): string[] =>
    context.registers.crosswalk.filter((row) => row.newCommune === code).map((row) => row.oldDistrict);
  const strata = [
    ...area.communes.map((commune) => ({
      commune,
      annual: communeAnnualPlan(surveyId, commune, seed, context.communeSpread),
      effect: communeEffect(surveyId, commune.code, predecessors(commune.code), seed),
      months: monthsOf(commune),
    })),
    { commune: null, annual: provinceOfficesAnnualPlan(surveyId, context.hasOffices), effect: 0, months: monthsOf(null) },
  ];
  const counts = apportion(
    total,
    strata.map(
      (stratum) =>
        stratum.annual * yearShare(profile, (month) => stratum.months[month - 1] === true) * Math.exp(COMMUNE_PLAN.yearly * prng.normal()),
    ),
  );
  return strata.map((stratum, index) => ({
    commune: stratum.commune,
    effect: stratum.effect,
    monthCounts: apportion(
      counts[index] ?? 0,
      stratum.months.map((inSample, m) => (inSample ? (profile.monthWeight[m] ?? 1) * Math.exp(0.08 * prng.normal()) : 0)),
    ),
  }));
}

/** The common path, straight into the writer's buffer: no per-row strings for the collector. */
function writeRow(
  writer: CsvFileWriter,
  idPrefix: string,
  sequence: number,
  idWidth: number,
  date: string,
  respondent: RespondentCase,
  answers: Int8Array,
): void {
  writer.text(idPrefix);
  writer.zeroPadded(sequence, idWidth);
  writer.comma();
  writer.text(date);
  writer.cell(respondent.unitCode);
  writer.cell(respondent.agency?.code ?? '');
  writer.cell(respondent.field);
  writer.cell(respondent.channel);
  writer.cell(respondent.respondentType);
  for (let c = 0; c < answers.length; c++) writer.digitCell(answers[c] ?? 0);
  writer.endLine();
}
