/**
 * The quarantine: rows set aside with where they are and why (`reports/quarantine.csv`,
 * `file,line,column,reason`, UTF-8 with BOM so a spreadsheet shows Vietnamese correctly).
 * The file is not published — a rejected row may hold anything, personal data included — but the
 * counts by `reason_code` are, so each code has a Vietnamese and English label.
 *
 * Rows are written synchronously in small batches: a build that stops on a DataError right after
 * must still leave a complete file for the user to open.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { spreadsheetSafeCell } from './csv-cell.ts';
import type { Bilingual, QuarantinedRow, QuarantineReasonCode } from './types.ts';

export const QUARANTINE_REASONS: Record<QuarantineReasonCode, Bilingual> = {
  missing_response_id: { vi: 'Thiếu mã phiếu (response_id)', en: 'response_id missing' },
  duplicate_response_id: { vi: 'Mã phiếu trùng', en: 'duplicate response_id' },
  missing_date: { vi: 'Thiếu ngày', en: 'date missing' },
  invalid_date: { vi: 'Ngày không hợp lệ', en: 'invalid date' },
  date_out_of_range: { vi: 'Ngày ngoài phạm vi khảo sát', en: 'date out of range' },
  missing_unit: { vi: 'Thiếu mã đơn vị hành chính', en: 'unit_code missing' },
  unknown_unit: { vi: 'Mã đơn vị hành chính không có trong danh mục', en: 'unknown unit' },
  unit_not_valid_on_date: { vi: 'Đơn vị hành chính không tồn tại vào ngày đó', en: 'unit not valid on the date' },
  unknown_agency: { vi: 'Mã cơ quan không có trong danh mục', en: 'unknown agency' },
  agency_not_valid_on_date: { vi: 'Cơ quan không hoạt động vào ngày đó', en: 'agency not active on the date' },
  unknown_field: { vi: 'Lĩnh vực không có trong danh mục', en: 'unknown field' },
  invalid_channel: { vi: 'Kênh giao dịch không hợp lệ', en: 'invalid channel' },
  invalid_respondent_type: { vi: 'Loại người trả lời không hợp lệ', en: 'invalid respondent type' },
  answer_outside_scale: { vi: 'Câu trả lời ngoài thang điểm', en: 'answer outside the scale' },
  answer_not_whole_number: { vi: 'Câu trả lời không phải số nguyên', en: 'answer not a whole number' },
  answer_not_a_number: { vi: 'Câu trả lời không phải là số', en: 'answer not a number' },
  no_item_answered: { vi: 'Không trả lời câu hỏi nào', en: 'no item answered' },
  wrong_cell_count: { vi: 'Số ô của dòng khác số cột tiêu đề', en: 'wrong number of cells' },
};

export interface ReasonCount {
  reason_code: QuarantineReasonCode;
  label: Bilingual;
  count: number;
}

export interface QuarantineSink {
  /** Absolute path of the file written, or null for a sink that keeps rows in memory. */
  readonly path: string | null;
  add(row: QuarantinedRow): void;
  /** Writes buffered rows out (the file stays open). */
  flush(): void;
  /** All rows added so far, grouped by reason, most frequent first (ties by code). */
  countsByReason(): ReasonCount[];
  close(): void;
}

export const QUARANTINE_FILE = 'quarantine.csv';
const HEADER = 'file,line,column,reason';
const FLUSH_CHARS = 64 * 1024;

/** Creates (or empties) `<reportsDir>/quarantine.csv` and returns a sink writing to it. */
export function openQuarantineFile(reportsDir: string): QuarantineSink {
  mkdirSync(reportsDir, { recursive: true });
  const path = join(reportsDir, QUARANTINE_FILE);
  const fd = openSync(path, 'w');
  const counts = new ReasonCounter();
  let buffer = `\uFEFF${HEADER}\r\n`;
  let open = true;
  const flush = (): void => {
    if (buffer && open) writeSync(fd, buffer);
    buffer = '';
  };
  return {
    path,
    add(row) {
      counts.add(row.reason_code);
      buffer += `${quarantineLine(row)}\r\n`;
      if (buffer.length >= FLUSH_CHARS) flush();
    },
    flush,
    countsByReason: () => counts.list(),
    close() {
      if (!open) return;
      flush();
      closeSync(fd);
      open = false;
    },
  };
}

/** A sink that keeps rows in memory: for tests and for dry runs. */
export function memoryQuarantine(): QuarantineSink & { rows: QuarantinedRow[] } {
  const counts = new ReasonCounter();
  const rows: QuarantinedRow[] = [];
  return {
    path: null,
    rows,
    add(row) {
      rows.push(row);
      counts.add(row.reason_code);
    },
    flush() {},
    countsByReason: () => counts.list(),
    close() {},
  };
}

/** One CSV line of the quarantine file (without the line break). */
export function quarantineLine(row: QuarantinedRow): string {
  return [spreadsheetSafeCell(row.file), String(row.line), spreadsheetSafeCell(row.column), spreadsheetSafeCell(row.reason)].join(',');
}

/** Counts by reason code, listed most frequent first. */
export class ReasonCounter {
  private readonly counts = new Map<QuarantineReasonCode, number>();

  add(code: QuarantineReasonCode): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }

  list(): ReasonCount[] {
    return [...this.counts]
      .map(([reason_code, count]) => ({ reason_code, label: QUARANTINE_REASONS[reason_code], count }))
      .sort((a, b) => b.count - a.count || (a.reason_code < b.reason_code ? -1 : 1));
  }
}
