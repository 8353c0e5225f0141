import { describe, expect, it } from 'vitest';
import type { ComparisonRow, IndexRow, RankingRow, TargetRow, TrendRow } from '../../src/engine/tables.ts';
import { formatCsv } from '../../src/publish/csv.ts';
import { flagAndDiff, readPreviousTable, type ReleaseChange, type RevisionContext, type RevisionRow } from '../../src/publish/revisions.ts';
import { comparisonsSchema, indicesSchema, rankingsSchema, targetsSchema, trendsSchema, type TableSchema } from '../../src/publish/schemas.ts';
import { diffCsvTables } from './diff-tables.ts';

// Units of the fixtures: province 58 ⊃ districts 585 (Ninh Sơn) and 582 ⊃ commune 22870 (in 585).
const PARENTS: Record<string, string[]> = { '58': [], '585': ['58'], '582': ['58'], '22870': ['585'] };
const parentsOf = (code: string) => PARENTS[code] ?? [];

const LATE_585: ReleaseChange = {
  kind: 'revision',
  reason: { vi: 'Phiếu đến muộn của huyện Ninh Sơn', en: 'Late questionnaires from Ninh Sơn' },
  surveys: ['sipas'],
  periods: ['2024'],
  units: ['585'],
};
const LATE_Q1: ReleaseChange = {
  kind: 'revision',
  reason: { vi: 'Phiếu đến muộn quý 1/2025', en: 'Late questionnaires, 2025 Q1' },
  periods: ['2025-Q1'],
};
const ENTRY_ERROR: ReleaseChange = {
  kind: 'correction',
  reason: { vi: 'Sửa lỗi nhập liệu', en: 'Data entry error corrected' },
  surveys: ['y-te'],
  units: ['582'],
};
const ONLINE: ReleaseChange = {
  kind: 'new',
  reason: { vi: 'Thêm kênh trực tuyến', en: 'Online channel added' },
  surveys: ['sipas'],
};

function context(changes: readonly ReleaseChange[], provisionalPeriods: readonly string[] = ['2025']): RevisionContext {
  return { release: '2026.2', previousRelease: '2026.1', changes, provisionalPeriods, parentsOf };
}

/** An indices row of the fixture: the interval and se are the same in both releases. */
function index(survey: string, period: string, unit: string, breakdown: IndexRow['breakdown'], breakdownValue: string, n: number, value: number): IndexRow {
  return {
    survey,
    period,
    unit_code: unit,
    breakdown,
    breakdown_value: breakdownValue,
    indicator: 'overall',
    level: 'overall',
    n,
    satisfied: null,
    value,
    ci_low: 85,
    ci_high: 95,
    status: 'ok',
    se: 1,
    unit_valid_from: '2020-01-01',
    basis: 'direct',
  };
}

// The previous release's indices.csv, written by hand as release 2026.1 published it: before the
// flag column existed (so it also checks that a missing column is not compared when it is the flag).
const PREVIOUS_INDICES = [
  '\uFEFFsurvey,period,unit_code,breakdown,breakdown_value,indicator,level,n,satisfied,value,ci_low,ci_high,status,se,unit_valid_from,basis',
  'sipas,2024,58,all,*,overall,overall,400,,90.12,85.00,95.00,ok,1.00,2020-01-01,direct', // 1 province
  'sipas,2024,582,all,*,overall,overall,100,,89.25,85.00,95.00,ok,1.00,2020-01-01,direct', // 2 computed 89.2512
  'sipas,2024,585,all,*,overall,overall,200,,90.99,85.00,95.00,ok,1.00,2020-01-01,direct', // 3 Ninh Sơn
  'sipas,2024,22870,all,*,overall,overall,40,,70.00,85.00,95.00,ok,1.00,2020-01-01,direct', // 4 commune
  'sipas,2025-Q1,585,all,*,overall,overall,60,,88.00,85.00,95.00,ok,1.00,2020-01-01,direct', // 5 open period
  'y-te,2024,582,all,*,overall,overall,120,,70.00,85.00,95.00,ok,1.00,2020-01-01,direct', // 6 entry error
  'y-te,2025-Q1,58,all,*,overall,overall,90,,71.00,85.00,95.00,ok,1.00,2020-01-01,direct', // 7 open period
  '',
].join('\n');

/**
 * This release's rows, and by hand what each is against the previous CSV (key = survey|period|
 * unit_code|unit_valid_from|breakdown|breakdown_value|indicator):
 *  1 sipas 2024 58: n 400 → 430, value 90.12 → 90.2 (text 90.20). Not in LATE_585's units, but 58
 *    is the parent of 585, so LATE_585 covers it: 2 revisions, flag r.
 *  2 sipas 2024 582: value 89.2512 → 89.2538; both round to 89.25: NOT a change, flag empty (2024
 *    is not open). Were it seen as a change, no entry covers 582 in sipas and the call would throw.
 *  3 sipas 2024 585: n 200 → 230, value 90.99 → 91.3 (91.30): 2 revisions (LATE_585), flag r.
 *  A sipas 2024 585 channel/truc-tuyen: not in the previous CSV → new, reason of ONLINE (sipas).
 *  5 sipas 2025-Q1 585: unchanged; 2025-Q1 starts with the open period 2025 → flag p.
 *  6 y-te 2024 582: value 70.00 → 75 (75.00): ENTRY_ERROR covers it → 1 correction, flag r.
 *  B y-te 2024 582 channel/truc-tiep: new, no `new` entry covers y-te → the default reason.
 *  7 y-te 2025-Q1 58: value 71.00 → 72.004 (72.00). LATE_Q1 covers it (any survey, 2025-Q1) and
 *    so does ENTRY_ERROR (y-te, 58 is the parent of 582): a correction among them → correction,
 *    reasons joined in the order of the notes. Flag r although the period is open (r wins over p).
 *  4 sipas 2024 22870: in the previous CSV only → withdrawn, default reason, listed last.
 */
function currentIndices(): IndexRow[] {
  return [
    index('sipas', '2024', '58', 'all', '*', 430, 90.2),
    index('sipas', '2024', '582', 'all', '*', 100, 89.2538),
    index('sipas', '2024', '585', 'all', '*', 230, 91.3),
    index('sipas', '2024', '585', 'channel', 'truc-tuyen', 30, 95),
    index('sipas', '2025-Q1', '585', 'all', '*', 60, 88),
    index('y-te', '2024', '582', 'all', '*', 120, 75),
    index('y-te', '2024', '582', 'channel', 'truc-tiep', 50, 80),
    index('y-te', '2025-Q1', '58', 'all', '*', 90, 72.004),
  ];
}

const base = { release: '2026.2', previous_release: '2026.1', file: 'indices.csv' };
const late = { kind: 'revision', reason: LATE_585.reason.vi, reason_en: LATE_585.reason.en } as const;

describe('flagAndDiff on an indices-like table', () => {
  const rows = currentIndices();
  const revisions = flagAndDiff(indicesSchema, rows, readPreviousTable(indicesSchema, PREVIOUS_INDICES), context([LATE_585, LATE_Q1, ENTRY_ERROR, ONLINE]));

  it('lists every changed value, new key and withdrawn key, in row order then column order', () => {
    expect(revisions).toEqual<RevisionRow[]>([
      { ...base, key: 'sipas|2024|58|2020-01-01|all|*|overall', column: 'n', previous_value: '400', value: '430', ...late },
      { ...base, key: 'sipas|2024|58|2020-01-01|all|*|overall', column: 'value', previous_value: '90.12', value: '90.20', ...late },
      { ...base, key: 'sipas|2024|585|2020-01-01|all|*|overall', column: 'n', previous_value: '200', value: '230', ...late },
      { ...base, key: 'sipas|2024|585|2020-01-01|all|*|overall', column: 'value', previous_value: '90.99', value: '91.30', ...late },
      { ...base, key: 'sipas|2024|585|2020-01-01|channel|truc-tuyen|overall', column: '', previous_value: '', value: '', kind: 'new', reason: 'Thêm kênh trực tuyến', reason_en: 'Online channel added' },
      { ...base, key: 'y-te|2024|582|2020-01-01|all|*|overall', column: 'value', previous_value: '70.00', value: '75.00', kind: 'correction', reason: 'Sửa lỗi nhập liệu', reason_en: 'Data entry error corrected' },
      { ...base, key: 'y-te|2024|582|2020-01-01|channel|truc-tiep|overall', column: '', previous_value: '', value: '', kind: 'new', reason: 'Số liệu mới trong bản phát hành này', reason_en: 'New in this release' },
      {
        ...base,
        key: 'y-te|2025-Q1|58|2020-01-01|all|*|overall',
        column: 'value',
        previous_value: '71.00',
        value: '72.00',
        kind: 'correction',
        reason: 'Phiếu đến muộn quý 1/2025; Sửa lỗi nhập liệu',
        reason_en: 'Late questionnaires, 2025 Q1; Data entry error corrected',
      },
      { ...base, key: 'sipas|2024|22870|2020-01-01|all|*|overall', column: '', previous_value: '', value: '', kind: 'withdrawn', reason: 'Không còn trong bản phát hành này', reason_en: 'No longer in this release' },
    ]);
  });

  it('flags r on revised rows, p on unrevised rows of an open period, nothing otherwise', () => {
    // Rows in order: 1, 2, 3, A, 5, 6, B, 7 (see currentIndices).
    expect(rows.map((row) => row.flag)).toEqual(['r', null, 'r', null, 'p', 'r', null, 'r']);
  });

  it('agrees with the independent diff of the two CSV texts', () => {
    const diff = diffCsvTables(PREVIOUS_INDICES, formatCsv(indicesSchema, rows), indicesSchema.primaryKey ?? []);
    const changed = revisions.filter((r) => r.column !== '').map(({ key, column, previous_value, value }) => ({ key, column, previous_value, value }));
    expect(changed).toEqual(diff.changed);
    expect(revisions.filter((r) => r.kind === 'new').map((r) => r.key)).toEqual(diff.added);
    expect(revisions.filter((r) => r.kind === 'withdrawn').map((r) => r.key)).toEqual(diff.withdrawn);
  });

  it('writes the flag as the last CSV column', () => {
    const csv = formatCsv(indicesSchema, rows).split('\n');
    expect(csv[0]?.endsWith(',basis,flag')).toBe(true);
    expect(csv[1]).toBe('sipas,2024,58,all,*,overall,overall,430,,90.20,85.00,95.00,ok,1.00,2020-01-01,direct,r');
    expect(csv[2]?.endsWith(',direct,')).toBe(true);
    expect(csv[5]?.endsWith(',direct,p')).toBe(true);
  });
});

describe('flagAndDiff without an explanation', () => {
  it('stops with what changed and the entry to add when no note covers a changed value', () => {
    // Without ENTRY_ERROR, row 6 (y-te 2024 582, 70.00 → 75.00) is covered by nothing; row 7 is
    // still covered by LATE_Q1. One unexplained value.
    const run = () => flagAndDiff(indicesSchema, currentIndices(), readPreviousTable(indicesSchema, PREVIOUS_INDICES), context([LATE_585, LATE_Q1, ONLINE]));
    expect(run).toThrow('indices.csv: 1 published value changed since release 2026.1 without a reason in the notes of release 2026.2');
    expect(run).toThrow('indices.csv y-te|2024|582|2020-01-01|all|*|overall, value: 70.00 → 75.00');
    expect(run).toThrow('release.changes in data/site.json');
    expect(run).toThrow('{"kind":"revision","reason":{"vi":"…","en":"…"},"surveys":["y-te"],"periods":["2024"],"units":["582"]}');
  });

  it('counts them all and shows the first five', () => {
    // No notes: rows 1 (2 values), 3 (2), 6 (1) and 7 (1) changed: 6 values, 5 shown, 1 more.
    const run = () => flagAndDiff(indicesSchema, currentIndices(), readPreviousTable(indicesSchema, PREVIOUS_INDICES), context([]));
    expect(run).toThrow('6 published values changed');
    expect(run).toThrow('… and 1 more');
    expect(run).toThrow('"surveys":["sipas","y-te"],"periods":["2024","2025-Q1"],"units":["58","582","585"]');
  });

  it('does not let a `new` entry explain a changed value', () => {
    const wide: ReleaseChange = { kind: 'new', reason: { vi: 'Mới', en: 'New' } };
    const run = () => flagAndDiff(indicesSchema, currentIndices(), readPreviousTable(indicesSchema, PREVIOUS_INDICES), context([wide]));
    expect(run).toThrow('6 published values changed');
  });
});

describe('flagAndDiff for the first release', () => {
  it('only flags the open periods and lists no revisions', () => {
    const rows = currentIndices();
    expect(flagAndDiff(indicesSchema, rows, undefined, context([]))).toEqual([]);
    // Open: 2025 → rows 5 (sipas 2025-Q1) and 7 (y-te 2025-Q1).
    expect(rows.map((row) => row.flag)).toEqual([null, null, null, null, 'p', null, null, 'p']);
  });

  it('flags nothing when the release is final', () => {
    const rows = currentIndices();
    flagAndDiff(indicesSchema, rows, undefined, context([], []));
    expect(rows.every((row) => row.flag === null)).toBe(true);
  });
});

describe('scope through the other unit and period columns', () => {
  it('matches a trend through its previous period', () => {
    // 2025 vs 2024 for 585: previous_value 90.99 → 91.30 and change 92 − 90.99 = 1.01 → 92 − 91.3
    // = 0.70. The row's period 2025 is not in LATE_585 (2024); its previous_period 2024 is.
    // 582's trend is unchanged; 2025 is open → p.
    const trend = (unit: string, previousValue: number): TrendRow => ({
      survey: 'sipas',
      period: '2025',
      previous_period: '2024',
      unit_code: unit,
      breakdown: 'all',
      breakdown_value: '*',
      indicator: 'overall',
      value: 92,
      previous_value: previousValue,
      change: 92 - previousValue,
      change_ci_low: 0.1,
      change_ci_high: 2,
      significant: true,
      method_break: false,
      boundary_break: false,
      unit_valid_from: '2020-01-01',
      basis: 'direct',
    });
    const previous = [
      'survey,period,previous_period,unit_code,breakdown,breakdown_value,indicator,value,previous_value,change,change_ci_low,change_ci_high,significant,method_break,boundary_break,unit_valid_from,basis',
      'sipas,2025,2024,585,all,*,overall,92.00,90.99,1.01,0.10,2.00,true,false,false,2020-01-01,direct',
      'sipas,2025,2024,582,all,*,overall,92.00,89.25,2.75,0.10,2.00,true,false,false,2020-01-01,direct',
    ].join('\n');
    const rows = [trend('585', 91.3), trend('582', 89.25)];
    const revisions = flagAndDiff(trendsSchema, rows, readPreviousTable(trendsSchema, previous), context([LATE_585]));
    const key = 'sipas|2025|585|2020-01-01|all|*|overall';
    expect(revisions).toEqual([
      { ...base, file: 'trends.csv', key, column: 'previous_value', previous_value: '90.99', value: '91.30', ...late },
      { ...base, file: 'trends.csv', key, column: 'change', previous_value: '1.01', value: '0.70', ...late },
    ]);
    expect(rows.map((row) => row.flag)).toEqual(['r', 'p']);
  });

  it('matches a comparison through unit_b', () => {
    // 582 vs 585 in 2024: value_b 90.99 → 91.30, difference 89.25 − 90.99 = −1.74 → 89.25 − 91.3 =
    // −2.05. unit_a 582 is outside LATE_585's units; unit_b 585 is in them.
    const row: ComparisonRow = {
      survey: 'sipas',
      period: '2024',
      unit_a: '582',
      unit_b: '585',
      indicator: 'overall',
      value_a: 89.25,
      value_b: 91.3,
      difference: 89.25 - 91.3,
      diff_ci_low: -5,
      diff_ci_high: 1,
      significant: false,
      unit_a_valid_from: '2020-01-01',
      unit_b_valid_from: '2020-01-01',
    };
    const previous = [
      'survey,period,unit_a,unit_b,indicator,value_a,value_b,difference,diff_ci_low,diff_ci_high,significant,unit_a_valid_from,unit_b_valid_from',
      'sipas,2024,582,585,overall,89.25,90.99,-1.74,-5.00,1.00,false,2020-01-01,2020-01-01',
    ].join('\n');
    const revisions = flagAndDiff(comparisonsSchema, [row], readPreviousTable(comparisonsSchema, previous), context([LATE_585]));
    const key = 'sipas|2024|582|2020-01-01|585|2020-01-01|overall';
    expect(revisions).toEqual([
      { ...base, file: 'comparisons.csv', key, column: 'value_b', previous_value: '90.99', value: '91.30', ...late },
      { ...base, file: 'comparisons.csv', key, column: 'difference', previous_value: '-1.74', value: '-2.05', ...late },
    ]);
    expect(row.flag).toBe('r');
  });

  it('matches a ranking row of another unit through its parent_code', () => {
    // 585 overtook 582: 582's rank 1 → 2. 582 is outside LATE_585's units, but its ranking group
    // (parent_code 58) is the province above 585.
    const row: RankingRow = {
      survey: 'sipas',
      period: '2024',
      unit_level: 'district',
      unit_code: '582',
      value: 89.25,
      ci_low: 85,
      ci_high: 95,
      n: 100,
      rank: 2,
      rank_low: 1,
      rank_high: 2,
      p_first: 0.4,
      k: null,
      p_top_k: null,
      status: 'ranked',
      unit_valid_from: '2020-01-01',
      basis: 'direct',
      parent_code: '58',
    };
    const previous = [
      'survey,period,unit_level,unit_code,value,ci_low,ci_high,n,rank,rank_low,rank_high,p_first,k,p_top_k,status,unit_valid_from,basis,parent_code',
      'sipas,2024,district,582,89.25,85.00,95.00,100,1,1,2,0.400,,,ranked,2020-01-01,direct,58',
    ].join('\n');
    const revisions = flagAndDiff(rankingsSchema, [row], readPreviousTable(rankingsSchema, previous), context([LATE_585]));
    expect(revisions).toEqual([{ ...base, file: 'rankings.csv', key: 'sipas|2024|district|582|2020-01-01|', column: 'rank', previous_value: '1', value: '2', ...late }]);
  });
});

describe('a rank target', () => {
  it('is matched through its unit\'s parent: a sibling\'s late questionnaires move its rank', () => {
    // 582's target "top 1 of the districts": 585's late questionnaires put 585 first, so 582's
    // rank 1 → 2 and the target met → not met, though 582 itself is outside LATE_585's units.
    const target = (rank: number, status: TargetRow['status']): TargetRow => ({
      plan: 'kh-1',
      target: 'rank',
      survey: 'sipas',
      unit_code: '582',
      period: '2024',
      indicator: 'overall',
      breakdown: 'all',
      breakdown_value: '*',
      comparator: '<=',
      threshold: 1,
      value: rank,
      ci_low: null,
      ci_high: null,
      gap: 1 - rank,
      status,
      certainty: 'clear',
      unit_valid_from: '2020-01-01',
      successor_units: null,
    });
    const previous = readPreviousTable(targetsSchema, formatCsv(targetsSchema, [target(1, 'met')]));
    const row = target(2, 'not_met');
    const revisions = flagAndDiff(targetsSchema, [row], previous, context([LATE_585]));
    expect(revisions.map((r) => [r.column, r.previous_value, r.value, r.kind])).toEqual([
      ['value', '1.00', '2.00', 'revision'],
      ['gap', '0.00', '-1.00', 'revision'],
      ['status', 'met', 'not_met', 'revision'],
    ]);
    expect(row.flag).toBe('r');
    // Without the sibling rule nothing would explain it: a change to a unit of another province
    // does not reach 582.
    expect(() => flagAndDiff(targetsSchema, [target(2, 'not_met')], previous, context([{ ...LATE_585, units: ['99'] }]))).toThrow(/3 published values changed since release 2026.1 without a reason/);
  });
});

describe('text cells the CSV guards against formulas', () => {
  // A small table with a free-text column: the writer published `-5 points` as '-5 points and
  // `@home` as '@home; "a, b" is quoted. The previous file lacks `extra`, added since.
  const notes: TableSchema = {
    name: 'notes',
    title_vi: 'Ghi chú',
    title_en: 'Notes',
    description_vi: 'Ghi chú',
    description_en: 'Notes',
    formats: ['csv'],
    checkPrimaryKey: true,
    primaryKey: ['survey', 'unit_code'],
    fields: [
      { name: 'survey', type: 'string', required: true, description_vi: 'bộ phiếu', description_en: 'survey' },
      { name: 'unit_code', type: 'string', required: true, description_vi: 'đơn vị', description_en: 'unit' },
      { name: 'note', type: 'string', description_vi: 'ghi chú', description_en: 'note' },
      { name: 'extra', type: 'string', description_vi: 'thêm', description_en: 'extra' },
      { name: 'flag', type: 'string', enum: ['p', 'r'], description_vi: 'cờ', description_en: 'flag' },
    ],
  };
  const previous = '\uFEFFsurvey,unit_code,note\nsipas,585,\'-5 points\nsipas,582,\'@home\nsipas,58,"a, b"\nsipas,\'=1,x\n';
  const anything: ReleaseChange = { kind: 'revision', reason: { vi: 'Sửa ghi chú', en: 'Notes edited' } };

  it('compares the texts with the guard undone, and a column the previous file lacks as empty', () => {
    // 585: -5 points → +5 points (changed, shown unguarded). 582: @home = @home. 58: "a, b" = a, b.
    // =1 (a guarded key) is matched, not new. extra: '' before; 582 now has "x" → changed.
    const rows = [
      { survey: 'sipas', unit_code: '585', note: '+5 points', extra: null },
      { survey: 'sipas', unit_code: '582', note: '@home', extra: 'x' },
      { survey: 'sipas', unit_code: '58', note: 'a, b', extra: null },
      { survey: 'sipas', unit_code: '=1', note: 'x', extra: null },
    ];
    const revisions = flagAndDiff(notes, rows, readPreviousTable(notes, previous), context([anything]));
    const change = { release: '2026.2', previous_release: '2026.1', file: 'notes.csv', kind: 'revision', reason: 'Sửa ghi chú', reason_en: 'Notes edited' };
    expect(revisions).toEqual([
      { ...change, key: 'sipas|585', column: 'note', previous_value: '-5 points', value: '+5 points' },
      { ...change, key: 'sipas|582', column: 'extra', previous_value: '', value: 'x' },
    ]);
  });
});

describe('readPreviousTable', () => {
  it('refuses a previous CSV without a key column', () => {
    expect(() => readPreviousTable(rankingsSchema, 'survey,period\nsipas,2024\n')).toThrow("the previous release's rankings.csv has no key column unit_level");
  });

  it('refuses a record with a different number of cells', () => {
    expect(() => readPreviousTable(trendsSchema, 'survey,period,unit_code,unit_valid_from,breakdown,breakdown_value,indicator\nsipas,2024\n')).toThrow('line 2 has 2 cells for 7 columns');
  });
});
