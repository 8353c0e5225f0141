/**
 * A share of the page build (scripts/build-pages.ts): with SIPAS_PAGE_SHARD=k/n, this Astro
 * process builds every n-th unit page and unit compare page, from the k-th (0-based), and shard 0
 * alone builds every other page and file; the script then merges the n output folders. Astro
 * renders on one thread, so n processes use n cores (and, the same way, could use n machines).
 * Without the variable there is one shard: every page.
 */
export interface PageShard {
  index: number;
  count: number;
}

export function pageShard(env: Readonly<Record<string, string | undefined>> = process.env): PageShard {
  const text = env.SIPAS_PAGE_SHARD;
  if (!text) return { index: 0, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`SIPAS_PAGE_SHARD=${text}: expected k/n with 0 ≤ k < n, e.g. 0/2.`);
  return { index, count };
}

/** The paths of the pages shared out between the shards (the many unit pages), this shard's share. */
export function sharedOut<T>(paths: readonly T[], shard: PageShard = pageShard()): T[] {
  return paths.filter((_, i) => i % shard.count === shard.index);
}

/** The paths of every other page or file: all in shard 0, none elsewhere. */
export function firstShardOnly<T>(paths: readonly T[], shard: PageShard = pageShard()): T[] {
  return shard.index === 0 ? [...paths] : [];
}
