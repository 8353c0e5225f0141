/**
 * The bad-file corpus (tests/fixtures/bad-files, README lists each file and its outcome) through
 * validateResponses: what is read, what is set aside with which exact reason and line, and which
 * files are refused with which message. Build date: TODAY = 2025-09-30.
 */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/intake/data-error.ts';
import { formatIntakeSummary } from '../../src/intake/format-intake-summary.ts';
import { OUTPUT_HEADER, outputRows, run, runError } from './fixture.ts';

/** Quarantine rows as `line column: reason` for compact exact assertions. */
function setAside(q: { rows: { line: number; column: string; reason: string }[] }): string[] {
  return q.rows.map((r) => `${r.line} ${r.column}: ${r.reason}`);
}

describe('files that are read', () => {
  it('reads a plain UTF-8 comma file and writes the normalised CSV', async () => {
    const { summary, output, quarantine } = await run(['good.csv']);
    expect(outputRows(output)).toEqual([
      'G1,2024-03-05,585,585-MC,dat-dai,truc-tiep,ca-nhan,4,5,3,4',
      'G2,2024-03-06,22738,22738-UBND,,truc-tuyen,to-chuc,5,,4,5',
      'G3,2025-08-01,22738,,,,,1,2,3,',
    ]);
    expect(quarantine.rows).toEqual([]);
    expect(summary.files[0]).toMatchObject({ file: 'good.csv', encoding: 'utf-8', delimiter: ',', read: 3, used: 3, quarantined: 0 });
  });

  it('reads UTF-8 with a BOM (the BOM is not part of the first column name)', async () => {
    const { summary, output } = await run(['utf8-bom.csv']);
    expect(summary.files[0]?.encoding).toBe('utf-8-bom');
    expect(outputRows(output)).toEqual(['B1,2024-03-05,585,,,,,4,4,4,4']);
  });

  it('reads semicolons with CRLF, DD/MM/YYYY dates, "4,0" and a quoted "5"', async () => {
    const { summary, output } = await run(['semicolon-crlf.csv']);
    expect(summary.files[0]?.delimiter).toBe(';');
    expect(outputRows(output)).toEqual([
      'S1,2024-03-05,585,585-MC,dat-dai,truc-tiep,ca-nhan,4,5,3,4',
      'S2,2024-03-06,585,,,,,5,4,,',
    ]);
  });

  it.each([['utf16le-tab.csv', 'UTF-16 LE'], ['utf16be-tab.csv', 'UTF-16 BE']])('reads %s (Excel "Unicode text", TAB) and warns it was converted', async (file, name) => {
    const { summary, output, warnings } = await run([file]);
    expect(summary.files[0]).toMatchObject({ delimiter: '\t', read: 2, used: 2 });
    expect(outputRows(output)).toEqual(['X1,2024-03-05,585,,,,,4,5,3,4', 'X2,2024-03-06,22738,,,,,5,,4,5']);
    expect(warnings).toContain(`${file}: read as ${name} ("Unicode text" from Excel) and converted to UTF-8. Next time save it as "CSV UTF-8 (Comma delimited)".`);
  });

  it('skips blank lines without counting them as rows, and keeps line numbers physical', async () => {
    // Lines: 1 header, 2 B1, 3 empty, 4 ",,,,,,", 5 spaces, 6 B2 (CC2 = 6), 7 and 8 empty.
    const { summary, quarantine } = await run(['blank-lines.csv']);
    expect(summary.files[0]).toMatchObject({ read: 2, used: 1, quarantined: 1, blank_lines: 5 });
    expect(setAside(quarantine)).toEqual(["6 CC2: answer '6' in CC2 is outside the scale 1–5"]);
  });

  it('keeps line numbers right after cells holding quoted line breaks', async () => {
    // Q2's note spans lines 3–5 and Q5's lines 8–9, so Q3 starts on line 6 and Q6 on line 10.
    const { summary, quarantine, output } = await run(['quoted-newlines.csv']);
    expect(setAside(quarantine)).toEqual([
      "6 TC1: answer '9' in TC1 is outside the scale 1–5",
      "8 TC2: answer 'x' in TC2 is not a number on the scale 1–5",
      "10 CC2: answer '0' in CC2 is outside the scale 1–5",
    ]);
    expect(summary.files[0]).toMatchObject({ read: 6, used: 3, quarantined: 3, dropped_columns: ['ghi_chu'] });
    expect(output).not.toContain('dòng');
  });

  it('counts an Excel line break (LF) inside a cell of a CRLF file as a line', async () => {
    const { quarantine } = await run(['quoted-newlines-crlf.csv']);
    expect(setAside(quarantine)).toEqual(["4 CC2: answer '7' in CC2 is outside the scale 1–5"]);
  });

  it('accepts case and spacing variants of known column names, with a warning', async () => {
    const { output, warnings } = await run(['case-variants.csv']);
    expect(outputRows(output)).toEqual(['K1,2024-03-05,585,,,,,4,4,4,4']);
    expect(warnings).toEqual([
      "case-variants.csv: read column 'Response_ID' as 'response_id', 'Date' as 'date', 'Unit Code' as 'unit_code', 'tc1' as 'TC1'; please use the exact names of the data contract.",
    ]);
  });

  it('treats item columns missing from the header as unanswered, with a warning', async () => {
    const { output, warnings } = await run(['some-items-missing.csv']);
    expect(outputRows(output)).toEqual(['P1,2024-03-05,585,,,,,4,5,3,']);
    expect(warnings).toEqual(["some-items-missing.csv: item column 'CC2' missing; this item is treated as unanswered in this file."]);
  });

  it('reads a header-only file as 0 rows, with a warning', async () => {
    const { summary, output, warnings } = await run(['header-only.csv']);
    expect(summary.files[0]).toMatchObject({ read: 0, used: 0, quarantined: 0 });
    expect(output).toBe(`${OUTPUT_HEADER}\n`);
    expect(warnings).toEqual(['header-only.csv: the file has a header but no rows; 0 rows read.']);
  });
});

describe('rows set aside', () => {
  it('sets aside later occurrences of a response_id, across files too', async () => {
    const { quarantine, summary } = await run(['duplicate-ids.csv']);
    expect(setAside(quarantine)).toEqual([
      "4 response_id: duplicate response_id 'D1' (first seen in duplicate-ids.csv line 2)",
      "5 TC1: answer '7' in TC1 is outside the scale 1–5",
      // The first D3 was itself set aside; its id still counts as seen.
      "6 response_id: duplicate response_id 'D3' (first seen in duplicate-ids.csv line 5)",
    ]);
    expect(summary).toMatchObject({ read: 5, used: 2, quarantined: 3 });
  });

  it('finds duplicates across the files of a survey, read in name order', async () => {
    const dir = new URL('../fixtures/bad-files/data/surveys/mini/responses/', import.meta.url).pathname;
    const { quarantine, summary } = await run([`${dir}2024-b.csv`, `${dir}2024-a.csv`]);
    expect(summary.files.map((f) => f.file)).toEqual(['2024-a.csv', '2024-b.csv']);
    expect(quarantine.rows).toEqual([
      { file: '2024-b.csv', line: 3, column: 'response_id', reason: "duplicate response_id 'F1' (first seen in 2024-a.csv line 2)", reason_code: 'duplicate_response_id' },
    ]);
  });

  it('sets aside unknown and empty unit codes, hinting at a dropped leading zero', async () => {
    const { quarantine, output } = await run(['unknown-unit.csv']);
    expect(setAside(quarantine)).toEqual([
      "2 unit_code: unknown unit '9999' (not in units.csv)",
      "3 unit_code: unknown unit '1' (not in units.csv); did the spreadsheet drop a leading zero of '01'? Format the column as text",
      '4 unit_code: unit_code is empty',
    ]);
    expect(outputRows(output)).toEqual(['U4,2024-03-05,01,,,,,4,4,4,4']);
  });

  it('sets aside a unit used outside its validity, naming the validity', async () => {
    const { quarantine, output } = await run(['unit-not-valid.csv']);
    expect(setAside(quarantine)).toEqual([
      '2 unit_code: unit 585 (Huyện Ninh Sơn) is valid 2020-01-01…2025-06-30, not on 2025-08-01',
      '3 unit_code: unit 22738 (Phường Đô Vinh) is valid 2020-01-01…2025-06-30 and from 2025-07-01, not on 2019-06-01',
    ]);
    expect(outputRows(output)).toEqual(['V3,2025-08-01,22738,,,,,4,4,4,4', 'V4,2025-06-30,585,,,,,4,4,4,4']);
  });

  it('reads DD/MM/YYYY and D/M/YYYY, refuses impossible, future and out-of-method dates', async () => {
    const { quarantine, output } = await run(['dates.csv']);
    expect(setAside(quarantine)).toEqual([
      "4 date: invalid date: '31/02/2024' does not exist (month 2 of 2024 has 29 days)",
      "5 date: invalid date: '2024-13-01' has no month 13",
      '6 date: date 2025-10-01 is in the future (the build runs on 2025-09-30)',
      '7 date: date 2016-12-31 is outside every method version of survey mini (2017-01-01…2022-12-31 and from 2023-01-01)',
      '8 date: date is empty',
      "9 date: invalid date: '45321' is not a date in the form YYYY-MM-DD or DD/MM/YYYY (a spreadsheet date serial number: format the column as text dates)",
    ]);
    expect(outputRows(output).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'T1,2024-03-05', 'T2,2024-03-05', 'T9,2024-02-29', 'T10,2024-05-03', 'T11,2024-03-05',
    ]);
  });

  it('sets aside answers 0, 6, 4.5, text, -1 and rows with no answer; reads "4.0" and " 5 "', async () => {
    const { quarantine, output } = await run(['answers.csv']);
    expect(setAside(quarantine)).toEqual([
      "2 TC1: answer '0' in TC1 is outside the scale 1–5",
      "3 TC1: answer '6' in TC1 is outside the scale 1–5",
      "4 TC1: answer '4.5' in TC1 is not a whole number on the scale 1–5",
      "5 TC1: answer 'abc' in TC1 is not a number on the scale 1–5",
      '7 : no item answered',
      "9 TC1: answer '-1' in TC1 is outside the scale 1–5",
    ]);
    expect(outputRows(output)).toEqual(['A5,2024-03-05,585,,,,,4,5,,3', 'A7,2024-03-05,585,,,,,,,,5']);
    expect(quarantine.rows.map((r) => r.reason_code)).toEqual([
      'answer_outside_scale', 'answer_outside_scale', 'answer_not_whole_number', 'answer_not_a_number', 'no_item_answered', 'answer_outside_scale',
    ]);
  });

  it('checks agency, field, channel and respondent type codes', async () => {
    const { quarantine, output } = await run(['codes.csv']);
    expect(setAside(quarantine)).toEqual([
      "2 agency_code: unknown agency 'XX-1' (not in agencies.csv)",
      '3 agency_code: agency 585-MC (Bộ phận Một cửa huyện Ninh Sơn) is active 2020-01-01…2025-06-30, not on 2025-08-01',
      "4 field: unknown field 'nong-nghiep' (not in fields.csv)",
      "5 channel: channel 'online' is not one of truc-tiep, truc-tuyen, buu-chinh",
      "6 respondent_type: respondent_type 'Cá nhân' is not one of ca-nhan, to-chuc",
    ]);
    expect(outputRows(output)).toEqual(['C6,2024-03-05,585,585-MC,xay-dung,buu-chinh,to-chuc,4,4,4,4']);
  });

  it('sets aside rows with more or fewer cells than the header, but not trailing empty cells', async () => {
    const { quarantine, output } = await run(['wrong-cell-count.csv']);
    expect(setAside(quarantine)).toEqual([
      '2 : the row has 8 cells but the header has 7 columns',
      '3 : the row has 6 cells but the header has 7 columns',
    ]);
    expect(outputRows(output)).toEqual(['E3,2024-03-05,585,,,,,4,4,4,4']);
  });

  it('lets rows stop before unnamed columns that a stray separator added to the header', async () => {
    const { quarantine, output, warnings } = await run(['trailing-separator-header.csv']);
    expect(outputRows(output)).toEqual(['J1,2024-03-05,585,,,,,4,4,4,4', 'J2,2024-03-05,585,,,,,4,4,4,4']);
    expect(setAside(quarantine)).toEqual(['4 : the row has 6 cells but the header has 9 columns']);
    expect(warnings).toEqual(['trailing-separator-header.csv: columns (unnamed column H), (unnamed column I) are not in the data contract and were dropped.']);
  });
});

describe('personal data', () => {
  it('drops columns that look like personal data with a loud warning; they never reach the output', async () => {
    const { output, warnings, summary } = await run(['personal-data.csv']);
    expect(warnings).toEqual([
      "personal-data.csv: column 'ghi_chu' is not in the data contract and was dropped.",
      "PERSONAL DATA: column 'Họ tên' of personal-data.csv was dropped and will never be published; remove it from the export.",
      "PERSONAL DATA: column 'Số điện thoại' of personal-data.csv was dropped and will never be published; remove it from the export.",
      "PERSONAL DATA: column 'email' of personal-data.csv was dropped and will never be published; remove it from the export.",
      "PERSONAL DATA: column 'CCCD' of personal-data.csv was dropped and will never be published; remove it from the export.",
      "PERSONAL DATA: column 'dia_chi' of personal-data.csv was dropped and will never be published; remove it from the export.",
    ]);
    expect(outputRows(output)).toEqual(['H1,2024-03-05,585,,,,,4,4,5,5']);
    for (const value of ['Nguyễn', '0912345678', 'example.org', '058090001234', 'Lê Lợi', 'rất tốt']) expect(output).not.toContain(value);
    expect(summary.files[0]?.personal_data_columns).toEqual(['Họ tên', 'Số điện thoại', 'email', 'CCCD', 'dia_chi']);
  });
});

describe('files that are refused', () => {
  const refusals: [string, string][] = [
    ['empty.csv', 'empty.csv: the file is empty (0 bytes).\n  How to fix: export the data again, or delete the file if it is not needed.'],
    ['only-blank-lines.csv', 'only-blank-lines.csv: the file has no header row: it holds only blank lines.\n  How to fix: export the responses again with the header row, or delete the file if it is not needed.'],
    ['windows-1258.csv', 'windows-1258.csv, line 3: the file is not UTF-8 text: byte 0xE2 is not valid UTF-8. It was probably saved as plain "CSV (Comma delimited)", which uses a Windows code page (Windows-1258 or Windows-1252) and garbles Vietnamese letters.\n  How to fix: open the file in Excel and choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (in LibreOffice: Save As → Text CSV, Character set "Unicode (UTF-8)"), then replace this file with the new one.'],
    ['latin1.csv', 'latin1.csv, line 2: the file is not UTF-8 text: byte 0xE9 is not valid UTF-8. It was probably saved as plain "CSV (Comma delimited)", which uses a Windows code page (Windows-1258 or Windows-1252) and garbles Vietnamese letters.\n  How to fix: open the file in Excel and choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" (in LibreOffice: Save As → Text CSV, Character set "Unicode (UTF-8)"), then replace this file with the new one.'],
    ['missing-column.csv', "missing-column.csv, line 1: required column missing: 'unit_code'. The header has: 'response_id', 'date', 'TC1', 'TC2', 'CC1', 'CC2'.\n  How to fix: the first row must be the header, with response_id, date, unit_code and one column per question (TC1, TC2, CC1 …); check the spelling, and that cells are separated by commas, semicolons or tabs."],
    ['no-items.csv', "no-items.csv, line 1: required column missing: all item columns (TC1, TC2, CC1, CC2). The header has: 'response_id', 'date', 'unit_code', 'q1', 'q2'.\n  How to fix: the first row must be the header, with response_id, date, unit_code and one column per question (TC1, TC2, CC1 …); check the spelling, and that cells are separated by commas, semicolons or tabs."],
    ['weight.csv', "weight.csv, line 1, column 'weight': weights are not supported in this version.\n  How to fix: remove the column, or set all weights equal and remove it."],
    ['unclosed-quote.csv', 'unclosed-quote.csv, line 3: a cell starts with a double quote (") that is never closed, so the rest of the file cannot be split into rows.\n  How to fix: open the file in a text editor at that line and repair the quotes: a cell that holds a quote must be written in quotes with the quote doubled, e.g. "Phường ""A""".'],
    ['invalid-quote.csv', 'invalid-quote.csv, line 3: a quoted cell has text after its closing double quote ("), so the row cannot be split into cells reliably.\n  How to fix: open the file in a text editor at that line and repair the quotes: a cell that holds a quote must be written in quotes with the quote doubled, e.g. "Phường ""A""".'],
  ];
  it.each(refusals)('refuses %s with one plain message', async (file, message) => {
    const error = await runError([file]);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).format()).toBe(message);
  });

  it('fails when a file\'s quarantined share exceeds the threshold, after writing the quarantine', async () => {
    // 2 of 10 rows set aside = 20 % > 1 %.
    const error = await runError(['too-many-quarantined.csv'], 0.01);
    expect((error as DataError).format()).toBe(
      'too-many-quarantined.csv: 2 of 10 rows (20 %) were set aside, more than the allowed 1 % (thresholds.max_quarantine_share in site.json). ' +
      'Most frequent reasons: answer outside the scale (1), unknown unit (1).\n' +
      '  How to fix: open the quarantine report to see each set-aside row\'s line, column and reason; correct the file and build again.',
    );
  });

  it('passes at exactly the threshold share (the limit is "more than")', async () => {
    // 2 of 10 = 0.2, not more than 0.2.
    const { summary } = await run(['too-many-quarantined.csv'], 0.2);
    expect(summary).toMatchObject({ read: 10, used: 8, quarantined: 2 });
  });
});

describe('summary', () => {
  it('adds up, and prints files, counts, reasons and dropped columns', async () => {
    const { summary } = await run(['answers.csv', 'quoted-newlines.csv', 'utf16le-tab.csv']);
    // answers: 8 read, 2 used, 6 set aside; quoted-newlines: 6, 3, 3; utf16le-tab: 2, 2, 0.
    expect(summary).toMatchObject({ read: 16, used: 7, quarantined: 9 });
    expect(summary.quarantined_by_reason.map((r) => [r.reason_code, r.count])).toEqual([
      ['answer_outside_scale', 5], ['answer_not_a_number', 2], ['answer_not_whole_number', 1], ['no_item_answered', 1],
    ]);
    expect(formatIntakeSummary(summary)).toBe([
      'Survey mini: 3 response files → mini.csv',
      '  answers.csv: 8 rows read, 2 used, 6 set aside (75 %)',
      '    set aside: answer outside the scale 3, answer not a number 1, answer not a whole number 1, no item answered 1',
      '  quoted-newlines.csv: 6 rows read, 3 used, 3 set aside (50 %)',
      '    set aside: answer outside the scale 2, answer not a number 1',
      '    dropped columns: ghi_chu',
      '  utf16le-tab.csv: 2 rows read, 2 used, 0 set aside (0 %) [converted from UTF-16 LE; tab-separated]',
      '    dropped columns: ghi_chu',
      '  total: 16 rows read, 7 used, 9 set aside (56.25 %)',
      '  set aside by reason: answer outside the scale 5, answer not a number 2, answer not a whole number 1, no item answered 1',
    ].join('\n'));
  });
});
