import { describe, expect, test } from 'vitest';
import { amount, dateText, figure, instantText, percent, periodText, scoreText } from './format';

describe('percent', () => {
  test.each([
    [0.8219, '82.1%'],
    [0.99999, '99.9%'],
    [1, '100%'],
    [0.5, '50%'],
    [0, '0%'],
    [null, '—'],
  ])('%s is %s', (share, text) => {
    expect(percent(share)).toBe(text);
  });
});

describe('scoreText', () => {
  test.each([
    [64.56017, '64.5'],
    [79.99, '79.9'],
    [100, '100.0'],
    [null, '—'],
  ])('%s is %s', (score, text) => {
    expect(scoreText(score)).toBe(text);
  });
});

describe('figure', () => {
  test.each([
    [1540775.08, 'amount', '1,540,775.08'],
    [16538, 'count', '16,538'],
    [10.66, 'days', '10.6'],
    [0.758, 'ratio', '75.8%'],
    [1, 'bool', '是'],
    [0, 'bool', '否'],
    [null, 'count', '—'],
  ])('%s of kind %s is %s', (value, kind, text) => {
    expect(figure(value, kind)).toBe(text);
  });
});

describe('dates', () => {
  test('a day reads in Chinese without leading zeros', () => {
    expect(dateText('2021-07-05')).toBe('2021年7月5日');
  });

  test('a period reads as its month', () => {
    expect(periodText('2021-09')).toBe('2021年9月');
  });

  test('an instant is shown in Beijing time', () => {
    expect(instantText('2021-08-02T17:02:00.000Z')).toBe('2021-08-03 01:02');
  });

  test('amounts keep two decimals at most', () => {
    expect(amount(12.345)).toBe('12.34');
  });
});
