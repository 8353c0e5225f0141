import { describe, expect, it } from 'vitest';
import { parseGenerateOptions, parseYears } from '../../src/sample/cli-options.ts';

describe('parseYears', () => {
  it('reads a range or a list', () => {
    expect(parseYears('2021-2024')).toEqual([2021, 2022, 2023, 2024]);
    expect(parseYears('2024,2021,2024')).toEqual([2021, 2024]);
    expect(() => parseYears('2024-2021')).toThrow(/ends before it starts/);
    expect(() => parseYears('21-24')).toThrow(/--years/);
  });
});

describe('parseGenerateOptions', () => {
  it('has the defaults of the committed sample', () => {
    const options = parseGenerateOptions([], {}, '/repo');
    expect(options.seed).toBe(1);
    expect(options.years).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    // The sample reaches the end of November 2026.
    expect(options.until).toBe('2026-11');
    expect(options.surveys).toEqual(['sipas', 'y-te', 'giao-duc']);
    // No totals given: every survey takes the plan's own size (sample-plan.ts).
    expect(options.responses).toEqual({});
    expect(options.dataDir).toBe('/repo/data');
    expect(options.outDir).toBe('/repo/data/surveys');
    expect(options.defectShare).toBe(0.002);
  });

  it('reads DATA_DIR, --out (no defects unless asked) and per-survey totals', () => {
    const options = parseGenerateOptions(
      ['--out', 'bench/out', '--responses', '1000000', '--responses-y-te=10', '--years', '2024', '--surveys', 'sipas,y-te'],
      { DATA_DIR: '/elsewhere' },
      '/repo',
    );
    expect(options.dataDir).toBe('/elsewhere');
    expect(options.outDir).toBe('/repo/bench/out');
    expect(options.defectShare).toBe(0);
    expect(options.responses).toEqual({ sipas: 1000000, 'y-te': 10 });
    expect(parseGenerateOptions(['--out', 'x', '--defects', '0.01'], {}, '/repo').defectShare).toBe(0.01);
  });

  it('refuses what it cannot read, naming the option', () => {
    expect(() => parseGenerateOptions(['--responses', 'many'], {}, '/repo')).toThrow(/--responses many/);
    expect(() => parseGenerateOptions(['--defects', '0.5'], {}, '/repo')).toThrow(/--defects 0.5/);
    expect(() => parseGenerateOptions(['--colour', 'red'], {}, '/repo')).toThrow(/Unknown option --colour/);
    expect(() => parseGenerateOptions(['--seed'], {}, '/repo')).toThrow(/--seed needs a value/);
    expect(() => parseGenerateOptions(['--until', '2026-13'], {}, '/repo')).toThrow(/--until 2026-13/);
    expect(() => parseGenerateOptions(['--until', '11/2026'], {}, '/repo')).toThrow(/YYYY-MM/);
    expect(() => parseGenerateOptions(['--years', '2025-2027'], {}, '/repo')).toThrow(/2027 is after --until 2026-11/);
    expect(parseGenerateOptions(['--years', '2027', '--until', '2027-03'], {}, '/repo').until).toBe('2027-03');
  });
});
