import { error } from '@sveltejs/kit';
import { isIsoDate } from '$lib/as-of';
import { tableWorkbook } from '$lib/server/xlsx-table';
import { exportFileName, type ExportedTable } from '$lib/table-export';
import type { RequestHandler } from './$types';

const isCells = (v: unknown): v is string[][] =>
  Array.isArray(v) &&
  v.length <= 20_000 &&
  v.every((r) => Array.isArray(r) && r.length <= 200 && r.every((c) => typeof c === 'string' && c.length <= 5000));

function parse(body: unknown): (ExportedTable & { asOf: string | null }) | null {
  if (typeof body !== 'object' || body === null) return null;
  const { title, asOf, header, rows } = body as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '' || title.length > 100 || !isCells(header) || !isCells(rows))
    return null;
  return { title: title.trim(), asOf: typeof asOf === 'string' && isIsoDate(asOf) ? asOf : null, header, rows };
}

/** Any table a page shows, turned into an xlsx as shown: the one export every table's button uses. */
export const POST: RequestHandler = async ({ request, locals }) => {
  if (!locals.user) error(401, '请先登录');
  const table = parse(await request.json().catch(() => null));
  if (!table) error(400, '导出的表格内容无效，请刷新页面后重试');
  const content = await tableWorkbook(table);
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(exportFileName(table.title, table.asOf))}`,
    },
  });
};
