/**
 * The changelog of a release (route `changes`): revisions.csv as a reader needs it. The file lists
 * every changed published value; the page groups the headline ones by unit, largest change first
 * — a unit's yearly and quarterly index and its elements (indices.csv `value`, all respondents),
 * its rank (rankings.csv `rank`) — and counts the rest per file and kind, with the file one click
 * away. Months are left to the file: a month's few questionnaires swing more than the year a
 * report quotes, and would push the years off the page.
 */
import type { ChangeKind } from '../intake/types.ts';
import { readPublishedCsv } from '../publish/file-parts.ts';
import { formatNumber, formatPercent, formatPeriod } from './format.ts';
import type { Lang } from './i18n.ts';
import { PUBLISHED_DIR, parsePublishedCsv } from './published-data.ts';

export const REVISIONS_FILE = 'revisions.csv';

/** One row of revisions.csv (data-contract.md → Releases). */
export interface RevisionRecord {
  release: string;
  previous_release: string;
  file: string;
  key: string;
  column: string;
  previous_value: string;
  value: string;
  kind: ChangeKind;
  reason: string;
  reason_en: string;
}

let cached: RevisionRecord[] | undefined;

/** The rows of this build's revisions.csv; none before a second release exists. */
export function readRevisions(dir = PUBLISHED_DIR): RevisionRecord[] {
  if (dir === PUBLISHED_DIR && cached) return cached;
  // Whole or in parts (src/publish/file-parts.ts): a large revision touches every cell.
  const text = readPublishedCsv(dir, REVISIONS_FILE);
  const rows = text !== undefined ? (parsePublishedCsv(text) as unknown as RevisionRecord[]) : [];
  if (dir === PUBLISHED_DIR) cached = rows;
  return rows;
}

/** Key columns of the files whose rows the page reads (schemas.ts primaryKey, in order). */
const KEY_COLUMNS: Record<string, readonly string[]> = {
  'indices.csv': ['survey', 'period', 'unit_code', 'unit_valid_from', 'breakdown', 'breakdown_value', 'indicator'],
  'rankings.csv': ['survey', 'period', 'unit_level', 'unit_code', 'unit_valid_from', 'k'],
};

/** A revisions key read back into its columns (`sipas|2024|586|…` → { survey: 'sipas', … }). */
export function keyFields(file: string, key: string): Record<string, string> | undefined {
  const columns = KEY_COLUMNS[file];
  if (!columns) return undefined;
  const values = key.split('|');
  return values.length === columns.length ? Object.fromEntries(columns.map((c, i) => [c, values[i] ?? ''])) : undefined;
}

/** One headline change as the page lists it. */
export interface HeadlineChange {
  survey: string;
  period: string;
  /** `overall`, an element code, or `rank`. */
  what: string;
  previous: string;
  value: string;
  /** |new − previous| on the column's own scale (percentage points, rank places); null when either is empty. */
  size: number | null;
  kind: ChangeKind;
}

export interface UnitChanges {
  unit: string;
  unitValidFrom: string;
  changes: HeadlineChange[];
  /** The largest `size` of the unit's index changes (what orders the units). */
  largest: number;
}

/**
 * The headline changes of a release, grouped by unit version and ordered largest first (units by
 * their largest index change, a unit's changes by size). `levels` gives each indicator's level.
 */
export function headlineChanges(rows: readonly RevisionRecord[], isElementOrOverall: (survey: string, indicator: string) => boolean): UnitChanges[] {
  const byUnit = new Map<string, UnitChanges>();
  for (const row of rows) {
    if (row.kind === 'new' || row.kind === 'withdrawn') continue;
    const fields = keyFields(row.file, row.key);
    if (!fields) continue;
    let what: string | undefined;
    if (row.file === 'indices.csv' && row.column === 'value' && fields.breakdown === 'all' && isElementOrOverall(fields.survey ?? '', fields.indicator ?? '')) what = fields.indicator;
    if (row.file === 'rankings.csv' && row.column === 'rank') what = 'rank';
    if (!what || /^\d{4}-\d{2}$/.test(fields.period ?? '')) continue;
    const id = `${fields.unit_code}@${fields.unit_valid_from}`;
    let unit = byUnit.get(id);
    if (!unit) {
      unit = { unit: fields.unit_code ?? '', unitValidFrom: fields.unit_valid_from ?? '', changes: [], largest: 0 };
      byUnit.set(id, unit);
    }
    const size = row.previous_value === '' || row.value === '' ? null : Math.abs(Number(row.value) - Number(row.previous_value));
    unit.changes.push({ survey: fields.survey ?? '', period: fields.period ?? '', what, previous: row.previous_value, value: row.value, size, kind: row.kind });
    if (what !== 'rank' && size !== null) unit.largest = Math.max(unit.largest, size);
  }
  const units = [...byUnit.values()];
  for (const unit of units) unit.changes.sort((a, b) => (b.size ?? -1) - (a.size ?? -1) || a.period.localeCompare(b.period) || a.what.localeCompare(b.what));
  return units.sort((a, b) => b.largest - a.largest || b.changes.length - a.changes.length || a.unit.localeCompare(b.unit));
}

/** Counts per file and kind: changed values for revision/correction, rows for new/withdrawn. */
export function changeCounts(rows: readonly RevisionRecord[]): { file: string; counts: Record<ChangeKind, number> }[] {
  const byFile = new Map<string, Record<ChangeKind, number>>();
  for (const row of rows) {
    let counts = byFile.get(row.file);
    if (!counts) {
      counts = { revision: 0, correction: 0, new: 0, withdrawn: 0 };
      byFile.set(row.file, counts);
    }
    counts[row.kind] += 1;
  }
  return [...byFile.entries()].map(([file, counts]) => ({ file, counts })).sort((a, b) => a.file.localeCompare(b.file));
}

/** A change's two values and its size as the page prints them. */
export function formatChange(change: HeadlineChange, lang: Lang): { previous: string; value: string; size: string; period: string } {
  const isRank = change.what === 'rank';
  const show = (text: string) => (text === '' ? '—' : isRank ? text : formatPercent(Number(text), lang));
  const signed = change.size === null ? '—' : `${Number(change.value) >= Number(change.previous) ? '+' : '−'}${isRank ? formatNumber(change.size, lang) : formatNumber(change.size, lang, 2)}`;
  return { previous: show(change.previous), value: show(change.value), size: signed, period: formatPeriod(change.period, lang) };
}
