/**
 * This release against the previous one, for the data step (data-contract.md → Releases): the
 * previous release is the newest kept one (data/releases/<id>/); each result table's rows get
 * their `flag` and its changed values become rows of revisions.csv (src/publish/revisions.ts).
 * Before any release is kept, rows get only the `p` of their open periods.
 */
import type { Registers } from '../intake/registers.ts';
import type { SiteConfig } from '../intake/types.ts';
import { csvFileName, flagAndDiff, readPreviousTable, type RevisionContext, type RevisionRow } from '../publish/revisions.ts';
import type { TableSchema } from '../publish/schemas.ts';
import { listKeptReleases, readKeptTable, type KeptRelease } from './kept-release.ts';

export interface ReleaseRevisions {
  /** The release compared with; undefined for the first one. */
  previous: KeptRelease | undefined;
  /** Flags `rows` in place and records their revisions (call once per result table, in file order). */
  flag(schema: TableSchema, rows: object[]): void;
  /** Every revision recorded so far, in the order the tables were flagged. */
  readonly rows: RevisionRow[];
}

export async function releaseRevisions(dataDir: string, site: SiteConfig, registers: Registers): Promise<ReleaseRevisions> {
  const { release } = site;
  const kept = await listKeptReleases(dataDir);
  const same = kept.find((k) => k.release.version === release.version);
  if (same) {
    throw new Error(
      `site.json names release ${release.version}, which is kept already in ${same.dir}: a kept release never changes. ` +
        'Give the new release its own version (and date) in site.json.',
    );
  }
  const previous = kept.filter((k) => k.release.date <= release.date).at(-1);
  const parents = new Map<string, string[]>();
  for (const unit of registers.units) {
    if (!unit.parent_code) continue;
    const list = parents.get(unit.code) ?? [];
    if (!list.includes(unit.parent_code)) list.push(unit.parent_code);
    parents.set(unit.code, list);
  }
  const ctx: RevisionContext = {
    release: release.version,
    previousRelease: previous?.release.version ?? '',
    changes: release.changes,
    provisionalPeriods: release.status === 'provisional' ? release.provisional_periods : [],
    parentsOf: (code) => parents.get(code) ?? [],
  };
  const rows: RevisionRow[] = [];
  return {
    previous,
    rows,
    flag(schema, tableRows) {
      const text = previous ? readKeptTable(previous, csvFileName(schema)) : undefined;
      const table = text === undefined ? undefined : readPreviousTable(schema, text);
      for (const row of flagAndDiff(schema, tableRows, table, ctx)) rows.push(row);
    },
  };
}
