/**
 * The shape checks of a validated responses CSV (header, cells per record, not empty), shared by
 * both ways of publishing it (response-rows.ts row by row, validated-responses-writer.ts from its
 * bytes) so that a stale or damaged file gets the same message whichever path reads it.
 */
import type { SurveyInstrument } from '../intake/types.ts';

/** The header must be the published field names in order; a leading byte-order mark is ignored. */
export function checkHeader(path: string, instrument: SurveyInstrument, expected: readonly string[], cells: readonly string[]): void {
  const header = cells.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '') : name));
  if (header.join(',') !== expected.join(',')) {
    throw new Error(
      `${path}: the header is ${header.join(',')} but survey ${instrument.id} expects ${expected.join(',')}. ` +
        'Re-run the intake step so the validated file matches the instrument.',
    );
  }
}

/** `record` counts the file's non-empty records from 1 (the header). */
export function wrongCellCount(path: string, record: number, cells: number, columns: number): Error {
  return new Error(`${path}, record ${record} (the header is record 1): ${cells} cells for ${columns} columns. Re-run the intake step.`);
}

export function emptyFile(path: string, expected: readonly string[]): Error {
  return new Error(`${path} is empty: it should start with the header ${expected.join(',')}. Re-run the intake step.`);
}
