import { describe, expect, test } from 'vitest';
import { rankCell, rankText } from './rank-text';

describe('rank text with ties', () => {
  test('a tied place reads 并列, an unscored one 未排名', () => {
    expect(rankText({ rank: 1, tied: true })).toBe('并列第1名');
    expect(rankText({ rank: 3, tied: false })).toBe('第3名');
    expect(rankText({ rank: 2, tied: false }, '位')).toBe('第2位');
    expect(rankCell({ rank: 1, tied: true })).toBe('并列1');
    expect(rankText({ rank: null, tied: false })).toBe('未排名');
    expect(rankCell({ rank: null, tied: false })).toBe('—');
  });
});
