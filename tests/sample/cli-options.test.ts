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
    expect(options.years).toEqual([2021, 2022, 2023, 2024]);
    expect(options.surveys).toEqual(['sipas', 'y-te', 'giao-duc']);
    // 1050 a year for health and education, over 4 years.
    expect(options.responses).toEqual({ sipas: 24000, 'y-te': 4200, 'giao-duc': 4200 });
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
  });
});
