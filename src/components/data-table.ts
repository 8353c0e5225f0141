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
 */
export type DataTableCell = string | null | { text: string; href?: string; lang?: string; className?: string; note?: string };

export type DataTableRow = Record<string, DataTableCell>;

/**
 * How a table fits a phone: `reflow` turns each row into a block of labelled values (no sideways
 * scrolling at all); `scroll` keeps the grid, which scrolls inside its wrapper under a hint that
 * says so (for tables read across columns, such as the heat table).
 */
export type PhoneLayout = 'reflow' | 'scroll';
