import type { Context } from 'hono';
import { countyCode, isRecordId } from '@dudao/schema/inputs';
import { DomainError } from '../services/errors';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The county a route's query names; every county-bound route needs one. */
export function queryCounty(c: Context): string {
  const county = c.req.query('county');
  if (!county || !countyCode.safeParse(county).success)
    throw new DomainError('bad_request', '须指定县级单位代码 county');
  return county;
}

/** The record id in the path, refused in the words of the record it should name. */
export function pathId(c: Context, param: string, refusal: string): number {
  const id = Number(c.req.param(param));
  if (!isRecordId(id)) throw new DomainError('bad_request', refusal);
  return id;
}

/** A form's `file` field, or a raw body named by `x-file-name`. */
export async function uploadedFile(c: Context): Promise<{ name: string; content: Buffer }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) throw new DomainError('bad_request', '请选择要上传的文件（表单字段 file）');
    return { name: file.name, content: Buffer.from(await file.arrayBuffer()) };
  }
  return { name: c.req.header('x-file-name') ?? 'upload', content: Buffer.from(await c.req.arrayBuffer()) };
}

export const download = (c: Context, name: string, type: string, content: Buffer | string) =>
  c.body(typeof content === 'string' ? content : new Uint8Array(content), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
