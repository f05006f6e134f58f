import { describe, expect, test } from 'vitest';
import { loginUrl, safeNext } from './next';

describe('safeNext', () => {
  test.each([
    ['/', '/'],
    ['/reports?period=2021-09', '/reports?period=2021-09'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/login', '/'],
    ['/login?next=/x', '/'],
    [null, '/'],
    ['', '/'],
  ])('next %j goes to %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('loginUrl', () => {
  test('the home page needs no next', () => {
    expect(loginUrl(new URL('http://d.example/'))).toBe('/login');
  });

  test('a deeper page comes back with its query', () => {
    expect(loginUrl(new URL('http://d.example/reports?period=2021-09'))).toBe(
      '/login?next=%2Freports%3Fperiod%3D2021-09',
    );
  });
});
