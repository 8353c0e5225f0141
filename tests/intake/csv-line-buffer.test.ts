import { readFileSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvLineBuffer } from '../../src/intake/csv-line-buffer.ts';
import { tempDir } from './fixture.ts';

function written(fill: (out: CsvLineBuffer) => void, initialBytes?: number): string {
  const path = join(tempDir(), 'out.csv');
  const fd = openSync(path, 'w');
  const out = new CsvLineBuffer(initialBytes);
  fill(out);
  out.flushTo(fd);
  closeSync(fd);
  return readFileSync(path, 'utf8');
}

describe('CsvLineBuffer', () => {
  it('writes cells as UTF-8, quoting only those that hold a comma, a quote or a line break', () => {
    expect(written((out) => {
      for (const value of ['R1', 'a,b', 'say "hi"', 'two\nlines', 'Phường Đô Vinh', 'Phường, "A"', '']) {
        out.cell(value);
        out.comma();
      }
      out.plain('2024-03-05');
      out.endLine();
    })).toBe('R1,"a,b","say ""hi""","two\nlines",Phường Đô Vinh,"Phường, ""A""",,2024-03-05\n');
  });

  it('grows past its initial size without losing bytes, on the plain and the quoted path', () => {
    expect(written((out) => {
      for (let i = 0; i < 1000; i++) {
        out.cell('sipas-2024-00000001');
        out.comma();
        out.cell('Đô Vinh, "A"');
        out.endLine();
      }
    }, 16)).toBe('sipas-2024-00000001,"Đô Vinh, ""A"""\n'.repeat(1000));
  });
});
