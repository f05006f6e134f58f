/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function loginUrl(from: URL): string {
  const next = `${from.pathname}${from.search}`;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
