/**
 * A release as the publisher states it (data-contract.md → Releases): `release` in site.json for
 * the current one, `data/releases/<id>/release.json` for each kept one, and `planned_releases` in
 * site.json for the calendar. One reader for all three, so a kept release reads exactly as it did
 * when it was current.
 */
import type { FieldReader } from './field-reader.ts';
import type { ChangeKind, PlannedRelease, Release, ReleaseChange, ReleaseStatus } from './types.ts';

export const RELEASE_STATUSES: readonly ReleaseStatus[] = ['provisional', 'final'];
export const CHANGE_KINDS: readonly ChangeKind[] = ['revision', 'correction', 'new', 'withdrawn'];

/** A release id becomes one segment of its frozen address (`/phat-hanh/2026.1/`). */
const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function readRelease(r: FieldReader, value: unknown, path: string, warn: (message: string) => void): Release {
  const o = r.object(value, path);
  r.warnUnknownKeys(o, ['version', 'date', 'status', 'provisional_periods', 'notes', 'changes'], path, warn);
  const status = o.status === undefined ? 'final' : r.oneOf(o.status, RELEASE_STATUSES, `${path}.status`);
  const provisional = o.provisional_periods === undefined ? [] : r.array(o.provisional_periods, `${path}.provisional_periods`).map((p, i) => r.string(p, `${path}.provisional_periods[${i}]`));
  if (status === 'final' && provisional.length > 0) {
    r.fail(`${path}.provisional_periods`, 'lists periods still open, but the release is final.', 'remove provisional_periods, or set status to "provisional".');
  }
  const release: Release = {
    version: releaseId(r, o.version, `${path}.version`),
    date: r.isoDate(o.date, `${path}.date`),
    status,
    provisional_periods: provisional,
    changes: o.changes === undefined ? [] : r.array(o.changes, `${path}.changes`).map((c, i) => readChange(r, c, `${path}.changes[${i}]`, warn)),
  };
  if (o.notes !== undefined) release.notes = r.bilingual(o.notes, `${path}.notes`);
  return release;
}

export function readPlannedRelease(r: FieldReader, value: unknown, path: string, warn: (message: string) => void): PlannedRelease {
  const o = r.object(value, path);
  r.warnUnknownKeys(o, ['version', 'date', 'status', 'notes'], path, warn);
  const planned: PlannedRelease = {
    version: releaseId(r, o.version, `${path}.version`),
    date: r.isoDate(o.date, `${path}.date`),
    status: r.oneOf(o.status, RELEASE_STATUSES, `${path}.status`),
  };
  if (o.notes !== undefined) planned.notes = r.bilingual(o.notes, `${path}.notes`);
  return planned;
}

function releaseId(r: FieldReader, value: unknown, path: string): string {
  const id = r.string(value, path);
  if (!RELEASE_ID.test(id)) r.fail(path, `"${id}" cannot be part of an address.`, 'use letters, digits, ".", "-" or "_" only, e.g. "2026.2".');
  return id;
}

function readChange(r: FieldReader, value: unknown, path: string, warn: (message: string) => void): ReleaseChange {
  const o = r.object(value, path);
  r.warnUnknownKeys(o, ['kind', 'reason', 'surveys', 'periods', 'units'], path, warn);
  const change: ReleaseChange = { kind: r.oneOf(o.kind, CHANGE_KINDS, `${path}.kind`), reason: r.bilingual(o.reason, `${path}.reason`) };
  const list = (key: 'surveys' | 'periods' | 'units'): string[] | undefined =>
    o[key] === undefined ? undefined : r.array(o[key], `${path}.${key}`).map((v, i) => r.string(v, `${path}.${key}[${i}]`));
  const surveys = list('surveys');
  const periods = list('periods');
  const units = list('units');
  if (surveys) change.surveys = surveys;
  if (periods) change.periods = periods;
  if (units) change.units = units;
  return change;
}
