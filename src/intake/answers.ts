/**
 * Reading one answer cell. Spreadsheets write whole numbers in several ways: `4`, ` 5 `, `4.0`,
 * and `4,0` where the decimal mark is a comma (a Vietnamese locale, in a `;`-separated file);
 * all are the integer. Empty or spaces only = not answered. Anything else is a bad answer and the
 * row goes to quarantine; the reason is worked out only then (`answerProblem`), keeping the
 * common path free of allocations: this runs once per item per response.
 */
import type { QuarantineReasonCode } from './types.ts';

const WHOLE = /^\+?(\d+)(?:[.,]0+)?$/;
const SIGNED_WHOLE = /^[+-]?\d+(?:[.,]0+)?$/;
const DECIMAL = /^[+-]?(?:\d+[.,]\d*|[.,]\d+)$/;

/** The answer as an integer on the scale, null when unanswered, undefined when bad. */
export function readAnswer(cell: string, min: number, max: number): number | null | undefined {
  if (cell.length === 1) {
    const digit = cell.charCodeAt(0) - 48;
    if (digit >= min && digit <= max && digit <= 9) return digit;
  }
  const text = cell.trim();
  if (text === '') return null;
  const m = WHOLE.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= min && n <= max ? n : undefined;
}

/** Why `readAnswer` refused the cell, phrased for the person fixing the file. */
export function answerProblem(cell: string, column: string, min: number, max: number): { code: QuarantineReasonCode; reason: string } {
  const text = cell.trim();
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  const scale = `the scale ${min}–${max}`;
  if (SIGNED_WHOLE.test(text)) return { code: 'answer_outside_scale', reason: `answer '${shown}' in ${column} is outside ${scale}` };
  if (DECIMAL.test(text)) return { code: 'answer_not_whole_number', reason: `answer '${shown}' in ${column} is not a whole number on ${scale}` };
  return { code: 'answer_not_a_number', reason: `answer '${shown}' in ${column} is not a number on ${scale}` };
}
