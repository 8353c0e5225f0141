import { describe, expect, it } from 'vitest';
import { DataError, isDataError } from '../../src/intake/data-error.ts';

describe('DataError', () => {
  it('formats one plain message: where, what, how to fix — no stack trace', () => {
    const error = new DataError({ file: 'data/units.csv', line: 12, column: 'level', problem: "level 'tinh' is not one of province, district, commune.", fix: 'write the level in lower case, in English.' });
    expect(error.format()).toBe("data/units.csv, line 12, column 'level': level 'tinh' is not one of province, district, commune.\n  How to fix: write the level in lower case, in English.");
    expect(error.format()).not.toContain('    at ');
    expect(isDataError(error)).toBe(true);
    expect(isDataError(new Error('x'))).toBe(false);
  });

  it('names a field path for JSON/YAML files', () => {
    expect(new DataError({ file: 'data/site.json', field: 'thresholds.min_n_rank', problem: 'must be a number.', fix: 'write a number.' }).format())
      .toBe('data/site.json, field thresholds.min_n_rank: must be a number.\n  How to fix: write a number.');
  });
});
