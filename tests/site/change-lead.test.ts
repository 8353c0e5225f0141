/**
 * changeLead: the unit lead's sentence on the latest change, from trends.csv rows written out by
 * hand. The first row is Huyện Ninh Sơn's 2024 row of the sample data (90.99 − 87.90 = 3.09,
 * interval 1.63–4.55, significant); the down case takes SE(Δ) = 1.00, so the interval is
 * −2.50 ± 1.96 = −4.46 … −0.54 (excludes 0: significant); the not-significant case is Ninh Sơn's
 * education row (1.67, interval −3.17 … 6.51, contains 0).
 */
import { describe, expect, it } from 'vitest';
import type { TrendRow } from '../../src/engine/tables.ts';
import { changeLead } from '../../src/site/leads.ts';

const NB = '\u00a0';
const trend = (over: Partial<TrendRow>): TrendRow => ({
  survey: 'sipas', period: '2024', previous_period: '2023', unit_code: '585', breakdown: 'all', breakdown_value: '*', indicator: 'overall',
  value: null, previous_value: null, change: null, change_ci_low: null, change_ci_high: null, significant: null, method_break: false,
  boundary_break: false, unit_valid_from: '2020-01-01', basis: 'direct', ...over,
});
const up = trend({ value: 90.99, previous_value: 87.9, change: 3.09, change_ci_low: 1.63, change_ci_high: 4.55, significant: true });
const down = trend({ value: 84.8, previous_value: 87.3, change: -2.5, change_ci_low: -4.46, change_ci_high: -0.54, significant: true });
const unclear = trend({ value: 81.0, previous_value: 79.33, change: 1.67, change_ci_low: -3.17, change_ci_high: 6.51, significant: false });

describe('changeLead', () => {
  it('says how much a significant rise is, with the interval of the change', () => {
    expect(changeLead('2024', up, 'vi')).toBe(
      `So với năm 2023, tỷ lệ hài lòng tăng 3,09 điểm phần trăm, từ 87,90${NB}% lên 90,99${NB}% (khoảng tin cậy 95${NB}% của mức thay đổi: tăng 1,63–4,55 điểm), một thay đổi có ý nghĩa thống kê.`,
    );
    expect(changeLead('2024', up, 'en')).toBe(
      'Compared with 2023, the share satisfied rose 3.09 percentage points, from 87.90% to 90.99% (95% interval of the change: a rise of 1.63–4.55 points), a statistically significant change.',
    );
  });

  it('says a significant fall with the interval as sizes of the fall, naming the unit when asked', () => {
    expect(changeLead('2024', down, 'vi', 'Huyện Bác Ái')).toBe(
      `So với năm 2023, tỷ lệ hài lòng của Huyện Bác Ái giảm 2,50 điểm phần trăm, từ 87,30${NB}% xuống 84,80${NB}% (khoảng tin cậy 95${NB}% của mức thay đổi: giảm 0,54–4,46 điểm), một thay đổi có ý nghĩa thống kê.`,
    );
    expect(changeLead('2024', down, 'en', 'Bác Ái District')).toBe(
      'Compared with 2023, the share satisfied in Bác Ái District fell 2.50 percentage points, from 87.30% to 84.80% (95% interval of the change: a fall of 0.54–4.46 points), a statistically significant change.',
    );
  });

  it('says a change whose interval contains 0 is within the margin of error', () => {
    expect(changeLead('2024', unclear, 'vi')).toBe(
      `So với năm 2023, tỷ lệ hài lòng tăng 1,67 điểm phần trăm, từ 79,33${NB}% lên 81,00${NB}% (khoảng tin cậy 95${NB}% của mức thay đổi: từ giảm 3,17 đến tăng 6,51 điểm), nhưng thay đổi này nằm trong biên sai số: chưa đủ bằng chứng để nói tỷ lệ đã thay đổi.`,
    );
    expect(changeLead('2024', unclear, 'en')).toBe(
      'Compared with 2023, the share satisfied rose 1.67 percentage points, from 79.33% to 81.00% (95% interval of the change: from a fall of 3.17 to a rise of 6.51 points), but this change is within the margin of error: there is not enough evidence to say the share changed.',
    );
  });

  it('computes no change across a method break, and says why', () => {
    const broken = trend({ period: '2023', previous_period: '2022', value: 87.9, previous_value: 85.57, method_break: true });
    expect(changeLead('2023', broken, 'vi')).toBe('Không so sánh tỷ lệ hài lòng năm 2023 với năm 2022: phương pháp đo đã thay đổi giữa hai năm, nên không tính mức thay đổi.');
    expect(changeLead('2023', broken, 'en')).toBe('The share satisfied in 2023 is not compared with 2022: the measurement method changed between the two years, so no change is computed.');
  });

  it('says which period has too few responses when one is suppressed', () => {
    const before = trend({ period: '2022', previous_period: '2021', value: 86.73 });
    expect(changeLead('2022', before, 'vi')).toBe('Không tính được mức thay đổi so với năm 2021: năm 2021 có quá ít phản hồi.');
    expect(changeLead('2022', before, 'en')).toBe('No change from 2021 can be computed: 2021 had too few responses.');
    const now = trend({ period: '2022', previous_period: '2021', previous_value: 80.1 });
    expect(changeLead('2022', now, 'vi')).toBe('Không tính được mức thay đổi so với năm 2021: năm 2022 có quá ít phản hồi.');
    const both = trend({ period: '2022', previous_period: '2021' });
    expect(changeLead('2022', both, 'vi', 'Xã Phước Hà')).toBe('Không tính được mức thay đổi của Xã Phước Hà so với năm 2021: cả năm 2022 và năm 2021 đều có quá ít phản hồi.');
    expect(changeLead('2022', both, 'en')).toBe('No change from 2021 can be computed: both 2022 and 2021 had too few responses.');
  });

  it('says when there is no earlier period to compare with', () => {
    expect(changeLead('2024', undefined, 'vi')).toBe('Không có kết quả năm 2023 để so sánh với năm 2024.');
    expect(changeLead('2024', undefined, 'en', 'Ninh Sơn District')).toBe('There is no 2023 result for Ninh Sơn District to compare 2024 with.');
  });

  it('names quarters and months as periods', () => {
    const quarter = trend({ ...up, period: '2024-Q1', previous_period: '2023-Q4' });
    expect(changeLead('2024-Q1', quarter, 'vi')).toMatch(/^So với quý 4\/2023, tỷ lệ hài lòng tăng 3,09 điểm phần trăm/);
    expect(changeLead('2024-03', undefined, 'vi')).toBe('Không có kết quả tháng 2/2024 để so sánh với tháng 3/2024.');
    expect(changeLead('2024-Q1', undefined, 'en')).toBe('There is no Q4 2023 result to compare Q1 2024 with.');
  });
});
