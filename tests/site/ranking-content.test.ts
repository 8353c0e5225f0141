/**
 * The ranking page's groups when site.json ranks the provinces within the country: the group of
 * parent_code '' (the whole country) comes first, spans the days its provinces existed, and has
 * no reference row (there is no unit "the whole country" with cells); the communes of a province
 * keep their province as the reference, as on the bundled site.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RankingRow } from '../../src/engine/tables.ts';
import { buildRegisters } from '../../src/intake/registers.ts';
import type { Unit, UnitLevel } from '../../src/intake/types.ts';
import type { RankingContent } from '../../src/site/ranking-content.ts';
import { cell, publishedFixture } from './published-fixture.ts';

const NEW = '2025-07-01';
const unit = (code: string, level: UnitLevel, parent: string | null): Unit => ({
  code,
  name_vi: code,
  name_en: code,
  level,
  parent_code: parent,
  valid_from: NEW,
  valid_to: null,
});
const units = [unit('01', 'province', null), unit('02', 'province', null), unit('04', 'province', null), unit('00001', 'commune', '01'), unit('00002', 'commune', '01')];

const ranking = (unit_code: string, unit_level: UnitLevel, parent_code: string, rank: number): RankingRow => ({
  survey: 'sipas',
  period: '2025',
  unit_level,
  unit_code,
  value: 90 - rank,
  ci_low: 88 - rank,
  ci_high: 92 - rank,
  n: 500,
  rank,
  rank_low: rank,
  rank_high: rank,
  p_first: rank === 1 ? 1 : 0,
  k: 3,
  p_top_k: 1,
  status: 'ranked',
  unit_valid_from: NEW,
  basis: 'direct',
  parent_code,
});

// rankings.csv's order: the provinces (parent_code '') before the communes of 01.
const data = publishedFixture({
  indices: ['01', '02', '04', '00001', '00002'].map((code, i) => cell({ period: '2025', unit_code: code, unit_valid_from: NEW }, 80 + i, 500)),
  rankings: [ranking('00001', 'commune', '01', 1), ranking('00002', 'commune', '01', 2), ranking('02', 'province', '', 1), ranking('01', 'province', '', 2), ranking('04', 'province', '', 3)],
});

vi.mock('../../src/site/published-data.ts', async (original) => ({ ...(await original<object>()), publishedData: () => data }));
vi.mock('../../src/site/site-inputs.ts', () => ({ siteRegisters: () => Promise.resolve(buildRegisters(units, [], [])) }));

let content: RankingContent;
beforeAll(async () => {
  const { rankingContent } = await import('../../src/site/ranking-content.ts');
  content = await rankingContent('2025');
});

describe('rankingContent with a group ranked within the whole country', () => {
  it('lists the provinces of the country first, then the communes of each province', () => {
    expect(content.groups.map((g) => [g.level, g.parent.code])).toEqual([
      ['province', ''],
      ['commune', '01'],
    ]);
  });

  it('names no province version for the country, and spans the days its provinces existed (from 1/7/2025)', () => {
    const [country, communes] = content.groups;
    expect(country?.parent).toEqual({ code: '', valid_from: '' });
    expect(country?.partYear).toEqual({ from: NEW, to: '2025-12-31' });
    expect(communes?.parent).toEqual({ code: '01', valid_from: NEW });
    expect(communes?.partYear).toEqual({ from: NEW, to: '2025-12-31' });
  });

  it('gives the country’s heat table no reference row; a province’s communes keep the province first', () => {
    const [country, communes] = content.groups;
    expect(country?.heat.rows.map((r) => r.unit_code)).toEqual(['02', '01', '04']);
    expect(country?.rankings[0]?.province).toBeUndefined();
    expect(communes?.heat.rows.map((r) => r.unit_code)).toEqual(['01', '00001', '00002']);
    expect(communes?.rankings[0]?.province?.value).toBe(80);
  });
});
