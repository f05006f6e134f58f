import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { rectificationEvidence, rectificationItems, supervisionVisits } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { DomainError, unseenEvidence } from '../errors';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  name: string;
  content: Buffer;
}

const signatures: { type: string; label: string; matches: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    label: 'PNG',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', label: 'JPEG', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    label: 'WebP',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', label: 'PDF', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The file's own first bytes decide its type, never its name: a renamed program is refused. */
export function evidenceType(file: EvidenceUpload): string {
  if (file.content.length === 0) throw new DomainError('bad_request', `佐证文件“${file.name}”是空文件`);
  if (file.content.length > MAX_EVIDENCE_BYTES)
    throw new DomainError('bad_request', `佐证文件“${file.name}”超过 10 MB`);
  const found = signatures.find((s) => s.matches(file.content));
  if (!found) throw new DomainError('bad_request', `佐证文件“${file.name}”不是图片（PNG、JPEG、WebP）或 PDF 文件`);
  return found.type;
}

export async function storeEvidence(
  ctx: Ctx<'actor'>,
  itemId: number,
  files: EvidenceUpload[],
  at: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) {
    const mediaType = evidenceType(file);
    const name = file.name.replace(/[\\/]/g, '_').slice(0, 200) || 'evidence';
    const row = await ctx.db
      .insert(rectificationEvidence)
      .values({
        itemId,
        fileName: name,
        mediaType,
        size: file.content.length,
        content: file.content,
        uploadedAt: at,
        actorId: ctx.actor.id,
      })
      .returning({ id: rectificationEvidence.id })
      .get();
    ids.push(row.id);
  }
  return ids;
}

/** The files' names and sizes per item, known before `before` (an instant), without their content. */
export async function evidenceOf(ctx: Ctx, itemIds: number[], before: string) {
  if (itemIds.length === 0) return [];
  return ctx.db
    .select({
      id: rectificationEvidence.id,
      itemId: rectificationEvidence.itemId,
      fileName: rectificationEvidence.fileName,
      mediaType: rectificationEvidence.mediaType,
      size: rectificationEvidence.size,
    })
    .from(rectificationEvidence)
    .where(and(inArray(rectificationEvidence.itemId, itemIds), lt(rectificationEvidence.uploadedAt, before)))
    .orderBy(asc(rectificationEvidence.id))
    .all();
}

export async function evidenceFile(ctx: Ctx<'campaign'>, id: number) {
  const row = await ctx.db
    .select({
      fileName: rectificationEvidence.fileName,
      mediaType: rectificationEvidence.mediaType,
      content: rectificationEvidence.content,
      county: supervisionVisits.countyCode,
    })
    .from(rectificationEvidence)
    .innerJoin(rectificationItems, eq(rectificationEvidence.itemId, rectificationItems.id))
    .innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id))
    .where(and(eq(supervisionVisits.campaignCode, ctx.campaign.code), eq(rectificationEvidence.id, id)))
    .get();
  if (!row) throw unseenEvidence(id);
  return row;
}
