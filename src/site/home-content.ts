/**
 * What the home page shows, before any wording: the latest year's ranking of the latest map (with
 * the province as reference; after 1 July 2025 the communes of Khánh Hòa), where the first plan's
 * unit stands in it when it is there, that plan's targets at a glance, and the province's yearly
 * trend. Every dataset is the one the ranking, plan and province pages use, so a chart has the
 * same id (and CSV) wherever it appears.
 */
import type { IndexRow, RankingRow } from '../engine/tables.ts';
import type { UnitListing } from './page-inventory.ts';
import { pageInventory } from './page-inventory.ts';
import { MAIN_SURVEY, surveyYears } from './index-selections.ts';
import { planContent, type PlanContent } from './plan-content.ts';
import { publishedData } from './published-data.ts';
import { rankingContent, type RankingGroup, type SurveyRanking } from './ranking-content.ts';
import { siteConfig } from './site-config.ts';
import { unitContent, type TrendPanel } from './unit-content.ts';
import { versionId } from './unit-versions.ts';

export interface FocusUnit {
  unit_code: string;
  /** The unit's row in the latest ranking; undefined when it is not in it. */
  row: RankingRow | undefined;
  /** Units in that ranking. */
  unitCount: number;
}

export interface HomeContent {
  year: string | undefined;
  /** The latest group of units ranked that year (the newest map's). */
  group: RankingGroup | undefined;
  ranking: SurveyRanking | undefined;
  /** The province's overall index in `year`. */
  province: IndexRow | undefined;
  provinceListing: UnitListing | undefined;
  /** The unit the first plan is about (e.g. 585 Huyện Ninh Sơn): highlighted and summed up in the lead. */
  focus: FocusUnit | undefined;
  plan: PlanContent | undefined;
  /** The province's yearly overall index. */
  trend: TrendPanel | undefined;
  /**
   * The last whole year ranked on the map before the latest one (2024, the districts' last full
   * year, once the communes of the new Khánh Hòa lead): kept one click away. Undefined when the
   * latest ranking is on the only map there is.
   */
  earlierMap: { year: string; level: string; parent: { code: string; valid_from: string } } | undefined;
}

let cached: Promise<HomeContent> | undefined;

async function buildHomeContent(): Promise<HomeContent> {
  const data = publishedData();
  const site = await siteConfig();
  const inventory = await pageInventory();
  const year = inventory.rankingYears.at(-1) ?? surveyYears(data, MAIN_SURVEY).at(-1);
  // The newest map's group among those the year's page shows (a national site: the provinces;
  // their communes' rankings have pages of their own).
  const group = year ? (await rankingContent(year)).groups.filter((g) => !g.ownPage).at(-1) : undefined;
  const ranking = group?.rankings.find((r) => r.survey === MAIN_SURVEY);
  const planId = inventory.planIds[0];
  const plan = planId ? await planContent(planId) : undefined;
  const focusCode = plan?.plan.unit_code;
  const focusRow = ranking?.dataset.rows.find((r) => r.unit_code === focusCode);
  // The province of the latest ranking; before any ranking, the site's configured province.
  const provinceId = group ? versionId(group.parent.code, group.parent.valid_from) : undefined;
  const provinceListing = inventory.unitListings.find((u) => (provinceId ? u.id === provinceId : u.code === site.province_code));
  const provincePage = provinceListing ? await unitContent(provinceListing) : undefined;
  let earlierMap: HomeContent['earlierMap'];
  for (const y of [...inventory.rankingYears].reverse()) {
    // A group with a page of its own (a national site's communes within each province) is no
    // earlier map: it sits below the shown group, in the same years.
    const earlier = (await rankingContent(y)).groups.find((g) => !g.ownPage && g.level !== group?.level && g.partYear === null);
    if (group && earlier) {
      earlierMap = { year: y, level: earlier.level, parent: earlier.parent };
      break;
    }
  }
  return {
    earlierMap,
    year,
    group,
    ranking,
    province: year && provinceListing ? data.cell(MAIN_SURVEY, year, provinceListing.id, 'overall') : undefined,
    provinceListing,
    focus: focusCode && ranking && focusRow ? { unit_code: focusCode, row: focusRow, unitCount: ranking.dataset.rows.length } : undefined,
    plan,
    trend: provincePage?.trends.find((t) => t.kind === 'year'),
  };
}

/** The home page's content, built once per build (both languages read it). */
export function homeContent(): Promise<HomeContent> {
  cached ??= buildHomeContent();
  return cached;
}
