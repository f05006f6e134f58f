// fast-check is a dependency of the API package; the dashboard borrows it for this test rather than adding one.
import fc from '../../../api/node_modules/fast-check';
import { describe, expect, test } from 'vitest';
import { backWithoutAsOf } from './clock';
import { safeNext, sitePath } from './next';

/**
 * The login's `next` and the campaign switcher's `back` are read from the request and redirected to: whatever they
 * hold, the target is a path of this site as a browser reads it (tabs and newlines dropped, `\` taken for `/`).
 */
const origin = 'https://dudao.example.gov.cn';
const pieces = [
  '/',
  '//',
  '\\',
  '/\\',
  '\t',
  '\n',
  '\r',
  '\0',
  '\u000b',
  '\u0085',
  '\u2028',
  '\u3000',
  ' ',
  '.',
  '..',
  '%',
  '%09',
  '%0A',
  '%0a',
  '%00',
  '%5C',
  '%5c',
  '%2F',
  '%2f',
  '%2e',
  '%252F',
  '@',
  ':',
  '?',
  '#',
  '&',
  'next=',
  'evil.example',
  '127.0.0.1:19999',
  'pwned',
  'login',
  'http:',
  'https:',
  'javascript:alert(1)',
  'data:text/html,x',
  'file:',
  'HTTP://',
  'ｅｖｉｌ',
  '县',
  'reports',
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => `/${a.join('')}`),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }).map((s) => `/${s}`),
);

/** How a browser resolves a Location header against the page it came from. */
function landsOn(location: string): string {
  return new URL(location.replace(/[\t\n\r]/g, ''), `${origin}/login`).origin;
}

function staysHome(location: string) {
  expect(location.startsWith('/')).toBe(true);
  expect(location.startsWith('//')).toBe(false);
  // A control character in a Location header makes the server answer 500.
  expect([...location].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)).toBe(false);
  expect(landsOn(location)).toBe(origin);
}

describe('redirect targets taken from the request', () => {
  test.each([
    ['/\t/127.0.0.1:19999/pwned', '/'],
    ['/%09/127.0.0.1:19999/pwned', '/%09/127.0.0.1:19999/pwned'],
    ['/\n/evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/.//evil.example', '/'],
    ['/a\nb', '/ab'],
    ['/a\0b', '/a%00b'],
    ['/reports?period=2021-09', '/reports?period=2021-09'],
    ['/login?next=/x', '/'],
  ])('next %j goes to %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  test('whatever `next` holds, the login sends the browser to a path of this site', () => {
    fc.assert(
      fc.property(hostile, (next) => staysHome(safeNext(next))),
      { seed: 20211215, numRuns: 5000 },
    );
  });

  test('whatever `back` holds, the campaign switcher returns to a path of this site', () => {
    fc.assert(
      fc.property(hostile, (back) => staysHome(sitePath(back).split('?')[0]!)),
      { seed: 20211216, numRuns: 5000 },
    );
  });

  test('whatever the page was, moving the clock returns to a path of this site, without its as-of date', () => {
    expect(backWithoutAsOf('/.//evil.example/?asOf=2021-11-01')).toBe('/');
    expect(backWithoutAsOf('/reports?asOf=2021-11-01&period=2021-10')).toBe('/reports?period=2021-10');
    fc.assert(
      fc.property(hostile, (back) => staysHome(backWithoutAsOf(back).split('?')[0]!)),
      { seed: 20211217, numRuns: 5000 },
    );
  });
});
