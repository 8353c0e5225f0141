/**
 * Every chart of the snapshot tests, drawn once from ./fixtures.ts: the snapshot name of each and
 * the call that draws it. The per-chart tests check what each must show; all-charts.test.ts checks
 * what all must share (accessibility, no style attributes, no Plot warnings).
 */
import { bulletChart } from '../../src/charts/bullet-chart.ts';
import type { ChartResult } from '../../src/charts/chart-result.ts';
import { differenceChart } from '../../src/charts/difference-chart.ts';
import { elementChart } from '../../src/charts/element-chart.ts';
import { funnelChart } from '../../src/charts/funnel-chart.ts';
import { officialChart } from '../../src/charts/official-chart.ts';
import { funnelCentre } from '../../src/engine/funnel-rows.ts';
import { rankBulletChart } from '../../src/charts/rank-bullet-chart.ts';
import { rankingChart } from '../../src/charts/ranking-chart.ts';
import { rankHistoryChart } from '../../src/charts/rank-history-chart.ts';
import { trendChart } from '../../src/charts/trend-chart.ts';
import { unitTrendsChart } from '../../src/charts/unit-trends-chart.ts';
import {
  DISTRICT_NAMES, ELEMENT_NAMES, FIELD_NAMES, KH95_TARGETS, METHOD_BREAKS, NINH_SON_ELEMENTS, NINH_SON_FIELDS,
  NINH_SON_QUARTERS, NINH_SON_YEARS, PROVINCE_2024, PROVINCE_YEARS, RANK_TARGET, RANKINGS_2024, TARGET_NAMES,
} from './fixtures.ts';
import { BAC_AI_NINH_SON_2024 } from './difference-fixtures.ts';
import { COMMUNE_NAMES, FUNNEL_PROVINCE, FUNNEL_UNITS } from './funnel-fixtures.ts';
import { OFFICIAL_SERIES } from './official-fixtures.ts';
import { PANEL_BREAKS, PANEL_PART_YEARS, PANEL_PROVINCE, PANEL_RANKS, PANEL_TRENDS, PANEL_UNITS, panelLabel } from './panel-fixtures.ts';

export const drawRankingVi = (width?: number) =>
  rankingChart(RANKINGS_2024, {
    lang: 'vi',
    unitName: (code) => DISTRICT_NAMES[code]!.vi,
    highlight: '585',
    reference: { value: PROVINCE_2024, label: 'Toàn tỉnh' },
    width,
  });

export const drawRankingEn = (width?: number) => rankingChart(RANKINGS_2024, { lang: 'en', unitName: (code) => DISTRICT_NAMES[code]!.en, width });

export const drawTrendYearlyVi = (width?: number) =>
  trendChart(NINH_SON_YEARS, {
    lang: 'vi',
    seriesLabel: 'Huyện Ninh Sơn',
    methodBreaks: METHOD_BREAKS,
    target: { threshold: 90, comparator: '>=' },
    comparison: { rows: PROVINCE_YEARS, label: 'Tỉnh Ninh Thuận' },
    width,
  });

export const drawTrendQuarterlyEn = (width?: number) => trendChart(NINH_SON_QUARTERS, { lang: 'en', seriesLabel: 'Ninh Son district', width });

export const drawElementsVi = (width?: number) =>
  elementChart(NINH_SON_ELEMENTS, {
    lang: 'vi',
    label: (row) => ELEMENT_NAMES[row.indicator]!,
    emphasis: (row) => row.level === 'overall',
    subject: 'Các thành phần của Huyện Ninh Sơn, 2024',
    width,
  });

export const drawFieldsEn = (width?: number) =>
  elementChart(NINH_SON_FIELDS, {
    lang: 'en',
    label: (row) => FIELD_NAMES[row.breakdown_value]!,
    target: { threshold: 85 },
    subject: 'Ninh Son district by procedure field, 2024',
    width,
  });

export const drawBulletVi = (width?: number) => bulletChart(KH95_TARGETS, { lang: 'vi', label: (row) => TARGET_NAMES[row.target]!, width });

export const drawBulletZoomedEn = (width?: number) =>
  bulletChart(KH95_TARGETS.slice(0, 3), { lang: 'en', label: (row) => TARGET_NAMES[row.target]!, domain: [60, 100], width });

export const RANK_BULLET_ROWS = RANKINGS_2024.filter((r) => ['584', '585', '588'].includes(r.unit_code));

export const drawRankBulletVi = (width?: number) =>
  rankBulletChart(RANK_BULLET_ROWS, {
    lang: 'vi',
    label: (row) => DISTRICT_NAMES[row.unit_code]!.vi,
    unitCount: 7,
    k: 3,
    status: (row) => (row.unit_code === '585' ? RANK_TARGET : undefined),
    width,
  });

export const drawFunnelVi = (width?: number) =>
  funnelChart(FUNNEL_UNITS, {
    lang: 'vi',
    unitName: (code) => COMMUNE_NAMES[code]!.vi,
    province: funnelCentre(FUNNEL_PROVINCE),
    highlight: '22810',
    width,
  });

export const drawFunnelEn = (width?: number) =>
  funnelChart(FUNNEL_UNITS, { lang: 'en', unitName: (code) => COMMUNE_NAMES[code]!.en, province: funnelCentre(FUNNEL_PROVINCE), width });

export const drawUnitTrendsVi = (width?: number) =>
  unitTrendsChart(
    PANEL_UNITS.map((code) => ({ label: panelLabel(code, 'vi'), rows: PANEL_TRENDS[code]! })),
    { lang: 'vi', reference: { label: panelLabel('58', 'vi'), rows: PANEL_PROVINCE }, methodBreaks: PANEL_BREAKS, partYears: PANEL_PART_YEARS, width },
  );

export const drawRankHistoryEn = (width?: number) =>
  rankHistoryChart(
    PANEL_UNITS.map((code) => ({ label: panelLabel(code, 'en'), rows: PANEL_RANKS[code]! })),
    { lang: 'en', methodBreaks: PANEL_BREAKS, partYears: PANEL_PART_YEARS, width },
  );

export const drawRankHistoryVi = (width?: number) =>
  rankHistoryChart(
    PANEL_UNITS.map((code) => ({ label: panelLabel(code, 'vi'), rows: PANEL_RANKS[code]! })),
    { lang: 'vi', methodBreaks: PANEL_BREAKS, partYears: PANEL_PART_YEARS, width },
  );

export const drawDifferenceVi = (width?: number) =>
  differenceChart(BAC_AI_NINH_SON_2024, {
    lang: 'vi',
    label: (row) => ELEMENT_NAMES[row.indicator]!,
    unitA: DISTRICT_NAMES['584']!.vi,
    unitB: DISTRICT_NAMES['585']!.vi,
    emphasis: (row) => row.indicator === 'overall',
    width,
  });

export const drawDifferenceEn = (width?: number) =>
  differenceChart(BAC_AI_NINH_SON_2024, { lang: 'en', label: (row) => row.indicator, unitA: DISTRICT_NAMES['584']!.en, unitB: DISTRICT_NAMES['585']!.en, width });

/** The phone width of the site's charts (CHART_WIDTHS.phone): snapshots `*-phone` are drawn at it. */
export const PHONE_WIDTH = 340;

/** Snapshot file name (without .svg) → drawing function. */
export const FIXTURE_CHARTS: Record<string, () => ChartResult<unknown>> = {
  'ranking-vi': drawRankingVi,
  'ranking-en': drawRankingEn,
  'trend-yearly-vi': drawTrendYearlyVi,
  'trend-quarterly-en': drawTrendQuarterlyEn,
  'element-vi': drawElementsVi,
  'element-fields-en': drawFieldsEn,
  'bullet-vi': drawBulletVi,
  'bullet-zoomed-en': drawBulletZoomedEn,
  'rank-bullet-vi': drawRankBulletVi,
  'funnel-vi': drawFunnelVi,
  'funnel-en': drawFunnelEn,
  'official-vi': () => officialChart(OFFICIAL_SERIES, { lang: 'vi', provinceName: 'Ninh Thuận' }),
  'official-en': () => officialChart(OFFICIAL_SERIES, { lang: 'en', provinceName: 'Ninh Thuận' }),
  'difference-vi': drawDifferenceVi,
  'difference-en': drawDifferenceEn,
  'ranking-vi-phone': () => drawRankingVi(PHONE_WIDTH),
  'trend-yearly-vi-phone': () => drawTrendYearlyVi(PHONE_WIDTH),
  'element-vi-phone': () => drawElementsVi(PHONE_WIDTH),
  'bullet-vi-phone': () => drawBulletVi(PHONE_WIDTH),
  'rank-bullet-vi-phone': () => drawRankBulletVi(PHONE_WIDTH),
  'funnel-vi-phone': () => drawFunnelVi(PHONE_WIDTH),
  'official-vi-phone': () => officialChart(OFFICIAL_SERIES, { lang: 'vi', provinceName: 'Ninh Thuận', width: PHONE_WIDTH }),
  'unit-trends-vi': drawUnitTrendsVi,
  'unit-trends-vi-phone': () => drawUnitTrendsVi(PHONE_WIDTH),
  'rank-history-en': drawRankHistoryEn,
  'rank-history-vi-phone': () => drawRankHistoryVi(PHONE_WIDTH),
  'difference-vi-phone': () => drawDifferenceVi(PHONE_WIDTH),
};
