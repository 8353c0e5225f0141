import { describe, expect, it } from 'vitest';
import { applyLooseForm, injectDefect, mistypedUnitCode, retiredCodeFinder } from '../../src/sample/defects.ts';
import { createPrng } from '../../src/sample/prng.ts';
import { normaliseAnswer, normaliseDate } from '../../src/sample/quick-indices.ts';

const row = (): string[] => ['SIPAS-2024-000002', '2024-03-05', '22810', '22810-UBND', 'dat-dai', 'truc-tiep', 'ca-nhan', '4', '', '5'];
const context = { previousId: 'SIPAS-2024-000001', knownUnitCodes: new Set(['585', '5855', '22810']), year: 2024, retiredCodes: () => [] };

/** 22816 Lương Sơn and 22813 Lâm Sơn (old) went into 22813 Lâm Sơn (new); 22843 into 22840; 22810 kept its code. */
const commune = (code: string, valid_from: string, valid_to: string | null) => ({ code, level: 'commune', valid_from, valid_to });
const reformUnits = [
  commune('22810', '2020-01-01', '2025-06-30'),
  commune('22810', '2025-07-01', null),
  commune('22813', '2020-01-01', '2025-06-30'),
  commune('22813', '2025-07-01', null),
  commune('22816', '2020-01-01', '2025-06-30'),
  commune('22843', '2020-01-01', '2025-06-30'),
  { code: '585', level: 'district', valid_from: '2020-01-01', valid_to: '2025-06-30' },
];
const reformCrosswalk = [
  { oldCommune: '22816', newCommune: '22813' },
  { oldCommune: '22813', newCommune: '22813' },
  { oldCommune: '22810', newCommune: '22810' },
  { oldCommune: '22843', newCommune: '22840' },
];

describe('retiredCodeFinder', () => {
  const find = retiredCodeFinder(reformUnits, reformCrosswalk);
  it('offers the row unit\'s own predecessors that have ended, not a code the new unit reuses', () => {
    // 22813 (new) ← 22816 (ended 2025-06-30) and 22813 (reused, valid): only 22816.
    expect(find('2026-03-02', '22813')).toEqual(['22816']);
    // 22810 ← 22810 only, which is valid: no predecessor has ended, so any retired commune code.
    // The district 585 has ended too but is no commune.
    expect(find('2026-03-02', '22810')).toEqual(['22816', '22843']);
  });

  it('offers nothing while every code is still valid', () => {
    expect(find('2025-06-30', '22813')).toEqual([]);
    expect(find('2024-05-06', '22810')).toEqual([]);
  });
});

describe('mistypedUnitCode', () => {
  it('returns a near miss that is not a known code', () => {
    const prng = createPrng('typo');
    for (let i = 0; i < 50; i++) {
      const typo = mistypedUnitCode('585', context.knownUnitCodes, prng);
      // Candidates: doubled digits 5585, 5885, 5855 (known, excluded), swaps 855, 558.
      expect(['5585', '5885', '855', '558']).toContain(typo);
    }
  });
});

describe('injectDefect', () => {
  it('spoils exactly the cell each kind names', () => {
    const prng = createPrng('defects');
    const outOfScale = row();
    injectDefect(outOfScale, 'answer-out-of-scale', prng, context);
    // Only answered cells (positions 7 and 9) are spoiled, to 0 or 6.
    const changed = [7, 8, 9].filter((i) => outOfScale[i] !== row()[i]);
    expect(changed.length).toBe(1);
    expect(['0', '6']).toContain(outOfScale[changed[0]!]);
    expect(changed[0]).not.toBe(8);

    const notInteger = row();
    injectDefect(notInteger, 'answer-not-integer', prng, context);
    expect(notInteger.filter((cell) => cell === '4.5').length).toBe(1);

    const date = row();
    injectDefect(date, 'impossible-date', prng, context);
    expect(['31/02/2024', '2024-13-01']).toContain(date[1]);
    expect(normaliseDate(date[1]!)).toBeNull();

    const retired = ['SIPAS-2026-000002', '2026-03-05', '22813', '22813-TTPV', 'dat-dai', 'truc-tiep', 'ca-nhan', '4', '', '5'];
    const retiredContext = { ...context, year: 2026, retiredCodes: retiredCodeFinder(reformUnits, reformCrosswalk) };
    expect(injectDefect(retired, 'retired-unit', prng, retiredContext)).toBe('retired-unit');
    expect(retired[2]).toBe('22816');
    // Before any code ended there is none to use: a mistyped code instead.
    const early = row();
    expect(injectDefect(early, 'retired-unit', prng, { ...context, retiredCodes: retiredCodeFinder(reformUnits, reformCrosswalk) })).toBe('unknown-unit');
    expect(['585', '5855', '22810']).not.toContain(early[2]);
    expect(early[2]).not.toBe('22810');

    const duplicate = row();
    injectDefect(duplicate, 'duplicate-id', prng, context);
    expect(duplicate[0]).toBe('SIPAS-2024-000001');
    // The first row of a file has no previous id: an out-of-scale answer instead.
    expect(injectDefect(row(), 'duplicate-id', prng, { ...context, previousId: null })).toBe('answer-out-of-scale');
  });
});

describe('applyLooseForm', () => {
  it('writes values the way spreadsheets do, still readable as the same value', () => {
    const prng = createPrng('loose');
    const date = row();
    applyLooseForm(date, 'date-dd-mm-yyyy', prng);
    expect(date[1]).toBe('05/03/2024');
    expect(normaliseDate(date[1]!)).toBe('2024-03-05');

    const decimal = row();
    applyLooseForm(decimal, 'answer-decimal-zero', prng);
    const decimalCell = decimal.find((cell) => cell.endsWith('.0'));
    expect(['4.0', '5.0']).toContain(decimalCell);
    expect(normaliseAnswer(decimalCell!)).toBe(Number(decimalCell![0]));

    const padded = row();
    applyLooseForm(padded, 'answer-padded', prng);
    const paddedCell = padded.find((cell) => cell.startsWith(' '));
    expect([' 4 ', ' 5 ']).toContain(paddedCell);
  });
});
