import { describe, expect, test } from 'vitest';
import { meanScore, ranks, watchList } from './rankings';

describe('ranks', () => {
  test.each([
    [
      'by score, highest first',
      [{ code: 'a', score: 70 }, { code: 'b', score: 90 }, { code: 'c', score: 80 }],
      { b: 1, c: 2, a: 3 },
    ],
    [
      'ties by code ascending',
      [{ code: '340322', score: 85 }, { code: '340321', score: 85 }, { code: '340323', score: 90 }],
      { '340323': 1, '340321': 2, '340322': 3 },
    ],
    [
      'unscored last, themselves by code',
      [{ code: 'z', score: null }, { code: 'y', score: 10 }, { code: 'x', score: null }],
      { y: 1, x: 2, z: 3 },
    ],
  ])('%s', (_label, items, expected) => {
    expect(Object.fromEntries(ranks(items))).toEqual(expected);
  });
});

describe('watchList', () => {
  test('the bottom three of each city, even when not lagging', () => {
    const counties = [
      { code: 'a1', cityCode: 'A', score: 95 },
      { code: 'a2', cityCode: 'A', score: 94 },
      { code: 'a3', cityCode: 'A', score: 93 },
      { code: 'a4', cityCode: 'A', score: 93 }, // tie with a3: a3 ranks above, both in the bottom three
      { code: 'a5', cityCode: 'A', score: null },
      { code: 'b1', cityCode: 'B', score: 50 },
      { code: 'b2', cityCode: 'B', score: 60 },
    ];
    // A: a1 95, a2 94, a3 93, a4 93, a5 — → bottom three a3, a4, a5; B has only two, both watched
    expect([...watchList(counties)].sort()).toEqual(['a3', 'a4', 'a5', 'b1', 'b2']);
  });
});

describe('meanScore', () => {
  test.each([
    [[80, 90, null], 85], // the unscored county is left out: (80 + 90) / 2
    [[null, null], null],
    [[], null],
  ])('%o → %s', (scores, expected) => {
    expect(meanScore(scores)).toBe(expected);
  });
});
