import { error, type RequestEvent } from '@sveltejs/kit';
import { sessionCookie, type SessionUser } from '$lib/session';
import { apiUrl } from './config';
import { callerOf, upstreamHeaders } from './headers';
import { parseSetCookie, type RelayedCookie } from './set-cookie';

export type LoginResult = { ok: true; cookies: RelayedCookie[] } | { ok: false; status: number; error: string };

function headersFor(event: RequestEvent): Headers {
  const headers = upstreamHeaders(event.request.headers, callerOf(event));
  // SvelteKit has already refused a form post from another origin, so ours is the origin to state.
  headers.set('origin', event.url.origin);
  return headers;
}

async function call(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${apiUrl()}${path}`, init);
  } catch {
    error(502, '无法连接数据服务，请稍后再试');
  }
}

export async function currentUser(event: RequestEvent): Promise<SessionUser | null> {
  if (!event.cookies.get(sessionCookie)) return null;
  const res = await call('/auth/me', { headers: upstreamHeaders(event.request.headers, callerOf(event)) });
  if (res.status === 401) return null;
  if (!res.ok) error(502, '无法读取当前用户');
  const body = (await res.json()) as { user: SessionUser };
  return body.user;
}

export async function login(
  event: RequestEvent,
  credentials: { username: string; password: string },
): Promise<LoginResult> {
  const headers = headersFor(event);
  headers.set('content-type', 'application/json');
  headers.delete('cookie');
  const res = await call('/auth/login', { method: 'POST', headers, body: JSON.stringify(credentials) });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return { ok: false, status: res.status, error: body.error ?? '登录失败，请稍后再试' };
  }
  return { ok: true, cookies: relayed(event, res) };
}

export async function logout(event: RequestEvent): Promise<RelayedCookie[]> {
  const res = await call('/auth/logout', { method: 'POST', headers: headersFor(event) });
  return relayed(event, res);
}

function relayed(event: RequestEvent, res: Response): RelayedCookie[] {
  const secure = event.url.protocol === 'https:';
  return res.headers
    .getSetCookie()
    .map((header) => parseSetCookie(header, secure))
    .filter((c): c is RelayedCookie => c !== null);
}
