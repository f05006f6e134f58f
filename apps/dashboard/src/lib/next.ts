// Any origin of our own would do: a target is kept only when it resolves against it and stays on it.
const site = 'http://dudao.invalid';

/** A path of this site to redirect to, parsed as a browser would (tabs and newlines dropped, `\` read as `/`), or `fallback`. */
export function sitePath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(target, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site) return fallback;
  const path = `${url.pathname}${url.search}`;
  // `/.//host` normalises to `//host`, which a browser would read as another origin.
  return path.startsWith('//') ? fallback : path;
}

/** Where to go after logging in: only a path on this site, never another origin, never the login page again. */
export function safeNext(next: unknown): string {
  const path = sitePath(next);
  return path === '/login' || path.startsWith('/login?') ? '/' : path;
}

export function loginUrl(from: URL): string {
  const next = `${from.pathname}${from.search}`;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
