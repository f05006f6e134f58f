import { fail, type RequestEvent } from '@sveltejs/kit';
import { act, apiFor } from './api';

/** Marks the posted notice keys as read for the signed-in user (the workspace and the 通知 page share it). */
export async function markRead(event: RequestEvent) {
  const keys = (await event.request.formData()).getAll('key').map(String).filter(Boolean);
  if (keys.length === 0) return fail(400, { kind: 'notices', error: '没有要标记的通知', lines: [] as string[] });
  const result = await act(event, apiFor(event).notices.markRead.mutate({ keys }));
  if (!result.ok) return result.failure;
  return { kind: 'notices', done: `已标为已读 ${result.value.marked} 条` };
}
