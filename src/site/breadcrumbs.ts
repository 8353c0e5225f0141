/**
 * The way up from a unit: its parent, grandparent … as they were on a date, outermost first, then
 * the unit itself (Tỉnh Ninh Thuận › Huyện Ninh Sơn › Thị trấn Tân Sơn). Each step links to its
 * page when it has one; the last step is the page being read and carries no link.
 */
import type { Registers } from '../intake/registers.ts';
import type { Lang } from './i18n.ts';

export interface Crumb {
  name: string;
  /** Undefined for the current page and for a unit without a page. */
  href?: string;
}

/**
 * `isoDate` picks the register version (a code may have moved: 22738 Phường Đô Vinh lay under
 * Phan Rang - Tháp Chàm until 30/06/2025 and directly under Khánh Hòa after). `href(code)` gives
 * a unit's page path or undefined.
 */
export function unitBreadcrumbs(
  registers: Registers,
  code: string,
  isoDate: string,
  lang: Lang,
  href: (code: string) => string | undefined,
): Crumb[] {
  const self = registers.unitOn(code, isoDate);
  if (!self) return [];
  const nameOf = (unit: { name_vi: string; name_en: string }) => (lang === 'vi' ? unit.name_vi : unit.name_en);
  const above = registers.ancestorsOn(code, isoDate).reverse();
  return [
    ...above.map((unit): Crumb => {
      const link = href(unit.code);
      return link ? { name: nameOf(unit), href: link } : { name: nameOf(unit) };
    }),
    { name: nameOf(self) },
  ];
}

/**
 * The way up to a page about a unit that is not the unit's own page (a plan): the unit's crumbs
 * with the unit itself now a step (linked when it has a page), then the page.
 */
export function pageBreadcrumbs(unitCrumbs: readonly Crumb[], unitHref: string | undefined, pageName: string): Crumb[] {
  const unit = unitCrumbs.at(-1);
  if (!unit) return [];
  return [...unitCrumbs.slice(0, -1), unitHref ? { name: unit.name, href: unitHref } : { name: unit.name }, { name: pageName }];
}
