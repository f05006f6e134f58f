import { describe, expect, test } from 'vitest';
import {
  canApply,
  dispatchCopyAt,
  dispatchCountRules,
  dispatchCounts,
  dispatchStatusText,
  lightOn,
  type DispatchEvent,
} from './dispatch-lights';

// Issued Tue 2021-09-28, deadline Tue 2021-10-12. Working days of the official calendar in between:
// 09-29, 09-30 | 10-01..07 国庆 holiday | 10-08 Fri, 10-09 Sat (调休 working), 10-10 Sun off, 10-11, 10-12.
const deadline = '2021-10-12';
const issue: DispatchEvent = { action: 'issue', at: '2021-09-28T02:00:00.000Z' };

describe('lights', () => {
  test.each([
    ['2021-09-28', 'green'], // 6 working days left
    ['2021-09-30', 'green'], // 10-08, 10-09, 10-11, 10-12 = 4
    ['2021-10-07', 'green'], // still 4: the holiday week counts nothing (plain weekdays would give 3)
    ['2021-10-08', 'yellow'], // 10-09, 10-11, 10-12 = 3
    ['2021-10-09', 'yellow'], // 10-11, 10-12 = 2
    ['2021-10-12', 'yellow'], // the deadline day itself: not yet passed
    ['2021-10-13', 'red'],
    ['2021-11-30', 'red'],
  ])('at %s an open order is %s', (t, light) => {
    expect(lightOn(t, deadline)).toBe(light);
    expect(dispatchCopyAt([issue], deadline, t).light).toBe(light);
  });

  test.each([
    ['2021-09-28', 6],
    ['2021-10-07', 4],
    ['2021-10-08', 3],
    ['2021-10-12', 0],
    ['2021-10-13', null],
  ])('at %s the working days left are %s', (t, remaining) => {
    expect(dispatchCopyAt([issue], deadline, t).remaining).toBe(remaining);
  });
});

describe('逾期未签收', () => {
  test.each([
    ['2021-09-30', false], // 09-29, 09-30: two working days, still within
    ['2021-10-07', false], // the holiday adds none
    ['2021-10-08', true], // the third working day after issue
  ])('unsigned at %s → late %s', (t, late) => {
    expect(dispatchCopyAt([issue], deadline, t).lateSigning).toBe(late);
  });

  test('signed on 10-08 (Beijing) stays marked late; signed 09-30 does not', () => {
    const late = dispatchCopyAt([issue, { action: 'sign', at: '2021-10-08T01:00:00.000Z' }], deadline, '2021-10-20');
    expect([late.signedOn, late.lateSigning]).toEqual(['2021-10-08', true]);
    const onTime = dispatchCopyAt([issue, { action: 'sign', at: '2021-09-30T09:00:00.000Z' }], deadline, '2021-10-20');
    expect([onTime.signedOn, onTime.lateSigning]).toEqual(['2021-09-30', false]);
  });
});

describe('states replayed at a date', () => {
  const story: DispatchEvent[] = [
    issue,
    { action: 'sign', at: '2021-09-29T01:00:00.000Z' },
    { action: 'feedback', at: '2021-09-30T03:00:00.000Z', text: '已补配协理员 5 名', askClose: true },
    { action: 'sendBack', at: '2021-10-08T02:00:00.000Z', text: '缺少花名册' },
    { action: 'feedback', at: '2021-10-11T03:00:00.000Z', text: '已上传花名册', askClose: true },
    // 2021-10-12T17:30Z is 01:30 on 10-13 in Beijing: closed one day late
    { action: 'close', at: '2021-10-12T17:30:00.000Z' },
  ];
  test.each([
    ['2021-09-28', 'issued', 'green', false],
    ['2021-09-29', 'signed', 'green', false],
    ['2021-09-30', 'feedback', 'green', false],
    ['2021-10-08', 'signed', 'yellow', false],
    ['2021-10-11', 'feedback', 'yellow', false],
    ['2021-10-12', 'feedback', 'yellow', false],
    ['2021-10-13', 'closed', 'closed', true],
    ['2021-12-01', 'closed', 'closed', true],
  ])('at %s: %s, light %s, overdue %s', (t, state, light, overdue) => {
    const c = dispatchCopyAt(story, deadline, t);
    expect([c.state, c.light, c.overdue]).toEqual([state, light, overdue]);
  });

  test('the reason of a send-back is kept, and a closed-late copy reads 逾期办结', () => {
    expect(dispatchCopyAt(story, deadline, '2021-10-08').lastReason).toBe('缺少花名册');
    expect(dispatchStatusText(dispatchCopyAt(story, deadline, '2021-10-13'))).toBe('逾期办结');
    expect(dispatchStatusText(dispatchCopyAt(story, deadline, '2021-10-08'))).toBe('已签收（剩 3 个工作日）');
    expect(dispatchStatusText(dispatchCopyAt([issue], deadline, '2021-10-13'))).toBe('逾期未签收（已超期）');
  });

  test('an order is not known before its issue day', () => {
    expect(() => dispatchCopyAt(story, deadline, '2021-09-27')).toThrow(/尚未下发/);
  });

  test.each([
    ['issued', 'sign', true],
    ['issued', 'feedback', false],
    ['signed', 'feedback', true],
    ['signed', 'close', false],
    ['feedback', 'close', true],
    ['feedback', 'sendBack', true],
    ['closed', 'feedback', false],
  ] as const)('from %s, %s allowed: %s', (state, action, ok) => {
    expect(canApply(state, action)).toBe(ok);
  });
});

describe('dispatchCounts', () => {
  test('counts copies: issued, closed on time, overdue, red now, unsigned late', () => {
    const copies = [
      { state: 'closed', light: 'closed', overdue: false, lateSigning: false },
      { state: 'closed', light: 'closed', overdue: true, lateSigning: true },
      { state: 'signed', light: 'red', overdue: true, lateSigning: false },
      { state: 'issued', light: 'yellow', overdue: false, lateSigning: true },
      { state: 'feedback', light: 'green', overdue: false, lateSigning: false },
    ] as const;
    expect(dispatchCounts(copies)).toEqual({ issued: 5, closedOnTime: 1, overdue: 2, redNow: 1, lateSigning: 1 });
  });

  test('each count is the number of copies its rule keeps, so a list filtered by that rule has as many rows', () => {
    const copies = [
      { state: 'closed', light: 'closed', overdue: false, lateSigning: false },
      { state: 'closed', light: 'closed', overdue: true, lateSigning: true },
      { state: 'signed', light: 'red', overdue: true, lateSigning: false },
      { state: 'issued', light: 'yellow', overdue: false, lateSigning: true },
    ] as const;
    const kept = (key: keyof typeof dispatchCountRules) =>
      copies.flatMap((c, i) => (dispatchCountRules[key](c) ? [i] : []));
    expect(kept('closedOnTime')).toEqual([0]);
    expect(kept('overdue')).toEqual([1, 2]);
    expect(kept('redNow')).toEqual([2]);
    expect(kept('lateSigning')).toEqual([3]);
    const counts = dispatchCounts(copies);
    for (const key of Object.keys(dispatchCountRules) as (keyof typeof dispatchCountRules)[])
      expect(counts[key]).toBe(kept(key).length);
  });
});
