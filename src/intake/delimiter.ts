/**
 * The layout of a delimited text file, read from its header line: which of `,` `;` TAB separates
 * the cells (spreadsheets in a Vietnamese locale write `;`, "Unicode text" writes TAB) and which
 * line break ends a row. Only characters outside double quotes count.
 */
export type Delimiter = ',' | ';' | '\t';
export type LineBreak = '\n' | '\r\n' | '\r';

export interface CsvLayout {
  delimiter: Delimiter;
  newline: LineBreak;
}

/** Ties go to the earlier one: a header with no separator at all is a one-column comma file. */
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * Reads the first non-blank line of `text`. Returns null when `text` may not yet hold that whole
 * line and more is coming (`complete` false), so a streaming caller can append the next chunk.
 */
export function detectLayout(text: string, complete: boolean): CsvLayout | null {
  const counts = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      let newline: LineBreak = ch;
      if (ch === '\r') {
        if (i + 1 === text.length && !complete) return null;
        if (text[i + 1] === '\n') newline = '\r\n';
      }
      if (!blank) return { delimiter: pick(counts), newline };
      if (newline === '\r\n') i++;
    } else if (counts.has(ch as string)) {
      counts.set(ch as string, (counts.get(ch as string) ?? 0) + 1);
      blank = false;
    } else if (ch !== ' ' && ch !== '\uFEFF') {
      blank = false;
    }
  }
  return complete ? { delimiter: pick(counts), newline: '\n' } : null;
}

/** The delimiter of a header line (convenience for callers holding only that line). */
export function detectDelimiter(headerLine: string): Delimiter {
  return (detectLayout(headerLine, true) as CsvLayout).delimiter;
}

function pick(counts: Map<string, number>): Delimiter {
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
