/**
 * Facts about the real input files under data/ (not fixtures): the unit register and crosswalk of
 * the 2025 reorganisation, the SIPAS instrument of the data contract, the targets of Kế hoạch
 * 95/KH-UBND, and the links between registers. Expected numbers come from the sources, not from
 * the files: 7 district-level units of Ninh Thuận (582, 584–589) with 13+9+8+9+9+6+8 = 62
 * commune-level units on 01/03/2025 (S30), which became 24 commune-level units of Khánh Hòa on
 * 1/7/2025 (NQ 1667/NQ-UBTVQH15, S32); the new Khánh Hòa (56) has 65 commune-level units from
 * 1/7/2025 (16 wards, 48 communes, 1 special zone; CV 1027/CTK-CSCL, S78); the SIPAS items are
 * those of data-contract.md.
 * Files are parsed here with papaparse directly, independently of the project's loaders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Plan, SiteConfig, SurveyInstrument } from '../src/intake/types.ts';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  const text = fs.readFileSync(path.join(DATA, file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: 'greedy' });
  expect(parsed.errors, `${file} parses without errors`).toEqual([]);
  return parsed.data;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')) as T;
}

/** Validity as [from, to] with an open end written as the far future, so ISO strings compare. */
const OPEN_END = '9999-12-31';
const endOf = (row: Row): string => (row.valid_to === '' ? OPEN_END : (row.valid_to ?? OPEN_END));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const units = readCsv('units.csv');
const crosswalk = readCsv('crosswalk-2025.csv');
const agencies = readCsv('agencies.csv');
const fields = readCsv('fields.csv');

const DISTRICTS_58 = ['582', '584', '585', '586', '587', '588', '589'];
const oldCommunes = units.filter((u) => u.level === 'commune' && DISTRICTS_58.includes(u.parent_code ?? ''));
const newCommunes = units.filter((u) => u.level === 'commune' && u.parent_code === '56');

describe('units.csv', () => {
  it('has the agreed columns', () => {
    expect(Object.keys(units[0] ?? {})).toEqual([
      'code', 'name_vi', 'name_en', 'level', 'parent_code', 'valid_from', 'valid_to', 'source_id', 'note',
    ]);
  });

  it('lists Ninh Thuận (58) with exactly its 7 district-level units, ending 2025-06-30', () => {
    const districts = units.filter((u) => u.level === 'district');
    expect(districts.map((d) => d.code).sort()).toEqual(DISTRICTS_58);
    for (const d of districts) {
      expect(d.parent_code).toBe('58');
      expect(d.valid_to).toBe('2025-06-30');
    }
    expect(districts.find((d) => d.code === '585')?.name_vi).toBe('Huyện Ninh Sơn');
    expect(units.find((u) => u.code === '58')?.name_vi).toBe('Tỉnh Ninh Thuận');
  });

  it('has two versions of Khánh Hòa (56): the old province to 2025-06-30, the new one from 2025-07-01', () => {
    const versions = units.filter((u) => u.code === '56').map((u) => [u.level, u.valid_from, u.valid_to]);
    expect(versions).toEqual([
      ['province', '2020-01-01', '2025-06-30'],
      ['province', '2025-07-01', ''],
    ]);
    // No unit of this register belongs to the old version: its communes are not listed.
    expect(units.filter((u) => u.parent_code === '56' && (u.valid_from ?? '') < '2025-07-01')).toEqual([]);
  });

  it('has 62 old communes (13+9+8+9+9+6+8 by district) and the 65 of the new Khánh Hòa', () => {
    expect(new Set(oldCommunes.map((c) => c.code)).size).toBe(62);
    expect(oldCommunes).toHaveLength(62);
    const perDistrict = DISTRICTS_58.map((d) => oldCommunes.filter((c) => c.parent_code === d).length);
    expect(perDistrict).toEqual([13, 9, 8, 9, 9, 6, 8]);
    expect(newCommunes).toHaveLength(65);
    expect(new Set(newCommunes.map((c) => c.code)).size).toBe(65);
    // 24 took in former Ninh Thuận (crosswalk); the 41 others cite the code list S78.
    const fromNinhThuan = new Set(crosswalk.map((r) => r.new_commune_code));
    expect(newCommunes.filter((c) => fromNinhThuan.has(c.code ?? ''))).toHaveLength(24);
    expect(newCommunes.filter((c) => c.source_id === 'S78')).toHaveLength(41);
    const kinds = ['Phường ', 'Xã ', 'Đặc khu '].map((prefix) => newCommunes.filter((c) => c.name_vi?.startsWith(prefix)).length);
    expect(kinds).toEqual([16, 48, 1]);
    for (const c of newCommunes) {
      expect(c.code, c.name_vi).toMatch(/^\d{5}$/);
      expect(c.name_vi, c.code).not.toMatch(/<|>|\s{2}/);
    }
    expect(newCommunes.find((c) => c.code === '22597')?.name_vi).toBe('Xã Nam Ninh Hòa');
    expect(newCommunes.find((c) => c.code === '22736')?.name_en).toBe('Trường Sa Special Zone');
    for (const c of oldCommunes) expect(c.valid_to).toBe('2025-06-30');
    for (const c of newCommunes) {
      expect(c.valid_from).toBe('2025-07-01');
      expect(c.valid_to).toBe('');
    }
  });

  it('writes ISO dates with valid_from not after valid_to', () => {
    for (const u of units) {
      expect(u.valid_from, u.code).toMatch(ISO_DATE);
      if (u.valid_to !== '') expect(u.valid_to, u.code).toMatch(ISO_DATE);
      expect((u.valid_from ?? '') <= endOf(u), u.code).toBe(true);
    }
  });

  it('gives every unit with a parent a parent that is valid over the whole of its validity', () => {
    for (const child of units.filter((u) => u.parent_code !== '')) {
      const cover = units.find(
        (p) => p.code === child.parent_code && (p.valid_from ?? '') <= (child.valid_from ?? '') && endOf(p) >= endOf(child),
      );
      expect(cover, `${child.code} ${child.name_vi} → parent ${child.parent_code}`).toBeDefined();
    }
  });

  it('never has two rows of one code with overlapping validity', () => {
    const byCode = new Map<string, Row[]>();
    for (const u of units) byCode.set(u.code ?? '', [...(byCode.get(u.code ?? '') ?? []), u]);
    for (const [code, rows] of byCode) {
      const sorted = [...rows].sort((a, b) => ((a.valid_from ?? '') < (b.valid_from ?? '') ? -1 : 1));
      for (let i = 1; i < sorted.length; i++) {
        const before = sorted[i - 1] as Row;
        const after = sorted[i] as Row;
        expect(endOf(before) < (after.valid_from ?? ''), `code ${code}`).toBe(true);
      }
    }
    // The contract's own example: 22738 Phường Đô Vinh appears twice, under 582 and then under 56.
    expect(units.filter((u) => u.code === '22738').map((u) => u.parent_code)).toEqual(['582', '56']);
  });
});

describe('crosswalk-2025.csv', () => {
  it('has 63 rows for 62 old communes, with one split ward', () => {
    expect(crosswalk).toHaveLength(63);
    expect(new Set(crosswalk.map((r) => r.old_commune_code)).size).toBe(62);
    expect(crosswalk.filter((r) => r.whole_or_part === 'part').map((r) => r.old_commune_code)).toEqual(['22768', '22768']);
    expect(new Set(crosswalk.map((r) => r.new_commune_code)).size).toBe(24);
  });

  it('matches units.csv on both sides: old communes under their district, new ones under 56', () => {
    for (const r of crosswalk) {
      const old = oldCommunes.find((u) => u.code === r.old_commune_code);
      expect(old, `old ${r.old_commune_code}`).toBeDefined();
      expect(old?.name_vi).toBe(r.old_commune_name);
      expect(old?.parent_code).toBe(r.old_district_code);
      const successor = newCommunes.find((u) => u.code === r.new_commune_code);
      expect(successor?.name_vi, `new ${r.new_commune_code}`).toBe(r.new_commune_name);
    }
  });

  it('cites its sources', () => {
    for (const r of crosswalk) expect(r.source_id).toBe('S32;S33');
  });
});

describe('agencies.csv and fields.csv', () => {
  it('ties every agency to a unit that is valid over the agency\'s validity', () => {
    for (const a of agencies) {
      const unit = units.find(
        (u) => u.code === a.unit_code && (u.valid_from ?? '') <= (a.valid_from ?? '') && endOf(u) >= endOf(a),
      );
      expect(unit, `${a.code} → ${a.unit_code}`).toBeDefined();
    }
  });

  it('has unique codes, known sectors and true/false procedure flags', () => {
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
    for (const a of agencies) {
      expect(['hanh-chinh', 'y-te', 'giao-duc']).toContain(a.sector);
      expect(['true', 'false']).toContain(a.has_procedures);
    }
  });

  it('has 11 district agencies per district and one People\'s Committee per old commune', () => {
    // 7 districts × (7 offices with procedures + 1 health centre + 3 schools) = 77; + 62 communes = 139;
    // from 2025-07-01: 7 province offices + 65 new communes × 3 (service centre, health station, school) = 202.
    for (const d of DISTRICTS_58) expect(agencies.filter((a) => a.unit_code === d), d).toHaveLength(11);
    for (const c of oldCommunes) {
      expect(agencies.find((a) => a.code === `${c.code}-UBND`)?.unit_code, c.code).toBe(c.code);
    }
    expect(agencies).toHaveLength(7 * 11 + 62 + 7 + 65 * 3);
    expect(agencies.filter((a) => a.has_procedures === 'true')).toHaveLength(7 * 7 + 62 + 7 + 65);
  });

  it('ends every agency of the old map on 2025-06-30 and starts every new one on 2025-07-01', () => {
    for (const a of agencies) {
      const old = a.valid_from === '2020-01-01';
      expect([a.valid_from, a.valid_to], a.code).toEqual(old ? ['2020-01-01', '2025-06-30'] : ['2025-07-01', '']);
    }
    for (const c of newCommunes) {
      const own = agencies.filter((a) => a.unit_code === c.code && a.valid_from === '2025-07-01');
      expect(own.map((a) => [a.code, a.sector, a.has_procedures]), c.code).toEqual([
        [`${c.code}-TTPV`, 'hanh-chinh', 'true'],
        [`${c.code}-TYT`, 'y-te', 'false'],
        [`${c.code}-TH`, 'giao-duc', 'false'],
      ]);
    }
    expect(agencies.filter((a) => a.unit_code === '56').every((a) => a.has_procedures === 'true')).toBe(true);
  });

  it('includes the fields the plan names, with unique codes', () => {
    const codes = fields.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['dat-dai', 'xay-dung', 'dau-tu']));
    expect(fields.find((f) => f.code === 'dat-dai')?.name_vi).toBe('Đất đai');
  });
});

describe('survey instruments', () => {
  it('sipas has the contract\'s 5 elements and 19 items', () => {
    const sipas = readJson<SurveyInstrument>('surveys/sipas/survey.json');
    expect(sipas.id).toBe('sipas');
    expect(sipas.elements.map((e) => e.code)).toEqual(['TC', 'TT', 'CC', 'KQ', 'PA']);
    const items = sipas.elements.flatMap((e) => e.items.map((i) => i.code));
    const expected = [
      ...['TC1', 'TC2', 'TC3', 'TC4'], ...['TT1', 'TT2', 'TT3', 'TT4'], ...['CC1', 'CC2', 'CC3', 'CC4', 'CC5'],
      ...['KQ1', 'KQ2', 'KQ3'], ...['PA1', 'PA2', 'PA3'],
    ];
    expect(items).toEqual(expected);
    expect(items).toHaveLength(19);
    expect(sipas.scale).toMatchObject({ min: 1, max: 5, satisfied: [4, 5] });
    expect(sipas.scale.labels.map((l) => l.vi)).toEqual([
      'Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng',
    ]);
  });

  it('sipas declares the method break between 2022 and 2023', () => {
    const sipas = readJson<SurveyInstrument>('surveys/sipas/survey.json');
    expect(sipas.method_versions.map((v) => [v.version, v.valid_from, v.valid_to])).toEqual([
      ['qd2640-2017', '2017-01-01', '2022-12-31'],
      ['qd1001-2023', '2023-01-01', null],
    ]);
  });

  it.each(['sipas', 'y-te', 'giao-duc'])('%s has unique item codes and a question in both languages', (id) => {
    const survey = readJson<SurveyInstrument>(`surveys/${id}/survey.json`);
    expect(survey.id).toBe(id);
    const items = survey.elements.flatMap((e) => e.items);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.column)).size).toBe(items.length);
    for (const item of items) {
      expect(item.question_vi.length, item.code).toBeGreaterThan(10);
      expect(item.question_en.length, item.code).toBeGreaterThan(10);
    }
    for (const e of survey.elements) expect(e.items.length, e.code).toBeGreaterThanOrEqual(3);
  });
});

describe('plans/kh-95-2024.json', () => {
  const plan = readJson<Plan>('plans/kh-95-2024.json');

  it('is Kế hoạch 95/KH-UBND of 27/02/2024 for Ninh Sơn (585)', () => {
    expect([plan.reference, plan.date, plan.unit_code]).toEqual(['95/KH-UBND', '2024-02-27', '585']);
  });

  it('has the six targets of the news item, all for 585 in 2024', () => {
    const summary = plan.targets.map((t) => [t.survey, t.indicator, t.breakdown, t.breakdown_values, t.comparator, t.threshold]);
    expect(summary).toEqual([
      ['sipas', 'coverage', 'all', [], '>=', 100],
      ['sipas', 'overall', 'all', [], '>', 90],
      ['sipas', 'overall', 'field', ['dat-dai', 'xay-dung', 'dau-tu'], '>=', 85],
      ['y-te', 'overall', 'all', [], '>', 80],
      ['giao-duc', 'overall', 'all', [], '>', 80],
      ['sipas', 'rank', 'all', [], '<=', 3],
    ]);
    for (const t of plan.targets) expect([t.unit_code, t.period]).toEqual(['585', '2024']);
    expect(new Set(plan.targets.map((t) => t.id)).size).toBe(6);
  });

  it('names only surveys and fields that exist', () => {
    const fieldCodes = new Set(fields.map((f) => f.code));
    for (const t of plan.targets) {
      expect(fs.existsSync(path.join(DATA, 'surveys', t.survey, 'survey.json')), t.survey).toBe(true);
      if (t.breakdown === 'field') for (const v of t.breakdown_values) expect(fieldCodes.has(v), v).toBe(true);
    }
  });
});

describe('site.json and published figures', () => {
  it('covers province 58, and names no ranked level (each year ranks the units below each province)', () => {
    const site = readJson<SiteConfig>('site.json');
    expect(site.province_code).toBe('58');
    expect(units.some((u) => u.code === site.province_code && u.level === 'province')).toBe(true);
    // ranked_level went with the 2025 reorganisation: districts are ranked until 30/06/2025 and
    // communes after (ranking-content.ts), so one level for all years would be wrong.
    expect(Object.keys(site)).not.toContain('ranked_level');
    expect(site.thresholds).toEqual({ min_n_publish: 30, min_n_rank: 100, max_quarantine_share: 0.01 });
    expect(site.sample_data).toBe(true);
  });

  it('keeps Ninh Thuận\'s published SIPAS values (S01, S02)', () => {
    const province = readCsv('published/sipas-province.csv');
    const value = (year: string, measure: string) =>
      province.find((r) => r.year === year && r.province_code_pre2025 === '58' && r.measure === measure)?.value;
    expect([value('2021', 'sipas'), value('2021', 'rank')]).toEqual(['88.64', '16']);
    expect([value('2022', 'sipas'), value('2022', 'rank')]).toEqual(['81.83', '20']);
  });

  it('cites only sources listed in published/sources.csv', () => {
    const known = new Set(readCsv('published/sources.csv').map((s) => s.source_id));
    const cited = new Set<string>();
    const addIds = (ids: string | undefined) => (ids ?? '').split(';').filter(Boolean).forEach((id) => cited.add(id));
    for (const file of ['units.csv', 'crosswalk-2025.csv', 'published/sipas-national.csv', 'published/sipas-province.csv', 'published/governance-indices-ninhthuan.csv']) {
      for (const row of readCsv(file)) addIds(row.source_id);
    }
    for (const row of readCsv('provenance.csv')) addIds(row.source_ids);
    for (const id of ['sipas', 'y-te', 'giao-duc']) {
      for (const basis of readJson<SurveyInstrument>(`surveys/${id}/survey.json`).legal_basis) addIds(basis.source_id);
    }
    addIds(readJson<Plan>('plans/kh-95-2024.json').source.source_id);
    const unknown = [...cited].filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
    expect(cited.size).toBeGreaterThan(20);
  });
});
