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
 * title in Vietnamese on the English page) or a class (`suppressed`, `status-met` …).
 */
export type DataTableCell = string | null | { text: string; href?: string; lang?: string; className?: string };

export type DataTableRow = Record<string, DataTableCell>;
