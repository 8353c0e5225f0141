/**
 * The province in the country, as published (data/published, sources S01, S02, S04, S06, S08,
 * S09): Ninh Thuận's SIPAS for 2021 and 2022 only, the national mean 2018–2024, the range of
 * provinces for 2021 and 2023. Differences: 88.64 − 87.16 = 1.48; 81.83 − 80.08 = 1.75.
 */
import type { OfficialYear } from '../../src/site/official-series.ts';

const s = (value: number, source_id: string) => ({ value, source_id });
const year = (y: string, national: number, source: string, over: Partial<OfficialYear> = {}): OfficialYear => ({
  year: y,
  national: s(national, source),
  highest: null,
  lowest: null,
  province: null,
  rank: null,
  difference: null,
  statedDifference: null,
  ...over,
});

export const OFFICIAL_SERIES: OfficialYear[] = [
  year('2018', 82.99, 'S09'),
  year('2019', 84.45, 'S08'),
  year('2020', 85.48, 'S08'),
  year('2021', 87.16, 'S01', { highest: s(94.07, 'S01'), lowest: s(85.54, 'S01'), province: s(88.64, 'S01'), rank: { ...s(16, 'S01'), of: 63 }, difference: 1.48 }),
  year('2022', 80.08, 'S02', { province: s(81.83, 'S02'), rank: { ...s(20, 'S02'), of: 63 }, difference: 1.75, statedDifference: s(1.75, 'S02') }),
  year('2023', 82.66, 'S04', { highest: s(90.61, 'S04'), lowest: s(75.03, 'S04') }),
  year('2024', 83.94, 'S06'),
];
