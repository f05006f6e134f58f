import type { RequestEvent } from '@sveltejs/kit';
import { apiUrl } from './config';
import { callerOf, upstreamHeaders } from './headers';

export interface UploadResult {
  ok: boolean;
  status: number;
  error?: string;
  lines: string[];
  body: Record<string, unknown>;
}

/** Sends an uploaded file on to the API's file route as the user of this request, and reads its answer. */
export async function forwardUpload(
  event: RequestEvent,
  kind: 'roster' | 'cases',
  county: string,
  file: File,
): Promise<UploadResult> {
  const headers = upstreamHeaders(event.request.headers, callerOf(event));
  headers.delete('content-type');
  headers.set('origin', event.url.origin);
  const form = new FormData();
  form.set('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${apiUrl()}/files/${kind}?county=${encodeURIComponent(county)}`, {
      method: 'POST',
      headers,
      body: form,
    });
  } catch {
    return { ok: false, status: 502, error: '无法连接数据服务，请稍后再试', lines: [], body: {} };
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const lines = Array.isArray(body.lines) ? body.lines.map(String) : [];
  return {
    ok: res.ok,
    status: res.status,
    error: typeof body.error === 'string' ? body.error : undefined,
    lines,
    body,
  };
}

/** 销号 with its evidence: the text and the chosen files go to the API in one request, stored together or not at all. */
export async function forwardClosure(
  event: RequestEvent,
  itemId: number,
  evidence: string,
  files: File[],
): Promise<UploadResult> {
  const headers = upstreamHeaders(event.request.headers, callerOf(event));
  headers.delete('content-type');
  headers.set('origin', event.url.origin);
  const form = new FormData();
  form.set('evidence', evidence);
  for (const file of files) form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${apiUrl()}/files/items/${itemId}/close`, { method: 'POST', headers, body: form });
  } catch {
    return { ok: false, status: 502, error: '无法连接数据服务，请稍后再试', lines: [], body: {} };
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return {
    ok: res.ok,
    status: res.status,
    error: typeof body.error === 'string' ? body.error : undefined,
    lines: [],
    body,
  };
}
