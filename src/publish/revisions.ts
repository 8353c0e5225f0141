/**
 * Revisions between two releases (data-contract.md → Releases): a pure comparison of the rows this
 * release computed with the CSV the previous release published.
 *
 * What is compared is what a reader saw: the published text of each cell (publishRow rounds exactly
 * as the CSV does), so a value that moved only in its third decimal is not a revision. Every changed
 * value must be explained by an entry of the release notes (site.json `release.changes`): a number
 * that changes silently is exactly what releases exist to prevent, so an unexplained change stops
 * the build with a message that says what to add.
 *
 * Each result row also gets its `flag`: `r` when some value of it changed, else `p` when its period
 * is still open in this release, else none.
 */
import Papa from 'papaparse';
import { publishRow, valuesInSchemaOrder } from './cell.ts';
import type { ChangeKind, ReleaseChange } from '../intake/types.ts';
import type { TableSchema } from './schemas.ts';

/** A release's reasons for changed values are read from site.json (intake/read-release.ts). */
export type { ChangeKind, ReleaseChange };

export interface RevisionContext {
  release: string;
  previousRelease: string;
  changes: readonly ReleaseChange[];
  /** Periods still open in this release (empty when the release is final): rows whose period starts with one get `p`. */
  provisionalPeriods: readonly string[];
  /** Parent codes of a unit code (every version's parent; [] for a root). */
  parentsOf(code: string): readonly string[];
}

/** The previous release's published table, as read back from its CSV. */
export interface PreviousTable {
  /** The CSV file name, e.g. `indices.csv`. */
  file: string;
  /** The previous CSV's header, in its order (it may lack columns appended since). */
  columns: readonly string[];
  /** Each row's cell texts, in file order (in `columns` order; '' = empty cell, formula guard undone). */
  rows: readonly (readonly string[])[];
  /** The key of each row, in `rows` order: its primary-key texts joined with `|`. */
  keys: readonly string[];
  /** Position of a key in `rows`; undefined when the previous release had no such row. */
  find(key: string): number | undefined;
}

/** One row of revisions.csv (schemas.ts → revisionsSchema). */
export interface RevisionRow {
  release: string;
  previous_release: string;
  file: string;
  key: string;
  /** '' for a new or withdrawn row. */
  column: string;
  /** Published texts; '' for an empty cell (and for a new or withdrawn row). */
  previous_value: string;
  value: string;
  kind: ChangeKind;
  reason: string;
  reason_en: string;
}

const DEFAULT_NEW = { vi: 'Số liệu mới trong bản phát hành này', en: 'New in this release' };
const DEFAULT_WITHDRAWN = { vi: 'Không còn trong bản phát hành này', en: 'No longer in this release' };
const FLAG = 'flag';
/** The columns that name a row's units, for the `units` scope of a change. */
const UNIT_COLUMNS = ['unit_code', 'unit_a', 'unit_b', 'parent_code'];
/** How many unexplained changes the error lists: enough to recognise them, short enough to read. */
const SHOWN_IN_ERROR = 5;
/** How many unit codes the suggested entry lists. */
const SHOWN_UNITS = 10;

/** The CSV file name of a table. */
export function csvFileName(schema: TableSchema): string {
  return `${schema.name}.csv`;
}

/**
 * Reads the previous release's CSV of a table (BOM, RFC 4180 quoting, as csv.ts writes it). The
 * writer prefixes a text cell that would start a spreadsheet formula with `'`; that is undone here
 * so texts compare with the computed values. (A text that really began with `'` and a formula
 * character would read back without its `'`: no code, enum or date of a result table does.)
 */
export function readPreviousTable(schema: TableSchema, csvText: string): PreviousTable {
  const file = csvFileName(schema);
  const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`the previous release's ${file} is not a readable CSV (row ${(first?.row ?? 0) + 1}: ${first?.message}); restore it from that release's files`);
  }
  const records = parsed.data;
  const header = records.shift();
  if (!header) throw new Error(`the previous release's ${file} is empty; restore it from that release's files`);
  const keyAt = keyPositions(schema, header, file);
  const isText = header.map((name) => schema.fields.find((field) => field.name === name)?.type === 'string');
  const keys: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string[];
    if (record.length !== header.length) {
      throw new Error(`the previous release's ${file}: line ${i + 2} has ${record.length} cells for ${header.length} columns`);
    }
    for (let c = 0; c < record.length; c++) if (isText[c]) record[c] = undoFormulaGuard(record[c] as string);
    keys[i] = joinKey(record, keyAt);
  }
  return { file, columns: header, rows: records, keys, find: lazyIndex(keys, file) };
}

/**
 * Key → position, built on the first lookup. flagAndDiff finds most rows by walking both tables
 * in step (same order), so a table whose rows did not move never pays for an index of hundreds of
 * thousands of keys. A repeated key is refused when the index is built.
 */
function lazyIndex(keys: readonly string[], file: string): (key: string) => number | undefined {
  let rowOf: Map<string, number> | undefined;
  return (key) => {
    if (!rowOf) {
      rowOf = new Map();
      for (let i = 0; i < keys.length; i++) {
        rowOf.set(keys[i] as string, i);
        if (rowOf.size !== i + 1) throw new Error(`the previous release's ${file}: line ${i + 2} repeats the key ${keys[i]}`);
      }
    }
    return rowOf.get(key);
  };
}

/** Where the schema's primary-key columns are in `columns`; every key column must be there. */
function keyPositions(schema: TableSchema, columns: readonly string[], file: string): number[] {
  return (schema.primaryKey ?? []).map((name) => {
    const at = columns.indexOf(name);
    if (at < 0) throw new Error(`the previous release's ${file} has no key column ${name}: its rows cannot be matched with this release's`);
    return at;
  });
}

/** A row's key: its primary-key texts joined with `|` (a loop: this runs once per row of large tables). */
function joinKey(texts: readonly (string | null | undefined)[], keyAt: readonly number[]): string {
  let key = texts[keyAt[0] as number] ?? '';
  for (let k = 1; k < keyAt.length; k++) key += '|' + (texts[keyAt[k] as number] ?? '');
  return key;
}

/** csv.ts's neutraliseFormula, reversed: `'=x` → `=x` (also for + - @ tab and carriage return). */
function undoFormulaGuard(text: string): string {
  return text.length > 1 && text[0] === "'" && /^[=+\-@\t\r]/.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Sets `flag` on every row (in place) and returns the revisions of this table: every changed value,
 * new keys, withdrawn keys, in the table's row order (withdrawn keys last, in the previous file's
 * order), each row's changes in schema column order. `previous` undefined (first release) → only
 * `p` flags, no revisions. Throws when a value changed and no entry of `ctx.changes` explains it.
 */
export function flagAndDiff(schema: TableSchema, rows: object[], previous: PreviousTable | undefined, ctx: RevisionContext): RevisionRow[] {
  const file = csvFileName(schema);
  const names = schema.fields.map((field) => field.name);
  const keyAt = (schema.primaryKey ?? []).map((name) => names.indexOf(name));
  const keyNames = new Set(schema.primaryKey ?? []);
  // Compared: every current column that is not a key and not the flag itself.
  const compared = names.flatMap((name, at) => (keyNames.has(name) || name === FLAG ? [] : [at]));
  // Where each compared column is in the previous CSV; -1 = appended since (compares as empty).
  const previousAt = compared.map((at) => previous?.columns.indexOf(names[at] as string) ?? -1);
  const periodAt = names.indexOf('period');
  const provisional = ctx.provisionalPeriods;
  const scope = new ScopeMatcher(ctx);
  const currentScope = textReader(names);
  const rankedAmongSiblings = schema.name === 'targets';

  const revisions: RevisionRow[] = [];
  const unexplained: Unexplained[] = [];
  // Which previous rows this release still has; the others are withdrawn.
  const kept = new Uint8Array(previous?.rows.length ?? 0);
  let next = 0;
  const base = { release: ctx.release, previous_release: ctx.previousRelease, file };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as object;
    const texts = publishRow(schema, valuesInSchemaOrder(schema, row), i + 1).texts;
    let revised = false;
    if (previous) {
      const key = joinKey(texts, keyAt);
      // Both releases usually list rows in the same order: the next previous row is tried first,
      // which is several times faster than a lookup among hundreds of thousands of keys.
      const at = previous.keys[next] === key ? next : previous.find(key);
      // A rank target's value is its unit's rank among its siblings, so a change to a sibling
      // moves it: the unit's parent stands in for the group, as parent_code does in rankings.
      const text: ScopeText = (name) =>
        name === 'parent_code' && rankedAmongSiblings ? ctx.parentsOf(currentScope(texts, 'unit_code') ?? '')[0] : currentScope(texts, name);
      if (at === undefined) {
        const reason = scope.reasonFor('new', text) ?? DEFAULT_NEW;
        revisions.push({ ...base, key, column: '', previous_value: '', value: '', kind: 'new', reason: reason.vi, reason_en: reason.en });
      } else {
        kept[at] = 1;
        next = at + 1;
        const before = previous.rows[at] as readonly string[];
        const changed = changedColumns(texts, before, compared, previousAt);
        if (changed) {
          revised = true;
          // Only rows that changed are matched against the notes: most rows do not.
          const explained = scope.explain(text);
          for (const c of changed) {
            const at = compared[c] as number;
            const from = previousAt[c] as number;
            const change = { ...base, key, column: names[at] as string, previous_value: from < 0 ? '' : (before[from] as string), value: texts[at] ?? '' };
            if (explained === 'none') unexplained.push({ ...change, scope: rowScope(text) });
            else revisions.push({ ...change, kind: explained.kind, reason: explained.reason.vi, reason_en: explained.reason.en });
          }
        }
      }
    }
    (row as { flag?: 'p' | 'r' | null }).flag = revised ? 'r' : isProvisional(periodAt < 0 ? null : texts[periodAt], provisional) ? 'p' : null;
  }

  if (unexplained.length > 0) throw new Error(unexplainedMessage(unexplained, ctx));

  if (previous) {
    const previousScope = textReader(previous.columns);
    for (let at = 0; at < previous.rows.length; at++) {
      if (kept[at] === 1) continue;
      const before = previous.rows[at] as readonly string[];
      const key = previous.keys[at] as string;
      const reason = scope.reasonFor('withdrawn', (name) => previousScope(before, name)) ?? DEFAULT_WITHDRAWN;
      revisions.push({ ...base, key, column: '', previous_value: '', value: '', kind: 'withdrawn', reason: reason.vi, reason_en: reason.en });
    }
  }
  return revisions;
}

/**
 * Positions (in `compared`) of the columns whose published text differs from the previous
 * release's; undefined when none does, as for almost every row (no array is made for those).
 * `previousAt` -1: the previous file lacks the column, which then reads as empty.
 */
function changedColumns(texts: readonly (string | null)[], before: readonly string[], compared: readonly number[], previousAt: readonly number[]): number[] | undefined {
  let changed: number[] | undefined;
  for (let c = 0; c < compared.length; c++) {
    const from = previousAt[c] as number;
    if ((texts[compared[c] as number] ?? '') !== (from < 0 ? '' : before[from])) (changed ??= []).push(c);
  }
  return changed;
}

/** Whether a row's period is one still open in this release (its values may change). */
function isProvisional(period: string | null | undefined, provisional: readonly string[]): boolean {
  if (!period) return false;
  for (const open of provisional) if (period.startsWith(open)) return true;
  return false;
}

/** A changed value no entry of the notes explains, with the row's scope for the suggested entry. */
interface Unexplained {
  file: string;
  key: string;
  column: string;
  previous_value: string;
  value: string;
  scope: RowScope;
}

/** What the scope of a change is matched on: the row's survey, periods and units. */
interface RowScope {
  survey: string;
  periods: string[];
  units: string[];
}

/** A reader of a named column of a row given as texts in `columns` order ('' for an empty cell). */
function textReader(columns: readonly string[]): (texts: readonly (string | null)[], name: string) => string | undefined {
  const at = new Map(columns.map((name, i) => [name, i]));
  return (texts, name) => {
    const i = at.get(name);
    return i === undefined ? undefined : (texts[i] ?? '');
  };
}

/** The survey, periods (own, then previous) and units (unit_code, unit_a, unit_b, parent_code) of a row. */
function rowScope(text: ScopeText): RowScope {
  return {
    survey: text('survey') ?? '',
    periods: [text('period'), text('previous_period')].filter((p): p is string => p !== undefined && p !== ''),
    units: UNIT_COLUMNS.map(text).filter((u): u is string => u !== undefined && u !== ''),
  };
}

type Explained = { kind: 'revision' | 'correction'; reason: { vi: string; en: string } } | 'none';

/** A row's text in a named column, or undefined when the table has no such column. */
type ScopeText = (name: string) => string | undefined;

/**
 * Which entries of the release notes cover a row. The `units` of an entry are widened once to
 * the units that CONTAIN them (their ancestors), so a row matches when any of its units is in
 * that set: the province total moves when one of its districts gets late questionnaires.
 */
class ScopeMatcher {
  readonly #entries: { change: ReleaseChange; units: Set<string> | undefined; surveys: Set<string> | undefined }[];

  constructor(ctx: RevisionContext) {
    this.#entries = ctx.changes.map((change) => ({
      change,
      surveys: change.surveys ? new Set(change.surveys) : undefined,
      units: change.units ? withAncestors(change.units, ctx.parentsOf) : undefined,
    }));
  }

  /** The kind and joined reasons of the revision/correction entries covering a row; 'none' if none does. */
  explain(text: ScopeText): Explained {
    const matching = this.#matching(text).filter((change) => change.kind === 'revision' || change.kind === 'correction');
    if (matching.length === 0) return 'none';
    // A correction among them names the change for what a reader must know: an error was fixed.
    const kind = matching.some((change) => change.kind === 'correction') ? 'correction' : 'revision';
    return { kind, reason: joinReasons(matching) };
  }

  /** The joined reasons of the entries of `kind` (new, withdrawn) covering a row; undefined if none does. */
  reasonFor(kind: 'new' | 'withdrawn', text: ScopeText): { vi: string; en: string } | undefined {
    const matching = this.#matching(text).filter((change) => change.kind === kind);
    return matching.length === 0 ? undefined : joinReasons(matching);
  }

  #matching(text: ScopeText): ReleaseChange[] {
    const { survey, periods, units } = rowScope(text);
    return this.#entries
      .filter((entry) => !entry.surveys || entry.surveys.has(survey))
      .filter(({ change }) => !change.periods || periods.some((period) => change.periods?.some((p) => period.startsWith(p))))
      .filter((entry) => !entry.units || units.some((unit) => entry.units?.has(unit)))
      .map((entry) => entry.change);
  }
}

/** The codes and every code above them (parents of parents…, across unit versions). */
function withAncestors(codes: readonly string[], parentsOf: (code: string) => readonly string[]): Set<string> {
  const found = new Set<string>();
  const pending = [...codes];
  while (pending.length > 0) {
    const code = pending.pop() as string;
    if (found.has(code)) continue;
    found.add(code);
    pending.push(...parentsOf(code));
  }
  return found;
}

function joinReasons(changes: readonly ReleaseChange[]): { vi: string; en: string } {
  return { vi: changes.map((c) => c.reason.vi).join('; '), en: changes.map((c) => c.reason.en).join('; ') };
}

/** What a publisher needs to fix an unexplained change: how many, which, and the entry to add. */
function unexplainedMessage(changes: readonly Unexplained[], ctx: RevisionContext): string {
  const first = changes[0] as Unexplained;
  const shown = changes
    .slice(0, SHOWN_IN_ERROR)
    .map((c) => `  - ${c.file} ${c.key}, ${c.column}: ${c.previous_value || '(empty)'} → ${c.value || '(empty)'}`)
    .join('\n');
  const more = changes.length > SHOWN_IN_ERROR ? `\n  … and ${changes.length - SHOWN_IN_ERROR} more` : '';
  return (
    `${first.file}: ${changes.length} published value${changes.length === 1 ? '' : 's'} changed since release ${ctx.previousRelease} ` +
    `without a reason in the notes of release ${ctx.release}:\n${shown}${more}\n` +
    'Add an entry to release.changes in data/site.json that covers them: kind "revision" (late data) or "correction" ' +
    '(an error fixed), reason { "vi": …, "en": … }, and its scope: surveys, periods and units (a unit covers the units above it). ' +
    `Covering all of them: ${suggestedEntry(changes)}. Narrow the units to the ones whose data changed. ` +
    'If these values were not meant to change, find what changed in the inputs instead.'
  );
}

/** A release.changes entry whose scope covers every unexplained change (the publisher narrows it). */
function suggestedEntry(changes: readonly Unexplained[]): string {
  const distinct = (values: readonly string[]) => [...new Set(values)].sort();
  const surveys = distinct(changes.map((c) => c.scope.survey).filter((s) => s !== ''));
  // The row's own period (the first of its periods): a trend's previous period is matched too.
  const periods = distinct(changes.map((c) => c.scope.periods[0] ?? '').filter((p) => p !== ''));
  const units = distinct(changes.flatMap((c) => c.scope.units.slice(0, 1)));
  const entry: Record<string, unknown> = { kind: 'revision', reason: { vi: '…', en: '…' } };
  if (surveys.length > 0) entry.surveys = surveys;
  if (periods.length > 0) entry.periods = periods;
  // A long list of units is itself a sign: name a few, the publisher decides the scope.
  if (units.length > 0) entry.units = units.length > SHOWN_UNITS ? [...units.slice(0, SHOWN_UNITS), `… ${units.length - SHOWN_UNITS} more`] : units;
  return JSON.stringify(entry);
}
