/**
 * Rough text geometry for laying out labels without a browser: charts are rendered at build time,
 * where no font metrics exist. Widths are estimates (0.56 em a character in the system sans-serif,
 * 0.62 em bold, measured on Vietnamese labels in Chromium), used only to size margins and wrap.
 */

/** Estimated width in px of `text` at `fontSize` px, widest line when it has several. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  const longest = Math.max(0, ...text.split('\n').map((line) => [...line].length));
  return longest * fontSize * (bold ? 0.62 : 0.56);
}

/**
 * Greedy word wrap to lines of at most `maxChars` characters (a longer word stays whole on its own
 * line); at most `maxLines` lines, the last one ending in "…" when text was left out.
 * Words are split at ordinary spaces only: a no-break space (as in `61 %`) keeps its two sides together.
 */
export function wrapWords(text: string, maxChars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n\r]+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

/** Space between a margin label and the plot frame, and after it. */
const MARGIN_PADDING = 20;

/** A margin wide enough for the widest of `labels` plus padding, within [min, max] px. */
export function marginFor(labels: string[], fontSize: number, min: number, max: number, bold = false): number {
  const widest = Math.max(0, ...labels.map((label) => estimateTextWidth(label, fontSize, bold)));
  return Math.round(Math.min(max, Math.max(min, widest + MARGIN_PADDING)));
}

/** Line height (in em) of wrapped labels: Plot's default of 1 makes two-line labels touch. */
export const LINE_HEIGHT = 1.15;
