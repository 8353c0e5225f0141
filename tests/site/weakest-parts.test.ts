import { describe, expect, it } from 'vitest';
import { lowestPublished, weakestParts } from '../../src/site/weakest-parts.ts';
import { cell } from './published-fixture.ts';

const element = (indicator: string, value: number | null, n = 500) => cell({ period: '2024', unit_code: '585', indicator, level: 'element' }, value, n);
const field = (value_: string, value: number | null, n: number) => cell({ period: '2024', unit_code: '585', breakdown: 'field', breakdown_value: value_ }, value, n);

describe('weakestParts', () => {
  it('finds the lowest element, ignoring the overall row', () => {
    const rows = [cell({ period: '2024', unit_code: '585' }, 70, 540), element('TC', 86.2), element('TT', 82.5), element('PA', 79.3)];
    expect(weakestParts(rows, []).element?.indicator).toBe('PA');
  });

  it('never picks a suppressed field, however low it would be', () => {
    // dau-tu has 12 answers (suppressed, no value); of the published fields xay-dung (80.1) < dat-dai (83.4).
    const fields = [field('dat-dai', 83.4, 120), field('dau-tu', null, 12), field('xay-dung', 80.1, 45)];
    expect(weakestParts([], fields).field?.breakdown_value).toBe('xay-dung');
  });

  it('gives the earlier row on a tie and nothing when all are suppressed', () => {
    expect(lowestPublished([element('TC', 80), element('TT', 80)])?.indicator).toBe('TC');
    expect(lowestPublished([element('TC', null, 10)])).toBeUndefined();
  });
});
