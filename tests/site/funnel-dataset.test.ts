/**
 * A funnel plot's dataset and CSV: the rows the chart draws (tests/charts/funnel-fixtures.ts has
 * the hand working: province 80 %, deff 0.25, 99.8 % ± 61.8 / √n, 95 % ± 39.2 / √n).
 */
import { describe, expect, it } from 'vitest';
import { funnelChart } from '../../src/charts/funnel-chart.ts';
import { funnelCentreOf } from '../../src/engine/funnel-rows.ts';
import type { CodeNames } from '../../src/publish/code-names.ts';
import { chartCsv, chartDownload, chartId } from '../../src/site/chart-datasets.ts';
import { funnelDataset } from '../../src/site/funnel-dataset.ts';
import { datasetTerms } from '../../src/site/term-explanations.ts';
import { FUNNEL_PROVINCE, FUNNEL_UNITS } from '../charts/funnel-fixtures.ts';

const dataset = funnelDataset(chartId('funnel', 'sipas', '2026'), FUNNEL_UNITS, FUNNEL_PROVINCE);

describe('funnelDataset', () => {
  it('holds the rows the chart draws from it, in the same order', () => {
    const chart = funnelChart(dataset.rows, { lang: 'vi', unitName: (c) => c, province: funnelCentreOf(dataset.rows) });
    expect(chart.rows).toEqual(dataset.rows);
    expect(dataset.rows).toHaveLength(FUNNEL_UNITS.length);
  });

  it('writes its CSV with the limits at each unit’s n, rounded as published', () => {
    // Names from the published units.csv: here one unit version; a code the register lacks gets empty names.
    const names: CodeNames = {
      units: new Map([['22822|2025-07-01', { vi: 'Xã Mỹ Sơn', en: 'My Son Commune' }]]),
      indicators: new Map(),
      agencies: new Map(),
      fields: new Map(),
    };
    const lines = chartCsv(dataset, names).split('\n');
    // Every row names its unit version (data-contract.md → Added with the 2025 reorganisation).
    expect(lines[0]).toBe(
      '\uFEFFsurvey,period,unit_code,unit_name_vi,unit_name_en,unit_valid_from,n,value,province_value,design_effect,limit95_low,limit95_high,limit998_low,limit998_high,classification',
    );
    // Xã Mỹ Sơn, n 36: 95 % ± 6.5333 → 73.47–86.53; 99.8 % ± 10.3 → 69.70–90.30.
    expect(lines[1]).toBe('sipas,2026,22822,Xã Mỹ Sơn,My Son Commune,2025-07-01,36,89.00,80.00,0.250,73.47,86.53,69.70,90.30,consistent');
    // Phường Đô Vinh, n 400: 95 % ± 1.96 → 78.04–81.96; 99.8 % ± 3.09 → 76.91–83.09; 84.5 is above.
    expect(lines[4]).toBe('sipas,2026,22738,,,2025-07-01,400,84.50,80.00,0.250,78.04,81.96,76.91,83.09,above');
    // Xã Lâm Sơn, n 64: 99.8 % ± 7.725 → 72.275 → 72.28 (half away from zero), 87.725 → 87.73.
    expect(lines[8]).toBe('sipas,2026,22813,,,2025-07-01,64,71.00,80.00,0.250,75.10,84.90,72.28,87.73,below');
    // The suppressed unit: its n, the province's centre, nothing else.
    expect(lines[9]).toBe('sipas,2026,22795,,,2025-07-01,12,,80.00,0.250,,,,,');
    expect(lines[10]).toBe('');
  });

  it('is downloaded from /data/charts/<id>.csv', () => {
    expect(chartDownload(dataset)).toMatchObject({ href: '/data/charts/funnel-sipas-2026.csv', format: 'CSV' });
  });

  it('explains "too few responses" when a unit is suppressed, and no interval', () => {
    expect(datasetTerms([dataset])).toEqual(['tooFew']);
    expect(datasetTerms([{ ...dataset, rows: dataset.rows.filter((r) => r.value !== null) }])).toEqual([]);
  });
});
