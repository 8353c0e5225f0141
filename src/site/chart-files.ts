/**
 * Which pages' charts get files of their own (SVG and PNG images, an embed page, XLSX copies):
 * every page's, except the pages of units whose level site.json `chart_files` leaves out (a
 * national site leaves out its 3,321 communes: some 80,000 image files, most of the build's time).
 * Such a chart keeps everything else: its drawing, table twin, CSV, permalink and citation.
 */
import type { UnitLevel } from '../intake/types.ts';
import { pageInventory } from './page-inventory.ts';
import { parsePath } from './routes.ts';
import { siteConfig } from './site-config.ts';

/** Whether the unit pages of `level` have chart files. */
export async function levelHasChartFiles(level: UnitLevel): Promise<boolean> {
  return (await siteConfig()).chart_files.includes(level);
}

let levelsByPage: Promise<Map<string, UnitLevel>> | undefined;

/** Unit page address part (`22810-ninh-son`) → the unit's level. */
function unitLevels(): Promise<Map<string, UnitLevel>> {
  levelsByPage ??= pageInventory().then((inventory) => new Map(inventory.unitListings.map((l) => [`${l.code}-${l.slug}`, l.level])));
  return levelsByPage;
}

/** Whether the charts of the page at `path` (`/don-vi/22810-ninh-son/`) get their files. */
export async function pageHasChartFiles(path: string): Promise<boolean> {
  const parsed = parsePath(path);
  if (parsed?.route.key !== 'unit') return true;
  const level = (await unitLevels()).get(`${parsed.route.code}-${parsed.route.slug}`);
  return level === undefined || (await levelHasChartFiles(level));
}
