import { describe, expect, test } from 'vitest';
import { parseSetCookie } from './set-cookie';

describe('parseSetCookie', () => {
  test('the session cookie keeps its value, HttpOnly, SameSite and Path', () => {
    const c = parseSetCookie('dudao_session=q1w2-e3r4; HttpOnly; SameSite=Lax; Path=/', false);
    expect(c?.name).toBe('dudao_session');
    expect(c?.value).toBe('q1w2-e3r4');
    expect(c?.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
  });

  test('the value is written back unencoded', () => {
    const c = parseSetCookie('dudao_session=a%2Fb==; Path=/', false);
    expect(c?.value).toBe('a%2Fb==');
    expect(c?.options.encode?.('a%2Fb==')).toBe('a%2Fb==');
  });

  test('a logout cookie carries its Max-Age and expiry', () => {
    const c = parseSetCookie('dudao_session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/', false);
    expect(c?.value).toBe('');
    expect(c?.options.maxAge).toBe(0);
    expect(c?.options.expires?.getTime()).toBe(0);
  });

  test('Secure follows the dashboard scheme, and Domain is dropped', () => {
    const c = parseSetCookie('dudao_session=x; Domain=127.0.0.1; Path=/', true);
    expect(c?.options.secure).toBe(true);
    expect(c?.options.domain).toBeUndefined();
  });

  test('a header without a name is ignored', () => {
    expect(parseSetCookie('=x; Path=/', false)).toBeNull();
    expect(parseSetCookie('garbage', false)).toBeNull();
  });
});
