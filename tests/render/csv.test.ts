import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../src/render/csv.js';

describe('CSV cells', () => {
  it('guards text a spreadsheet would run as a formula, keeps numbers and booleans as they are', () => {
    expect(['=HYPERLINK("http://x","点此")', '+1', '-2', '@SUM(A1)', '\tx'].map(csvField)).toEqual([
      '"\'=HYPERLINK(""http://x"",""点此"")"', "'+1", "'-2", "'@SUM(A1)", "'\tx",
    ]);
    expect([-2, 0.5, true, false, null].map(csvField)).toEqual(['-2', '0.5', 'true', 'false', '']);
  });

  it('round-trips through a standard parser: quotes, commas, line breaks and Chinese text', () => {
    const row = csvRow(['常委会组成人员每人联系3名以上，"市"人大代表', 'a\r\nb', '=1+1', 3]);
    expect(parse(row, { relax_column_count: true })).toEqual([['常委会组成人员每人联系3名以上，"市"人大代表', 'a\r\nb', "'=1+1", '3']]);
  });
});
