/**
 * Helpers of the chart tests: the snapshot normaliser (as in Observable Plot's own snapshot tests:
 * generated ids renumbered, one tag per line for readable diffs) and a parser to query the SVG.
 */
import { parseHTML } from 'linkedom';

/**
 * Snapshot form of an SVG: `id="…"` and `url(#…)` references renumbered in order of appearance,
 * and a line break between tags. Coordinates are already rounded to 2 decimals by renderSvg.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renumber = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
    return ids.get(id)!;
  };
  return `${svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${renumber(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renumber(id)})`)
    .replace(/></g, '>\n<')}\n`;
}

/** The chart's <svg> element, to query with CSS selectors. */
export function parseSvg(svg: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no <svg> in chart output');
  return root as unknown as Element;
}

/** Text content of every <text> element (tspans of one text joined by a line break), in order. */
export function texts(root: Element): string[] {
  return [...root.querySelectorAll('text')].map((text) => {
    const spans = [...text.querySelectorAll('tspan')];
    return spans.length > 0 ? spans.map((span) => span.textContent).join('\n') : (text.textContent ?? '');
  });
}

/** Content of every <title> tooltip (they sit only on data marks). */
export function titles(root: Element): string[] {
  return [...root.querySelectorAll('title')].map((title) => title.textContent ?? '');
}

/** The mark groups Plot labels with `aria-label` (e.g. "dot", "rule", "x-axis tick label"). */
export function markGroups(root: Element, label: string): Element[] {
  return [...root.querySelectorAll('g')].filter((g) => g.getAttribute('aria-label') === label);
}

/**
 * Subpaths of an SVG path `d` as lists of [x, y] points: a line broken by a gap or drawn as
 * several series becomes several subpaths.
 */
export function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) =>
      part
        .replace(/Z/g, '')
        .split('L')
        .map((point) => point.split(',').map(Number) as [number, number]),
    );
}

/** The y of the <text> whose content is `content` (from its `translate(x,y)`); throws if absent. */
export function textY(root: Element, content: string): number {
  const text = [...root.querySelectorAll('text')].find((t) => t.textContent === content);
  const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(text?.getAttribute('transform') ?? '');
  if (!match) throw new Error(`no positioned <text> reading "${content}"`);
  return Number(match[2]);
}
