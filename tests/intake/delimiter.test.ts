import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectLayout } from '../../src/intake/delimiter.ts';

describe('detectLayout', () => {
  it('picks the separator that occurs most in the header line, outside quotes', () => {
    expect(detectDelimiter('response_id,date,unit_code')).toBe(',');
    expect(detectDelimiter('response_id;date;unit_code')).toBe(';');
    expect(detectDelimiter('response_id\tdate\tunit_code')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('"a,b,c";d')).toBe(';');
    expect(detectDelimiter('response_id')).toBe(',');
  });

  it('reads only the first non-blank line, and its line break', () => {
    expect(detectLayout('a;b\r\nc,d,e,f,g\r\n', true)).toEqual({ delimiter: ';', newline: '\r\n' });
    expect(detectLayout('\n  \na\tb\nc,d,e', true)).toEqual({ delimiter: '\t', newline: '\n' });
    expect(detectLayout('a,b\rc;d;e', true)).toEqual({ delimiter: ',', newline: '\r' });
    expect(detectLayout('"x\ny",b;c;d\n', true)).toEqual({ delimiter: ';', newline: '\n' });
  });

  it('asks for more text while the header line may be incomplete', () => {
    expect(detectLayout('a,b', false)).toBeNull();
    expect(detectLayout('a,b\r', false)).toBeNull();
    expect(detectLayout('"a\n', false)).toBeNull();
    expect(detectLayout('a,b', true)).toEqual({ delimiter: ',', newline: '\n' });
  });
});
