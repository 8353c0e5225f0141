/** splitCodes (src/components/data-table.ts): identifiers inside a description, marked as code. */
import { describe, expect, it } from 'vitest';
import { splitCodes } from '../../src/components/data-table.ts';

describe('splitCodes', () => {
  it('marks whole identifiers only, longest first', () => {
    expect(splitCodes('Thay đổi value − previous_value (điểm %)', ['value', 'previous_value'])).toEqual([
      { text: 'Thay đổi ', code: false },
      { text: 'value', code: true },
      { text: ' − ', code: false },
      { text: 'previous_value', code: true },
      { text: ' (điểm %)', code: false },
    ]);
  });

  it('does not mark a code inside a longer word or name', () => {
    expect(splitCodes('not_met (chưa đạt), met (đạt)', ['met'])).toEqual([
      { text: 'not_met (chưa đạt), ', code: false },
      { text: 'met', code: true },
      { text: ' (đạt)', code: false },
    ]);
  });

  it('leaves text without codes as one plain run', () => {
    expect(splitCodes('Kỳ', [])).toEqual([{ text: 'Kỳ', code: false }]);
    expect(splitCodes('Giá trị (%)', ['value'])).toEqual([{ text: 'Giá trị (%)', code: false }]);
  });
});
