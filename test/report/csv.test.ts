import { describe, expect, it } from 'vitest';
import { csvCell, toCsvDocument } from '../../src/report/csv.js';

describe('CSV action lists', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1-555', `'+1-555`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['plain, with comma', '"plain, with comma"'],
    ['line\nbreak', '"line\nbreak"'],
    ['00042', '00042'],
  ])('escapes %j so a spreadsheet shows it as text', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers (negative ones too) as numbers and nulls empty', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes a header and CRLF rows', () => {
    expect(toCsvDocument(['id', 'v'], [['a', 1], ['=b', null]])).toBe("id,v\r\na,1\r\n'=b,\r\n");
  });
});
