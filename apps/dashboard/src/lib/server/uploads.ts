import { fail, type RequestEvent } from '@sveltejs/kit';
import { forwardUpload } from './files';

const MAX_BYTES = 10 * 1024 * 1024;

/** A form action that hands the chosen file to the API's import, which writes all rows or none. */
export async function uploadAction(event: RequestEvent, kind: 'roster' | 'cases', county: string) {
  const form = await event.request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    return fail(400, { kind, error: '请选择要上传的文件', lines: [] as string[] });
  if (file.size > MAX_BYTES) return fail(400, { kind, error: '文件超过 10 MB，请拆分后上传', lines: [] as string[] });
  const result = await forwardUpload(event, kind, county, file);
  if (!result.ok) {
    const error = result.error ?? '上传失败，请稍后再试';
    return fail(result.status === 403 ? 403 : 400, { kind, error, lines: result.lines });
  }
  const rows = typeof result.body.rows === 'number' ? result.body.rows : null;
  return { kind, done: `${file.name} 已导入${rows === null ? '' : `，共 ${rows} 行`}。` };
}
