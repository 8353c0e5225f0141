/**
 * The validated responses of one survey as rows of its published responses table
 * (schemas.ts → responsesSchema): either from validated rows in memory / a generator, or streamed
 * from the validated CSV that intake writes (UTF-8, comma, header `response_id,date,unit_code,
 * agency_code,field,channel,respondent_type,` + item codes in instrument order, empty = null).
 */
import type { SurveyInstrument, ValidatedResponse } from '../intake/types.ts';
import { csvRecordBatches } from './csv-batches.ts';
import { RESPONSE_ID_COLUMNS, responsesSchema } from './schemas.ts';
import type { PrewrittenTable, RowBatches, RowSource } from './table-writer.ts';
import { checkHeader, emptyFile, wrongCellCount } from './validated-csv-shape.ts';

/** Where one survey's responses come from. */
export type ResponsesSource =
  | { instrument: SurveyInstrument; rows: Iterable<ValidatedResponse> | AsyncIterable<ValidatedResponse> }
  | { instrument: SurveyInstrument; validatedCsv: string }
  /** Already written (by responses-worker.ts, alongside the engine): moved into place. */
  | { instrument: SurveyInstrument; prewritten: PrewrittenTable };

export function itemCodes(instrument: SurveyInstrument): string[] {
  return instrument.elements.flatMap((element) => element.items.map((item) => item.code));
}

export function responseRows(source: ResponsesSource): RowSource {
  if ('prewritten' in source) throw new Error(`responses of ${source.instrument.id} are already written`);
  if (!('rows' in source)) return fromValidatedCsv(source.instrument, source.validatedCsv);
  const { instrument, rows } = source;
  const toRow = rowOfResponse(instrument);
  // Keep an in-memory source synchronous: the table writer then needs no promise per row.
  if (Symbol.iterator in rows) return mapIterable(rows, toRow);
  return mapAsyncIterable(rows, toRow);
}

function rowOfResponse(instrument: SurveyInstrument): (r: ValidatedResponse) => unknown[] {
  const items = itemCodes(instrument).length;
  return (r) => {
    if (r.answers.length !== items) {
      throw new Error(
        `survey ${instrument.id}, response ${r.response_id}: ${r.answers.length} answers for ${items} items of the instrument`,
      );
    }
    return [r.response_id, r.date, r.unit_code, r.agency_code, r.field, r.channel, r.respondent_type, ...r.answers];
  };
}

function* mapIterable<T>(rows: Iterable<T>, map: (row: T) => unknown[]): Generator<unknown[]> {
  for (const row of rows) yield map(row);
}

async function* mapAsyncIterable<T>(rows: AsyncIterable<T>, map: (row: T) => unknown[]): AsyncGenerator<unknown[]> {
  for await (const row of rows) yield map(row);
}

function fromValidatedCsv(instrument: SurveyInstrument, path: string): RowBatches {
  return { batches: validatedCsvBatches(instrument, path) };
}

async function* validatedCsvBatches(instrument: SurveyInstrument, path: string): AsyncGenerator<unknown[][]> {
  const expected = responsesSchema(instrument).fields.map((field) => field.name);
  let record = 0;
  for await (const records of csvRecordBatches(path)) {
    const rows: unknown[][] = [];
    for (const cells of records) {
      record += 1;
      if (record === 1) {
        checkHeader(path, instrument, expected, cells);
        continue;
      }
      if (cells.length !== expected.length) throw wrongCellCount(path, record, cells.length, expected.length);
      rows.push(cells.map((cell, i) => (cell === '' ? null : i < RESPONSE_ID_COLUMNS ? cell : Number(cell))));
    }
    yield rows;
  }
  if (record === 0) throw emptyFile(path, expected);
}
