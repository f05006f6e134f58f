import { and, desc, eq } from 'drizzle-orm';
import { documentSettings as settingsTable } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { getUnit } from '../org/units';
import { noSettings, type DocumentSettings } from '@dudao/documents';

const fields = [
  'docNumber',
  'signer',
  'contactName',
  'contactPhone',
  'copyTo',
  'recipient',
] as const satisfies readonly (keyof DocumentSettings)[];

/** The settings in force for a city or the province: its newest save, or blanks to fill. */
export async function documentSettings(ctx: Ctx<'campaign'>, unit: string): Promise<DocumentSettings> {
  const row = await ctx.db
    .select()
    .from(settingsTable)
    .where(and(eq(settingsTable.campaignCode, ctx.campaign.code), eq(settingsTable.unitCode, unit)))
    .orderBy(desc(settingsTable.id))
    .limit(1)
    .get();
  if (!row) return { ...noSettings };
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) as unknown as DocumentSettings;
}

/** Saves as a new version and audits each field that changed; only cities and the province issue documents. */
export async function saveDocumentSettings(
  ctx: Ctx<'campaign' | 'actor'>,
  unit: string,
  input: DocumentSettings,
  given?: string,
): Promise<DocumentSettings> {
  const level = (await getUnit(ctx, unit))?.level;
  if (level !== 'city' && level !== 'province')
    throw new DomainError('bad_request', `单位 ${unit} 不是市或省，没有公文设置`);
  if (level === 'city' && input.recipient)
    throw new DomainError('bad_request', '主送机关：市级报告主送省民政厅，不能更改');
  return stampedWrite(ctx, { at: given, locks: [lockOn.documentSettings(unit)] }, async (ctx, at) => {
    const before = await documentSettings(ctx, unit);
    const changed = fields.filter((f) => before[f] !== input[f]);
    if (changed.length === 0) return before;
    const row = await ctx.db
      .insert(settingsTable)
      .values({
        campaignCode: ctx.campaign.code,
        unitCode: unit,
        ...Object.fromEntries(fields.map((f) => [f, input[f]])),
        savedAt: at,
        savedBy: ctx.actor.id,
      })
      .returning({ id: settingsTable.id })
      .get();
    await recordAudit(
      ctx,
      at,
      changed.map((f) => ({
        action: 'document_settings.save',
        entity: 'document_settings',
        entityId: row.id,
        unitCode: unit,
        field: f,
        oldValue: before[f],
        newValue: input[f],
      })),
    );
    return documentSettings(ctx, unit);
  });
}
