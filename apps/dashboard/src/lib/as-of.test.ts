import { describe, expect, test } from 'vitest';
import { asOfRange, beijingToday, defaultAsOf, isIsoDate, readAsOf, withAsOf } from './as-of';

const range = asOfRange({ start: '2021-07-01', end: '2021-12-31' }, '2026-12-01');

describe('asOfRange', () => {
  test('runs from the first campaign day to the end of January after a campaign ending in December', () => {
    expect(range).toEqual({ min: '2021-07-01', max: '2022-01-31' });
  });

  test('a campaign ending in June runs to the end of July', () => {
    expect(asOfRange({ start: '2022-01-01', end: '2022-06-30' }, '2026-12-01').max).toBe('2022-07-31');
  });

  test("stops at the campaign clock's day while the campaign runs", () => {
    expect(asOfRange({ start: '2021-07-01', end: '2021-12-31' }, '2021-11-20')).toEqual({
      min: '2021-07-01',
      max: '2021-11-20',
    });
  });

  test('a clock before the campaign offers only its first day', () => {
    expect(asOfRange({ start: '2021-07-01', end: '2021-12-31' }, '2021-06-15')).toEqual({
      min: '2021-07-01',
      max: '2021-07-01',
    });
  });
});

describe('beijingToday', () => {
  test.each([
    ['2021-10-31T15:59:59Z', '2021-10-31'],
    ['2021-10-31T16:00:00Z', '2021-11-01'],
  ])('%s is %s in Beijing', (instant, day) => {
    expect(beijingToday(new Date(instant))).toBe(day);
  });
});

describe('defaultAsOf', () => {
  test.each([
    ['2021-09-18', '2021-09-18'],
    ['2026-11-29', '2022-01-31'],
    ['2021-05-01', '2021-07-01'],
  ])('today %s shows %s', (today, expected) => {
    expect(defaultAsOf(range, today)).toBe(expected);
  });
});

describe('readAsOf', () => {
  test('no parameter means the default day', () => {
    expect(readAsOf(null, range, '2021-11-02')).toEqual({ asOf: '2021-11-02', ok: true });
  });

  test('a day inside the range is taken as it is', () => {
    expect(readAsOf('2021-10-31', range, '2026-01-01')).toEqual({ asOf: '2021-10-31', ok: true });
  });

  test.each([
    ['2022-03-01', '2022-01-31'],
    ['2021-06-30', '2021-07-01'],
  ])('%s outside the range is moved to %s', (param, asOf) => {
    expect(readAsOf(param, range, '2026-01-01')).toEqual({ asOf, ok: false });
  });

  test.each(['2021-02-30', '20211031', 'yesterday'])('%s is not a date: back to the default', (param) => {
    expect(readAsOf(param, range, '2026-01-01')).toEqual({ asOf: '2022-01-31', ok: false });
  });
});

describe('isIsoDate', () => {
  test.each([
    ['2021-10-31', true],
    ['2021-11-31', false],
    ['2021-1-3', false],
  ])('%s: %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});

describe('withAsOf', () => {
  test.each([
    ['/', '/?asOf=2021-11-01'],
    ['/county/340321', '/county/340321?asOf=2021-11-01'],
    ['/county/340321?indicator=t01_tekun', '/county/340321?indicator=t01_tekun&asOf=2021-11-01'],
    ['/city/3403?asOf=2021-08-01#inbox', '/city/3403?asOf=2021-11-01#inbox'],
  ])('%s keeps the day: %s', (href, expected) => {
    expect(withAsOf(href, '2021-11-01')).toBe(expected);
  });
});
