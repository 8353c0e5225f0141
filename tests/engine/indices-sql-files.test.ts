// The SQL template filler (src/engine/sql-files.ts): quoting and repetition.
import { describe, expect, it } from 'vitest';
import { fillTemplate, sqlFile, sqlIdentifier, sqlIndex, sqlNumber, sqlText, sqlTextOrNull } from '../../src/engine/sql-files.ts';

describe('SQL values', () => {
  it('quote text and identifiers so no input can end the literal', () => {
    expect(sqlText("Đô Vinh's ward").sql).toBe("'Đô Vinh''s ward'");
    expect(sqlText("x'); DROP TABLE t; --").sql).toBe("'x''); DROP TABLE t; --'");
    expect(sqlIdentifier('TC"1').sql).toBe('"TC""1"');
    expect(sqlTextOrNull(null).sql).toBe('NULL');
  });
  it('refuse values that are not what they claim', () => {
    expect(() => sqlNumber(Number.NaN)).toThrow();
    expect(() => sqlIndex(-1)).toThrow();
    expect(() => sqlIndex(1.5)).toThrow();
    expect(() => sqlIdentifier('')).toThrow();
    expect(() => sqlText('a\0b')).toThrow();
  });
});

describe('templates', () => {
  it('fill scalars and repeat sections with separators, inner scopes seeing outer names', () => {
    const text = 'SELECT {{#elements|, }}({{#items| + }}x_{{i}} * {{w}}{{/items}}) AS z_{{e}}{{/elements}} FROM {{t}}';
    const filled = fillTemplate(text, [{
      t: sqlIdentifier('r'),
      w: sqlNumber(0.5),
      elements: [
        { e: sqlIndex(0), items: [{ i: sqlIndex(0) }, { i: sqlIndex(1) }] },
        { e: sqlIndex(1), items: [{ i: sqlIndex(2) }] },
      ],
    }], 'test');
    expect(filled).toBe('SELECT (x_0 * 0.5 + x_1 * 0.5) AS z_0, (x_2 * 0.5) AS z_1 FROM "r"');
  });
  it('name the file and the tag when a parameter is missing or misused', () => {
    expect(() => fillTemplate('{{nope}}', [{}], 'a.sql')).toThrow('a.sql: no value for parameter {{nope}}');
    expect(() => fillTemplate('{{#xs|,}}x', [{ xs: [] }], 'a.sql')).toThrow('never closed');
    expect(() => fillTemplate('{{xs}}', [{ xs: [] }], 'a.sql')).toThrow('is a list');
  });
  it('load a file of src/engine/sql by name only', () => {
    expect(sqlFile('cell-key')).toContain('CREATE OR REPLACE TEMP MACRO cell_key');
    expect(() => sqlFile('../secrets')).toThrow('bad SQL file name');
  });
});
