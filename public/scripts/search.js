// Filters the list of the search page as the reader types. Without JavaScript the page shows
// the whole list, so this only narrows what is already there. No dependencies, no requests.
// foldDiacritics and matches are the browser twins of src/site/fold-diacritics.ts; a test runs
// both on the same strings, so "do vinh" finds "Phường Đô Vinh" here exactly as it does there.

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

function start() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-list');
  const status = document.getElementById('search-status');
  if (!form || !input || !list || !status) return;
  const items = Array.from(list.children).map((li) => ({ li, text: li.dataset.search || li.textContent || '' }));

  function update() {
    const query = input.value;
    let shown = 0;
    for (const item of items) {
      const hit = matches(query, item.text);
      item.li.hidden = !hit;
      if (hit) shown += 1;
    }
    status.textContent = shown === 0 ? status.dataset.none : status.dataset.count.replace('{n}', String(shown));
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
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
