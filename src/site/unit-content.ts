/**
 * What a unit's page shows, before any wording: its overall index over years, quarters and
 * months (years compared with the province), its elements and items, its procedure fields,
 * channels, respondent types and agencies in the latest year, agency coverage, the health and
 * education surveys, the targets any plan sets for it, and the weakest element and field.
 * A chart whose every cell is suppressed is left out (the page says so) rather than drawn empty.
 */
import type { CoverageRow, IndexRow } from '../engine/tables.ts';
import { CHANNELS, RESPONDENT_TYPES } from '../intake/response-columns.ts';
import type { Registers } from '../intake/registers.ts';
import type { SurveyInstrument } from '../intake/types.ts';
import { chartId, type ChartDataset } from './chart-datasets.ts';
import {
  anyPublished,
  breakdownCells,
  elementCells,
  itemCells,
  MAIN_SURVEY,
  methodBreakPeriods,
  overallSeries,
  type PeriodKind,
} from './index-selections.ts';
import type { UnitListing } from './page-inventory.ts';
import { planContent, planDatasets, type AssessedTarget, type PlanContent, type RankTarget } from './plan-content.ts';
import { publishedData, type PublishedData } from './published-data.ts';
import { siteRegisters, sitePlans, siteSurveys } from './site-inputs.ts';
import { validDuring } from './unit-names.ts';
import { rowVersionId, unitVersionId } from './unit-versions.ts';
import { weakestParts, type WeakestParts } from './weakest-parts.ts';

export type IndexDataset = Extract<ChartDataset, { table: 'indices' }>;
export type TargetDataset = Extract<ChartDataset, { table: 'targets' }>;

export interface TrendPanel {
  survey: string;
  kind: PeriodKind;
  /** Version id of the unit (unit-versions.ts). */
  unit: string;
  /** The unit's rows (a new unit's back-cast ones first), then the comparison unit's rows (each oldest first). */
  dataset: IndexDataset;
  /** Version id of the province, drawn as a second series (yearly trends of units below the province). */
  comparisonUnit: string | null;
  methodBreaks: string[];
  /** The unit's first direct period after back-cast ones (trends.csv `boundary_break`), if any. */
  boundaryBreak: string | null;
  /** The unit version's last day (null = still valid): a year it ended in is a part year. */
  unitValidTo: string | null;
}

export type BreakdownKey = 'field' | 'channel' | 'respondent_type' | 'agency';

export interface BreakdownPanel {
  breakdown: BreakdownKey;
  /** Null when there is no published cell (all suppressed, or none). */
  dataset: IndexDataset | null;
  /** Cells before the "anything published" check, to say how many there were. */
  cellCount: number;
  /**
   * The one cell of a breakdown with a single value (a commune whose only agency with responses is
   * its service centre): written as a sentence, not drawn, since a one-bar chart says nothing the
   * sentence does not. `dataset` is then null.
   */
  only: IndexRow | null;
}

export interface UnitTargets {
  plan: PlanContent;
  assessed: AssessedTarget[];
  bullets: TargetDataset | null;
  rankTargets: RankTarget[];
}

export interface UnitContent {
  listing: UnitListing;
  survey: string;
  /** The year detailed (see detailYear); undefined when the unit has no result. */
  year: string | undefined;
  /** Version id of the province the unit lies in (none for a province). */
  provinceId: string | null;
  /** Year, quarter and month panels that have something published (months may be absent). */
  trends: TrendPanel[];
  /** Period kinds left out because every cell was suppressed. */
  trendsWithheld: PeriodKind[];
  elements: IndexDataset | null;
  items: IndexDataset | null;
  breakdowns: BreakdownPanel[];
  coverage: CoverageRow[];
  /** Yearly overall trends of the other surveys (health, education) with something published. */
  otherSurveys: TrendPanel[];
  targets: UnitTargets[];
  weakest: WeakestParts;
}

const PERIOD_KINDS: PeriodKind[] = ['year', 'quarter', 'month'];

function trendPanel(
  data: PublishedData,
  instrument: SurveyInstrument,
  listing: UnitListing,
  kind: PeriodKind,
  comparisonUnit: string | null,
): TrendPanel | null {
  const survey = instrument.id;
  const own = overallSeries(data, survey, listing.id, kind).filter((r) => r.basis === 'back-cast' || validDuring(listing, r.period));
  if (!anyPublished(own.filter((r) => r.basis === 'direct'))) return null;
  const comparison = comparisonUnit ? overallSeries(data, survey, comparisonUnit, kind) : [];
  return {
    survey,
    kind,
    unit: listing.id,
    dataset: { id: chartId('trend', survey, listing.chartKey, kind), table: 'indices', rows: [...own, ...comparison] },
    comparisonUnit: comparison.length > 0 ? comparisonUnit : null,
    methodBreaks: methodBreakPeriods(instrument, [...own, ...comparison].map((r) => r.period)),
    boundaryBreak: own.some((r) => r.basis === 'back-cast') ? (own.find((r) => r.basis === 'direct')?.period ?? null) : null,
    unitValidTo: listing.valid_to,
  };
}

/** The province version a unit version lies in, as the register's parents say on its first day. */
function provinceOf(registers: Registers, listing: UnitListing) {
  if (listing.level === 'province') return null;
  return registers.ancestorsOn(listing.code, listing.valid_from).find((u) => u.level === 'province') ?? null;
}

function indexDataset(id: string, rows: IndexRow[]): IndexDataset | null {
  return anyPublished(rows) ? { id, table: 'indices', rows } : null;
}

/**
 * Agencies shown on a unit's page: its own, and for a district its communes' offices too (the
 * province's page would otherwise list every agency of every district; those are on the
 * district pages).
 */
function agencyCodesOf(registers: Registers, unit: string, year: string, level: UnitListing['level']): string[] {
  const date = `${year}-12-31`;
  return registers.agencies
    .filter((a) => {
      const at = registers.unitOn(a.unit_code, date) ?? registers.unitVersions(a.unit_code).at(-1);
      if (!at) return false;
      return a.unit_code === unit || (level === 'district' && at.parent_code === unit);
    })
    .map((a) => a.code);
}

/**
 * The year the page details (elements, fields, agencies): the latest year whose overall index is
 * published for the unit while it existed under this name, else the latest year with any cell.
 * A commune with 38 responses in 2022 and 18 in 2024 is then described by its 2022 results,
 * each section saying which year it shows.
 */
function detailYear(data: PublishedData, survey: string, listing: UnitListing): string | undefined {
  const years = overallSeries(data, survey, listing.id, 'year').filter((r) => r.basis === 'direct' && validDuring(listing, r.period));
  return (years.filter((r) => r.status === 'ok').at(-1) ?? years.at(-1))?.period;
}

async function buildUnitContent(listing: UnitListing): Promise<UnitContent> {
  const data = publishedData();
  const registers = await siteRegisters();
  const surveys = await siteSurveys();
  const main = surveys.find((s) => s.id === MAIN_SURVEY);
  if (!main) throw new Error(`surveys/${MAIN_SURVEY}/survey.json is missing: the data pages describe that survey`);
  const survey = main.id;
  const unit = listing.id;
  const chartKey = listing.chartKey;
  const isProvince = listing.level === 'province';
  const province = provinceOf(registers, listing);
  const provinceId = province ? unitVersionId(province) : null;
  const year = detailYear(data, survey, listing);

  const trends: TrendPanel[] = [];
  const trendsWithheld: PeriodKind[] = [];
  for (const kind of PERIOD_KINDS) {
    const panel = trendPanel(data, main, listing, kind, kind === 'year' && !isProvince ? provinceId : null);
    if (panel) trends.push(panel);
    else trendsWithheld.push(kind);
  }

  const order: Record<BreakdownKey, readonly string[]> = {
    field: registers.fields.map((f) => f.code),
    channel: CHANNELS,
    respondent_type: RESPONDENT_TYPES,
    agency: year ? agencyCodesOf(registers, listing.code, year, listing.level) : [],
  };
  const breakdowns: BreakdownPanel[] = year
    ? // The province's agencies are all on its district pages (see agencyCodesOf).
      (['field', 'channel', 'respondent_type', ...(isProvince ? [] : ['agency' as const])] as const).map((breakdown) => {
        let cells = breakdownCells(data, survey, unit, year, breakdown, order[breakdown]);
        if (breakdown === 'agency') cells = cells.filter((c) => order.agency.includes(c.breakdown_value));
        const slug = { field: 'fields', channel: 'channels', respondent_type: 'respondent-types', agency: 'agencies' }[breakdown];
        const only = cells.length === 1 ? (cells[0] ?? null) : null;
        return { breakdown, dataset: only ? null : indexDataset(chartId(slug, survey, chartKey, year), cells), cellCount: cells.length, only };
      })
    : [];

  const elementRows = year ? elementCells(data, survey, unit, year) : [];
  const fieldRows = breakdowns.find((b) => b.breakdown === 'field')?.dataset?.rows ?? [];

  const otherSurveys = surveys
    .filter((s) => s.id !== survey)
    .map((s) => trendPanel(data, s, listing, 'year', isProvince ? null : provinceId))
    .filter((p): p is TrendPanel => p !== null);

  const targets: UnitTargets[] = [];
  for (const plan of await sitePlans()) {
    const content = await planContent(plan.id);
    const assessed = content.assessed.filter((a) => rowVersionId(a.row) === unit);
    if (assessed.length === 0) continue;
    const percentRows = assessed.filter((a) => a.row.indicator !== 'rank').map((a) => a.row);
    targets.push({
      plan: content,
      assessed,
      bullets: percentRows.length > 0 ? { id: chartId('targets', plan.id, chartKey), table: 'targets', rows: percentRows } : null,
      rankTargets: content.rankTargets.filter((r) => rowVersionId(r.assessed.row) === unit),
    });
  }

  return {
    listing,
    survey,
    year,
    provinceId,
    trends,
    trendsWithheld,
    elements: year ? indexDataset(chartId('elements', survey, chartKey, year), elementRows) : null,
    items: year ? indexDataset(chartId('items', survey, chartKey, year), itemCells(data, survey, unit, year)) : null,
    breakdowns,
    coverage: data.coverage.filter((r) => rowVersionId(r) === unit && r.survey === survey && /^\d{4}$/.test(r.period)),
    otherSurveys,
    targets,
    weakest: weakestParts(elementRows, fieldRows),
  };
}

const cache = new Map<string, Promise<UnitContent>>();

/** The content of a unit version's page, built once per build. */
export function unitContent(listing: UnitListing): Promise<UnitContent> {
  const key = listing.id;
  let content = cache.get(key);
  if (!content) {
    content = buildUnitContent(listing);
    cache.set(key, content);
  }
  return content;
}

export function unitDatasets(content: UnitContent): ChartDataset[] {
  const maybe = (d: ChartDataset | null): ChartDataset[] => (d ? [d] : []);
  return [
    ...content.trends.map((t) => t.dataset),
    ...maybe(content.elements),
    ...maybe(content.items),
    ...content.breakdowns.flatMap((b) => maybe(b.dataset)),
    ...content.otherSurveys.map((t) => t.dataset),
    ...content.targets.flatMap(planDatasets),
  ];
}
