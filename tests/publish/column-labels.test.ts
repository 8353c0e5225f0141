import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurvey } from '../../src/intake/load-survey.ts';
import { NAMED_CODES } from '../../src/publish/code-names.ts';
import { COLUMN_LABELS, columnLabel } from '../../src/publish/column-labels.ts';
import { funnelSchema } from '../../src/publish/funnel-schema.ts';
import { FIXED_SCHEMAS, responsesSchema, type TableSchema } from '../../src/publish/schemas.ts';
import { CHART_SCHEMAS, chartCsvSchema } from '../../src/site/chart-datasets.ts';

const dataDir = join(import.meta.dirname, '..', '..', 'data');

async function everySchema(): Promise<TableSchema[]> {
  const surveys = readdirSync(join(dataDir, 'surveys'));
  const responses = await Promise.all(surveys.map(async (id) => responsesSchema(await loadSurvey(dataDir, id, () => {}))));
  const charts = (Object.keys(CHART_SCHEMAS) as (keyof typeof CHART_SCHEMAS)[]).map((table) => chartCsvSchema(table));
  return [...FIXED_SCHEMAS, ...responses, funnelSchema, ...charts];
}

describe('XLSX column labels', () => {
  it('has a Vietnamese and an English label for every column of every published table and chart CSV', async () => {
    const missing: string[] = [];
    for (const schema of await everySchema()) {
      for (const field of schema.fields) {
        const label = columnLabel(schema, field);
        if (!label || label.vi.trim() === '' || label.en.trim() === '') missing.push(`${schema.name}.${field.name}`);
      }
    }
    // Each entry names a column to add to COLUMN_LABELS (src/publish/column-labels.ts).
    expect(missing).toEqual([]);
  });

  it('labels the name columns written beside codes', () => {
    const missing = NAMED_CODES.map((n) => n.nameColumn).filter((name) => !COLUMN_LABELS[name]);
    expect(missing).toEqual([]);
  });

  it('says the scale each number column is published in, as the schema describes it', async () => {
    const wrong: string[] = [];
    for (const schema of await everySchema()) {
      for (const field of schema.fields) {
        if (field.type !== 'number') continue;
        const en = field.description_en;
        // A column of targets holds % for index targets and a rank for rank targets: one scale per row, which its label says in words.
        const expected = /or ranks?\b/.test(en) ? undefined : /fraction 0–1/.test(en) ? 'fraction' : /percentage points/.test(en) ? 'points' : /\(%, 2 decimals\)/.test(en) ? 'percent' : undefined;
        const scale = columnLabel(schema, field)?.scale;
        if (scale !== expected) wrong.push(`${schema.name}.${field.name}: label says ${scale}, schema says ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps Vietnamese labels free of the English ones', () => {
    const same = Object.entries(COLUMN_LABELS).filter(([, l]) => l.vi === l.en && !/^[a-z0-9_ ()–-]+$/i.test(l.vi));
    expect(same).toEqual([]);
  });
});
