/**
 * Fixed rows for the funnel plot's tests: communes of the new Khánh Hòa (codes and names from
 * /work/shared/reference/communes_34_provinces_2025.csv), with invented n and values chosen so the
 * limits are easy to work by hand.
 *
 * Province: value 80, se 0.5, n 1 600 → Var_taylor = 0.005² = 0.000025, Var_binomial = 0.8 · 0.2 /
 * 1600 = 0.0001, deff = 0.25. At n the half-widths are then z · √(0.25 · 0.16 / n) = z · 0.2 / √n:
 *   99.8 %: 3.09 · 0.2 / √n = 61.8 / √n points;  95 %: 1.96 · 0.2 / √n = 39.2 / √n points.
 *   n = 36: ± 10.3 / ± 6.5333   n = 64: ± 7.725 / ± 4.9   n = 100: ± 6.18 / ± 3.92
 *   n = 144: ± 5.15 / ± 3.2667  n = 225: ± 4.12 / ± 2.6133 n = 400: ± 3.09 / ± 1.96
 * Cases: two units clearly above (84.5 at n 400 > 83.09; 85.5 at n 144 > 85.15), two clearly
 * below (76.5 at n 400 < 76.91; 71.0 at n 64 < 72.275), a small unit far from the province but
 * consistent (89.0 at n 36 < 90.3), the page's own unit (Xã Ninh Sơn, 80.5: its name must not cross
 * the province's line just above its mark), and a suppressed unit (n 12).
 */
import type { FunnelUnit } from '../../src/engine/funnel-rows.ts';

export const FUNNEL_PROVINCE = { value: 80, se: 0.5, n: 1600 };

export const COMMUNE_NAMES: Record<string, { vi: string; en: string }> = {
  '22810': { vi: 'Xã Ninh Sơn', en: 'Ninh Son commune' },
  '22738': { vi: 'Phường Đô Vinh', en: 'Do Vinh ward' },
  '22759': { vi: 'Phường Phan Rang', en: 'Phan Rang ward' },
  '22822': { vi: 'Xã Mỹ Sơn', en: 'My Son commune' },
  '22813': { vi: 'Xã Lâm Sơn', en: 'Lam Son commune' },
  '22828': { vi: 'Xã Anh Dũng', en: 'Anh Dung commune' },
  '22801': { vi: 'Xã Bác Ái Đông', en: 'Bac Ai Dong commune' },
  '22795': { vi: 'Xã Bác Ái', en: 'Bac Ai commune' },
  '22786': { vi: 'Xã Bác Ái Tây', en: 'Bac Ai Tay commune' },
};

const unit = (unit_code: string, n: number, value: number | null): FunnelUnit => ({
  survey: 'sipas',
  period: '2026',
  unit_code,
  unit_valid_from: '2025-07-01',
  n,
  value,
  status: value === null ? 'suppressed' : 'ok',
});

export const FUNNEL_UNITS: FunnelUnit[] = [
  unit('22810', 225, 80.5),
  unit('22738', 400, 84.5),
  unit('22759', 400, 76.5),
  unit('22822', 36, 89.0),
  unit('22813', 64, 71.0),
  unit('22828', 100, 86.0),
  unit('22801', 144, 79.0),
  unit('22795', 12, null),
  unit('22786', 144, 85.5),
];
