import { describe, expect, test } from 'vitest';
import {
  amount,
  amountText,
  chineseDate,
  chineseTime,
  countText,
  countTexts,
  dateText,
  daysText,
  figure,
  instantText,
  percent,
  percentText,
  periodText,
  rankText,
  rosterFigureText,
  scoreText,
  workingDaysText,
} from './format';

describe('percentages and scores: half up to one decimal, never up onto a target they fall short of', () => {
  test.each([
    [35 / 45, '77.8%'], // 77.77…: half up, not truncated to 77.7
    [2 / 3, '66.7%'],
    [0.9996, '99.9%'], // short of 100% never reads 100%
    [0.94996, '94.9%'], // nor 95% (a green threshold)
    [1, '100%'],
    [0.821, '82.1%'],
    [0.5, '50%'],
    [0.00049, '0%'],
    [0, '0%'],
    [0.1234, '12.3%'],
    [0.12345, '12.3%'],
    [0.1235, '12.4%'], // 12.35 → half up
    [0.8996, '89.9%'], // nor a 90% target (anhui-2022)
    [0.8596, '86%'], // no target at 86%: ordinary rounding
    [0.9597, '96%'],
  ])('percentText(%d) = %s', (share, text) => {
    expect(percentText(share)).toBe(text);
  });

  test.each([
    [72.46, '72.5'],
    [72.44, '72.4'],
    [79.96, '79.9'], // below 80 must not read 80.0
    [99.96, '99.9'],
    [95.97, '96.0'], // no target or threshold between 95.97 and 96.0: half up
    [89.95, '90.0'],
    [80, '80.0'],
    [100, '100.0'],
    [(96 + 97.5 + 287.5 / 3 + 700) / 10, '98.9'], // 98.9083…
  ])('scoreText(%d) = %s', (score, text) => {
    expect(scoreText(score)).toBe(text);
  });

  test('null reads as a dash', () => {
    expect([
      percent(null),
      dateText(null),
      instantText(null),
      amount(undefined),
      figure(null, 'count'),
      workingDaysText(null),
    ]).toEqual(['—', '—', '—', '—', '—', '—']);
  });
});

describe('units and scales', () => {
  test.each([
    [12.96, '13.0'], // days round half up like everything else (a screen once showed 12.9 here)
    [12.94, '12.9'],
    [12.95, '13.0'],
  ])('daysText(%d) = %s', (days, text) => {
    expect(daysText(days)).toBe(text);
  });

  test('units go with the number', () => {
    expect(workingDaysText(12.96)).toBe('13.0个工作日');
    expect(countText(3200, '人')).toBe('3200人');
    expect(countText(123_456, '人')).toBe('12.35万人');
    expect(amountText(1_234_567)).toBe('123.46万元');
  });

  test('one sentence never mixes 万 and plain counts of one kind', () => {
    expect(countTexts([123_456, 3_200], '人')).toEqual(['12.35万人', '0.32万人']);
    expect(countTexts([99_999, 3_200], '人')).toEqual(['99999人', '3200人']);
  });

  test.each([
    ['2021-12-15', '2021年12月15日'],
    ['2021-08-05', '2021年8月5日'], // no leading zeros
  ])('chineseDate(%s) = %s', (date, text) => {
    expect(chineseDate(date)).toBe(text);
  });

  test('periods, instants, amounts, ranks', () => {
    expect(periodText('2021-10')).toBe('2021年10月');
    expect(periodText('2022-Q3')).toBe('2022年第三季度');
    expect(instantText('2021-08-02T07:02:00.000Z')).toBe('2021-08-02 15:02');
    expect(chineseTime('2021-11-20T02:00:00.000Z')).toBe('2021年11月20日 10:00');
    expect(chineseTime('2021-11-30T16:05:00+00:00')).toBe('2021年12月1日 00:05');
    expect(chineseTime('2021-07-01T09:00:00+08:00')).toBe('2021年7月1日 09:00');
    expect(amount(1234567.891)).toBe('1,234,567.89');
    expect([rankText(2, true), rankText(4), rankText(null)]).toEqual(['并列第2名', '第4名', '—']);
  });

  test('roster figures read by their derived kind', () => {
    // 7 of 10 villages → 70%; 3 stations per 4.4 hundred-recipient units = 0.6818… → 0.68
    expect(
      rosterFigureText({ kind: 'coverage', has: 'coordinator', villages: 'all' }, null, {
        value: 0.7,
        numerator: 7,
        denominator: 10,
      }),
    ).toBe('7 / 10 个，70%');
    expect(
      rosterFigureText({ kind: 'stations_per_recipients', per: 200, recipients: 'eligible' }, null, {
        value: 3 / 4.4,
        numerator: 3,
        denominator: 4.4,
      }),
    ).toBe('0.68（共 3 个站点）');
    expect(rosterFigureText({ kind: 'village_count', villages: 'eligible' }, null, { value: 3 })).toBe('3 个');
    expect(rosterFigureText({ kind: 'average', column: 'coordinatorPay' }, '元', { value: 1000 })).toBe('1,000 元');
    expect(rosterFigureText(null, null, undefined)).toBe('—');
  });
});
