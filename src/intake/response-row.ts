/**
 * The checks on one response row, in the order a reader scans it; the first failure decides the
 * row's quarantine reason. A row that passes becomes one line of the validated CSV.
 *
 * Duplicates: the first occurrence of an id (in file order, then line order) is the one kept;
 * the id counts as seen even when that first row is set aside for another reason, so a later
 * copy is never used in its place.
 */
import { answerProblem, readAnswer } from './answers.ts';
import type { CsvLineBuffer } from './csv-line-buffer.ts';
import { readDate } from './dates.ts';
import { isValidOn, sameVersion, validitiesText, type Registers } from './registers.ts';
import { CHANNELS, RESPONDENT_TYPES } from './response-columns.ts';
import type { ResponseHeader } from './response-header.ts';
import type { SeenIds } from './seen-ids.ts';
import type { QuarantineReasonCode, SurveyInstrument } from './types.ts';

export interface RowFailure {
  /** The column as named in the file; empty when the row as a whole is at fault. */
  column: string;
  reason: string;
  code: QuarantineReasonCode;
}

/** Reads a response date, or says why it cannot be used: invalid, in the future, outside every method version. */
export type DateCheck = (text: string) => string | RowFailure;

export function makeDateCheck(instrument: SurveyInstrument, today: string): DateCheck {
  const versions = instrument.method_versions;
  const cache = new Map<string, string | RowFailure>();
  const check = (text: string): string | RowFailure => {
    if (text === '') return { column: 'date', reason: 'date is empty', code: 'missing_date' };
    const reading = readDate(text);
    if ('problem' in reading) return { column: 'date', reason: `invalid date: ${reading.problem}`, code: 'invalid_date' };
    const iso = reading.iso;
    if (iso > today) return { column: 'date', reason: `date ${iso} is in the future (the build runs on ${today})`, code: 'date_out_of_range' };
    if (!versions.some((v) => isValidOn(v, iso))) {
      return {
        column: 'date',
        reason: `date ${iso} is outside every method version of survey ${instrument.id} (${validitiesText(versions)})`,
        code: 'date_out_of_range',
      };
    }
    return iso;
  };
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      // Distinct dates are few (days of a few years); the bound only guards against junk.
      if (cache.size > 100_000) cache.clear();
      result = check(text);
      cache.set(text, result);
    }
    return result;
  };
}

export interface RowCheckContext {
  header: ResponseHeader;
  instrument: SurveyInstrument;
  registers: Registers;
  checkDate: DateCheck;
  seenIds: SeenIds;
  fileIndex: number;
  /** Labels of the survey's files by index, to say where a duplicate id was first seen. */
  fileLabels: readonly string[];
}

/**
 * Checks a row: when it passes, appends its validated CSV line to `out` and returns null;
 * otherwise returns why it is set aside (and writes nothing).
 */
export function makeRowCheck(context: RowCheckContext, out: CsvLineBuffer): (cells: string[], line: number) => RowFailure | null {
  const { header, registers, seenIds, fileIndex, fileLabels, checkDate } = context;
  const { min, max } = context.instrument.scale;
  const width = header.names.length;
  // Trailing header cells without a name (a stray separator at the end of the header) are
  // dropped columns; a row may stop before them.
  let namedWidth = width;
  while (namedWidth > 0 && header.names[namedWidth - 1] === '') namedWidth--;
  const col = header.fixed;
  const name = (position: number): string => header.names[position] ?? '';
  const cell = (cells: string[], position: number): string => (position < 0 ? '' : trimmed(cells[position] ?? ''));
  const itemCount = header.items.length;
  const answers = new Array<number | null>(itemCount).fill(null);
  const scaleText: string[] = [];
  for (let v = min; v <= max; v++) scaleText[v - min] = String(v);

  return (cells, line) => {
    if (cells.length !== width && (cells.length < namedWidth || !onlyEmptyBeyond(cells, width))) {
      return { column: '', reason: `the row has ${cells.length} cells but the header has ${width} columns`, code: 'wrong_cell_count' };
    }
    const id = cell(cells, col.response_id);
    if (id === '') return { column: name(col.response_id), reason: 'response_id is empty', code: 'missing_response_id' };
    const first = seenIds.firstSeen(id, fileIndex, line);
    if (first) {
      return { column: name(col.response_id), reason: `duplicate response_id '${shorten(id)}' (first seen in ${fileLabels[first.fileIndex]} line ${first.line})`, code: 'duplicate_response_id' };
    }
    const date = checkDate(cell(cells, col.date));
    if (typeof date !== 'string') return { ...date, column: name(col.date) };

    const unitCode = cell(cells, col.unit_code);
    if (unitCode === '') return { column: name(col.unit_code), reason: 'unit_code is empty', code: 'missing_unit' };
    if (!registers.unitOn(unitCode, date)) {
      const versions = registers.unitVersions(unitCode);
      const latest = versions[versions.length - 1];
      return latest
        ? { column: name(col.unit_code), reason: `unit ${unitCode} (${latest.name_vi}) is valid ${validitiesText(versions)}, not on ${date}${successorHint(unitCode, date, registers)}`, code: 'unit_not_valid_on_date' }
        : { column: name(col.unit_code), reason: `unknown unit '${shorten(unitCode)}' (not in units.csv)${leadingZeroHint(unitCode, registers)}`, code: 'unknown_unit' };
    }

    const agencyCode = cell(cells, col.agency_code);
    if (agencyCode !== '' && !registers.agencyOn(agencyCode, date)) {
      const versions = registers.agencyVersions(agencyCode);
      const latest = versions[versions.length - 1];
      return latest
        ? {
          column: name(col.agency_code),
          reason: `agency ${agencyCode} (${latest.name_vi}) is active ${validitiesText(versions)}, not on ${date}`,
          code: 'agency_not_valid_on_date',
        }
        : { column: name(col.agency_code), reason: `unknown agency '${shorten(agencyCode)}' (not in agencies.csv)`, code: 'unknown_agency' };
    }
    const field = cell(cells, col.field);
    if (field !== '' && !registers.field(field)) {
      return { column: name(col.field), reason: `unknown field '${shorten(field)}' (not in fields.csv)`, code: 'unknown_field' };
    }
    const channel = cell(cells, col.channel);
    if (channel !== '' && !(CHANNELS as readonly string[]).includes(channel)) {
      return { column: name(col.channel), reason: `channel '${shorten(channel)}' is not one of ${CHANNELS.join(', ')}`, code: 'invalid_channel' };
    }
    const respondentType = cell(cells, col.respondent_type);
    if (respondentType !== '' && !(RESPONDENT_TYPES as readonly string[]).includes(respondentType)) {
      return { column: name(col.respondent_type), reason: `respondent_type '${shorten(respondentType)}' is not one of ${RESPONDENT_TYPES.join(', ')}`, code: 'invalid_respondent_type' };
    }

    let answered = 0;
    for (let i = 0; i < itemCount; i++) {
      const position = header.items[i] as number;
      const raw = position < 0 ? '' : (cells[position] ?? '');
      const answer = readAnswer(raw, min, max);
      if (answer === undefined) {
        const problem = answerProblem(raw, name(position), min, max);
        return { column: name(position), reason: problem.reason, code: problem.code };
      }
      if (answer !== null) answered++;
      answers[i] = answer;
    }
    if (answered === 0) return { column: '', reason: 'no item answered', code: 'no_item_answered' };

    out.cell(id);
    out.comma();
    out.plain(date);
    out.comma();
    out.cell(unitCode);
    out.comma();
    out.cell(agencyCode);
    out.comma();
    out.cell(field);
    out.comma();
    out.plain(channel);
    out.comma();
    out.plain(respondentType);
    for (let i = 0; i < itemCount; i++) {
      out.comma();
      const answer = answers[i] as number | null;
      if (answer !== null) out.plain(scaleText[answer - min] as string);
    }
    out.endLine();
    return null;
  };
}

/** Spreadsheets sometimes end rows with empty cells past the last column; those carry nothing. */
function onlyEmptyBeyond(cells: string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return false;
  return true;
}

/** `trim()` only when an end is blank: most cells are not, and trimming allocates. */
function trimmed(value: string): string {
  const last = value.length - 1;
  return last >= 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(last) <= 32) ? value.trim() : value;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/**
 * For a code used after its unit ended: where its territory went, so the person fixing the file
 * knows which code to write (method.md → Units that change). Only for a date after the version
 * that ended last; a date before any version has no successor to name.
 */
function successorHint(code: string, date: string, registers: Registers): string {
  const ended = registers.unitVersions(code).filter((v) => v.valid_to !== null && v.valid_to < date);
  const last = ended[ended.length - 1];
  if (!last) return '';
  const successors = registers.successorsOf(last);
  if (successors.length === 0) return '';
  const names = successors.map((u) => `${u.code} ${u.name_vi} (from ${u.valid_from})`);
  const whole = registers.crosswalk.some((link) => sameVersion(link.old, last) && link.whole);
  return whole
    ? `; its territory went into ${names.join(', ')}: use that code for dates from ${successors[0]?.valid_from}`
    : `; its territory was split between ${listText(names)}: use the code of the part the respondent lives in`;
}

/** `a`, `a and b`, `a, b and c`. */
function listText(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A spreadsheet that took a code for a number drops its leading zero (`01` → `1`). */
function leadingZeroHint(code: string, registers: Registers): string {
  if (!/^\d+$/.test(code)) return '';
  for (const padded of [`0${code}`, `00${code}`]) {
    if (registers.unitVersions(padded).length > 0) return `; did the spreadsheet drop a leading zero of '${padded}'? Format the column as text`;
  }
  return '';
}
