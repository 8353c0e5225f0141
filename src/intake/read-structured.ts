/**
 * Reads a settings-like file (site, survey instrument, plan) written as JSON or YAML into a plain
 * value; syntax errors become a DataError with the line. The shape is checked by the caller.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DataError } from './data-error.ts';
import { readText, type Warn } from './read-text.ts';

export const STRUCTURED_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;

/** `<dir>/<baseName>.json`, `.yaml` or `.yml`, whichever exists first; null when none does. */
export function findStructuredFile(dir: string, baseName: string): string | null {
  for (const ext of STRUCTURED_EXTENSIONS) {
    const path = join(dir, baseName + ext);
    if (existsSync(path)) return path;
  }
  return null;
}

export async function readStructuredFile(path: string, label: string, warn: Warn): Promise<unknown> {
  const { text } = await readText(path, label, warn);
  if (path.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      throw new DataError({
        file: label,
        line: jsonErrorLine(message, text),
        problem: `not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')}).`,
        fix: 'look for a missing comma or quote, or a comma after the last entry, just before that point.',
      });
    }
  }
  try {
    return parseYaml(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    throw new DataError({
      file: label,
      line: error.linePos?.[0]?.line,
      problem: `not valid YAML (${error.message.split('\n')[0]}).`,
      fix: 'check the indentation and the quotes around that line.',
    });
  }
}

function jsonErrorLine(message: string, text: string): number | undefined {
  const stated = /line (\d+) column \d+/.exec(message);
  if (stated) return Number(stated[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}
