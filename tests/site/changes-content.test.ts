import { describe, expect, it } from 'vitest';
import { changeCounts, formatChange, headlineChanges, keyFields, type RevisionRecord } from '../../src/site/changes-content.ts';

const row = (file: string, key: string, column: string, previous_value: string, value: string, kind: RevisionRecord['kind'] = 'correction'): RevisionRecord => ({
  release: '2026.2',
  previous_release: '2026.1',
  file,
  key,
  column,
  previous_value,
  value,
  kind,
  reason: 'lý do',
  reason_en: 'reason',
});
const elementOrOverall = (_survey: string, indicator: string) => indicator === 'overall' || indicator === 'TC';

describe('the changelog page', () => {
  const rows = [
    // Ninh Hải 2024: overall +5.43, element TC +2.10, its item TC1 (not a headline), a month (file only), its se (not a headline).
    row('indices.csv', 'sipas|2024|586|2020-01-01|all|*|overall', 'value', '85.96', '91.39'),
    row('indices.csv', 'sipas|2024|586|2020-01-01|all|*|TC', 'value', '88.00', '90.10'),
    row('indices.csv', 'sipas|2024|586|2020-01-01|all|*|TC1', 'value', '80.00', '95.00'),
    row('indices.csv', 'sipas|2024-02|586|2020-01-01|all|*|overall', 'value', '55.32', '93.06'),
    row('indices.csv', 'sipas|2024|586|2020-01-01|all|*|overall', 'se', '0.90', '0.50'),
    // A breakdown (field) is not a headline either.
    row('indices.csv', 'sipas|2024|586|2020-01-01|field|dat-dai|overall', 'value', '70.00', '90.00'),
    // Ninh Sơn's rank 2 → 3, and its overall −0.01 (rounding-size change still listed).
    row('rankings.csv', 'sipas|2024|district|585|2020-01-01|3', 'rank', '2', '3'),
    row('indices.csv', 'sipas|2026|22810|2025-07-01|all|*|overall', 'value', '93.18', '93.15', 'revision'),
    row('indices.csv', 'sipas|2026|22810|2025-07-01|channel|x|overall', '', '', '', 'new'),
  ];

  it('reads a revisions key back into its columns', () => {
    expect(keyFields('rankings.csv', 'sipas|2024|district|585|2020-01-01|3')).toEqual({
      survey: 'sipas',
      period: '2024',
      unit_level: 'district',
      unit_code: '585',
      unit_valid_from: '2020-01-01',
      k: '3',
    });
    expect(keyFields('rankings.csv', 'sipas|2024')).toBeUndefined();
  });

  it('groups the headline changes by unit, the largest index change first', () => {
    const units = headlineChanges(rows, elementOrOverall);
    expect(units.map((u) => [u.unit, Number(u.largest.toFixed(2))])).toEqual([
      ['586', 5.43],
      ['22810', 0.03],
      ['585', 0],
    ]);
    // Within Ninh Hải: overall (5.43) before TC (2.10); the item, the month, se and the field are left to the file.
    expect(units[0]?.changes.map((c) => [c.what, c.period, c.size?.toFixed(2)])).toEqual([
      ['overall', '2024', '5.43'],
      ['TC', '2024', '2.10'],
    ]);
    expect(units[2]?.changes.map((c) => [c.what, c.previous, c.value])).toEqual([['rank', '2', '3']]);
  });

  it('prints a change with its sign, percentages for an index, places for a rank', () => {
    const [ninhHai, ninhSon, rank] = [headlineChanges(rows, elementOrOverall)[0]?.changes[0], headlineChanges(rows, elementOrOverall)[1]?.changes[0], headlineChanges(rows, elementOrOverall)[2]?.changes[0]];
    expect(formatChange(ninhHai!, 'vi')).toEqual({ previous: '85,96\u00a0%', value: '91,39\u00a0%', size: '+5,43', period: '2024' });
    expect(formatChange(ninhSon!, 'en').size).toBe('−0.03');
    expect(formatChange(rank!, 'vi')).toEqual({ previous: '2', value: '3', size: '+1', period: '2024' });
  });

  it('counts changed values per file and kind', () => {
    expect(changeCounts(rows)).toEqual([
      { file: 'indices.csv', counts: { revision: 1, correction: 6, new: 1, withdrawn: 0 } },
      { file: 'rankings.csv', counts: { revision: 0, correction: 1, new: 0, withdrawn: 0 } },
    ]);
  });
});
