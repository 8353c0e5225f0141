import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataPackage } from '../../src/publish/check-datapackage.ts';
import { writePublished } from '../../src/publish/write-published.ts';
import { publishInput } from '../fixtures/publish/fixture.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const work = mkdtempSync(join(tmpdir(), 'datapackage-check-'));
const dir = join(work, 'data');
let good: Json;

beforeAll(async () => {
  await writePublished(dir, publishInput());
  good = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as Json;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The written descriptor with one change applied to a deep copy. */
function broken(change: (pkg: Json) => void): Json {
  const copy = structuredClone(good);
  change(copy);
  return copy;
}

describe('checkDataPackage', () => {
  it('passes the written package', async () => {
    expect(await checkDataPackage(good, { dir, verifyHashes: true })).toEqual([]);
  });

  it.each([
    ['a wrong profile', (p: Json) => (p.$schema = 'https://specs.frictionlessdata.io/schemas/data-package.json'), /\$schema must be/],
    ['an upper-case package name', (p: Json) => (p.name = 'SIPAS'), /package name must match/],
    ['a created date without time', (p: Json) => (p.created = '2025-01-15'), /created must be an RFC 3339/],
    ['no licence', (p: Json) => (p.licenses = []), /licenses must be a non-empty list/],
    ['a source without title', (p: Json) => delete p.sources[0].title, /sources\[0\] needs a title/],
    ['a resource name with a space', (p: Json) => (p.resources[0].name = 'indices csv'), /resources\[0\] name must match/],
    ['two resources with one name', (p: Json) => (p.resources[1].name = p.resources[0].name), /is not unique/],
    ['an absolute path', (p: Json) => (p.resources[0].path = '/etc/passwd'), /path must be a relative path/],
    ['a path going up', (p: Json) => (p.resources[0].path = 'data/../../secret.csv'), /path must be a relative path/],
    ['a URL path', (p: Json) => (p.resources[0].path = 'https://example.org/x.csv'), /path must be a relative path/],
    ['a bare hex hash', (p: Json) => (p.resources[0].hash = p.resources[0].hash.slice(7)), /hash must look like sha256:/],
    ['an md5 hash', (p: Json) => (p.resources[0].hash = 'md5:0123456789abcdef0123456789abcdef'), /hash must look like sha256:/],
    ['a wrong mediatype', (p: Json) => (p.resources[0].mediatype = 'text/plain'), /mediatype must be text\/csv/],
    ['a field type outside the set', (p: Json) => (p.resources[0].schema.fields[7].type = 'float'), /type must be one of string, integer, number, boolean, date/],
    ['a primary key naming no field', (p: Json) => (p.resources[0].schema.primaryKey = ['nope']), /primaryKey nope is not a field/],
    ['a CSV without dialect', (p: Json) => delete p.resources[0].dialect, /CSV needs a dialect/],
  ])('finds %s', async (_what, change, problem) => {
    const problems = await checkDataPackage(broken(change));
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });

  it('compares bytes, hash and CSV header with the files on disk', async () => {
    const wrongBytes = broken((p) => (p.resources[0].bytes += 1));
    expect(await checkDataPackage(wrongBytes, { dir })).toEqual([expect.stringMatching(/indices-csv\) bytes is \d+ but the file has \d+/)]);

    const wrongHash = broken((p) => (p.resources[0].hash = `sha256:${'0'.repeat(64)}`));
    expect(await checkDataPackage(wrongHash, { dir })).toEqual([]);
    expect(await checkDataPackage(wrongHash, { dir, verifyHashes: true })).toEqual([expect.stringMatching(/hash does not match the file/)]);

    const renamedField = broken((p) => (p.resources[0].schema.fields[13].name = 'std_error'));
    expect(await checkDataPackage(renamedField, { dir })).toEqual([expect.stringMatching(/CSV header "survey,.*,status,se,unit_valid_from,basis,flag" differs from the schema fields "survey,.*,status,std_error,unit_valid_from,basis,flag"/)]);

    const missing = broken((p) => (p.resources[0].path = 'gone.csv'));
    expect(await checkDataPackage(missing, { dir })).toEqual([expect.stringMatching(/file gone.csv does not exist/)]);
  });

  it('notices a file changed after the package was written', async () => {
    const copy = join(work, 'changed');
    await writePublished(copy, publishInput());
    const path = join(copy, 'fields.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Đất đai', 'Đất  đai'));
    const pkg = JSON.parse(readFileSync(join(copy, 'datapackage.json'), 'utf8')) as Json;
    const problems = await checkDataPackage(pkg, { dir: copy, verifyHashes: true });
    expect(problems).toEqual([expect.stringMatching(/fields-csv\) bytes is/), expect.stringMatching(/fields-csv\) hash does not match/)]);
  });
});
