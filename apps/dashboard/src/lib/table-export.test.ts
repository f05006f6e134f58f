import { describe, expect, test } from 'vitest';
import { exportFileName, sheetCell } from './table-export';

describe('table cells in the spreadsheet', () => {
  test.each([
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['-3', -3],
    ['72.4', 72.4],
  ])('the figure %s becomes the number %s', (text, value) => {
    expect(sheetCell(text)).toBe(value);
  });

  test('a percentage becomes its fraction, shown as a percentage', () => {
    expect(sheetCell('82.1%')).toEqual({ percent: 0.821 });
  });

  test.each(['怀远县', '2021年7月', '340321', '340321001001', '—', '12,34'])(
    'the text %s stays text (a division code is no figure)',
    (text) => {
      expect(sheetCell(text)).toBe(text);
    },
  );

  test('the file is named after the table and the as-of date', () => {
    expect(exportFileName('省级确认收件箱', '2021-11-20')).toBe('省级确认收件箱_2021-11-20.xlsx');
    expect(exportFileName('县区 / 排名', null)).toBe('县区_排名.xlsx');
  });
});
