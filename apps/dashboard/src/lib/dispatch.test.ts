import { describe, expect, test } from 'vitest';
import { dispatchCounts } from '@dudao/metrics';
import {
  countedOrders,
  deskPath,
  dispatchTitle,
  filterOrders,
  lightBadge,
  parseShow,
  showHref,
  urgedText,
  urgeText,
  urgesOf,
} from './dispatch';

const copy = (
  state: 'issued' | 'signed' | 'feedback' | 'closed',
  light: 'green' | 'yellow' | 'red' | 'closed',
  overdue = false,
) => ({ state, light, overdue, statusText: 's' });

describe('dispatch lights on the page', () => {
  test.each([
    [copy('signed', 'green'), 'good', '绿灯 · s'],
    [copy('signed', 'yellow'), 'warn', '黄灯 · s'],
    [copy('issued', 'red', true), 'bad', '红灯 · s'],
    [copy('closed', 'closed', true), 'warn', 's'],
    [copy('closed', 'closed'), 'good', 's'],
  ])('%o reads %s with words', (c, tone, text) => {
    expect(lightBadge(c)).toMatchObject({ tone, text });
  });

  test('filters keep matching copies and drop empty orders', () => {
    const orders = [
      { id: 1, copies: [copy('signed', 'red'), copy('closed', 'closed')] },
      { id: 2, copies: [copy('issued', 'green')] },
    ];
    expect(filterOrders(orders, '', 'red').map((o) => [o.id, o.copies.length])).toEqual([[1, 1]]);
    expect(filterOrders(orders, 'issued', '').map((o) => o.id)).toEqual([2]);
    expect(filterOrders(orders, '', '')).toHaveLength(2);
  });

  test('a figure’s list holds exactly the copies it counts', () => {
    const c = (
      state: Parameters<typeof copy>[0],
      light: Parameters<typeof copy>[1],
      overdue = false,
      lateSigning = false,
    ) => ({
      ...copy(state, light, overdue),
      lateSigning,
    });
    const orders = [
      { id: 1, copies: [c('signed', 'red', true), c('closed', 'closed'), c('closed', 'closed', true)] },
      { id: 2, copies: [c('issued', 'green', false, true)] },
      { id: 3, copies: [c('feedback', 'yellow')] },
    ];
    const counts = dispatchCounts(orders.flatMap((o) => o.copies));
    for (const show of ['issued', 'closedOnTime', 'overdue', 'redNow'] as const) {
      const kept = countedOrders(orders, show);
      expect(kept.flatMap((o) => o.copies)).toHaveLength(counts[show]);
      expect(kept.every((o) => o.copies.length > 0)).toBe(true);
    }
    expect(countedOrders(orders, 'overdue').map((o) => [o.id, o.copies.length])).toEqual([[1, 2]]);
    expect(countedOrders(orders, 'redNow').map((o) => o.id)).toEqual([1]);
    expect(countedOrders(orders, 'issued')).toEqual(orders);
  });

  test('show= takes only the figures’ names; the link keeps the date and lands on the orders', () => {
    expect([parseShow('overdue'), parseShow('lateSigning'), parseShow('toString'), parseShow(null)]).toEqual([
      'overdue',
      null,
      null,
      null,
    ]);
    expect(showHref('/city/3412/dispatch', 'redNow', '2021-11-20')).toBe(
      '/city/3412/dispatch?show=redNow&asOf=2021-11-20#orders-title',
    );
  });

  test('urge counts read 已催报 n 次, nothing when never urged', () => {
    expect([urgeText(2), urgeText(0), urgeText(undefined)]).toEqual(['已催报 2 次', '', '']);
  });
});

describe('urgesOf', () => {
  const urges = [
    { kind: 'report', unit: '340321', period: '2021-10', orderId: null, count: 2 },
    { kind: 'report', unit: '340321', period: '2021-09', orderId: null, count: 5 },
    { kind: 'dispatch', unit: '340321', period: null, orderId: 7, count: 1 },
  ];
  test('a missing report counts only the urges of its own month', () => {
    expect(urgesOf({ kind: 'report', unitCode: '340321', period: '2021-10' }, urges)).toBe(2);
    expect(urgedText(urgesOf({ kind: 'report', unitCode: '340321', period: '2021-10' }, urges))).toBe('已被催报 2 次');
  });
  test('an order copy counts the urges of that order; a review item is never urged', () => {
    expect(urgesOf({ kind: 'dispatch', unitCode: '340321', orderId: 7 }, urges)).toBe(1);
    expect(urgesOf({ kind: 'dispatch', unitCode: '340321', orderId: 8 }, urges)).toBe(0);
    expect(urgesOf({ kind: 'review', unitCode: '340321', period: '2021-10' }, urges)).toBe(0);
  });
});

describe('the 督办事项 prefilled from a reason', () => {
  test('a reason that fits in 80 characters is quoted whole, its indicators named (66 characters)', () => {
    const text =
      '3 项指标未达到序时进度要求：乡镇（街道）临时救助备用金建立率、村级社会救助协理员配备率、村（居）委会明确民政工作负责人比例';
    expect(dispatchTitle('怀远县', text)).toBe(`怀远县：${text}`);
  });

  test('one too long for 80 (102 characters) keeps its head, never half a name; the 督办内容 carries it whole', () => {
    const text =
      '6 项指标未达到序时进度要求：丧失劳动能力脱贫人口兜底纳入率、乡镇（街道）临时救助备用金建立率、' +
      '低收入人口动态监测信息平台建成、实现数据共享的部门数、“低保、特困平均办理时限（工作日）”等 6 项';
    expect(dispatchTitle('怀远县', text)).toBe('怀远县：6 项指标未达到序时进度要求');
  });
});

describe('deskPath', () => {
  test.each([
    ['34', '/dispatch'],
    ['3412', '/city/3412/dispatch'],
  ])('the desk of %s is at %s', (unit, path) => {
    expect(deskPath(unit)).toBe(path);
  });
});
