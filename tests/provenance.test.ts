/**
 * The provenance register: the real data folder must have a current record for every file, and
 * the problem finder and the refresh must behave on a throw-away folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ProvenanceRegisterError,
  REGISTER_FILE,
  SAMPLE_RESPONSES_RECORD,
  UNKNOWN_PRODUCER,
  findProvenanceProblems,
  formatRegister,
  listDataFiles,
  readRegister,
  refreshRegister,
  sha256OfFile,
} from '../src/intake/provenance.ts';
import type { ProvenanceRecord } from '../src/intake/provenance.ts';

const REPO_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

describe('the real data folder', () => {
  it('has a current, filled-in provenance record for every file', () => {
    // On failure the messages say what to do (usually: run `npm run provenance`).
    expect(findProvenanceProblems(REPO_DATA, 'data').map((p) => p.message)).toEqual([]);
  });

  it('records the registers and leaves the register itself out', () => {
    const files = listDataFiles(REPO_DATA);
    expect(files).toEqual(expect.arrayContaining(['units.csv', 'agencies.csv', 'surveys/sipas/survey.json']));
    expect(files).not.toContain(REGISTER_FILE);
  });
});

describe('sha256OfFile', () => {
  it('gives the FIPS 180-2 test vector for "abc" and for an empty file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sha-'));
    fs.writeFileSync(path.join(dir, 'abc.txt'), 'abc');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    expect(sha256OfFile(path.join(dir, 'abc.txt'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256OfFile(path.join(dir, 'empty.txt'))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fs.rmSync(dir, { recursive: true });
  });
});

describe('problem finder and refresh on a temporary folder', () => {
  let dir: string;
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const register = (): string => fs.readFileSync(path.join(dir, REGISTER_FILE), 'utf8');
  /** Fill in every record as an editor would, keeping the hashes the refresh computed. */
  const fillIn = (): void => {
    const contents = readRegister(dir, 'data');
    const records = (contents?.entries ?? []).map(({ record }) => ({ ...record, producer: 'editor', licence: 'CC-BY-4.0' }));
    fs.writeFileSync(path.join(dir, REGISTER_FILE), formatRegister(records, contents?.columns));
  };
  const kinds = () => findProvenanceProblems(dir, 'data').map((p) => [p.kind, p.path]);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-'));
    write('units.csv', 'code\n58\n');
    write('surveys/sipas/survey.json', '{}\n');
    write('.DS_Store', 'editor clutter');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true }));

  it('asks for a register when there is none', () => {
    expect(kinds()).toEqual([['no_register', REGISTER_FILE]]);
  });

  it('adds unknown-producer rows, which the check refuses until filled in', () => {
    const result = refreshRegister(dir, { sampleData: false });
    expect(result.added).toEqual(['surveys/sipas/survey.json', 'units.csv']);
    expect(result.records.map((r) => r.producer)).toEqual([UNKNOWN_PRODUCER, UNKNOWN_PRODUCER]);
    expect(kinds()).toEqual([
      ['incomplete_record', 'surveys/sipas/survey.json'],
      ['incomplete_record', 'units.csv'],
    ]);
    fillIn();
    expect(kinds()).toEqual([]);
  });

  it('finds a changed file, a file without record and a record without file', () => {
    refreshRegister(dir, { sampleData: false });
    fillIn();
    write('units.csv', 'code\n58\n56\n');
    write('fields.csv', 'code,name_vi,name_en\n');
    fs.rmSync(path.join(dir, 'surveys/sipas/survey.json'));

    const problems = findProvenanceProblems(dir, 'data');
    expect(problems.map((p) => [p.kind, p.path])).toEqual([
      ['missing_record', 'fields.csv'],
      ['missing_file', 'surveys/sipas/survey.json'],
      ['stale_hash', 'units.csv'],
    ]);
    expect(problems.find((p) => p.kind === 'stale_hash')?.message).toBe(
      'data/units.csv changed but its provenance record was not updated: run `npm run provenance`',
    );
    // The register lists survey.json first (sorted by path), so its row is on line 2.
    expect(problems.find((p) => p.kind === 'missing_file')?.message).toMatch(/^data\/provenance\.csv, line 2: record for data\/surveys\/sipas\/survey\.json/);
  });

  it('refresh keeps what editors wrote, updates hashes, drops gone files, sorts, and is repeatable', () => {
    refreshRegister(dir, { sampleData: false });
    fillIn();
    write('units.csv', 'code\n58\n56\n');
    write('a-first.csv', 'x\n1\n');
    fs.rmSync(path.join(dir, 'surveys/sipas/survey.json'));

    const result = refreshRegister(dir, { sampleData: false });
    expect(result).toMatchObject({ added: ['a-first.csv'], rehashed: ['units.csv'], dropped: ['surveys/sipas/survey.json'] });
    const units = result.records.find((r) => r.path === 'units.csv');
    expect(units?.producer).toBe('editor');
    expect(units?.sha256).toBe(sha256OfFile(path.join(dir, 'units.csv')));
    expect(result.records.map((r) => r.path)).toEqual(['a-first.csv', 'units.csv']);

    const once = register();
    refreshRegister(dir, { sampleData: false });
    expect(register()).toBe(once);
    expect(once.split('\n')[0]).toBe('path,producer,date,licence,sha256,source_ids,note');
  });

  it('keeps extra columns and quotes cells that hold commas', () => {
    write(REGISTER_FILE, 'path,producer,date,licence,sha256,source_ids,note,reviewer\nunits.csv,"GSO, via dvhcvn",2026-01-01,CC-BY-4.0,old,S30,,Lan\n');
    refreshRegister(dir, { sampleData: false });
    const lines = register().split('\n');
    expect(lines[0]).toBe('path,producer,date,licence,sha256,source_ids,note,reviewer');
    expect(lines).toContain(`units.csv,"GSO, via dvhcvn",2026-01-01,CC-BY-4.0,${sha256OfFile(path.join(dir, 'units.csv'))},S30,,Lan`);
  });

  it('gives response files of a sample site the generator\'s record', () => {
    write('surveys/sipas/responses/2024.csv', 'response_id,date,unit_code\n1,2024-01-05,585\n');
    const sample = refreshRegister(dir, { sampleData: true }).records.find((r) => r.path === 'surveys/sipas/responses/2024.csv');
    expect(sample).toMatchObject({ ...SAMPLE_RESPONSES_RECORD, date: '' });

    fs.rmSync(path.join(dir, REGISTER_FILE));
    const real = refreshRegister(dir, { sampleData: false }).records.find((r) => r.path === 'surveys/sipas/responses/2024.csv');
    expect((real as ProvenanceRecord).producer).toBe(UNKNOWN_PRODUCER);
  });

  it('flags a record listed twice', () => {
    refreshRegister(dir, { sampleData: false });
    fillIn();
    const text = register();
    fs.writeFileSync(path.join(dir, REGISTER_FILE), text + (text.split('\n')[2] ?? '') + '\n');
    expect(kinds()).toEqual([['duplicate_record', 'units.csv']]);
  });

  it('refuses a register without a required column, naming it', () => {
    write(REGISTER_FILE, 'path,producer,date,licence,source_ids,note\n');
    expect(() => findProvenanceProblems(dir, 'data')).toThrow(ProvenanceRegisterError);
    expect(() => findProvenanceProblems(dir, 'data')).toThrow('data/provenance.csv, line 1: column "sha256" is missing');
  });
});
