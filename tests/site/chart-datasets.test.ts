import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { CodeNames } from '../../src/publish/code-names.ts';
import { chartCsv, chartDownload, chartId, chartXlsx, chartXlsxPath, type ChartDataset } from '../../src/site/chart-datasets.ts';
import { site } from '../fixtures/publish/fixture.ts';
import { addDataset } from '../../src/site/site-chart-datasets.ts';
import { RANKINGS_2024 } from '../charts/fixtures.ts';
import { cell } from './published-fixture.ts';

describe('chartId', () => {
  it('joins parts with "-" and refuses what cannot be a file name and an anchor', () => {
    expect(chartId('trend', 'sipas', '585', 'year')).toBe('trend-sipas-585-year');
    expect(chartId('rank', 'target', 'kh-95-2024', 'sipas-rank')).toBe('rank-target-kh-95-2024-sipas-rank');
    expect(() => chartId('targets', 'sipas-fields:dat-dai')).toThrow(/lower-case letters/);
    // The whole country's code is letters: ids are lower case, so VN names the file trend-sipas-vn-year.
    expect(chartId('trend', 'sipas', 'VN', 'year')).toBe('trend-sipas-vn-year');
    expect(() => chartId('Ranking', '2024_x')).toThrow();
    expect(() => chartId('trend', '')).toThrow();
  });
});

/** Names as the published registers give them (code-names.ts); 585 had one version from 2020-01-01. */
const names: CodeNames = {
  units: new Map([
    ['585', { vi: 'Huyện Ninh Sơn', en: 'Ninh Son District' }],
    ['585|2020-01-01', { vi: 'Huyện Ninh Sơn', en: 'Ninh Son District' }],
  ]),
  indicators: new Map([
    ['sipas|overall', { vi: 'Chỉ số chung', en: 'Overall index' }],
    ['sipas|PA', { vi: 'Phản ánh, kiến nghị', en: 'Feedback' }],
  ]),
  agencies: new Map(),
  fields: new Map(),
};

describe('chartCsv', () => {
  const dataset: ChartDataset = { id: 'elements-sipas-585-2024', table: 'indices', rows: [cell({ period: '2024', unit_code: '585' }, 83.456, 540), cell({ period: '2024', unit_code: '585', indicator: 'PA', level: 'element' }, null, 12)] };

  it('writes the published columns with a BOM, the values rounded as published, one line per row', () => {
    const csv = chartCsv(dataset, names);
    expect(csv.startsWith('\uFEFFsurvey,period,unit_code,unit_name_vi,unit_name_en,breakdown,breakdown_value,indicator,indicator_name_vi,indicator_name_en,level,n,satisfied,value,ci_low,ci_high,status')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    // 83.456 → 83.46; interval ±3 → 80.456 → 80.46, 86.456 → 86.46.
    expect(rows[0]).toMatchObject({ value: '83.46', ci_low: '80.46', ci_high: '86.46', n: '540', status: 'ok' });
    // A suppressed cell: n kept, value and interval empty.
    expect(rows[1]).toMatchObject({ indicator: 'PA', n: '12', value: '', ci_low: '', status: 'suppressed' });
  });

  it('names the unit and the indicator beside their codes, in both languages', () => {
    const rows = Papa.parse<Record<string, string>>(chartCsv(dataset, names).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows[0]).toMatchObject({ unit_code: '585', unit_name_vi: 'Huyện Ninh Sơn', unit_name_en: 'Ninh Son District', indicator_name_vi: 'Chỉ số chung', indicator_name_en: 'Overall index' });
    expect(rows[1]).toMatchObject({ indicator: 'PA', indicator_name_vi: 'Phản ánh, kiến nghị', indicator_name_en: 'Feedback' });
  });

  it('writes the chart’s XLSX in both languages with the CSV’s cells, numbers typed', async () => {
    const files = chartXlsx({ ...dataset }, site, names);
    const [vi] = await readXlsxFile(Buffer.from(files.vi));
    const [en] = await readXlsxFile(Buffer.from(files.en));
    const at = (header: unknown[], label: string) => header.indexOf(label);
    const viRows = vi!.data;
    expect(viRows).toHaveLength(3);
    expect(viRows[1]![at(viRows[0]!, 'Tên đơn vị')]).toBe('Huyện Ninh Sơn');
    expect(viRows[1]![at(viRows[0]!, 'Giá trị (%)')]).toBe(83.46);
    expect(viRows[2]![at(viRows[0]!, 'Giá trị (%)')]).toBeNull();
    expect(en!.data[1]![at(en!.data[0]!, 'Unit name')]).toBe('Ninh Son District');
    expect(en!.data[2]![at(en!.data[0]!, 'Indicator name')]).toBe('Feedback');
    expect(chartXlsxPath(dataset.id, 'vi')).toBe('/data/charts/elements-sipas-585-2024.xlsx');
    expect(chartXlsxPath(dataset.id, 'en')).toBe('/data/charts/elements-sipas-585-2024.en.xlsx');
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
