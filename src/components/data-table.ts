/** Types of DataTable.astro's props, importable by pages that build its rows. */

export interface DataTableColumn {
  /** Key of the cell in each row. */
  key: string;
  label: string;
  /** Right-aligned, tabular figures, no wrapping. */
  numeric?: boolean;
  /** Cells of this column are row headers (`<th scope="row">`), e.g. the unit name. */
  rowHeader?: boolean;
}

/**
 * A formatted value; `null` prints as "—". The object form adds a link, a language (a source
 * title in Vietnamese on the English page), a class (`suppressed`, `status-met` …) or a note: a
 * second, smaller line in the same cell (e.g. a target's unit and period), which saves a column.
 * `codes` names identifiers inside `text` (column names, status codes) that are printed as
 * `<code translate="no">`: they are the same in every language. A cell of class `code` or `hash`
 * is one identifier as a whole.
 */
export type DataTableCell =
  | string
  | null
  | { text: string; href?: string; lang?: string; className?: string; note?: string; codes?: readonly string[] };

/** `text` cut into plain runs and identifiers (`codes`, matched as whole words), in order. */
export function splitCodes(text: string, codes: readonly string[]): { text: string; code: boolean }[] {
  const wanted = [...new Set(codes)].filter((c) => c !== '').sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, code: false }];
  const escaped = wanted.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const parts: { text: string; code: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
    parts.push({ text: match[0], code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}

export type DataTableRow = Record<string, DataTableCell>;

/**
 * How a table fits a phone: `reflow` turns each row into a block of labelled values (no sideways
 * scrolling at all); `scroll` keeps the grid, which scrolls inside its wrapper under a hint that
 * says so (for tables read across columns, such as the heat table).
 */
export type PhoneLayout = 'reflow' | 'scroll';
