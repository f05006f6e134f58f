import { describe, expect, test } from 'vitest';
import { byDeadline, chineseDate, chineseNumber, countText, typeset } from './format';

describe('Chinese formats', () => {
  test.each([
    ['2021-12-15', '2021年12月15日'],
    ['2021-12-05', '2021年12月5日'],
    ['2021-07-01', '2021年7月1日'],
  ])('%s is written %s, without leading zeros', (iso, text) => expect(chineseDate(iso)).toBe(text));

  test.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('heading number %i is %s', (n, text) => expect(chineseNumber(n)).toBe(text));

  test.each([
    [57780, '57780'],
    [99999, '99999'],
    [241400, '24.14万'],
  ])('count %i reads %s', (n, text) => expect(countText(n)).toBe(text));

  test('typesetting runs figures into the text and writes dates in Chinese, never changing a figure', () => {
    expect(typeset('协理员配备率 82.1%，低于截止日要求的 100%')).toBe('协理员配备率82.1%，低于截止日要求的100%');
    expect(typeset('2021-11 月报应于 2021-12-05 报送，截至 12-15 尚未报送')).toBe(
      '2021年11月月报应于2021年12月5日报送，截至12月15日尚未报送',
    );
    expect(typeset('加快社会救助"放管服"改革')).toBe('加快社会救助“放管服”改革');
  });
});

describe('deadlines on the document’s own day', () => {
  test('a deadline ahead reads 于…前, on the day 于今日, once past 立即', () => {
    expect(byDeadline('2021-12-15', '2021-12-10')).toBe('于12月15日前');
    expect(byDeadline('2021-12-15', '2021-12-15')).toBe('于今日（12月15日）');
    expect(byDeadline('2021-11-30', '2021-12-15')).toBe('立即');
  });
});
