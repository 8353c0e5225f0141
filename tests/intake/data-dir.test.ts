import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, resolveDataDir } from '../../src/intake/data-dir.ts';
import { DataError } from '../../src/intake/data-error.ts';
import { tempDir } from './fixture.ts';

describe('resolveDataDir', () => {
  it('uses DATA_DIR, read from the working folder when relative', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'mydata'));
    expect(resolveDataDir({ DATA_DIR: 'mydata' }, cwd)).toBe(join(cwd, 'mydata'));
    expect(resolveDataDir({ DATA_DIR: join(cwd, 'mydata') }, '/')).toBe(join(cwd, 'mydata'));
  });

  it('defaults to data/ of the project', () => {
    expect(resolveDataDir({}, '/')).toBe(join(REPO_ROOT, 'data'));
  });

  it('says what to do when the folder is missing or is a file', () => {
    const cwd = tempDir();
    const missing = (() => {
      try {
        resolveDataDir({ DATA_DIR: 'nope' }, cwd);
      } catch (error) {
        return error as DataError;
      }
    })();
    expect(missing?.format()).toBe(
      `${join(cwd, 'nope')}: the data folder named by DATA_DIR (nope) does not exist.\n` +
      '  How to fix: set DATA_DIR to the folder that holds site.json, units.csv and surveys/, or unset it to use data/ of the project.',
    );
    writeFileSync(join(cwd, 'file'), '');
    expect(() => resolveDataDir({ DATA_DIR: 'file' }, cwd)).toThrow('DATA_DIR names a file, not a folder.');
  });
});
