/**
 * A problem in an input file that the person who prepared the file can fix. The build scripts
 * catch it and print only `format()`: a stack trace would tell a spreadsheet user nothing.
 * Row-level problems do not throw; they go to the quarantine (see quarantine.ts).
 */
export interface DataErrorInit {
  /** The file as the user knows it, e.g. `data/surveys/sipas/responses/2024.csv`. */
  file: string;
  /** Physical line (header = line 1), when the problem sits on one line. */
  line?: number;
  /** Column name in a CSV file. */
  column?: string;
  /** Field path in a JSON/YAML file, e.g. `thresholds.min_n_publish` or `elements[2].items[0].code`. */
  field?: string;
  /** What is wrong, in one sentence. */
  problem: string;
  /** What to do about it. */
  fix: string;
}

export class DataError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly field: string | undefined;
  readonly problem: string;
  readonly fix: string;

  constructor(init: DataErrorInit) {
    super(formatDataError(init));
    this.name = 'DataError';
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.field = init.field;
    this.problem = init.problem;
    this.fix = init.fix;
  }

  /** One plain message: where, what is wrong, how to fix it. */
  format(): string {
    return this.message;
  }
}

function formatDataError(init: DataErrorInit): string {
  const where = [init.file];
  if (init.line !== undefined) where.push(`line ${init.line}`);
  if (init.column !== undefined) where.push(`column '${init.column}'`);
  if (init.field !== undefined) where.push(`field ${init.field}`);
  return `${where.join(', ')}: ${init.problem}\n  How to fix: ${init.fix}`;
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}
