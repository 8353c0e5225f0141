/**
 * Which ranking groups get a page of their own (routes.ts → ranking with \`within\`), read from
 * rankings.csv alone so the page inventory can list them without building any ranking.
 */
import type { RankingRow } from '../engine/tables.ts';

/**
 * The groups of a year ranked on a page of their own: those ranked within a unit that is itself
 * ranked that year (a national site's communes, ranked within provinces that are ranked within
 * the country). The year's page then shows the higher ranking and links to each of them, so no
 * page carries 34 rankings. As `level|parent_code` keys.
 */
export function ownPageGroups(yearRows: readonly RankingRow[]): Set<string> {
  const ranked = new Set(yearRows.map((r) => r.unit_code));
  return new Set(yearRows.filter((r) => r.parent_code !== '' && ranked.has(r.parent_code)).map((r) => `${r.unit_level}|${r.parent_code}`));
}
