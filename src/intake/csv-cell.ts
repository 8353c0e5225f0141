/**
 * RFC 4180 cell quoting for the CSV files intake writes: a cell holding a comma, a double quote or a
 * line break is wrapped in quotes with inner quotes doubled; any other cell is written as is.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * For files people open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@` (or a tab or CR)
 * would run as a formula, so it gets a leading apostrophe, which spreadsheets show as text.
 */
export function spreadsheetSafeCell(value: string): string {
  return csvCell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}
