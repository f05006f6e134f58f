import { describe, expect, test } from 'vitest';
import { downstreamHeaders, protectResponse, upstreamHeaders } from './headers';

const caller = { host: 'dudao.example:3000', clientAddress: '10.0.0.7' };

describe('upstreamHeaders', () => {
  test('forwards the cookie and origin and names the dashboard as the forwarded host', () => {
    const incoming = new Headers({
      cookie: 'dudao_session=abc',
      origin: 'http://dudao.example:3000',
      'content-type': 'application/json',
      host: 'dudao.example:3000',
    });
    const out = upstreamHeaders(incoming, caller);
    expect(out.get('cookie')).toBe('dudao_session=abc');
    expect(out.get('origin')).toBe('http://dudao.example:3000');
    expect(out.get('content-type')).toBe('application/json');
    expect(out.get('x-forwarded-host')).toBe('dudao.example:3000');
    expect(out.get('x-forwarded-for')).toBe('10.0.0.7');
  });

  test('does not pass the Host header, so fetch sets the API host', () => {
    const out = upstreamHeaders(new Headers({ host: 'dudao.example:3000' }), caller);
    expect(out.get('host')).toBeNull();
  });

  test('a spoofed X-Forwarded-Host from the browser is replaced', () => {
    const out = upstreamHeaders(new Headers({ 'x-forwarded-host': 'evil.example' }), caller);
    expect(out.get('x-forwarded-host')).toBe('dudao.example:3000');
  });
});

describe('downstreamHeaders', () => {
  test('keeps every Set-Cookie and the content headers, drops encoding and length', () => {
    const upstream = new Headers();
    upstream.append('set-cookie', 'dudao_session=abc; HttpOnly; SameSite=Lax; Path=/');
    upstream.append('set-cookie', 'other=1; Path=/');
    upstream.set('content-type', 'application/json');
    upstream.set('content-encoding', 'gzip');
    upstream.set('content-length', '42');
    const out = downstreamHeaders(upstream);
    expect(out.getSetCookie()).toEqual(['dudao_session=abc; HttpOnly; SameSite=Lax; Path=/', 'other=1; Path=/']);
    expect(out.get('content-type')).toBe('application/json');
    expect(out.get('content-encoding')).toBeNull();
    expect(out.get('content-length')).toBeNull();
  });
});

describe('protectResponse', () => {
  test('every dashboard answer forbids framing and sniffing and keeps referrers on our site; HSTS only over HTTPS', () => {
    const plain = protectResponse(new Response('x'), false);
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('referrer-policy')).toBe('same-origin');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(protectResponse(new Response('x'), true).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
