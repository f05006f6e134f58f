import { describe, expect, test } from 'vitest';
import { bestAndLast, countyDispatch, dispatchTotals, gateTally, pointsChange, scopeCounts } from './summary-figures';

describe('scopeCounts: what a summary says of its counties', () => {
  test('four counties: one at 100, one below 80 and lagging, one unscored; two watched', () => {
    const counts = scopeCounts(
      [
        { score: 100, lagging: false, watch: false },
        { score: 79.96, lagging: true, watch: true },
        { score: 92.5, lagging: false, watch: true },
        { score: null, lagging: true, watch: false },
      ],
      80,
    );
    expect(counts).toEqual({ counties: 4, scored: 3, fullScore: 1, lowScore: 1, lagging: 2, watch: 2 });
  });
});

describe('gateTally: on time, late, not done; n/a left out', () => {
  test.each([
    [['met', 'met', 'late', 'overdue', 'n/a'], { applies: 4, onTime: 2, late: 1, notDone: 1 }],
    [['pending', 'overdue'], { applies: 2, onTime: 0, late: 0, notDone: 2 }],
    [['n/a'], { applies: 0, onTime: 0, late: 0, notDone: 0 }],
  ] as const)('%j', (statuses, expected) => {
    expect(gateTally(statuses)).toEqual(expected);
  });
});

describe('countyDispatch: one urge rule', () => {
  const copies = [
    { county: '340321', state: 'closed' },
    { county: '340321', state: 'feedback' },
    { county: '340311', state: 'issued' },
  ];
  const urges = [
    { unit: '340321', kind: 'report', count: 2 },
    { unit: '340321', kind: 'order', count: 1 },
    { unit: '340322', kind: 'roster', count: 1 },
    { unit: '3403', kind: 'summary', count: 4 }, // the city's own summary: not a county's urge
  ];
  test('copies, open copies and urges per county', () => {
    expect(countyDispatch(copies, urges)).toEqual([
      { countyCode: '340311', issued: 1, open: 1, urged: 0, closedStillHolding: 0 },
      { countyCode: '340321', issued: 2, open: 1, urged: 3, closedStillHolding: 0 },
      { countyCode: '340322', issued: 0, open: 0, urged: 1, closedStillHolding: 0 },
    ]);
  });
  test('totals over a city: 3 copies, 2 open in 2 counties, 4 urges', () => {
    expect(dispatchTotals(countyDispatch(copies, urges), new Set(['340311', '340321', '340322']))).toEqual({
      issued: 3,
      open: 2,
      urged: 4,
      closedStillHolding: 0,
      openCounties: ['340311', '340321'],
    });
  });
  test('a copy closed while its lagging reason still holds is counted apart (办结但问题仍在), open ones never', () => {
    const held = [
      { county: '340321', state: 'closed', stillHolds: true },
      { county: '340321', state: 'closed', stillHolds: false },
      { county: '340311', state: 'feedback', stillHolds: true },
    ];
    expect(countyDispatch(held, [])).toEqual([
      { countyCode: '340311', issued: 1, open: 1, urged: 0, closedStillHolding: 0 },
      { countyCode: '340321', issued: 2, open: 0, urged: 0, closedStillHolding: 1 },
    ]);
  });
});

describe('pointsChange: between the shown percentages', () => {
  test.each([
    [0.772, 0.605, 16.7],
    [1, 0.9996, 0.1], // 100% from 99.9% (never shown as 100%)
    [0.5, 0.5, 0],
    [0.4, 0.45, -5],
  ])('%d from %d: %d points', (now, before, points) => {
    expect(pointsChange(now, before)).toBe(points);
  });
});

describe('bestAndLast', () => {
  test('ties share the top and the bottom; no value, no place', () => {
    const units = [
      { code: 'b', value: 1 },
      { code: 'a', value: 1 },
      { code: 'c', value: 0.5 },
      { code: 'd', value: null },
      { code: 'e', value: 0.8 },
    ];
    const { best, last } = bestAndLast(units);
    expect(best.map((u) => u.code)).toEqual(['a', 'b']);
    expect(last.map((u) => u.code)).toEqual(['c']);
  });
  test('all equal: all best, none last', () => {
    expect(
      bestAndLast([
        { code: 'a', value: 1 },
        { code: 'b', value: 1 },
      ]).last,
    ).toEqual([]);
  });
});
