/**
 * The province in the country, year by year, from the figures others published
 * (official-figures.ts): the national SIPAS mean, the highest and lowest province where a release
 * named them, the province's own SIPAS and its national rank. One row per year from the first to
 * the last year the national mean is published, so a year no source gives a figure for is a row
 * with empty cells that the page names, rather than a gap nobody notices. Nothing is computed here
 * but the difference from the national mean, which the page labels as computed (a source that
 * states it, 2022's "cao hơn 1,75", must agree: a test checks it).
 */
import type { OfficialFigure, OfficialFigures } from './official-figures.ts';

/** A published number and the source it came from. */
export interface Sourced {
  value: number;
  source_id: string;
}

export interface OfficialYear {
  year: string;
  national: Sourced | null;
  highest: Sourced | null;
  lowest: Sourced | null;
  province: Sourced | null;
  /** The province's rank among the provinces, with their count as published ("16 of 63"). */
  rank: (Sourced & { of: number }) | null;
  /** Province − national mean in percentage points, when both are published; computed here. */
  difference: number | null;
  /** The same difference as a source states it, where one does (to check `difference` against). */
  statedDifference: Sourced | null;
}

function sourced(row: OfficialFigure | undefined): Sourced | null {
  if (!row || row.value.trim() === '') return null;
  const value = Number(row.value);
  return Number.isFinite(value) ? { value, source_id: row.source_id } : null;
}

/** The first row of `rows` for `year` and `measure` (files list one figure per year and measure). */
function find(rows: readonly OfficialFigure[], year: string, measure: string): OfficialFigure | undefined {
  return rows.find((r) => r.year === year && r.measure === measure);
}

/**
 * Year rows for the province `provinceCode` (the code before 1/7/2025, site.json `province_code`),
 * oldest first, spanning the years with a published national mean (the 2015 pilot has none).
 */
export function officialSeries(figures: OfficialFigures, provinceCode: string): OfficialYear[] {
  const national = figures.national.filter((r) => r.geo === 'VN');
  const province = figures.province.filter((r) => r.province_code === provinceCode);
  const years = national.filter((r) => r.measure === 'sipas_mean').map((r) => Number(r.year));
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years, ...province.filter((r) => r.measure === 'sipas').map((r) => Number(r.year)));
  const rows: OfficialYear[] = [];
  for (let y = first; y <= last; y += 1) {
    const year = String(y);
    const mean = sourced(find(national, year, 'sipas_mean'));
    const own = sourced(find(province, year, 'sipas'));
    const rankRow = find(province, year, 'rank');
    const rankValue = sourced(rankRow);
    const of = Number(/^of (\d+)/.exec(rankRow?.unit ?? '')?.[1]);
    rows.push({
      year,
      national: mean,
      highest: sourced(find(national, year, 'sipas_max_province')),
      lowest: sourced(find(national, year, 'sipas_min_province')),
      province: own,
      rank: rankValue && Number.isFinite(of) ? { ...rankValue, of } : null,
      difference: mean && own ? own.value - mean.value : null,
      statedDifference: sourced(find(province, year, 'sipas_minus_national_mean')),
    });
  }
  return rows;
}

/** Years of `series` with no published provincial SIPAS: what the page must say no source gives. */
export function yearsWithoutProvinceFigure(series: readonly OfficialYear[]): string[] {
  return series.filter((y) => y.province === null).map((y) => y.year);
}

/** One year as the chart's CSV writes it (src/publish/official-schema.ts): flat, sources beside values. */
export interface OfficialChartRow {
  year: string;
  national_mean: number | null;
  national_source: string;
  lowest_province: number | null;
  highest_province: number | null;
  range_source: string;
  province_code: string;
  province_value: number | null;
  province_source: string;
  rank: number | null;
  rank_of: number | null;
  rank_source: string;
  difference: number | null;
}

export function officialChartRows(series: readonly OfficialYear[], provinceCode: string): OfficialChartRow[] {
  return series.map((y) => ({
    year: y.year,
    national_mean: y.national?.value ?? null,
    national_source: y.national?.source_id ?? '',
    lowest_province: y.lowest?.value ?? null,
    highest_province: y.highest?.value ?? null,
    range_source: [...new Set([y.lowest?.source_id, y.highest?.source_id].filter((s) => !!s))].join(';'),
    province_code: provinceCode,
    province_value: y.province?.value ?? null,
    province_source: y.province?.source_id ?? '',
    rank: y.rank?.value ?? null,
    rank_of: y.rank?.of ?? null,
    rank_source: y.rank?.source_id ?? '',
    difference: y.difference,
  }));
}
