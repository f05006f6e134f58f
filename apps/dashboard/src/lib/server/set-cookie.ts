import type { Cookies } from '@sveltejs/kit';

export type CookieOptions = Parameters<Cookies['set']>[2];

export interface RelayedCookie {
  name: string;
  value: string;
  options: CookieOptions;
}

const sameSites = { lax: 'lax', strict: 'strict', none: 'none' } as const;

/**
 * Reads one Set-Cookie header from the API so it can be set again on the dashboard origin.
 * Domain is dropped (the cookie belongs to the dashboard host); Secure follows the dashboard's own scheme.
 */
export function parseSetCookie(header: string, secureOrigin: boolean): RelayedCookie | null {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const options: CookieOptions = { path: '/', secure: secureOrigin, encode: (v) => v };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path' && value) options.path = value;
    else if (key === 'httponly') options.httpOnly = true;
    else if (key === 'secure') options.secure = true;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) options.maxAge = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) options.expires = new Date(value);
    else if (key === 'samesite') options.sameSite = sameSites[value.toLowerCase() as keyof typeof sameSites] ?? 'lax';
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), options };
}
