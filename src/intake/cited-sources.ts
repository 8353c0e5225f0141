/**
 * The sources the published data package cites: those named by the unit register, the 2025
 * crosswalk, the instruments' legal basis and the plans — looked up in data/published/sources.csv.
 * The official figures shown on their own page cite their sources there; they are not part of the
 * computed data package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Plan, SurveyInstrument } from './types.ts';

export interface CitedSource {
  source_id: string;
  publisher: string;
  title: string;
  url: string | null;
}

function csvRows(path: string): Record<string, string>[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Ids in a `source_id` cell, which may list several (`S30;S32`). */
function ids(cell: string | undefined): string[] {
  return (cell ?? '').split(/[;,\s]+/).filter((s) => s !== '');
}

export function citedSources(dataDir: string, surveys: readonly SurveyInstrument[], plans: readonly Plan[]): CitedSource[] {
  const wanted = new Set<string>();
  for (const file of ['units.csv', 'crosswalk-2025.csv']) {
    for (const row of csvRows(join(dataDir, file))) for (const id of ids(row.source_id)) wanted.add(id);
  }
  for (const survey of surveys) for (const basis of survey.legal_basis) for (const id of ids(basis.source_id)) wanted.add(id);
  for (const plan of plans) for (const id of ids(plan.source.source_id)) wanted.add(id);
  return csvRows(join(dataDir, 'published', 'sources.csv'))
    .filter((row) => wanted.has(row.source_id ?? ''))
    .map((row) => ({
      source_id: row.source_id ?? '',
      publisher: row.publisher ?? '',
      title: row.title ?? '',
      url: row.url ? row.url : null,
    }))
    .sort((a, b) => a.source_id.localeCompare(b.source_id));
}
