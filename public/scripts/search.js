// Search as the reader types. The page itself (no JavaScript needed) lists the site's pages and
// an A–Z of the units; this script fetches the one shard of the index the query needs
// (src/site/search-shards.ts: /search-index/<lang>/<key>.json, ≤ 50 KB compressed even for the
// whole country), keeps it for the next keystrokes, and lists the entries that match.
// foldDiacritics, matches, KIND_WORDS and queryShardKey are the browser twins of
// src/site/fold-diacritics.ts and search-shards.ts; tests run both on the same strings and search
// the real national register through these very functions.

/** Lower-case, strip diacritics (đ → d), punctuation to spaces, single spaces, trimmed. */
export function foldDiacritics(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of the query begins some word of the text (both folded), in any order. */
export function matches(query, text) {
  const words = foldDiacritics(text).split(' ');
  return foldDiacritics(query)
    .split(' ')
    .every((part) => part === '' || words.some((word) => word.startsWith(part)));
}

/** The phrases naming a kind of unit, folded: a Vietnamese name begins with one, an English one ends with one. */
export const KIND_PHRASES = [
  'thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'tinh', 'quan', 'xa',
  'special zone', 'municipality', 'commune', 'ward', 'district', 'province', 'city', 'township', 'town',
];

/** Every word of a kind phrase ("thanh", "xa"): a word the shard choice passes over. */
export const KIND_WORDS = new Set(KIND_PHRASES.flatMap((phrase) => phrase.split(' ')));

/** Folded words without the kind phrase they begin or end with; nothing but a kind is kept. */
function withoutKind(words) {
  const phrases = KIND_PHRASES.map((phrase) => phrase.split(' '));
  const at = (start) => (phrase) => phrase.every((word, i) => words[start + i] === word);
  const lead = phrases.find((phrase) => words.length > phrase.length && at(0)(phrase))?.length ?? 0;
  const trail = phrases.find((phrase) => words.length - lead > phrase.length && at(words.length - phrase.length)(phrase))?.length ?? 0;
  return words.slice(lead, words.length - trail);
}

/**
 * The shard a query needs: the first two characters of its first word of two characters or more
 * that is not a kind word, else of its first such word, once a kind phrase it begins or ends with
 * is set aside; null when no word is that long.
 */
export function queryShardKey(query) {
  const words = withoutKind(foldDiacritics(query).split(' ').filter((word) => word !== '')).filter((word) => word.length >= 2);
  const word = words.find((w) => !KIND_WORDS.has(w)) ?? words[0];
  return word ? word.slice(0, 2) : null;
}

/** The entries of a shard that match the query, in the shard's order. */
export function searchShard(query, entries) {
  return entries.filter((entry) => matches(query, entry.search));
}

/** One result as the A–Z pages show a unit: linked title (when it has a page), context, detail. */
function resultItem(entry) {
  const li = document.createElement('li');
  const title = entry.path ? document.createElement('a') : document.createElement('span');
  if (entry.path) title.href = entry.path;
  title.textContent = entry.title;
  li.append(title);
  if (entry.context) {
    const context = document.createElement('span');
    context.className = 'search-context';
    context.textContent = ` — ${entry.context}`;
    li.append(context);
  }
  const detail = document.createElement('span');
  detail.className = 'small muted';
  detail.textContent = ` · ${entry.detail}`;
  li.append(detail);
  return li;
}

function start() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!form || !input || !list || !status) return;
  const base = form.dataset.index || '';
  const keys = new Set((form.dataset.keys || '').split(' '));
  const shards = new Map();
  const say = (name, n) => {
    status.textContent = (status.dataset[name] || '').replace('{n}', String(n));
  };

  /** The entries of shard `key`, fetched once (a failed fetch is tried again next time). */
  function shard(key) {
    if (!keys.has(key)) return Promise.resolve([]);
    if (!shards.has(key)) {
      const loading = fetch(`${base}${key}.json`)
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.url}`);
          return response.json();
        })
        .then((file) => file.entries);
      loading.catch(() => shards.delete(key));
      shards.set(key, loading);
    }
    return shards.get(key);
  }

  let latest = 0;
  async function update() {
    const query = input.value;
    const ticket = (latest += 1);
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    const key = queryShardKey(query);
    if (!query.trim() || key === null) {
      list.replaceChildren();
      list.hidden = true;
      say(query.trim() ? 'short' : 'intro', 0);
      return;
    }
    let entries;
    try {
      entries = await shard(key);
    } catch {
      if (ticket === latest) say('failed', 0);
      return;
    }
    // A later keystroke has asked for another list meanwhile: leave the page to it.
    if (ticket !== latest) return;
    const hits = searchShard(query, entries);
    list.replaceChildren(...hits.map(resultItem));
    list.hidden = hits.length === 0;
    say(hits.length === 0 ? 'none' : 'count', hits.length);
  }

  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', update);
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    update();
  }
}

if (typeof document !== 'undefined') start();
