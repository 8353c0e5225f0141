/**
 * Intake on two threads (validate-responses.ts with validation-worker.ts): whatever the files, the
 * result — validated CSV, quarantine rows in order, warnings in order, summary, or the error — must
 * be the one the single thread gives. Each case runs both ways; the outcome callback shows which
 * path the two-thread run took, so a case cannot pass by silently never using the worker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryQuarantine } from '../../src/intake/quarantine.ts';
import { laterFilesStart, validateResponses, type SecondThreadOutcome } from '../../src/intake/validate-responses.ts';
import { fixtureOptions, tempDir } from './fixture.ts';

const HEADER = 'response_id,date,unit_code,agency_code,field,channel,respondent_type,TC1,TC2,CC1,CC2';

interface Outcome {
  result: unknown;
  warnings: string[];
  quarantine: unknown[];
  output: string | null;
  secondThread: SecondThreadOutcome[];
}

async function validate(files: string[], secondThreadFromBytes: number, maxShare = 1): Promise<Outcome> {
  const warnings: string[] = [];
  const quarantine = memoryQuarantine();
  const options = await fixtureOptions(files, maxShare, { warnings, quarantine });
  const secondThread: SecondThreadOutcome[] = [];
  let result: unknown;
  try {
    result = await validateResponses({ ...options, secondThreadFromBytes, onSecondThread: (outcome) => secondThread.push(outcome) });
  } catch (error) {
    result = { error: String(error) };
  }
  let output: string | null = null;
  try {
    output = readFileSync(options.outputPath, 'utf8');
  } catch {
    output = null;
  }
  return { result, warnings, quarantine: quarantine.rows, output, secondThread };
}

/** Both ways; returns the two-thread run's outcome after checking it equals the one-thread run. */
async function bothWays(files: string[], maxShare = 1): Promise<SecondThreadOutcome[]> {
  const one = await validate(files, Infinity, maxShare);
  const two = await validate(files, 0, maxShare);
  expect(one.secondThread).toEqual([]);
  const { secondThread, ...rest } = two;
  expect(rest).toEqual({ result: one.result, warnings: one.warnings, quarantine: one.quarantine, output: one.output });
  return secondThread;
}

/** Writes response files named `name` with the given data lines (under the standard header unless one is given). */
function files(spec: Record<string, string[]>, header = HEADER): string[] {
  const dir = tempDir();
  return Object.entries(spec).map(([name, lines]) => {
    const path = join(dir, name);
    writeFileSync(path, `${header}\n${lines.join('\n')}\n`);
    return path;
  });
}

/** `count` good rows with ids prefix1, prefix2 … */
function goodRows(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1},2024-03-0${(i % 9) + 1},585,585-MC,dat-dai,truc-tiep,ca-nhan,${(i % 5) + 1},4,,5`);
}

describe('intake on two threads gives what one thread gives', () => {
  it('uses the worker for files without shared ids, with its set-aside rows and warnings in order', async () => {
    const paths = files({
      'a.csv': [...goodRows('A', 30), 'A1,2024-03-05,585,,,,,4,4,4,4', 'A99,2024-03-05,9999,,,,,4,4,4,4'],
      'b.csv': goodRows('B', 20),
      'c.csv': [...goodRows('C', 25), 'C1,2024-03-05,585,,,,,4,4,4,4', 'C98,2024-03-05,585,,,,,7,4,4,4'],
    });
    // Different headers in the later files: the warnings come from the worker.
    writeFileSync(paths[2] as string, readFileSync(paths[2] as string, 'utf8').replace(HEADER, HEADER.replace('TC1', 'tc1').replace(',CC2', '')));
    const outcome = await bothWays(paths);
    expect(outcome).toEqual([{ files: 2, used: true }]);
  });

  it('redoes the later files on the main thread when one of their ids occurs earlier, with the same messages', async () => {
    const paths = files({
      'a.csv': goodRows('A', 40),
      'b.csv': [...goodRows('B', 30), 'A7,2024-03-05,585,,,,,4,4,4,4', 'B3,2024-03-05,585,,,,,4,4,4,4'],
    });
    const outcome = await bothWays(paths);
    expect(outcome).toEqual([{ files: 1, used: false, why: 'a response id of the later files is also in the earlier ones' }]);
  });

  it('gives the same refusal when a later file cannot be read', async () => {
    const paths = files({ 'a.csv': goodRows('A', 40), 'b.csv': goodRows('B', 40) });
    writeFileSync(paths[1] as string, 'response_id,date,TC1\nB1,2024-03-05,4\n');
    const outcome = await bothWays(paths);
    expect(outcome).toHaveLength(1);
    expect(outcome[0]).toMatchObject({ used: false });
    expect(outcome[0]?.why).toContain('required column missing');
  });

  it('gives the same refusal when a later file sets aside too many rows', async () => {
    const paths = files({ 'a.csv': goodRows('A', 40), 'b.csv': [...goodRows('B', 10), 'B77,2024-03-05,9999,,,,,4,4,4,4'] });
    expect(await bothWays(paths, 0.05)).toEqual([{ files: 1, used: true }]);
  });

  it('gives the same refusal when an earlier file cannot be read, and stops the worker', async () => {
    const paths = files({ 'a.csv': goodRows('A', 40), 'b.csv': goodRows('B', 40) });
    writeFileSync(paths[0] as string, '');
    const outcome = await bothWays(paths);
    expect(outcome).toEqual([]);
  });
});

describe('laterFilesStart', () => {
  it('splits the files, in order, into two runs of about equal bytes', () => {
    const dir = tempDir();
    const sized = (name: string, bytes: number): string => {
      const path = join(dir, name);
      writeFileSync(path, 'x'.repeat(bytes));
      return path;
    };
    const four = [sized('1', 100), sized('2', 100), sized('3', 100), sized('4', 100)];
    expect(laterFilesStart(four, 0)).toBe(2);
    expect(laterFilesStart([sized('5', 700), sized('6', 100), sized('7', 100)], 0)).toBe(1);
    expect(laterFilesStart([sized('8', 100), sized('9', 100), sized('10', 700)], 0)).toBe(2);
    // One file, or too few bytes: no later files.
    expect(laterFilesStart([four[0] as string], 0)).toBe(1);
    expect(laterFilesStart(four, 401)).toBe(4);
    expect(laterFilesStart(four, 400)).toBe(2);
  });
});
