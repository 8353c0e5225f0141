/**
 * getStaticPaths of the data pages, from the one page inventory (page-inventory.ts), so the
 * pages built are exactly the pages the sitemap, the search and the navigation list. The same
 * parameters serve both languages (the English paths differ only in their first segments).
 */
import { unitSlug } from './compare-pages.ts';
import type { Lang } from './i18n.ts';
import { pageInventory, type UnitListing } from './page-inventory.ts';
import { firstShardOnly, sharedOut } from './page-shard.ts';
import { pathOf, unitRoute, type Route, type UnitSlug } from './routes.ts';

/** `585-ninh-son`: the last segment of a unit's path (see routes.ts). */
export function unitParam(listing: UnitListing): string {
  const route = unitRoute(listing);
  if (route.key !== 'unit') throw new Error('unitRoute returned a route that is not a unit page');
  return `${route.code}-${route.slug}`;
}

export async function rankingPaths(): Promise<{ params: { year: string } }[]> {
  return firstShardOnly((await pageInventory()).rankingYears.map((year) => ({ params: { year } })));
}

/** The rankings with a page of their own (ranking-groups.ts), e.g. /xep-hang/2026/01-ha-noi/. */
export async function rankingGroupPaths(): Promise<{ params: { year: string; within: string }; props: { within: UnitSlug } }[]> {
  return firstShardOnly(
    ((await pageInventory()).rankingGroups ?? []).map(({ year, within }) => ({
      params: { year, within: `${within.code}-${within.slug}` },
      props: { within },
    })),
  );
}

export async function unitPaths(): Promise<{ params: { unit: string }; props: { listing: UnitListing } }[]> {
  const seen = new Set<string>();
  const paths: { params: { unit: string }; props: { listing: UnitListing } }[] = [];
  for (const listing of (await pageInventory()).unitListings) {
    const unit = unitParam(listing);
    // routes.ts builds one page per code and name; two listings with one address are one page.
    if (seen.has(unit)) continue;
    seen.add(unit);
    paths.push({ params: { unit }, props: { listing } });
  }
  return sharedOut(paths);
}

export async function planPaths(): Promise<{ params: { plan: string } }[]> {
  return firstShardOnly((await pageInventory()).planIds.map((plan) => ({ params: { plan } })));
}

type ComparePageProps = { kind: 'pair'; a: UnitListing; b: UnitListing } | { kind: 'unit'; unit: UnitListing };

/**
 * The compare pages of pairs and of single units, in `lang`: one dynamic route serves both kinds
 * (routes.ts → parsePath tells them apart), and the pair's join word differs by language
 * (`-va-` / `-and-`), so unlike the other data pages the parameters are per language.
 */
export async function comparePaths(lang: Lang): Promise<{ params: { page: string }; props: ComparePageProps }[]> {
  const { compare } = await pageInventory();
  const lastSegment = (route: Route) => pathOf(route, lang).split('/').at(-2) ?? '';
  return [
    ...firstShardOnly(
      compare.pairs.map(({ a, b }) => ({
        params: { page: lastSegment({ key: 'comparePair', a: unitSlug(a), b: unitSlug(b) }) },
        props: { kind: 'pair' as const, a, b },
      })),
    ),
    ...sharedOut(
      compare.units.map((unit) => ({
        params: { page: lastSegment({ key: 'compareUnit', ...unitSlug(unit) }) },
        props: { kind: 'unit' as const, unit },
      })),
    ),
  ];
}

/** The search's A–Z pages (search-letters.ts): the same letters in both languages. */
export async function searchLetterPaths(): Promise<{ params: { letter: string } }[]> {
  return firstShardOnly(((await pageInventory()).searchLetters ?? []).map((letter) => ({ params: { letter } })));
}
