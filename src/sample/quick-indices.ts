/**
 * A deliberately plain re-computation of the headline indices from generated files, used only to
 * calibrate and check the generator (scripts/sample-summary.ts, tests/sample/calibration.test.ts).
 * It is NOT the site's engine (src/engine/), and is kept independent of it on purpose: if the two
 * ever disagree on the default sample, one of them is wrong.
 *
 * Formulas (../shared/spec/method.md): for items c, N_c = answers, S_c = answers 4–5,
 * p_c = S_c / N_c; a group index (element) = mean of p_c over its items with N_c > 0; the overall
 * index = mean of the element indices with data. Standard error by Taylor linearisation:
 * θ = Σ_c w_c p_c, z_r = Σ_c w_c (y_rc − p_c a_rc) / N_c, Var(θ) = n / (n − 1) · Σ_r z_r².
 */
import { readFileSync } from 'node:fs';
import type { Unit } from '../intake/types.ts';
import type { Prng } from './prng.ts';

/** A response row that passed the checks, reduced to what the indices need. */
export interface CheckedResponse {
  year: number;
  /** ISO date. */
  date: string;
  unitCode: string;
  /**
   * Area the unit belongs to on the date: its district before 2025-07-01, its province after
   * (communes hang directly under the province then); the unit itself for a district or province.
   */
  district: string;
  agency: string;
  field: string;
  channel: string;
  respondentType: string;
  /** 1–5, 0 = not answered; in instrument column order. */
  answers: Int8Array;
}

export interface CheckedFile {
  rows: CheckedResponse[];
  /** Rows read (header excluded). */
  read: number;
  /** Rows set aside, by the first reason found. */
  rejected: Record<string, number>;
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` of a real calendar date → ISO, else null. */
export function normaliseDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const vietnamese = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vietnamese
      ? [Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1])]
      : [0, 0, 0];
  if (year === 0 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An answer cell → 1–5, 0 for empty, null when not on the scale ("4.0" and " 5 " are accepted). */
export function normaliseAnswer(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^[1-5](\.0+)?$/.test(trimmed) ? Number(trimmed[0]) : null;
}

/** The area (district, or province once districts ended) a unit code belongs to on a date, or null when the code is not valid then. */
export function districtLookup(units: Unit[]): (code: string, isoDate: string) => string | null {
  const byCode = new Map<string, Unit[]>();
  for (const unit of units) byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
  return (code, isoDate) => {
    const unit = byCode
      .get(code)
      ?.find((candidate) => candidate.valid_from <= isoDate && (candidate.valid_to === null || isoDate <= candidate.valid_to));
    if (!unit) return null;
    if (unit.level === 'district' || unit.level === 'province') return unit.code;
    if (unit.level === 'commune') return unit.parent_code;
    return null;
  };
}

/**
 * Reads one generated responses file (comma-separated, no quoted cells) and applies the checks of
 * the data contract; `seenIds` carries ids across the files of one survey.
 */
export function readCheckedResponses(
  path: string,
  itemColumns: string[],
  districtOf: (code: string, isoDate: string) => string | null,
  seenIds: Set<string>,
): CheckedFile {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
  const header = (lines[0] ?? '').split(',');
  const column = (name: string): number => header.indexOf(name);
  const itemPositions = itemColumns.map(column);
  const rows: CheckedResponse[] = [];
  const rejected: Record<string, number> = {};
  const reject = (reason: string): void => {
    rejected[reason] = (rejected[reason] ?? 0) + 1;
  };
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const id = cells[column('response_id')] ?? '';
    const date = normaliseDate(cells[column('date')] ?? '');
    if (seenIds.has(id)) {
      reject('duplicate id');
      continue;
    }
    seenIds.add(id);
    if (date === null) {
      reject('bad date');
      continue;
    }
    const unitCode = (cells[column('unit_code')] ?? '').trim();
    const district = districtOf(unitCode, date);
    if (district === null) {
      reject('unknown unit');
      continue;
    }
    const answers = new Int8Array(itemPositions.length);
    let onScale = true;
    itemPositions.forEach((position, index) => {
      const answer = normaliseAnswer(cells[position] ?? '');
      if (answer === null) onScale = false;
      else answers[index] = answer;
    });
    if (!onScale) {
      reject('answer off the scale');
      continue;
    }
    rows.push({
      year: Number(date.slice(0, 4)),
      date,
      unitCode,
      district,
      agency: cells[column('agency_code')] ?? '',
      field: cells[column('field')] ?? '',
      channel: cells[column('channel')] ?? '',
      respondentType: cells[column('respondent_type')] ?? '',
      answers,
    });
  }
  return { rows, read: lines.length - 1, rejected };
}

export interface IndexEstimate {
  /** Respondents who answered at least one item of the index. */
  n: number;
  /** Percent, or null without data. */
  value: number | null;
  /** Standard error in percentage points. */
  se: number | null;
}

/**
 * Mean over groups (elements) with data of the mean over items with data of p_c, in percent,
 * with its Taylor-linearised standard error. `groups` lists item positions per element.
 */
export function groupedIndex(rows: readonly CheckedResponse[], groups: readonly number[][]): IndexEstimate {
  const items = groups.flat();
  const answered = new Map<number, number>();
  const satisfied = new Map<number, number>();
  let n = 0;
  for (const row of rows) {
    let any = false;
    for (const c of items) {
      const answer = row.answers[c] ?? 0;
      if (answer === 0) continue;
      any = true;
      answered.set(c, (answered.get(c) ?? 0) + 1);
      if (answer >= 4) satisfied.set(c, (satisfied.get(c) ?? 0) + 1);
    }
    if (any) n++;
  }
  const groupsWithData = groups.map((group) => group.filter((c) => (answered.get(c) ?? 0) > 0)).filter((group) => group.length > 0);
  if (groupsWithData.length === 0) return { n, value: null, se: null };
  const weight = new Map<number, number>();
  for (const group of groupsWithData) for (const c of group) weight.set(c, 1 / (groupsWithData.length * group.length));
  const share = (c: number): number => (satisfied.get(c) ?? 0) / (answered.get(c) ?? 1);
  let theta = 0;
  for (const [c, w] of weight) theta += w * share(c);
  let sumSquares = 0;
  for (const row of rows) {
    let z = 0;
    for (const [c, w] of weight) {
      const answer = row.answers[c] ?? 0;
      if (answer === 0) continue;
      z += (w * ((answer >= 4 ? 1 : 0) - share(c))) / (answered.get(c) ?? 1);
    }
    sumSquares += z * z;
  }
  const variance = n > 1 ? (n / (n - 1)) * sumSquares : Number.NaN;
  return { n, value: 100 * theta, se: 100 * Math.sqrt(variance) };
}

/**
 * Rank probabilities by simulation: each unit's index drawn from Normal(value, se), ranked
 * highest first. Returns, per unit, how often it took each rank (index 0 = rank 1).
 */
export function simulateRanks(estimates: { value: number; se: number }[], draws: number, prng: Prng): number[][] {
  const counts = estimates.map(() => new Array<number>(estimates.length).fill(0));
  const drawn = new Float64Array(estimates.length);
  for (let draw = 0; draw < draws; draw++) {
    estimates.forEach((estimate, index) => {
      drawn[index] = estimate.value + estimate.se * prng.normal();
    });
    estimates.forEach((_, index) => {
      let rank = 0;
      for (let other = 0; other < estimates.length; other++) if ((drawn[other] ?? 0) > (drawn[index] ?? 0)) rank++;
      const row = counts[index];
      if (row) row[rank] = (row[rank] ?? 0) + 1;
    });
  }
  return counts.map((row) => row.map((count) => count / draws));
}
