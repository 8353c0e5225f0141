/**
 * Realistic data-entry errors, so the intake's quarantine is exercised by the committed sample and
 * not only by test fixtures. Two kinds:
 * - defects: rows the intake must set aside (answer 0 or 6 or 4.5, an impossible date, an unknown
 *   unit code, a response id used twice, and — once communes have been merged — an old commune code
 *   on a date after it ended, e.g. 22816 Xã Lương Sơn in 2026 for Xã Lâm Sơn 22813, as an office
 *   still using last year's form would write it);
 * - loose forms: valid values written the way spreadsheets do (`31/12/2024`, `4.0`, ` 5 `) that
 *   the intake must ACCEPT as 2024-12-31, 4 and 5.
 * Both work on the row's cells after they are formed, in the column order of the responses CSV.
 */
import type { Prng } from './prng.ts';

/** Column positions in a responses row; answers start at FIRST_ANSWER. */
export const COLUMN = { id: 0, date: 1, unit: 2 } as const;
export const FIRST_ANSWER = 7;

export const DEFECT_KINDS = [
  'answer-out-of-scale',
  'answer-not-integer',
  'impossible-date',
  'unknown-unit',
  'duplicate-id',
  // Last on purpose: it is drawn only where a retired code exists, and the other kinds keep their
  // positions, so rows dated before any code retired are spoiled exactly as they always were.
  'retired-unit',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

export const LOOSE_FORMS = ['date-dd-mm-yyyy', 'answer-decimal-zero', 'answer-padded'] as const;
export type LooseForm = (typeof LOOSE_FORMS)[number];

/** Answer cells that hold a value, or every answer cell when none does. */
function answeredColumns(cells: string[]): number[] {
  const answered: number[] = [];
  for (let i = FIRST_ANSWER; i < cells.length; i++) if (cells[i] !== '') answered.push(i);
  if (answered.length > 0) return answered;
  const all: number[] = [];
  for (let i = FIRST_ANSWER; i < cells.length; i++) all.push(i);
  return all;
}

function pickAnswerColumn(cells: string[], prng: Prng): number {
  const columns = answeredColumns(cells);
  return columns[prng.int(columns.length)] ?? FIRST_ANSWER;
}

/**
 * A code that looks like a typo of `code` (a digit doubled, or two digits swapped) and is not in
 * `knownCodes` at any date, so the intake reports it as unknown rather than out of validity.
 */
export function mistypedUnitCode(code: string, knownCodes: ReadonlySet<string>, prng: Prng): string {
  const candidates: string[] = [];
  for (let i = 0; i < code.length; i++) candidates.push(code.slice(0, i + 1) + code.slice(i));
  for (let i = 0; i + 1 < code.length; i++) {
    candidates.push(code.slice(0, i) + (code[i + 1] ?? '') + (code[i] ?? '') + code.slice(i + 2));
  }
  const unknown = candidates.filter((candidate) => candidate !== code && !knownCodes.has(candidate));
  return unknown[prng.int(unknown.length)] ?? '99999';
}

/** Codes that have ended before `isoDate` and fit a row of unit `unitCode` on that date. */
export type RetiredCodeFinder = (isoDate: string, unitCode: string) => string[];

/**
 * The old codes a row of `unitCode` on `isoDate` could wrongly carry: first the unit's own
 * predecessors (crosswalk rows into it) that have no version valid on the date — 22816 for
 * 22813 Xã Lâm Sơn in 2026, but not 22813 itself, whose code the new commune reuses; when it has
 * none, any commune-level code of the register whose versions all ended before the date.
 */
export function retiredCodeFinder(
  units: readonly { code: string; level: string; valid_from: string; valid_to: string | null }[],
  crosswalk: readonly { oldCommune: string; newCommune: string }[],
): RetiredCodeFinder {
  const versions = new Map<string, { valid_from: string; valid_to: string | null }[]>();
  for (const unit of units) if (unit.level === 'commune') versions.set(unit.code, [...(versions.get(unit.code) ?? []), unit]);
  const retiredOn = (code: string, isoDate: string): boolean => {
    const own = versions.get(code) ?? [];
    return own.length > 0 && own.every((version) => version.valid_to !== null && version.valid_to < isoDate);
  };
  return (isoDate, unitCode) => {
    const predecessors = [...new Set(crosswalk.filter((row) => row.newCommune === unitCode).map((row) => row.oldCommune))]
      .filter((code) => retiredOn(code, isoDate))
      .sort();
    if (predecessors.length > 0) return predecessors;
    return [...versions.keys()].filter((code) => retiredOn(code, isoDate)).sort();
  };
}

export interface DefectContext {
  /** Id of the row written just before, for a duplicate. */
  previousId: string | null;
  /** Every unit code in units.csv, whatever its validity. */
  knownUnitCodes: ReadonlySet<string>;
  year: number;
  /** Old codes for the retired-unit kind. */
  retiredCodes: RetiredCodeFinder;
}

/** Turns a valid row into one the intake must quarantine. Returns the kind actually applied. */
export function injectDefect(cells: string[], kind: DefectKind, prng: Prng, context: DefectContext): DefectKind {
  switch (kind) {
    case 'answer-out-of-scale':
      cells[pickAnswerColumn(cells, prng)] = prng.next() < 0.5 ? '6' : '0';
      return kind;
    case 'answer-not-integer':
      cells[pickAnswerColumn(cells, prng)] = '4.5';
      return kind;
    case 'impossible-date':
      // 31 February in the Vietnamese order, or month 13 in ISO order.
      cells[COLUMN.date] = prng.next() < 0.5 ? `31/02/${context.year}` : `${context.year}-13-01`;
      return kind;
    case 'unknown-unit':
      cells[COLUMN.unit] = mistypedUnitCode(cells[COLUMN.unit] ?? '', context.knownUnitCodes, prng);
      return kind;
    case 'duplicate-id':
      if (context.previousId === null) {
        // The first row of a file has nothing to duplicate: fall back to an out-of-scale answer.
        return injectDefect(cells, 'answer-out-of-scale', prng, context);
      }
      cells[COLUMN.id] = context.previousId;
      return kind;
    case 'retired-unit': {
      const codes = context.retiredCodes(cells[COLUMN.date] ?? '', cells[COLUMN.unit] ?? '');
      // No code had ended by the row's date: a mistyped code instead.
      if (codes.length === 0) return injectDefect(cells, 'unknown-unit', prng, context);
      cells[COLUMN.unit] = codes[prng.int(codes.length)] ?? '';
      return kind;
    }
  }
}

/** Rewrites a valid value in a spreadsheet's loose but acceptable form. */
export function applyLooseForm(cells: string[], form: LooseForm, prng: Prng): void {
  switch (form) {
    case 'date-dd-mm-yyyy': {
      const [year, month, day] = (cells[COLUMN.date] ?? '').split('-');
      cells[COLUMN.date] = `${day}/${month}/${year}`;
      return;
    }
    case 'answer-decimal-zero': {
      const column = pickAnswerColumn(cells, prng);
      if (cells[column] !== '') cells[column] = `${cells[column]}.0`;
      return;
    }
    case 'answer-padded': {
      const column = pickAnswerColumn(cells, prng);
      if (cells[column] !== '') cells[column] = ` ${cells[column]} `;
      return;
    }
  }
}

/**
 * The defect bookkeeping of one file: which rows get spoiled or loosened (each with probability
 * `share`, from its own random stream), and how many of each.
 */
export class DefectInjector {
  readonly counts = Object.fromEntries(DEFECT_KINDS.map((kind) => [kind, 0])) as Record<DefectKind, number>;
  looseRows = 0;
  private readonly prng: Prng;
  private readonly share: number;
  private readonly knownUnitCodes: ReadonlySet<string>;
  private readonly year: number;
  private readonly retiredCodes: RetiredCodeFinder;

  constructor(prng: Prng, share: number, knownUnitCodes: ReadonlySet<string>, year: number, retiredCodes: RetiredCodeFinder = () => []) {
    this.prng = prng;
    this.share = share;
    this.knownUnitCodes = knownUnitCodes;
    this.year = year;
    this.retiredCodes = retiredCodes;
  }

  /** 'defect' with probability share, 'loose' with probability share, else null (most rows). */
  decide(): 'defect' | 'loose' | null {
    if (this.share <= 0) return null;
    const draw = this.prng.next();
    return draw < this.share ? 'defect' : draw < 2 * this.share ? 'loose' : null;
  }

  spoil(cells: string[], previousId: string | null): void {
    const retiredPossible = this.retiredCodes(cells[COLUMN.date] ?? '', cells[COLUMN.unit] ?? '').length > 0;
    const kindCount = retiredPossible ? DEFECT_KINDS.length : DEFECT_KINDS.length - 1;
    const kind = DEFECT_KINDS[this.prng.int(kindCount)] ?? 'answer-out-of-scale';
    const context = { previousId, knownUnitCodes: this.knownUnitCodes, year: this.year, retiredCodes: this.retiredCodes };
    this.counts[injectDefect(cells, kind, this.prng, context)]++;
  }

  loosen(cells: string[]): void {
    applyLooseForm(cells, LOOSE_FORMS[this.prng.int(LOOSE_FORMS.length)] ?? 'answer-padded', this.prng);
    this.looseRows++;
  }
}
