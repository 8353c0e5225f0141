/**
 * Writes one responses file: one survey, one year. Rows are produced month by month and district
 * by district and written as they are made, so memory stays flat whatever the row count.
 *
 * Randomness comes from streams keyed by (seed, survey, year), so a file does not change when
 * other surveys or years are generated in the same run, and from a separate defects stream, so the
 * valid rows are the same whatever --defects is.
 */
import { FIXED_COLUMNS } from '../intake/response-columns.ts';
import type { Agency, SurveyInstrument, Unit } from '../intake/types.ts';
import { apportion } from './apportion.ts';
import { FULL_COVERAGE, SURVEY_PROFILES } from './case-mix.ts';
import { CsvFileWriter } from './csv-file.ts';
import { DefectInjector, type DefectKind } from './defects.ts';
import { CaseDrawer, emptyCase, type RespondentCase } from './draw-case.ts';
import { createPrng, type Prng } from './prng.ts';
import type { Registers } from './read-registers.ts';
import { buildAnswerModel, drawAnswers, respondentMean } from './response-model.ts';
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

/** District-level units alive at some time in the year, one per code, by code. */
function districtsOfYear(units: Unit[], year: number): Unit[] {
  const seen = new Set<string>();
  return units
    .filter(
      (unit) =>
        unit.level === 'district' &&
        unit.valid_from <= `${year}-12-31` &&
        (unit.valid_to === null || unit.valid_to >= `${year}-01-01`),
    )
    .sort((a, b) => a.code.localeCompare(b.code) || a.valid_from.localeCompare(b.valid_from))
    .filter((unit) => (seen.has(unit.code) ? false : (seen.add(unit.code), true)));
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
  const { surveyId, instrument, registers, year, seed } = spec;
  const profile = SURVEY_PROFILES[surveyId];
  if (!profile) {
    throw new Error(`No respondent profile for survey "${surveyId}". Known: ${Object.keys(SURVEY_PROFILES).join(', ')}.`);
  }
  const model = buildAnswerModel(
    surveyId,
    instrument.elements.map((element) => ({ code: element.code, itemCount: element.items.length })),
  );
  const districts = districtsOfYear(registers.units, year);
  if (districts.length === 0) {
    throw new Error(`units.csv: no district-level unit is valid in ${year}; the generator samples by district.`);
  }

  const prng = createPrng(`${seed}|${surveyId}|${year}`);
  const frames = districts.map((district) => new DistrictFrame(district, year, registers.units, registers.agencies, profile.sector, seed));
  const months = Array.from({ length: 12 }, (_, index) => new MonthDays(year, index + 1));

  // Sample sizes: districts by their weight (± a few %), then months by season within a district.
  const districtCounts = apportion(
    spec.responses,
    districts.map((district) => (profile.districtWeight[district.code] ?? 1) * Math.exp(0.05 * prng.normal())),
  );
  const monthCounts = frames.map((frame, index) =>
    apportion(
      districtCounts[index] ?? 0,
      months.map((month, m) =>
        frame.isValidOn(isoDate(year, month.month, 15)) ? (profile.monthWeight[m] ?? 1) * Math.exp(0.08 * prng.normal()) : 0,
      ),
    ),
  );
  const forced = frames.map((frame, index) =>
    FULL_COVERAGE.some((entry) => entry.district === frame.district.code && entry.year === year)
      ? forcedPositions(prng, districtCounts[index] ?? 0, frame.agenciesWithProcedures())
      : new Map<number, Agency>(),
  );

  const caseDrawer = new CaseDrawer(profile, year, registers.fields.map((field) => field.code));
  const defects = new DefectInjector(
    createPrng(`${seed}|${surveyId}|${year}|defects`),
    spec.defectShare,
    new Set(registers.units.map((unit) => unit.code)),
    year,
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
          const mean = respondentMean(model, {
            district: frame.district.code,
            year,
            field: respondent.field,
            channel: respondent.channel,
            respondentType: respondent.respondentType,
          });
          drawAnswers(model, mean, prng, answers, elementDraw);
          sequence++;

          // Forced rows carry the coverage guarantee: never spoil them.
          const change = forcedAgency ? null : defects.decide();
          if (change === null) {
            writeRow(writer, idPrefix, sequence, idWidth, date, respondent, answers);
            previousIdCell = null;
            continue;
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
