import { describe, expect, it } from 'vitest';
import { diffCsvTables, parseCsv } from './diff-tables.ts';

describe('parseCsv (the independent reader of the diff)', () => {
  it('reads RFC 4180: quoted commas, doubled quotes, line breaks in a cell, CRLF, an empty last cell', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', ''],
    ]);
  });

  it('reads a last record without a line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('diffCsvTables', () => {
  // Key (survey, unit). Worked by hand, row by row:
  //   sipas|585: value 90.99 → 91.30 (changed); n 200 = 200; flag '' → r is ignored.
  //   sipas|582: identical (note is the guarded '-x in both files, read as -x): unchanged.
  //   sipas|22870: only in the previous file → withdrawn.
  //   sipas|=1: only in the current file (its key is guarded as '=1 in the file) → added, key =1.
  //   The current file has a column `se` the previous lacks: 585's se 0.50 vs '' → changed;
  //   582's se is empty → unchanged.
  const previous = '\uFEFFsurvey,unit,n,value,note\nsipas,585,200,90.99,a\nsipas,582,100,89.25,\'-x\nsipas,22870,40,70.00,"b, c"\n';
  const current = "\uFEFFsurvey,unit,n,value,note,se,flag\nsipas,585,200,91.30,a,0.50,r\nsipas,582,100,89.25,'-x,,\nsipas,'=1,10,50.00,,,\n";

  it('lists changed cells, added keys and withdrawn keys, ignoring the flag', () => {
    expect(diffCsvTables(previous, current, ['survey', 'unit'])).toEqual({
      changed: [
        { key: 'sipas|585', column: 'value', previous_value: '90.99', value: '91.30' },
        { key: 'sipas|585', column: 'se', previous_value: '', value: '0.50' },
      ],
      added: ['sipas|=1'],
      withdrawn: ['sipas|22870'],
    });
  });

  it('reports the flag too when it is not ignored', () => {
    const { changed } = diffCsvTables(previous, current, ['survey', 'unit'], []);
    expect(changed.filter((c) => c.column === 'flag')).toEqual([{ key: 'sipas|585', column: 'flag', previous_value: '', value: 'r' }]);
  });

  it('undoes the formula guard of a changed text cell', () => {
    const before = "k,note\n1,'-old\n";
    const after = "k,note\n1,'+new\n";
    expect(diffCsvTables(before, after, ['k']).changed).toEqual([{ key: '1', column: 'note', previous_value: '-old', value: '+new' }]);
  });
});
