import { describe, expect, test } from 'vitest';
import { backWithoutAsOf, clockFromInput, clockInputValue, clockLabel } from './clock';

describe('the campaign clock in the header', () => {
  test('2021-11-20T02:00Z is 10:00 on 20 November in Beijing', () => {
    expect(clockLabel('2021-11-20T02:00:00.000Z')).toBe('2021年11月20日 10:00');
    expect(clockLabel('2021-11-30T16:05:00.000Z')).toBe('2021年12月1日 00:05');
  });

  test('the picker shows and reads Beijing time', () => {
    expect(clockInputValue('2021-11-20T02:00:00.000Z')).toBe('2021-11-20T10:00');
    expect(clockFromInput('2021-11-25T09:30')).toBe('2021-11-25T09:30:00+08:00');
    expect(clockFromInput('2021-11-25')).toBeNull();
  });

  test('after moving the clock the page reopens on the new day, other parameters kept', () => {
    expect(backWithoutAsOf('/city/3403?asOf=2021-11-20&period=2021-10')).toBe('/city/3403?period=2021-10');
    expect(backWithoutAsOf('//evil.example/x')).toBe('/');
  });
});
