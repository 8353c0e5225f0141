/**
 * Nothing in the site's code is specific to one province (issue 15: another province's, or the
 * whole country's, site needs nothing changed but the data folder). Greps the CODE of src/**\/*.ts
 * and src/**\/*.astro, comments left out, for the codes and names of the bundled sample's province
 * (Ninh Thuận 58, its district Ninh Sơn 585, Khánh Hòa 56). Comments may name them as examples;
 * src/sample/ models the bundled data and may name them too.
 *
 * A .ts file and an .astro file's frontmatter are read through the TypeScript parser: every token
 * but the comments between them. An .astro template is read as text without its HTML comments and
 * its `{/* … *\/}` and `// …` comments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SRC = join(ROOT, 'src');
/** The sample generator models the bundled data: its codes and names are its subject. */
const SKIPPED = [join(SRC, 'sample')];

/** The names, as written with either placement of the tone mark ("Hòa", "Hoà"). */
const NAMES = /Khánh Hòa|Khánh Hoà|Ninh Thuận|Ninh Sơn/giu;
/** The codes as a whole number inside a text: "mã 58," or "585-ninh-son", not "0.58" or "1585". */
const CODES = /(?<![\w.,])(?:56|58|585)(?!\w|[.,]\d)/g;

interface Piece {
  line: number;
  text: string;
  /**
   * A string, template part or JSX text, where codes are looked for; not a number, since codes
   * are text here (unit_code) and a 56 or 58 in code is a size in pixels.
   */
  isText: boolean;
}

/** The tokens of TypeScript source without its comments, with their 1-based lines (+ `lineOffset`). */
export function codePieces(source: string, lineOffset = 0, fileName = 'x.ts'): Piece[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const pieces: Piece[] = [];
  const TEXT_KINDS = new Set([
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
    ts.SyntaxKind.TemplateHead,
    ts.SyntaxKind.TemplateMiddle,
    ts.SyntaxKind.TemplateTail,
    ts.SyntaxKind.JsxText,
  ]);
  const visit = (node: ts.Node): void => {
    // getChildren() lists a declaration's JSDoc comment among its children: a comment, skipped.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(sf);
    if (children.length === 0) {
      if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 + lineOffset;
      pieces.push({ line, text: node.getText(sf), isText: TEXT_KINDS.has(node.kind) });
      return;
    }
    for (const child of children) visit(child);
  };
  visit(sf);
  return pieces;
}

/** An .astro template's lines without comments (replaced by blanks, so line numbers hold). */
export function templateWithoutComments(template: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return template
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/^\s*\/\/.*$/gm, blank);
}

/** Each hit in one file's code: "file:line: what". */
export function literalHits(file: string, source: string): string[] {
  const hits: string[] = [];
  const note = (line: number, what: string) => hits.push(`${file}:${line}: ${what}`);
  const scanPieces = (pieces: Piece[]) => {
    for (const piece of pieces) {
      for (const m of piece.text.normalize('NFC').matchAll(NAMES)) note(piece.line, m[0]);
      if (piece.isText) for (const m of piece.text.matchAll(CODES)) note(piece.line, `'${m[0]}' in ${piece.text.length > 60 ? piece.text.slice(0, 60) + '…' : piece.text}`);
    }
  };
  if (!file.endsWith('.astro')) {
    scanPieces(codePieces(source, 0, file));
    return [...new Set(hits)];
  }
  const fence = /^---\s*$/gm;
  const open = fence.exec(source);
  const close = open && open.index === 0 ? fence.exec(source) : null;
  const frontEnd = close ? close.index + close[0].length : 0;
  if (open && close) {
    const front = source.slice(open.index + open[0].length, close.index);
    scanPieces(codePieces(front, source.slice(0, open.index + open[0].length).split('\n').length - 1));
  }
  const templateStartLine = source.slice(0, frontEnd).split('\n').length;
  templateWithoutComments(source.slice(frontEnd))
    .split('\n')
    .forEach((text, i) => {
      const line = templateStartLine + i;
      for (const m of text.normalize('NFC').matchAll(NAMES)) note(line, m[0]);
      for (const m of text.matchAll(CODES)) note(line, `'${m[0]}' in ${text.trim().slice(0, 60)}`);
    });
  return [...new Set(hits)];
}

function sourceFiles(dir: string): string[] {
  if (SKIPPED.includes(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

describe('no province-specific literal in the code of src/', () => {
  it('reads code, not comments (the scanner on examples)', () => {
    const code = `// Huyện Ninh Sơn (585)\n/** Tỉnh Khánh Hòa, mã 56 */\nconst a = 'Ninh Thuận';\nconst b = \`x \${a} /don-vi/585-ninh-son/\`;\nconst c = 'tỷ lệ 0,58; mã 1585; 58px';\n`;
    expect(literalHits('a.ts', code)).toEqual(['a.ts:3: Ninh Thuận', "a.ts:4: '585' in } /don-vi/585-ninh-son/`"]);
    const astro = `---\n// Ninh Sơn\nconst x = 'mã 58, cũ';\n---\n<!-- Khánh Hòa -->\n<p>{/* Ninh Thuận */}Tỉnh Khánh Hoà</p>\n`;
    expect(literalHits('b.astro', astro)).toEqual(["b.astro:3: '58' in 'mã 58, cũ'", 'b.astro:6: Khánh Hoà']);
  });

  it('finds none in src/ (src/sample/ aside)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((file) => literalHits(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });
});
