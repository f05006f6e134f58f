import { describe, expect, test } from 'vitest';
import { filterOrders, lightBadge, urgeText } from './dispatch';

const copy = (state: 'issued' | 'signed' | 'feedback' | 'closed', light: 'green' | 'yellow' | 'red' | 'closed', overdue = false) => ({ state, light, overdue, statusText: 's' });

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
    const orders = [{ id: 1, copies: [copy('signed', 'red'), copy('closed', 'closed')] }, { id: 2, copies: [copy('issued', 'green')] }];
    expect(filterOrders(orders, '', 'red').map((o) => [o.id, o.copies.length])).toEqual([[1, 1]]);
    expect(filterOrders(orders, 'issued', '').map((o) => o.id)).toEqual([2]);
    expect(filterOrders(orders, '', '')).toHaveLength(2);
  });

  test('urge counts read 已催报 n 次, nothing when never urged', () => {
    expect([urgeText(2), urgeText(0), urgeText(undefined)]).toEqual(['已催报 2 次', '', '']);
  });
});
