import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../../src/engine/tables.ts';
import { funnelLead, rankLead, topOfRankingLead, weakestLead } from '../../src/site/leads.ts';
import { RANKINGS_2024 } from '../charts/fixtures.ts';
import { cell } from './published-fixture.ts';

const ninhSon = RANKINGS_2024.find((r) => r.unit_code === '585') as RankingRow; // rank 3 (2–5), P(top 3) 0.612
const bacAi = RANKINGS_2024.find((r) => r.unit_code === '584') as RankingRow; // not ranked, n = 80

describe('rankLead', () => {
  it('says rank of N, the rank interval and the chance of the top k', () => {
    expect(rankLead('Huyện Ninh Sơn', '2024', ninhSon, 7, 100, 'vi')).toBe(
      'Năm 2024, Huyện Ninh Sơn xếp hạng 3/7 (khoảng hạng 2–5; 61\u00a0% khả năng trong nhóm 3 đứng đầu).',
    );
    expect(rankLead('Ninh Sơn District', '2024', ninhSon, 7, 100, 'en')).toBe(
      'In 2024, Ninh Sơn District ranks 3 of 7 (rank interval 2–5; 61% chance of top 3).',
    );
  });

  it('says a single-rank interval is certain', () => {
    const sure = { ...ninhSon, rank: 1, rank_low: 1, rank_high: 1, p_top_k: 1 };
    expect(rankLead('X', '2024', sure, 7, 100, 'en')).toBe('In 2024, X ranks 1 of 7 (certainly rank 1; 100% chance of top 3).');
  });

  it('explains why a unit is not ranked', () => {
    expect(rankLead('Huyện Bác Ái', '2024', bacAi, 7, 100, 'vi')).toBe('Năm 2024, Huyện Bác Ái không được xếp hạng: chỉ có 80 người trả lời, cần ít nhất 100.');
  });
});

describe('weakestLead', () => {
  const element = cell({ period: '2024', unit_code: '585', indicator: 'PA', level: 'element' }, 79.3, 402);
  const field = cell({ period: '2024', unit_code: '585', breakdown: 'field', breakdown_value: 'dat-dai' }, 80.5, 1234);
  const name = (row: typeof element) => (row.breakdown === 'field' ? 'Đất đai' : 'Tiếp nhận góp ý');

  it('names the lowest element and field with value and n', () => {
    expect(weakestLead('Huyện Ninh Sơn', '2024', element, field, name, 'vi')).toBe(
      'Năm 2024, yếu tố thấp nhất của Huyện Ninh Sơn là Tiếp nhận góp ý (79,30\u00a0%, n = 402); lĩnh vực thủ tục thấp nhất, trong các lĩnh vực đủ phản hồi, là Đất đai (80,50\u00a0%, n = 1.234).',
    );
  });

  it('says when no field or no element can be compared', () => {
    expect(weakestLead('X', '2024', element, undefined, name, 'en')).toBe(
      'In 2024, the lowest element of X is Tiếp nhận góp ý (79.30%, n = 402); no procedure field has enough responses to compare.',
    );
    expect(weakestLead('X', '2024', undefined, undefined, name, 'en')).toBe('In 2024, X has too few responses to tell which element pulls its index down.');
  });
});

describe('the leads of a national site', () => {
  it('counts the funnel verdicts against the whole country', () => {
    expect(funnelLead('2026', 'tỉnh, thành phố', 'Cả nước', ['above', 'below', 'consistent', 'consistent', null], 'vi', 'country')).toBe(
      'Năm 2026, trong 5 tỉnh, thành phố của cả nước, 1 có tỷ lệ hài lòng cao hơn rõ so với cả nước và 1 thấp hơn rõ; 2 phù hợp với cả nước, 1 có quá ít phản hồi.',
    );
    expect(funnelLead('2026', 'provinces and cities', 'Viet Nam', ['above', 'consistent'], 'en', 'country')).toBe(
      'In 2026, of the 2 provinces and cities of the country, 1 are clearly above the whole country in satisfaction and 0 clearly below; 1 are consistent with the whole country.',
    );
  });

  it('names the top of a ranking too small for a funnel plot, ties included', () => {
    const row = (unit_code: string, rank: number | null, value: number) => ({ unit_code, rank, value, status: rank === null ? 'not_ranked' : 'ranked' }) as RankingRow;
    const names: Record<string, string> = { '01': 'Thành phố Hà Nội', '56': 'Tỉnh Khánh Hòa', '79': 'Thành phố Hồ Chí Minh' };
    const rows = [row('01', 1, 88.125), row('79', 1, 88.125), row('56', null, 70)];
    expect(topOfRankingLead('2026', 'tỉnh, thành phố', rows, (c) => names[c] ?? c, 'vi')).toBe(
      'Năm 2026, 2 tỉnh, thành phố được xếp hạng; cao nhất là Thành phố Hà Nội (88,13\u00a0%) và Thành phố Hồ Chí Minh (88,13\u00a0%).',
    );
    expect(topOfRankingLead('2026', 'provinces and cities', [row('56', null, 70)], (c) => names[c] ?? c, 'en')).toBe('In 2026, no provinces and cities had enough respondents to be ranked.');
  });
});
