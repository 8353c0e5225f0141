import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { chartCsv, chartDownload, chartId, type ChartDataset } from '../../src/site/chart-datasets.ts';
import { addDataset } from '../../src/site/site-chart-datasets.ts';
import { RANKINGS_2024 } from '../charts/fixtures.ts';
import { cell } from './published-fixture.ts';

describe('chartId', () => {
  it('joins parts with "-" and refuses what cannot be a file name and an anchor', () => {
    expect(chartId('trend', 'sipas', '585', 'year')).toBe('trend-sipas-585-year');
    expect(chartId('rank', 'target', 'kh-95-2024', 'sipas-rank')).toBe('rank-target-kh-95-2024-sipas-rank');
    expect(() => chartId('targets', 'sipas-fields:dat-dai')).toThrow(/lower-case letters/);
    expect(() => chartId('Ranking', '2024')).toThrow();
    expect(() => chartId('trend', '')).toThrow();
  });
});

describe('chartCsv', () => {
  const dataset: ChartDataset = { id: 'elements-sipas-585-2024', table: 'indices', rows: [cell({ period: '2024', unit_code: '585' }, 83.456, 540), cell({ period: '2024', unit_code: '585', indicator: 'PA', level: 'element' }, null, 12)] };

  it('writes the published columns with a BOM, the values rounded as published, one line per row', () => {
    const csv = chartCsv(dataset);
    expect(csv.startsWith('\uFEFFsurvey,period,unit_code,breakdown,breakdown_value,indicator,level,n,satisfied,value,ci_low,ci_high,status')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    // 83.456 → 83.46; interval ±3 → 80.456 → 80.46, 86.456 → 86.46.
    expect(rows[0]).toMatchObject({ value: '83.46', ci_low: '80.46', ci_high: '86.46', n: '540', status: 'ok' });
    // A suppressed cell: n kept, value and interval empty.
    expect(rows[1]).toMatchObject({ indicator: 'PA', n: '12', value: '', ci_low: '', status: 'suppressed' });
  });

  it('gives the download its path and byte size', () => {
    const rankings: ChartDataset = { id: 'ranking-sipas-2024', table: 'rankings', rows: RANKINGS_2024 };
    const download = chartDownload(rankings);
    expect(download.href).toBe('/data/charts/ranking-sipas-2024.csv');
    expect(download.bytes).toBe(Buffer.byteLength(chartCsv(rankings), 'utf8'));
  });
});

describe('addDataset', () => {
  const rows = RANKINGS_2024.slice(0, 2);
  it('accepts the same dataset twice under one id, and refuses a different one', () => {
    const byId = new Map<string, ChartDataset>();
    addDataset(byId, { id: 'ranking-sipas-2024', table: 'rankings', rows });
    addDataset(byId, { id: 'ranking-sipas-2024', table: 'rankings', rows: [...rows] });
    expect(byId.size).toBe(1);
    expect(() => addDataset(byId, { id: 'ranking-sipas-2024', table: 'rankings', rows: rows.slice(1) })).toThrow(/two different datasets/);
  });
});
