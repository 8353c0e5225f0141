/**
 * /search-index/<lang>/<key>.json: the search's shards (search-shards.ts), one file per
 * language and two-letter key, each the entries with a word beginning with the key, in the order
 * a result list shows them. The search page fetches the one its query needs.
 */
import { firstShardOnly } from '../../../site/page-shard.ts';
import type { APIRoute } from 'astro';
import { LANGS } from '../../../site/i18n.ts';
import type { ShardFile } from '../../../site/search-shards.ts';
import { siteSearchShards } from '../../../site/site-search.ts';

export async function getStaticPaths(): Promise<{ params: { lang: string; key: string }; props: { file: ShardFile } }[]> {
  const files = (await Promise.all(LANGS.map((lang) => siteSearchShards(lang)))).flat();
  return firstShardOnly(files.map((file) => ({ params: { lang: file.lang, key: file.key }, props: { file } })));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { file: ShardFile }).file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
