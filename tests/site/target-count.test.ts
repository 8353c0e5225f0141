/**
 * The one count of a plan's targets (summariseTargets) and its words (targetSummaryLead,
 * missedTargetsText, targetRowsNote), on the rows of Kế hoạch 95's targets.csv written out by
 * hand: 9 rows for 6 targets (the land/construction/investment target is one target with three
 * field rows and an "all" row); met: coverage, overall, health, education, rank = 5; not met: the
 * fields (land 83.86 < 85); within the margin of error: fields "all", education, rank = 3.
 */
import { describe, expect, it } from 'vitest';
import type { TargetRow } from '../../src/engine/tables.ts';
import type { Registers } from '../../src/intake/registers.ts';
import type { PlanTarget } from '../../src/intake/types.ts';
import { indicatorNames } from '../../src/site/indicator-names.ts';
import { missedTargetsText, targetRowsNote, targetSummaryLead } from '../../src/site/leads.ts';
import { summariseTargets, type AssessedTarget } from '../../src/site/plan-content.ts';
import { targetAimName } from '../../src/site/target-labels.ts';

const NB = '\u00a0';
const targets = new Map<string, PlanTarget>();
const planTarget = (id: string, breakdown_values: string[] = []): PlanTarget => {
  let t = targets.get(id);
  if (!t) {
    t = { id, label: { vi: id, en: id }, survey: 'sipas', unit_code: '585', period: '2024', indicator: 'overall', breakdown: breakdown_values.length ? 'field' : 'all', breakdown_values, comparator: '>=', threshold: 85, and_following_years: false };
    targets.set(id, t);
  }
  return t;
};
const assessed = (target: string, over: Partial<TargetRow>, part: AssessedTarget['part'] = 'whole'): AssessedTarget => {
  const id = target.split(':')[0] as string;
  return {
    row: {
      plan: 'kh-95-2024', target, survey: 'sipas', unit_code: '585', period: '2024', indicator: 'overall', breakdown: 'all', breakdown_value: '*',
      comparator: '>=', threshold: 85, value: null, ci_low: null, ci_high: null, gap: null, status: 'no_data', certainty: null,
      unit_valid_from: '2020-01-01', successor_units: null, ...over,
    },
    target: planTarget(id, part === 'whole' ? [] : ['dat-dai', 'xay-dung', 'dau-tu']),
    part,
    n: null,
  };
};

const KH95: AssessedTarget[] = [
  assessed('coverage', { indicator: 'coverage', threshold: 100, value: 100, status: 'met' }),
  assessed('sipas-overall', { comparator: '>', threshold: 90, value: 90.99, ci_low: 90.07, ci_high: 91.91, status: 'met', certainty: 'clear' }),
  assessed('sipas-fields:dat-dai', { breakdown: 'field', breakdown_value: 'dat-dai', value: 83.86, ci_low: 81.7, ci_high: 86.02, status: 'not_met', certainty: 'uncertain' }, 'value'),
  assessed('sipas-fields:xay-dung', { breakdown: 'field', breakdown_value: 'xay-dung', value: 87.97, ci_low: 85.12, ci_high: 90.81, status: 'met', certainty: 'clear' }, 'value'),
  assessed('sipas-fields:dau-tu', { breakdown: 'field', breakdown_value: 'dau-tu', value: 85.05, ci_low: 78.44, ci_high: 91.66, status: 'met', certainty: 'uncertain' }, 'value'),
  assessed('sipas-fields:all', { breakdown: 'field', breakdown_value: 'dat-dai+xay-dung+dau-tu', value: 83.86, status: 'not_met', certainty: 'uncertain' }, 'all'),
  assessed('y-te-overall', { survey: 'y-te', comparator: '>', threshold: 80, value: 84.2, ci_low: 81.41, ci_high: 86.99, status: 'met', certainty: 'clear' }),
  assessed('giao-duc-overall', { survey: 'giao-duc', comparator: '>', threshold: 80, value: 81, ci_low: 77.45, ci_high: 84.56, status: 'met', certainty: 'uncertain' }),
  assessed('sipas-rank', { indicator: 'rank', comparator: '<=', threshold: 3, value: 3, ci_low: 2, ci_high: 4, status: 'met', certainty: 'uncertain' }),
];

/** Names as targetAimName gives them for these rows (its own naming needs the registers). */
const NAMES: Record<string, { vi: string; en: string }> = {
  'sipas-fields:all': { vi: 'Lĩnh vực Đất đai, Xây dựng, Đầu tư', en: 'Land, Construction, Investment fields' },
  'sipas-fields:dat-dai': { vi: 'Đất đai', en: 'Land' },
  'sipas-fields:xay-dung': { vi: 'Xây dựng', en: 'Construction' },
  'sipas-rank': { vi: 'Hạng SIPAS', en: 'SIPAS rank' },
  'y-te-overall': { vi: 'Chỉ số chung Y tế', en: 'Health overall index' },
  'giao-duc-overall': { vi: 'Chỉ số chung Giáo dục', en: 'Education overall index' },
};
const nameIn = (lang: 'vi' | 'en') => (a: AssessedTarget) => NAMES[a.row.target]?.[lang] ?? a.row.target;

describe('summariseTargets: one count of the plan’s targets', () => {
  const summary = summariseTargets(KH95);
  it('counts 6 targets behind 9 rows, 5 met, 3 within the margin of error', () => {
    expect(summary).toMatchObject({ total: 6, met: 5, uncertain: 3, rows: 9 });
    expect(summary.unassessed).toEqual([]);
    expect(summary.split.map((a) => a.row.target)).toEqual(['sipas-fields:all']);
  });
  it('names the target not met and, within it, the field that missed', () => {
    expect(summary.notMet.map((m) => [m.verdict.row.target, m.parts.map((p) => p.row.target)])).toEqual([['sipas-fields:all', ['sipas-fields:dat-dai']]]);
  });
});

describe('targetSummaryLead', () => {
  const summary = summariseTargets(KH95);
  it('gives the count and names what was missed, by how much', () => {
    expect(targetSummaryLead(summary, 'vi', nameIn('vi'))).toBe(
      `5/6 chỉ tiêu đạt; 3 chỉ tiêu có kết luận nằm trong biên sai số. Chưa đạt: Lĩnh vực Đất đai, Xây dựng, Đầu tư — Đất đai 83,86${NB}% so với mức ≥ 85${NB}% (trong biên sai số).`,
    );
    expect(targetSummaryLead(summary, 'en', nameIn('en'))).toBe(
      '5 of 6 targets met; 3 verdicts are within the margin of error. Not met: Land, Construction, Investment fields — Land 83.86% against ≥ 85% (within the margin of error).',
    );
  });

  it('names a missed rank target and a clear miss, and the targets that could not be assessed', () => {
    const rows = KH95.map((a) => {
      if (a.row.target === 'sipas-rank') return { ...a, row: { ...a.row, value: 4, status: 'not_met' as const } };
      if (a.row.target === 'y-te-overall') return { ...a, row: { ...a.row, value: 78, ci_low: 76.1, ci_high: 79.9, status: 'not_met' as const, certainty: 'clear' as const } };
      if (a.row.target === 'giao-duc-overall') return { ...a, row: { ...a.row, value: null, ci_low: null, ci_high: null, status: 'too_few' as const, certainty: null } };
      return a;
    });
    const summary2 = summariseTargets(rows);
    expect(summary2).toMatchObject({ total: 6, met: 2, uncertain: 2 });
    expect(targetSummaryLead(summary2, 'vi', nameIn('vi'))).toBe(
      '2/6 chỉ tiêu đạt; 2 chỉ tiêu có kết luận nằm trong biên sai số; 1 chỉ tiêu chưa đủ dữ liệu để đánh giá. ' +
        `Chưa đạt: Lĩnh vực Đất đai, Xây dựng, Đầu tư — Đất đai 83,86${NB}% so với mức ≥ 85${NB}% (trong biên sai số); Chỉ số chung Y tế — 78,00${NB}% so với mức > 80${NB}%; Hạng SIPAS — hạng 4 so với mục tiêu nhóm 3 đứng đầu (trong biên sai số). ` +
        'Chưa đánh giá được: Chỉ số chung Giáo dục (quá ít phản hồi).',
    );
    expect(missedTargetsText(summary2, 'en', nameIn('en'))).toBe(
      'Not met: Land, Construction, Investment fields — Land 83.86% against ≥ 85% (within the margin of error); Health overall index — 78.00% against > 80%; SIPAS rank — rank 4 against a target of top 3 (within the margin of error).',
    );
  });

  it('says nothing about misses when every target is met', () => {
    const allMet = summariseTargets(KH95.filter((a) => !a.row.target.startsWith('sipas-fields')));
    expect(targetSummaryLead(allMet, 'vi', nameIn('vi'))).toBe('5/5 chỉ tiêu đạt; 2 chỉ tiêu có kết luận nằm trong biên sai số.');
    expect(missedTargetsText(allMet, 'vi', nameIn('vi'))).toBe('');
  });
});

describe('targetRowsNote', () => {
  it('says why the table has more rows than targets', () => {
    expect(targetRowsNote(summariseTargets(KH95), 'vi', nameIn('vi'))).toBe(
      'Bảng có 9 dòng cho 6 chỉ tiêu: chỉ tiêu Lĩnh vực Đất đai, Xây dựng, Đầu tư có một dòng cho mỗi giá trị và một dòng “tất cả”, đạt khi mọi giá trị đều đạt.',
    );
    expect(targetRowsNote(summariseTargets(KH95), 'en', nameIn('en'))).toBe(
      'The table has 9 rows for 6 targets: the Land, Construction, Investment fields target has one row per value and an “all of them” row, met only when every value is.',
    );
  });
  it('is empty when there is one row per target', () => {
    expect(targetRowsNote(summariseTargets(KH95.filter((a) => !a.row.target.startsWith('sipas-fields'))), 'vi', nameIn('vi'))).toBe('');
  });
});

describe('targetAimName', () => {
  const FIELDS: Record<string, { name_vi: string; name_en: string }> = {
    'dat-dai': { name_vi: 'Đất đai', name_en: 'Land' },
    'xay-dung': { name_vi: 'Xây dựng', name_en: 'Construction' },
    'dau-tu': { name_vi: 'Đầu tư', name_en: 'Investment' },
  };
  // Only field() is read for field breakdowns; the indicator names are read for elements and items.
  const registers = { field: (code: string) => FIELDS[code] } as unknown as Registers;
  const names = indicatorNames([]);
  const byId = (id: string) => KH95.find((a) => a.row.target === id) as AssessedTarget;
  it('names each kind of target in a sentence, in both languages', () => {
    const vi = (id: string) => targetAimName(byId(id), registers, names, 'vi');
    const en = (id: string) => targetAimName(byId(id), registers, names, 'en');
    expect(vi('sipas-fields:all')).toBe('Lĩnh vực Đất đai, Xây dựng, Đầu tư');
    expect(en('sipas-fields:all')).toBe('Land, Construction, Investment fields');
    expect(vi('sipas-fields:dat-dai')).toBe('Đất đai');
    expect(vi('coverage')).toBe('Độ bao phủ cơ quan có thủ tục hành chính');
    expect(vi('sipas-overall')).toBe('Chỉ số chung SIPAS');
    expect(en('y-te-overall')).toBe('Health overall index');
    expect(vi('sipas-rank')).toBe('Hạng SIPAS');
  });
});
