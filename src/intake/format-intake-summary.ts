/**
 * The intake summary as the build prints it: per file, rows read / used / set aside with the main
 * reasons, how the file was read when it was not plain UTF-8 with commas, and columns dropped.
 */
import type { FileIntakeReport, IntakeSummary } from './validate-responses.ts';
import { percent } from './validate-responses.ts';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

export function formatIntakeSummary(summary: IntakeSummary): string {
  const lines = [`Survey ${summary.survey}: ${summary.files.length} response file${summary.files.length === 1 ? '' : 's'} → ${summary.output}`];
  for (const file of summary.files) lines.push(...fileLines(file));
  lines.push(`  total: ${counts(summary.read, summary.used, summary.quarantined)}`);
  if (summary.quarantined > 0) {
    lines.push(`  set aside by reason: ${summary.quarantined_by_reason.map((r) => `${r.label.en} ${n(r.count)}`).join(', ')}`);
    if (summary.quarantine_file) lines.push(`  each set-aside row is listed in ${summary.quarantine_file}`);
  }
  return lines.join('\n');
}

function fileLines(file: FileIntakeReport): string[] {
  const how: string[] = [];
  if (file.encoding !== 'utf-8' && file.encoding !== 'utf-8-bom') how.push(`converted from ${ENCODING_NAMES[file.encoding]}`);
  if (file.delimiter !== ',') how.push(`${DELIMITER_NAMES[file.delimiter]}-separated`);
  if (file.blank_lines > 0) how.push(`${n(file.blank_lines)} blank line${file.blank_lines === 1 ? '' : 's'} skipped`);
  const lines = [`  ${file.file}: ${counts(file.read, file.used, file.quarantined)}${how.length ? ` [${how.join('; ')}]` : ''}`];
  if (file.quarantined > 0) lines.push(`    set aside: ${file.quarantined_by_reason.slice(0, 5).map((r) => `${r.label.en} ${n(r.count)}`).join(', ')}`);
  if (file.dropped_columns.length > 0) lines.push(`    dropped columns: ${file.dropped_columns.join(', ')}`);
  if (file.personal_data_columns.length > 0) lines.push(`    PERSONAL DATA columns dropped: ${file.personal_data_columns.join(', ')}`);
  if (file.missing_items.length > 0) lines.push(`    item columns missing (unanswered): ${file.missing_items.join(', ')}`);
  return lines;
}

function counts(read: number, used: number, quarantined: number): string {
  const share = read > 0 ? ` (${percent(quarantined / read)})` : '';
  return `${n(read)} rows read, ${n(used)} used, ${n(quarantined)} set aside${share}`;
}

/** Thousands separated by commas: the build log is read in English. */
function n(value: number): string {
  return value.toLocaleString('en-US');
}
