/**
 * `data/plans/*.json` (or `.yaml`) → Plan[], each checked against what it refers to: the plan's
 * and each target's unit exist (the target's during its period), the survey exists, the indicator
 * is `overall`, `coverage`, `rank` or an element/item code of that survey, breakdown values are
 * known codes, and thresholds make sense for the indicator (percent 0–100, or k ≥ 1 for ranks).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileLabel, type FileLabeller } from './file-label.ts';
import { FieldReader, join as at } from './field-reader.ts';
import { readStructuredFile, STRUCTURED_EXTENSIONS } from './read-structured.ts';
import type { Warn } from './read-text.ts';
import type { Registers } from './registers.ts';
import { CHANNELS, RESPONDENT_TYPES } from './response-columns.ts';
import type { Comparator, Plan, PlanTarget, SurveyInstrument } from './types.ts';

export interface PlanContext {
  registers: Registers;
  surveys: readonly SurveyInstrument[];
}

const COMPARATORS: readonly Comparator[] = ['>', '>=', '<=', '<'];
const BREAKDOWNS: readonly PlanTarget['breakdown'][] = ['all', 'field', 'channel', 'respondent_type', 'agency'];
const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export async function loadPlans(dataDir: string, context: PlanContext, warn: Warn, labelOf: FileLabeller = fileLabel): Promise<Plan[]> {
  const dir = join(dataDir, 'plans');
  if (!existsSync(dir)) return [];
  const paths = readdirSync(dir)
    .filter((name) => (STRUCTURED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
  const plans: Plan[] = [];
  for (const path of paths) {
    const label = labelOf(path);
    plans.push(normalisePlan(await readStructuredFile(path, label, warn), label, context, warn, basename(path, extname(path))));
  }
  return plans;
}

/** First and last day of a period `2024`, `2024-Q1` or `2024-03`, or null when it is none of these. */
export function periodRange(period: string): { from: string; to: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const year = m[1] as string;
  if (m[2]) {
    const q = Number(m[2]);
    const first = String(3 * q - 2).padStart(2, '0');
    const last = String(3 * q).padStart(2, '0');
    return { from: `${year}-${first}-01`, to: `${year}-${last}-${q === 1 || q === 4 ? 31 : 30}` };
  }
  if (m[3]) {
    const days = new Date(Date.UTC(Number(year), Number(m[3]), 0)).getUTCDate();
    return { from: `${year}-${m[3]}-01`, to: `${year}-${m[3]}-${days}` };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function normalisePlan(raw: unknown, label: string, context: PlanContext, warn: Warn, expectedId?: string): Plan {
  const r = new FieldReader(label);
  const o = r.object(raw, '');
  r.warnUnknownKeys(o, ['id', 'reference', 'date', 'issuer', 'title', 'unit_code', 'source', 'targets'], '', warn);
  const id = r.string(o.id, 'id');
  if (expectedId !== undefined && id !== expectedId) r.fail('id', `is "${id}" but the file is named ${expectedId}.`, 'make the id and the file name (without extension) the same.');
  const unitCode = r.string(o.unit_code, 'unit_code');
  if (context.registers.unitVersions(unitCode).length === 0) r.fail('unit_code', `unit "${unitCode}" is not in units.csv.`, 'correct the code or add the unit.');
  const source = r.object(o.source, 'source');
  const url = r.optionalString(source.url, 'source.url');
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) r.fail('source.url', `"${url}" is not a web address.`, 'write the full address with https://, or null when there is none.');
  const sourceId = r.optionalString(source.source_id, 'source.source_id');
  const targets = r.array(o.targets, 'targets').map((t, i) => target(r, t, at('targets', i), context));
  targets.forEach((t, i) => {
    if (targets.findIndex((u) => u.id === t.id) !== i) r.fail(at(at('targets', i), 'id'), `"${t.id}" is already the id of another target.`, 'give each target its own id.');
  });
  return {
    id,
    reference: r.string(o.reference, 'reference'),
    date: r.isoDate(o.date, 'date'),
    issuer: r.bilingual(o.issuer, 'issuer'),
    title: r.bilingual(o.title, 'title'),
    unit_code: unitCode,
    source: { title: r.bilingual(source.title, 'source.title'), url, ...(sourceId === null ? {} : { source_id: sourceId }) },
    targets,
  };
}

function target(r: FieldReader, value: unknown, path: string, context: PlanContext): PlanTarget {
  const o = r.object(value, path);
  const surveyId = r.string(o.survey, at(path, 'survey'));
  const survey = context.surveys.find((s) => s.id === surveyId);
  if (!survey) r.fail(at(path, 'survey'), `survey "${surveyId}" does not exist; known: ${context.surveys.map((s) => s.id).join(', ')}.`, 'use the id of a folder under surveys/.');
  const period = r.string(o.period, at(path, 'period'));
  const range = periodRange(period);
  if (!range) r.fail(at(path, 'period'), `"${period}" is not a period.`, 'write a year (2024), a quarter (2024-Q1) or a month (2024-03).');
  const andFollowing = o.and_following_years === undefined ? false : r.boolean(o.and_following_years, at(path, 'and_following_years'));
  if (andFollowing && !/^\d{4}$/.test(period)) {
    r.fail(at(path, 'and_following_years'), `applies to a year, but the period is "${period}".`, 'write the first year as the period (e.g. 2024), or remove and_following_years.');
  }
  const unitCode = r.string(o.unit_code, at(path, 'unit_code'));
  const versions = context.registers.unitVersions(unitCode);
  if (versions.length === 0) r.fail(at(path, 'unit_code'), `unit "${unitCode}" is not in units.csv.`, 'correct the code or add the unit.');
  if (!versions.some((v) => v.valid_from <= range.to && (v.valid_to === null || v.valid_to >= range.from))) {
    r.fail(at(path, 'unit_code'), `unit ${unitCode} does not exist during ${period}.`, 'check the unit code and the period.');
  }
  const indicator = r.string(o.indicator, at(path, 'indicator'));
  const codes = ['overall', 'coverage', 'rank', ...survey.elements.flatMap((e) => [e.code, ...e.items.map((item) => item.code)])];
  if (!codes.includes(indicator)) {
    r.fail(at(path, 'indicator'), `"${indicator}" is not an indicator of survey ${surveyId}.`, 'use overall, coverage, rank, or an element or item code of the survey (e.g. TC or TC1).');
  }
  const breakdown = r.oneOf(o.breakdown, BREAKDOWNS, at(path, 'breakdown'));
  const breakdownValues = r.array(o.breakdown_values ?? [], at(path, 'breakdown_values')).map((v, i) => r.string(v, at(at(path, 'breakdown_values'), i)));
  checkBreakdownValues(r, breakdown, breakdownValues, at(path, 'breakdown_values'), context);
  if ((indicator === 'rank' || indicator === 'coverage') && breakdown !== 'all') {
    r.fail(at(path, 'breakdown'), `must be "all" for a ${indicator} target, found "${breakdown}".`, 'set breakdown to "all".');
  }
  const comparator = r.oneOf(o.comparator, COMPARATORS, at(path, 'comparator'));
  const threshold = indicator === 'rank'
    ? r.integer(o.threshold, at(path, 'threshold'), { min: 1 })
    : r.number(o.threshold, at(path, 'threshold'), { min: 0, max: 100 });
  if (indicator === 'rank' && comparator !== '<=') {
    r.fail(at(path, 'comparator'), `must be "<=" for a rank target (rank at most k), found "${comparator}".`, 'write "<=" and put k in threshold.');
  }
  return {
    id: r.string(o.id, at(path, 'id')),
    label: r.bilingual(o.label, at(path, 'label')),
    survey: surveyId,
    unit_code: unitCode,
    period,
    and_following_years: andFollowing,
    indicator,
    breakdown,
    breakdown_values: breakdownValues,
    comparator,
    threshold,
  };
}

function checkBreakdownValues(r: FieldReader, breakdown: PlanTarget['breakdown'], values: string[], path: string, context: PlanContext): void {
  if (breakdown === 'all') {
    if (values.length > 1 || (values.length === 1 && values[0] !== '*')) r.fail(path, 'must be [] or ["*"] when breakdown is "all".', 'remove the values, or choose a breakdown.');
    return;
  }
  if (values.length === 0) r.fail(path, `is empty but breakdown is "${breakdown}".`, 'list the codes the target is about.');
  const known: (code: string) => boolean = {
    field: (code: string) => context.registers.field(code) !== null,
    channel: (code: string) => (CHANNELS as readonly string[]).includes(code),
    respondent_type: (code: string) => (RESPONDENT_TYPES as readonly string[]).includes(code),
    agency: (code: string) => context.registers.agencyVersions(code).length > 0,
  }[breakdown];
  values.forEach((code, i) => {
    if (!known(code)) r.fail(at(path, i), `"${code}" is not a known ${breakdown} code.`, `use a code from ${breakdown === 'field' ? 'fields.csv' : breakdown === 'agency' ? 'agencies.csv' : 'data-contract.md'}.`);
  });
}
