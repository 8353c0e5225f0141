import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { fileLabel } from '../../src/intake/file-label.ts';
import { openQuarantineFile, QUARANTINE_REASONS } from '../../src/intake/quarantine.ts';
import { validateResponses } from '../../src/intake/validate-responses.ts';
import { BAD_FILES, fixtureData, tempDir, TODAY } from './fixture.ts';

describe('openQuarantineFile', () => {
  it('writes file,line,column,reason with a BOM, CRLF, RFC 4180 quotes and formula-safe cells', () => {
    const reports = join(tempDir(), 'reports');
    const sink = openQuarantineFile(reports);
    sink.add({ file: 'a.csv', line: 4, column: 'TC1', reason: "answer '6' in TC1 is outside the scale 1–5", reason_code: 'answer_outside_scale' });
    sink.add({ file: 'a.csv', line: 7, column: '=HYPERLINK("x")', reason: 'unknown field \'a,b\' (not in fields.csv)', reason_code: 'unknown_field' });
    sink.add({ file: 'b.csv', line: 2, column: 'unit_code', reason: "unknown unit '9' (not in units.csv)", reason_code: 'unknown_unit' });
    sink.add({ file: 'b.csv', line: 3, column: 'TC2', reason: "answer '0' in TC2 is outside the scale 1–5", reason_code: 'answer_outside_scale' });
    sink.close();
    expect(readFileSync(join(reports, 'quarantine.csv'), 'utf8')).toBe([
      '\uFEFFfile,line,column,reason',
      "a.csv,4,TC1,answer '6' in TC1 is outside the scale 1–5",
      `a.csv,7,"'=HYPERLINK(""x"")","unknown field 'a,b' (not in fields.csv)"`,
      "b.csv,2,unit_code,unknown unit '9' (not in units.csv)",
      "b.csv,3,TC2,answer '0' in TC2 is outside the scale 1–5",
      '',
    ].join('\r\n'));
    // 2 outside the scale, then the ones by code order: unknown_field before unknown_unit.
    expect(sink.countsByReason().map((r) => [r.reason_code, r.count, r.label.vi])).toEqual([
      ['answer_outside_scale', 2, 'Câu trả lời ngoài thang điểm'],
      ['unknown_field', 1, 'Lĩnh vực không có trong danh mục'],
      ['unknown_unit', 1, 'Mã đơn vị hành chính không có trong danh mục'],
    ]);
  });

  it('has a Vietnamese and an English label for every reason code', () => {
    for (const label of Object.values(QUARANTINE_REASONS)) expect(label.vi && label.en).toBeTruthy();
  });

  it('is complete on disk when the build stops on too many set-aside rows, and the message says where it is', async () => {
    const { registers, instrument } = await fixtureData();
    const root = tempDir();
    const sink = openQuarantineFile(join(root, 'reports'));
    const error = await validateResponses({
      files: [join(BAD_FILES, 'too-many-quarantined.csv')],
      instrument,
      registers,
      thresholds: { max_quarantine_share: 0.01 },
      outputPath: join(root, 'validated', 'mini.csv'),
      quarantine: sink,
      warn: () => {},
      today: TODAY,
      labelOf: (path) => (path.startsWith(root) ? fileLabel(path, root) : basename(path)),
    }).catch((e: unknown) => e);
    expect((error as DataError).fix).toBe("open reports/quarantine.csv to see each set-aside row's line, column and reason; correct the file and build again.");
    expect(readFileSync(join(root, 'reports', 'quarantine.csv'), 'utf8').split('\r\n').slice(1)).toEqual([
      "too-many-quarantined.csv,4,unit_code,unknown unit '9999' (not in units.csv)",
      "too-many-quarantined.csv,7,TC1,answer '6' in TC1 is outside the scale 1–5",
      '',
    ]);
    sink.close();
    // Nothing half-written is left where the engine would read it.
    expect(existsSync(join(root, 'validated', 'mini.csv'))).toBe(false);
    expect(existsSync(join(root, 'validated', 'mini.csv.partial'))).toBe(false);
  });
});
