/**
 * site.json → `rankings`: which units are ranked against which (method.md → Ranking). Each entry
 * names a level and what it is ranked within: the whole country, or each unit of a higher level
 * (its units are those directly below that unit). Left out, a site ranks as it always did: the
 * districts and the communes directly below each province.
 */
import type { FieldReader } from './field-reader.ts';
import type { RankingLevel, RankingScope, UnitLevel } from './types.ts';

/** The levels of units.csv, highest first (load-site-config.ts's UNIT_LEVELS; not imported from there, which imports this). */
const LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune'];
export const RANKING_SCOPES: readonly RankingScope[] = ['country', 'province', 'district'];

/** What a site.json without `rankings` ranks: districts and communes within each province. */
export const DEFAULT_RANKINGS: readonly RankingLevel[] = [
  { level: 'district', within: 'province', compare: 'elements' },
  { level: 'commune', within: 'province', compare: 'elements' },
];

/** Higher up first: a level can be ranked within a scope listed before it, never after. */
const HEIGHT: Record<UnitLevel | RankingScope, number> = { country: 0, province: 1, district: 2, commune: 3 };

/** The scopes a level may be ranked within, highest first ("country", "province" for a district). */
export const scopesAbove = (level: UnitLevel): RankingScope[] => RANKING_SCOPES.filter((scope) => HEIGHT[scope] < HEIGHT[level]);

export function readRankings(r: FieldReader, value: unknown, warn: (message: string) => void): RankingLevel[] {
  if (value === undefined) return DEFAULT_RANKINGS.map((entry) => ({ ...entry }));
  const list = r.array(value, 'rankings');
  if (list.length === 0) {
    r.fail('rankings', 'lists no level to rank.', 'add one, e.g. { "level": "commune", "within": "province" }, or remove rankings to rank the districts and communes within each province.');
  }
  const seen = new Map<UnitLevel, number>();
  return list.map((item, i) => {
    const path = `rankings[${i}]`;
    const o = r.object(item, path);
    r.warnUnknownKeys(o, ['level', 'within', 'compare'], path, warn);
    const level = r.oneOf(o.level, LEVELS, `${path}.level`);
    const within = r.oneOf(o.within, RANKING_SCOPES, `${path}.within`);
    if (HEIGHT[within] >= HEIGHT[level]) {
      const allowed = scopesAbove(level).map((s) => `"${s}"`).join(' or ');
      r.fail(`${path}.within`, `a ${level} cannot be ranked within a ${within}: "within" must be a level above "${level}".`, `write ${allowed}.`);
    }
    const first = seen.get(level);
    if (first !== undefined) {
      r.fail(`${path}.level`, `"${level}" is already ranked by rankings[${first}]; each level is ranked in one way only.`, `keep one of the two entries for "${level}".`);
    }
    seen.set(level, i);
    const compare = o.compare === undefined ? 'elements' : r.oneOf(o.compare, ['elements', 'overall'] as const, `${path}.compare`);
    return { level, within, compare };
  });
}
