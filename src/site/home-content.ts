/**
 * What the home page shows, before any wording: the latest year's ranking (with the province as
 * reference), where the first plan's unit stands in it, that plan's targets at a glance, and the
 * province's yearly trend. Every dataset is the one the ranking, plan and province pages use, so
 * a chart has the same id (and CSV) wherever it appears.
 */
import type { IndexRow, RankingRow } from '../engine/tables.ts';
import type { UnitListing } from './page-inventory.ts';
import { pageInventory } from './page-inventory.ts';
import { MAIN_SURVEY, surveyYears } from './index-selections.ts';
import { planContent, type PlanContent } from './plan-content.ts';
import { publishedData } from './published-data.ts';
import { rankingContent, type SurveyRanking } from './ranking-content.ts';
import { siteConfig } from './site-config.ts';
import { unitContent, type TrendPanel } from './unit-content.ts';

export interface FocusUnit {
  unit_code: string;
  /** The unit's row in the latest ranking; undefined when it is not in it. */
  row: RankingRow | undefined;
  /** Units in that ranking. */
  unitCount: number;
}

export interface HomeContent {
  year: string | undefined;
  ranking: SurveyRanking | undefined;
  /** The province's overall index in `year`. */
  province: IndexRow | undefined;
  provinceListing: UnitListing | undefined;
  /** The unit the first plan is about (e.g. 585 Huyện Ninh Sơn): highlighted and summed up in the lead. */
  focus: FocusUnit | undefined;
  plan: PlanContent | undefined;
  /** The province's yearly overall index. */
  trend: TrendPanel | undefined;
}

let cached: Promise<HomeContent> | undefined;

async function buildHomeContent(): Promise<HomeContent> {
  const data = publishedData();
  const site = await siteConfig();
  const inventory = await pageInventory();
  const year = inventory.rankingYears.at(-1) ?? surveyYears(data, MAIN_SURVEY).at(-1);
  const ranking = year ? (await rankingContent(year)).rankings.find((r) => r.survey === MAIN_SURVEY) : undefined;
  const planId = inventory.planIds[0];
  const plan = planId ? await planContent(planId) : undefined;
  const focusCode = plan?.plan.unit_code;
  const provinceListing = inventory.unitListings.find((u) => u.code === site.province_code);
  const provincePage = provinceListing ? await unitContent(provinceListing) : undefined;
  return {
    year,
    ranking,
    province: year ? data.cell(MAIN_SURVEY, year, site.province_code, 'overall') : undefined,
    provinceListing,
    focus:
      focusCode && ranking
        ? { unit_code: focusCode, row: ranking.dataset.rows.find((r) => r.unit_code === focusCode), unitCount: ranking.dataset.rows.length }
        : undefined,
    plan,
    trend: provincePage?.trends.find((t) => t.kind === 'year'),
  };
}

/** The home page's content, built once per build (both languages read it). */
export function homeContent(): Promise<HomeContent> {
  cached ??= buildHomeContent();
  return cached;
}
