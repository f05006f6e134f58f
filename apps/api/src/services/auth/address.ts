import { isIP } from 'node:net';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const trusted = () =>
  new Set([
    ...loopback,
    ...(process.env.DUDAO_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
  ]);

/**
 * The source address a login is counted and audited under. X-Forwarded-For is believed only from a trusted proxy:
 * the dashboard on the same host (loopback) or an address listed in DUDAO_TRUSTED_PROXIES. The dashboard replaces
 * the header with the browser's address, so its last entry is the one our proxy saw; anyone else's header is ignored.
 */
export function sourceAddress(peer: string | undefined, forwardedFor: string | undefined): string {
  const direct = peer ?? 'unknown';
  if (!forwardedFor || !trusted().has(direct)) return direct;
  const last = forwardedFor.split(',').at(-1)?.trim() ?? '';
  return isIP(last) ? last : direct;
}
