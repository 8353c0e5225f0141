/**
 * The funnel plot's table (method.md → Comparing units): one row per unit with its n and value,
 * the province's value and design effect, the 95 % and 99.8 % limits at the unit's n and the
 * unit's class. The funnel chart (src/charts/funnel-chart.ts) draws these rows, its table twin
 * lists them and its CSV (/data/charts/<id>.csv) writes them (src/publish/funnel-schema.ts).
 * The formulas are in reference/funnel-limits.ts.
 */
import { designEffect, funnelClass, funnelLimits, Z_95, Z_998, type FunnelClass, type ProvinceCell } from './reference/funnel-limits.ts';

/** A unit the funnel draws: its published overall cell (an IndexRow has every column). */
export interface FunnelUnit {
  survey: string;
  period: string;
  unit_code: string;
  /** The unit version's first day (a reused code is another unit). */
  unit_valid_from: string;
  n: number;
  /** Percent; null when suppressed. */
  value: number | null;
  /** `suppressed` cells are not drawn (a FunnelRow, which has no status, is a unit too). */
  status?: string;
}

/** The province the funnel is centred on: its value (percent) and its design effect (funnel-limits.ts). */
export interface FunnelCentre {
  value: number | null;
  deff: number | null;
}

/**
 * One unit as the chart draws it and as its CSV and table twin list it: the unit's n and value, the
 * province's value and design effect, the limits at the unit's n (percent) and its class. Limits
 * and class are null for a suppressed unit and when the province gives no limits.
 */
export interface FunnelRow {
  survey: string;
  period: string;
  unit_code: string;
  unit_valid_from: string;
  n: number;
  value: number | null;
  province_value: number | null;
  design_effect: number | null;
  limit95_low: number | null;
  limit95_high: number | null;
  limit998_low: number | null;
  limit998_high: number | null;
  classification: FunnelClass | null;
}

const drawable = (unit: FunnelUnit): boolean =>
  unit.status !== 'suppressed' && unit.value !== null && Number.isFinite(unit.value) && unit.n >= 1;

/** The province cell → the centre of the funnel (its design effect computed once). */
export function funnelCentre(province: ProvinceCell | undefined): FunnelCentre {
  if (!province || province.value === null) return { value: null, deff: null };
  return { value: province.value, deff: designEffect(province) };
}

/**
 * The funnel's rows, in drawing and table order: units with a value from highest to lowest, then
 * suppressed ones; ties in unit-code order (stable builds).
 */
export function funnelRows(units: readonly FunnelUnit[], centre: FunnelCentre): FunnelRow[] {
  const { value: p0, deff } = centre;
  const rows = units.map((unit): FunnelRow => {
    const drawn = drawable(unit);
    const limits = (z: number) => (drawn && p0 !== null && deff !== null ? funnelLimits(p0 / 100, deff, unit.n, z) : null);
    const l95 = limits(Z_95);
    const l998 = limits(Z_998);
    return {
      survey: unit.survey,
      period: unit.period,
      unit_code: unit.unit_code,
      unit_valid_from: unit.unit_valid_from,
      n: unit.n,
      value: drawn ? unit.value : null,
      province_value: p0,
      design_effect: deff,
      limit95_low: l95?.low ?? null,
      limit95_high: l95?.high ?? null,
      limit998_low: l998?.low ?? null,
      limit998_high: l998?.high ?? null,
      classification: l998 ? funnelClass(unit.value, l998) : null,
    };
  });
  return rows.sort(
    (a, b) =>
      Number(a.value === null) - Number(b.value === null) ||
      (b.value ?? 0) - (a.value ?? 0) ||
      (a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1 : 0),
  );
}

/**
 * The centre a table of funnel rows was computed around (every row carries it), so a figure given
 * only the rows draws the same curves; null when there are no rows.
 */
export function funnelCentreOf(rows: readonly FunnelRow[]): FunnelCentre {
  const first = rows[0];
  return first ? { value: first.province_value, deff: first.design_effect } : { value: null, deff: null };
}
