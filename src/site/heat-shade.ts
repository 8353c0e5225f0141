/**
 * Shades of the heat table (element values across units). Fixed bands of 5 points rather than
 * the table's own minimum and maximum: a relative scale would paint a 1-point difference (often
 * inside the margin of error) as dark against light, and the same shade would mean different
 * values in different years. The value is always printed in the cell; the shade only helps the eye.
 */
import { formatNumber } from './format.ts';
import type { Lang } from './i18n.ts';

/** Lower bounds (percent) of shades 1…5; below the first is shade 0. */
export const HEAT_BOUNDS = [70, 75, 80, 85, 90] as const;

/** The shade class of a value: `heat-0` (below 70 %) … `heat-5` (90 % and above). */
export function heatClass(value: number): string {
  let shade = 0;
  for (const bound of HEAT_BOUNDS) if (value >= bound) shade += 1;
  return `heat-${shade}`;
}

/** The legend: one entry per shade, e.g. `heat-2` "75–80 %" (vi) / "75–80%" (en). */
export function heatLegend(lang: Lang): { className: string; label: string }[] {
  const pct = (x: number) => formatNumber(x, lang);
  const sign = lang === 'vi' ? '\u00a0%' : '%';
  const entries = [{ className: 'heat-0', label: `${lang === 'vi' ? 'dưới' : 'below'} ${pct(HEAT_BOUNDS[0])}${sign}` }];
  HEAT_BOUNDS.forEach((bound, i) => {
    const next = HEAT_BOUNDS[i + 1];
    entries.push({
      className: `heat-${i + 1}`,
      label: next === undefined ? `${lang === 'vi' ? 'từ' : 'from'} ${pct(bound)}${sign}` : `${pct(bound)}–${pct(next)}${sign}`,
    });
  });
  return entries;
}
