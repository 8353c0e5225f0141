/**
 * Rough text geometry for laying out labels without a browser: charts are rendered at build time,
 * where no font metrics exist. Widths are estimates (0.6 em a character in the system sans-serif,
 * 0.68 em bold: measured on Vietnamese labels in Chromium with DejaVu Sans, the widest of the
 * common system fonts, so labels laid out for it fit in narrower ones), used only to size margins
 * and wrap.
 */

/** Estimated width in px of `text` at `fontSize` px, widest line when it has several. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  const longest = Math.max(0, ...text.split('\n').map((line) => [...line].length));
  return longest * fontSize * (bold ? 0.68 : 0.6);
}

/** How many characters fit on a line `width` px wide at `fontSize` px (at least 8). */
export function charsPerLine(width: number, fontSize: number, bold = false): number {
  return Math.max(8, Math.floor(width / (fontSize * (bold ? 0.68 : 0.6))));
}

/**
 * Greedy word wrap to lines of at most `maxChars` characters (a longer word stays whole on its own
 * line), as many lines as the text needs: labels are never cut, so a reader sees every word.
 * Words are split at ordinary spaces only: a no-break space (as in `61 %`) keeps its two sides together.
 */
export function wrapWords(text: string, maxChars: number): string[] {
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
  return lines;
}

/** `n = 86` with no-break spaces, so wrapping never leaves "n =" at a line's end. */
export function keepTogether(text: string): string {
  return text.replace(/ = /g, '\u00a0=\u00a0');
}

/**
 * How wide (px) the names in a desktop chart's left margin may be before they wrap: about a third
 * of the drawing (397 px of the 1104 px desktop column), within 260–420 px.
 */
export function sideLabelWidth(width: number): number {
  return Math.round(Math.min(420, Math.max(260, width * 0.36)));
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

/**
 * Space in px above a block of words stacked over a row's marks, and between two such blocks: a
 * text's box in the browser reaches about 3 px above its top anchor.
 */
export const STACK_PAD = 4;

/**
 * Space in px between the baseline of words written above a row's marks and the marks' lane: the
 * descenders (and the text's box in the browser) reach about 3 px below the baseline.
 */
export const BASELINE_GAP = 5;

/**
 * Where a row's label is written in a chart of labelled rows (ranking, elements, differences): on a
 * phone, right above its own row's marks, starting at the left edge (any spare height of the row
 * goes above the words); wider, in the left margin, ending 10 px before the frame.
 */
export function rowLabelAnchor(narrow: boolean, textHeight: number, rowHeight: number) {
  return narrow
    ? ({ frameAnchor: 'left', textAnchor: 'start', dy: textHeight - rowHeight / 2 - BASELINE_GAP, lineAnchor: 'bottom' } as const)
    : ({ frameAnchor: 'left', textAnchor: 'end', dx: -10 } as const);
}

/** Height in px of one line of chart text at `fontSize` with LINE_HEIGHT. */
export function lineHeightPx(fontSize: number): number {
  return Math.ceil(fontSize * LINE_HEIGHT);
}

/**
 * Where to anchor a label centred on `x` (px from the frame's left edge, frame `frameWidth` wide)
 * so that it stays inside the frame: "start" near the left edge, "end" near the right, else "middle".
 */
export function anchorWithin(x: number, labelWidth: number, frameWidth: number): 'start' | 'middle' | 'end' {
  if (x - labelWidth / 2 < 0) return 'start';
  if (x + labelWidth / 2 > frameWidth) return 'end';
  return 'middle';
}
