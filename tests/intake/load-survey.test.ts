import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { listResponseFiles, listSurveyIds, loadSurvey, normaliseSurvey } from '../../src/intake/load-survey.ts';
import { stringify } from 'yaml';
import { FIXTURE_DATA, labelOf, tempDir } from './fixture.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const raw = (): Json => JSON.parse(readFileSync(join(FIXTURE_DATA, 'surveys/mini/survey.json'), 'utf8')) as Json;

function refusal(change: (o: Json) => void): string {
  const o = raw();
  change(o);
  try {
    normaliseSurvey(o, 'survey.json', () => {}, 'mini');
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).format();
  }
  throw new Error('expected a refusal');
}

describe('loadSurvey', () => {
  it('reads the instrument', async () => {
    const survey = await loadSurvey(FIXTURE_DATA, 'mini', () => {});
    expect(survey.elements.map((e) => [e.code, e.items.map((i) => i.column)])).toEqual([['TC', ['TC1', 'TC2']], ['CC', ['CC1', 'CC2']]]);
    expect(survey.scale.satisfied).toEqual([4, 5]);
    expect(survey.method_versions.map((v) => v.version)).toEqual(['v1', 'v2']);
  });

  it('lists surveys, and response files in name order, warning about non-CSV files', () => {
    expect(listSurveyIds(FIXTURE_DATA)).toEqual(['mini']);
    const warnings: string[] = [];
    expect(listResponseFiles(FIXTURE_DATA, 'mini', (m) => warnings.push(m), labelOf).map(labelOf)).toEqual(['2024-a.csv', '2024-b.csv']);
    expect(warnings).toEqual(['late-returns.xlsx: not a .csv file, so not read. If it holds responses, save it as "CSV UTF-8 (Comma delimited)".']);
  });

  it('refuses duplicate item codes and columns, and reserved codes', () => {
    expect(refusal((o) => (o.elements[1].items[0].code = 'TC1'))).toBe(
      'survey.json, field elements[1].items[0].code: "TC1" is already used at elements[0].items[0].code.\n  How to fix: codes must be unique across elements and items.',
    );
    expect(refusal((o) => (o.elements[1].items[0].column = 'TC2'))).toBe(
      'survey.json, field elements[1].items[0].column: "TC2" is already the column of elements[0].items[1].\n  How to fix: give each item its own column.',
    );
    expect(refusal((o) => (o.elements[0].code = 'overall'))).toBe(
      'survey.json, field elements[0].code: "overall" is reserved for the overall indicator.\n  How to fix: choose another code.',
    );
    expect(refusal((o) => (o.elements[0].items[0].column = 'date'))).toBe(
      'survey.json, field elements[0].items[0].column: "date" is a fixed column of the responses file.\n  How to fix: name the item column after the item code.',
    );
  });

  it('refuses a scale whose labels or satisfied values do not fit it', () => {
    expect(refusal((o) => o.scale.labels.pop())).toBe(
      'survey.json, field scale.labels: has 4 labels but the scale 1–5 has 5 values.\n  How to fix: give one label per value, lowest first.',
    );
    expect(refusal((o) => (o.scale.satisfied = [4, 6]))).toBe(
      'survey.json, field scale.satisfied[1]: must be between 1 and 5, found 6.\n  How to fix: correct the value.',
    );
  });

  it('refuses method versions out of order or overlapping', () => {
    expect(refusal((o) => o.method_versions.reverse())).toBe(
      'survey.json, field method_versions[1].valid_from: 2017-01-01 is not after the previous version\'s 2023-01-01: versions must be listed in time order.\n  How to fix: list the versions oldest first.',
    );
    expect(refusal((o) => (o.method_versions[0].valid_to = '2023-01-01'))).toBe(
      'survey.json, field method_versions[0].valid_to: must end before the next version starts (2023-01-01), found 2023-01-01.\n  How to fix: set valid_to of the earlier version to the day before the next one starts.',
    );
  });

  it('refuses an id that differs from its folder, and weights on only some elements', () => {
    expect(refusal((o) => (o.id = 'sipas'))).toBe(
      'survey.json, field id: is "sipas" but the file lies in the folder surveys/mini/.\n  How to fix: make the id and the folder name the same.',
    );
    expect(refusal((o) => (o.elements[0].weight = 2))).toBe(
      'survey.json, field elements[1].weight: is missing while 1 other element(s) have a weight.\n  How to fix: give every element a weight, or none (equal weights).',
    );
  });

  it('reads the same instrument written as YAML', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'surveys', 'mini'), { recursive: true });
    writeFileSync(join(dir, 'surveys', 'mini', 'survey.yaml'), stringify(raw()));
    expect(await loadSurvey(dir, 'mini', () => {})).toEqual(await loadSurvey(FIXTURE_DATA, 'mini', () => {}));
  });

  it('reports YAML syntax errors with the line', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'surveys', 'mini'), { recursive: true });
    writeFileSync(join(dir, 'surveys', 'mini', 'survey.yaml'), 'id: mini\ntitle: { vi: "a", en: "b"\nscale: 1\n');
    const error = (await loadSurvey(dir, 'mini', () => {}, labelOf).catch((e: unknown) => e)) as DataError;
    expect(error).toBeInstanceOf(DataError);
    expect(error.format()).toMatch(/^survey\.yaml, line \d: not valid YAML \(.+\)\.\n {2}How to fix: check the indentation and the quotes around that line\.$/);
  });

  it('accepts a legal basis known only by year', () => {
    const o = raw();
    o.legal_basis[0].date = '2013';
    expect(normaliseSurvey(o, 'survey.json', () => {}).legal_basis[0]?.date).toBe('2013');
  });
});
