import { describe, expect, test } from 'vitest';
import { percentText, scoreText, shortDate } from './wording';

describe('wording', () => {
  test.each([
    [0.821, '82.1%'],
    [1, '100%'],
    [0.5, '50%'],
    [2 / 3, '66.6%'], // truncated, not 66.7
    [0.9999, '99.9%'], // never shown as 100% when short of it
    [0, '0%'],
  ])('percentText(%d) = %s', (share, text) => {
    expect(percentText(share)).toBe(text);
  });

  test.each([
    [72.46, '72.4'],
    [79.96, '79.9'], // below 80 must not read "80.0"
    [80, '80.0'],
  ])('scoreText(%d) = %s', (score, text) => {
    expect(scoreText(score)).toBe(text);
  });

  test('shortDate drops the year only when it is the one in context', () => {
    expect(shortDate('2021-11-10', '2021')).toBe('11-10');
    expect(shortDate('2022-01-03', '2021')).toBe('2022-01-03');
  });
});
