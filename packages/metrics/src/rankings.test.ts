import { describe, expect, test } from 'vitest';
import { meanScore, rankings, ranks, watchList } from './rankings';

describe('ranks: competition ranking on the score as shown (one decimal)', () => {
  test.each([
    [
      'by score, highest first',
      [
        { code: 'a', score: 70 },
        { code: 'b', score: 90 },
        { code: 'c', score: 80 },
      ],
      { b: 1, c: 2, a: 3 },
    ],
    // 90, 85, 85, 80 → 1, 2, 2, 4
    [
      'equal scores share the best rank, the next skips',
      [
        { code: 'd', score: 80 },
        { code: 'c', score: 85 },
        { code: 'b', score: 85 },
        { code: 'a', score: 90 },
      ],
      { a: 1, b: 2, c: 2, d: 4 },
    ],
    // 85.04, 85.01 and 84.96 all show 85.0 (85 is no target, so 84.96 rounds up like any figure): tied
    [
      'ties on the shown score, not the raw one',
      [
        { code: 'x', score: 85.04 },
        { code: 'y', score: 85.01 },
        { code: 'z', score: 84.96 },
      ],
      { x: 1, y: 1, z: 1 },
    ],
    // 79.96 shows 79.9 (never carried up onto 80) like 79.91 does: tied behind 80.0
    [
      'rounding never carries a score up onto the 80-point line',
      [
        { code: 'p', score: 79.96 },
        { code: 'q', score: 79.91 },
        { code: 'r', score: 80 },
      ],
      { r: 1, p: 2, q: 2 },
    ],
    [
      'an unscored county has no rank',
      [
        { code: 'z', score: null },
        { code: 'y', score: 10 },
        { code: 'x', score: null },
      ],
      { y: 1, x: null, z: null },
    ],
  ])('%s', (_label, items, expected) => {
    expect(Object.fromEntries(ranks(items))).toEqual(expected);
  });

  test('tied places say so, and are listed by code within the tie', () => {
    const places = rankings([
      { code: '340322', score: 85 },
      { code: '340321', score: 85 },
      { code: '340323', score: 90 },
    ]);
    expect([...places]).toEqual([
      ['340323', { rank: 1, tied: false }],
      ['340321', { rank: 2, tied: true }],
      ['340322', { rank: 2, tied: true }],
    ]);
  });
});

describe('watchList: the three lowest scored below 100 in each city, plus ties with the third', () => {
  test.each([
    [
      'ties with the third-lowest are watched too; unscored never',
      // A shows 95, 94, 93, 93, 92, — : lowest 92, 93, 93 → third-lowest 93 → a3, a4, a6 (a5 unscored)
      [
        ['a1', 95],
        ['a2', 94],
        ['a3', 93],
        ['a4', 93],
        ['a5', null],
        ['a6', 92],
      ],
      ['a3', 'a4', 'a6'],
    ],
    [
      'a county at full score is never watched',
      // 100, 100, 99.96 (shows 99.9), 98: only the two below 100
      [
        ['b1', 100],
        ['b2', 100],
        ['b3', 99.96],
        ['b4', 98],
      ],
      ['b3', 'b4'],
    ],
    [
      'a city all at 100 has none',
      [
        ['c1', 100],
        ['c2', 100],
        ['c3', 100],
        ['c4', 100],
      ],
      [],
    ],
    [
      'a tie at the third place pulls in all of it',
      // 60, 70, 80, 80, 80, 90 → third-lowest 80 → five counties
      [
        ['d1', 60],
        ['d2', 70],
        ['d3', 80],
        ['d4', 80],
        ['d5', 80],
        ['d6', 90],
      ],
      ['d1', 'd2', 'd3', 'd4', 'd5'],
    ],
  ] as const)('%s', (_label, rows, expected) => {
    const counties = rows.map(([code, score]) => ({ code, score, cityCode: code[0]! }));
    expect([...watchList(counties)].sort()).toEqual(expected);
  });

  test('each city on its own', () => {
    const counties = [
      { code: 'a1', cityCode: 'A', score: 50 },
      { code: 'b1', cityCode: 'B', score: 99 },
      { code: 'b2', cityCode: 'B', score: 100 },
    ];
    expect([...watchList(counties)].sort()).toEqual(['a1', 'b1']);
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
