/**
 * The intake on the reorganisation fixture (tests/fixtures/reorganisation, see its README): a
 * response is placed by the unit version valid on its date, and an old code used after its unit
 * ended is set aside with a reason naming the date, the code's valid period and where its
 * territory went (method.md → Units that change).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryQuarantine } from '../../src/intake/quarantine.ts';
import { buildRegisters } from '../../src/intake/registers.ts';
import { validateResponses } from '../../src/intake/validate-responses.ts';
import { BUILD_DAY, loadReorganisation, validatedLines } from '../fixtures/reorganisation/load.ts';

describe('responses with old and new codes after 1 July 2025', () => {
  it('sets aside an old code used in 2026, naming the date, its valid period and its successor', async () => {
    const { setAside } = await loadReorganisation();
    expect(setAside).toEqual([
      // 22744 Phường Bảo An went wholly into the new 22741 Phường Bảo An.
      '25 unit_code: unit 22744 (Phường Bảo An) is valid 2020-01-01…2025-06-30, not on 2026-04-04; ' +
        'its territory went into 22741 Phường Bảo An (from 2025-07-01): use that code for dates from 2025-07-01',
      // 22768 Phường Đông Hải was split: both pieces are named, in code order.
      '26 unit_code: unit 22768 (Phường Đông Hải) is valid 2020-01-01…2025-06-30, not on 2026-05-05; ' +
        'its territory was split between 22780 Phường Đông Hải (from 2025-07-01) and 22888 Xã Phước Dinh (from 2025-07-01): ' +
        'use the code of the part the respondent lives in',
    ]);
  });

  it('keeps a reused code on both sides of the day: 22810 on 2025-06-30, 2025-07-01 and in 2026', async () => {
    const { summary, validatedCsv } = await loadReorganisation();
    expect([summary.read, summary.used, summary.quarantined]).toEqual([25, 23, 2]);
    const lines22810 = validatedLines(validatedCsv).filter((line) => line.split(',')[2] === '22810');
    expect(lines22810.map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'b1,2024-04-01,22810',
      'b2,2025-06-30,22810', // Thị trấn Tân Sơn's last day
      'c1,2025-07-01,22810', // Xã Ninh Sơn's first day
      'c3,2025-12-01,22810',
      'c2,2026-02-10,22810',
    ]);
  });

  it('names the successors of a district or province through its communes; none before the unit existed, nor without a crosswalk', async () => {
    const { registers, instrument } = await loadReorganisation();
    const dir = mkdtempSync(join(tmpdir(), 'reorganisation-intake-'));
    const file = join(dir, 'late.csv');
    writeFileSync(file, 'response_id,date,unit_code,TC1,CC1\nx1,2024-05-05,22888,5,5\nx2,2026-04-04,22744,5,5\nx3,2026-04-04,22741,5,5\nx4,2026-06-06,585,4,4\nx5,2026-06-06,58,4,4\n');
    const setAside = async (withCrosswalk: boolean): Promise<string[]> => {
      const quarantine = memoryQuarantine();
      await validateResponses({
        files: [file],
        instrument,
        registers: withCrosswalk ? registers : buildRegisters(registers.units, registers.agencies, registers.fields),
        thresholds: { max_quarantine_share: 1 },
        outputPath: join(dir, `out-${withCrosswalk}.csv`),
        quarantine,
        warn: () => {},
        today: BUILD_DAY,
        labelOf: () => 'late.csv',
      });
      return quarantine.rows.map((r) => `${r.line} ${r.reason}`);
    };
    // x1: a new code used before its unit existed (22888 Xã Phước Dinh is from 2025-07-01): no
    // version of it has ended, so there is no successor to name; x3: 22741 is valid in 2026 (the
    // new ward), so it is kept. x4, x5: a district and a province are not in the crosswalk (it
    // lists communes); their territory went where their communes on 2025-06-30 went: 585's to
    // 22738 (from 22831), 22810 (22810, 22819) and 22813; 58's to those of 582's and 585's communes.
    const newUnit = (code: string, name: string) => `${code} ${name} (from 2025-07-01)`;
    expect(await setAside(true)).toEqual([
      '2 unit 22888 (Xã Phước Dinh) is valid from 2025-07-01, not on 2024-05-05',
      '3 unit 22744 (Phường Bảo An) is valid 2020-01-01…2025-06-30, not on 2026-04-04; its territory went into 22741 Phường Bảo An (from 2025-07-01): use that code for dates from 2025-07-01',
      '5 unit 585 (Huyện Ninh Sơn) is valid 2020-01-01…2025-06-30, not on 2026-06-06; its territory was split between ' +
        `${newUnit('22738', 'Phường Đô Vinh')}, ${newUnit('22810', 'Xã Ninh Sơn')} and ${newUnit('22813', 'Xã Lâm Sơn')}: ` +
        'use the code of the part the respondent lives in',
      '6 unit 58 (Tỉnh Ninh Thuận) is valid 2020-01-01…2025-06-30, not on 2026-06-06; its territory was split between ' +
        `${newUnit('22738', 'Phường Đô Vinh')}, ${newUnit('22741', 'Phường Bảo An')}, ${newUnit('22780', 'Phường Đông Hải')}, ` +
        `${newUnit('22810', 'Xã Ninh Sơn')}, ${newUnit('22813', 'Xã Lâm Sơn')} and ${newUnit('22888', 'Xã Phước Dinh')}: ` +
        'use the code of the part the respondent lives in',
    ]);
    // A data folder without crosswalk-2025.csv says only what the register knows.
    expect(await setAside(false)).toEqual([
      '2 unit 22888 (Xã Phước Dinh) is valid from 2025-07-01, not on 2024-05-05',
      '3 unit 22744 (Phường Bảo An) is valid 2020-01-01…2025-06-30, not on 2026-04-04',
      '5 unit 585 (Huyện Ninh Sơn) is valid 2020-01-01…2025-06-30, not on 2026-06-06',
      '6 unit 58 (Tỉnh Ninh Thuận) is valid 2020-01-01…2025-06-30, not on 2026-06-06',
    ]);
  });
});
