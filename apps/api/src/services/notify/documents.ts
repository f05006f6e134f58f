import type { Ctx } from '../context';
import { enqueueNotice } from './enqueue';
import { usersByScope } from './recipients';

const names: Record<string, string> = { city: '市级行动总结', province: '全省行动总结', notice: '督导情况通报' };

/**
 * A generated 通报 or summary goes out as an attachment: the 通报 to every city's officers (its 主送 各市民政局),
 * a summary to the officers of the unit that generated it (the 文秘 who reviews and sends it on).
 */
export async function enqueueDocument(
  ctx: Ctx<'campaign'>,
  doc: { id: number; kind: string; unitCode: string; fileName: string; version: number },
  at: string,
): Promise<number> {
  const name = names[doc.kind];
  if (!name) return 0;
  const role = doc.unitCode.length === 2 ? 'province_admin' : 'city_officer';
  const receivers =
    doc.kind === 'notice' ? await usersByScope(ctx, 'city_officer') : await usersByScope(ctx, role, [doc.unitCode]);
  let written = 0;
  for (const [unit, ids] of receivers)
    written += await enqueueNotice(
      ctx,
      ids,
      {
        kind: `document.${doc.kind}`,
        title: `${name}已生成：${doc.fileName}`,
        body: `${doc.fileName}（第 ${doc.version} 版）已生成，见附件。`,
        unitCode: unit,
        key: `doc:${doc.id}:${unit}`,
        attachments: [{ filename: doc.fileName, generatedReportId: doc.id }],
      },
      at,
    );
  return written;
}
