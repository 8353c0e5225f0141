/**
 * Loads the engine's `.sql` files (src/engine/sql/<name>.sql) and fills their named parameters.
 *
 * Why a template at all: the formulas are written once in SQL, but an instrument decides how many
 * items and elements there are, so a file must be able to repeat an expression per item. Why this
 * little syntax rather than string concatenation in TypeScript: the formula stays readable in the
 * `.sql` file, and every value that reaches the SQL goes through one of the helpers below (text
 * literal, number, quoted identifier, a fixed option), so no input file can inject SQL.
 *
 * Syntax:
 *   {{name}}                    a scalar parameter
 *   {{#name|SEP}}BODY{{/name}}  BODY repeated for each entry of the list parameter `name`, joined
 *                               by the literal text SEP; inside BODY, the entry's own parameters are
 *                               visible, and so are the outer ones.
 */
import { readFileSync } from 'node:fs';

/** A piece of SQL that is safe to paste: only the helpers below make one. */
export interface SqlValue {
  readonly sql: string;
}

export type SqlParams = { [name: string]: SqlValue | SqlParams[] };

/** A string literal: `'…'` with quotes doubled. */
export function sqlText(value: string): SqlValue {
  if (value.includes('\0')) throw new Error(`SQL text cannot hold a NUL character: ${JSON.stringify(value)}`);
  return { sql: `'${value.replaceAll("'", "''")}'` };
}

/** A string literal, or NULL for a missing value (an empty cell of a register). */
export function sqlTextOrNull(value: string | null): SqlValue {
  return value === null ? { sql: 'NULL' } : sqlText(value);
}

/** A finite number literal. */
export function sqlNumber(value: number): SqlValue {
  if (!Number.isFinite(value)) throw new Error(`not a finite number for SQL: ${value}`);
  return { sql: String(value) };
}

/** A non-negative integer meant to be glued to a name (`a_{{i}}` → `a_3`). */
export function sqlIndex(value: number): SqlValue {
  if (!Number.isInteger(value) || value < 0) throw new Error(`not an index for SQL: ${value}`);
  return { sql: String(value) };
}

/** The options of an in-memory ATTACH: `(COMPRESS)` or none (load-respondents.sql). */
export function sqlAttachOptions(compress: boolean): SqlValue {
  return { sql: compress ? '(COMPRESS)' : '' };
}

/** A quoted identifier: `"…"` with quotes doubled (a CSV header such as `TC1`). */
export function sqlIdentifier(name: string): SqlValue {
  if (name.length === 0 || name.includes('\0')) throw new Error(`not an SQL identifier: ${JSON.stringify(name)}`);
  return { sql: `"${name.replaceAll('"', '""')}"` };
}

const sqlDir = new URL('./sql/', import.meta.url);
const cache = new Map<string, string>();

/** The text of src/engine/sql/<name>.sql with its parameters filled in. */
export function sqlFile(name: string, params: SqlParams = {}): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad SQL file name: ${name}`);
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.sql`, sqlDir), 'utf8');
    cache.set(name, text);
  }
  return fillTemplate(text, [params], `${name}.sql`);
}

const TAG = /\{\{([#/]?)([a-z_][a-z0-9_]*)(?:\|([^}]*))?\}\}/gi;

/** Fills `{{…}}` tags; `scopes` is innermost last. Exported for its unit test. */
export function fillTemplate(text: string, scopes: SqlParams[], where: string): string {
  let out = '';
  let pos = 0;
  TAG.lastIndex = 0;
  for (;;) {
    TAG.lastIndex = pos;
    const m = TAG.exec(text);
    if (!m) break;
    const [tag, kind, name = '', sep = ''] = m;
    out += text.slice(pos, m.index);
    const value = lookup(scopes, name, where);
    if (kind === '/') throw new Error(`${where}: {{/${name}}} without an opening {{#${name}}}`);
    if (kind === '') {
      if (Array.isArray(value)) throw new Error(`${where}: {{${name}}} is a list; use {{#${name}|…}}`);
      out += value.sql;
      pos = m.index + tag.length;
      continue;
    }
    if (!Array.isArray(value)) throw new Error(`${where}: {{#${name}}} needs a list parameter`);
    const bodyStart = m.index + tag.length;
    const bodyEnd = findClose(text, name, bodyStart, where);
    const body = text.slice(bodyStart, bodyEnd);
    out += value.map((entry) => fillTemplate(body, [...scopes, entry], where)).join(sep);
    pos = bodyEnd + `{{/${name}}}`.length;
  }
  return out + text.slice(pos);
}

function lookup(scopes: SqlParams[], name: string, where: string): SqlValue | SqlParams[] {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const value = scopes[i]?.[name];
    if (value !== undefined) return value;
  }
  throw new Error(`${where}: no value for parameter {{${name}}}`);
}

/** Position of the `{{/name}}` that closes a section opened before `from` (sections may nest). */
function findClose(text: string, name: string, from: number, where: string): number {
  const tags = new RegExp(`\\{\\{([#/])${name}(?:\\|[^}]*)?\\}\\}`, 'g');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    depth += m[1] === '#' ? 1 : -1;
    if (depth === 0) return m.index;
  }
  throw new Error(`${where}: {{#${name}}} is never closed`);
}
