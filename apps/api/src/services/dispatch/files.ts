import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { dispatchCopies, dispatchFiles } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError, unseenAttachment } from '../errors';
import { copyOf } from './read';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

// The extension must agree with the file's first bytes, so a renamed executable is not stored as a "PDF".
const kinds: { ext: string[]; mime: string; magic: number[] }[] = [
  { ext: ['png'], mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: ['pdf'], mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  {
    ext: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    ext: ['xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  { ext: ['doc'], mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: ['xls'], mime: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0] },
];

function fileKind(name: string, content: Buffer): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const kind = kinds.find((k) => k.ext.includes(ext));
  if (!kind) throw new DomainError('bad_request', `附件 ${name}：只接受图片（PNG、JPG）、PDF 或 Word/Excel 文档`);
  if (!kind.magic.every((b, i) => content[i] === b))
    throw new DomainError('bad_request', `附件 ${name}：文件内容与扩展名 .${ext} 不符`);
  return kind.mime;
}

/** Stores a feedback attachment of one county's copy, pending until the feedback that names it. */
export async function storeAttachment(
  ctx: Ctx<'campaign' | 'actor'>,
  id: number,
  county: string,
  file: { name: string; content: Buffer },
  given?: string,
) {
  // Taken with the copy's lock, so an attachment and the feedback naming it follow each other in order.
  const locks = [lockOn.dispatchCopy(ctx.campaign.code, id, county)];
  return stampedWrite(ctx, { at: given, locks }, async (ctx, at) => {
    const { db, actor } = ctx;
    const copy = await copyOf(ctx, id, county);
    if (file.content.length === 0) throw new DomainError('bad_request', `附件 ${file.name} 是空文件`);
    if (file.content.length > MAX_ATTACHMENT_BYTES)
      throw new DomainError('bad_request', `附件 ${file.name} 超过 10 MB`);
    const mime = fileKind(file.name, file.content);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const row = await db
      .insert(dispatchFiles)
      .values({
        copyId: copy.id,
        name: file.name.slice(0, 120),
        mime,
        size: file.content.length,
        sha256,
        content: file.content,
        uploadedAt: at,
        actorId: actor.id,
      })
      .returning({
        id: dispatchFiles.id,
        name: dispatchFiles.name,
        size: dispatchFiles.size,
        sha256: dispatchFiles.sha256,
      })
      .get();
    await recordAudit(ctx, at, [
      {
        action: 'dispatch.attach',
        entity: 'dispatch_file',
        entityId: row.id,
        unitCode: county,
        field: 'sha256',
        newValue: sha256,
      },
    ]);
    return row;
  });
}

/** The county whose copy holds the attachment, read before any file content, for the permission check. */
export async function attachmentCounty(ctx: Ctx<'campaign'>, fileId: number): Promise<string | undefined> {
  return (
    await ctx.db
      .select({ county: dispatchCopies.countyCode })
      .from(dispatchFiles)
      .innerJoin(dispatchCopies, eq(dispatchCopies.id, dispatchFiles.copyId))
      .where(and(eq(dispatchCopies.campaignCode, ctx.campaign.code), eq(dispatchFiles.id, fileId)))
      .get()
  )?.county;
}

export async function attachmentById(ctx: Ctx<'campaign'>, fileId: number) {
  const row = await ctx.db
    .select({ file: dispatchFiles, county: dispatchCopies.countyCode, orderId: dispatchCopies.orderId })
    .from(dispatchFiles)
    .innerJoin(dispatchCopies, eq(dispatchCopies.id, dispatchFiles.copyId))
    .where(and(eq(dispatchCopies.campaignCode, ctx.campaign.code), eq(dispatchFiles.id, fileId)))
    .get();
  if (!row) throw unseenAttachment(fileId);
  return row;
}
