import type { RequestEvent } from '@sveltejs/kit';
import { apiUrl } from './config';
import { callerOf, upstreamHeaders } from './headers';

/** Sends one feedback attachment on to the API as the user of this request; returns its id or the API's refusal. */
export async function forwardAttachment(
  event: RequestEvent,
  id: number,
  county: string,
  file: File,
): Promise<{ id: number } | { error: string; status: number }> {
  const headers = upstreamHeaders(event.request.headers, callerOf(event));
  headers.delete('content-type');
  headers.set('origin', event.url.origin);
  const form = new FormData();
  form.set('file', file, file.name);
  try {
    const res = await fetch(`${apiUrl()}/files/dispatch/${id}/attachments?county=${encodeURIComponent(county)}`, {
      method: 'POST',
      headers,
      body: form,
    });
    const body = (await res.json().catch(() => ({}))) as { id?: number; error?: string };
    return res.ok && typeof body.id === 'number'
      ? { id: body.id }
      : { error: body.error ?? '附件上传失败', status: res.status };
  } catch {
    return { error: '无法连接数据服务，请稍后再试', status: 502 };
  }
}
