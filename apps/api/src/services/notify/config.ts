import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { channelKinds, notifyChannels, type ChannelKind } from '@dudao/schema/tables';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { fieldWords } from '../field-words';
import { getUnit } from '../org/units';
import { channelNames, channels, type ResolvedChannel } from './channels';
import { decryptSecret, encryptSecret } from './secrets';

const httpUrl = (field: string) =>
  z
    .string()
    .trim()
    .max(500, `${field}过长`)
    .regex(/^https?:\/\/[^\s]+$/, `${field}应为 http(s) 地址`);

/** What each kind of channel may be set to; a secret left blank keeps the one already stored. */
const configShapes: Record<ChannelKind, z.ZodType<Record<string, unknown>>> = {
  dingtalk: z.strictObject({
    msgtype: z
      .enum(['text', 'markdown', 'actionCard'], { error: '消息类型只能是 text、markdown 或 actionCard' })
      .optional(),
  }),
  wecom: z.strictObject({}),
  email: z.strictObject({
    host: z.string().trim().min(1, '缺少 SMTP 服务器').max(200),
    port: z.int('端口应为整数').min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间').optional(),
    secure: z.boolean().optional(),
    user: z.string().trim().max(200).optional(),
    from: z.string().trim().min(3, '缺少发件人').max(200),
  }),
  sms: z.strictObject({
    gateway: httpUrl('网关地址'),
    signName: z.string().trim().max(20, '短信签名不超过 20 字').optional(),
    templates: z.record(z.string().max(30), z.string().trim().min(1).max(60)).optional(),
    perPhonePerHour: z
      .int('每号码每小时最多条数应为整数')
      .min(1, '每号码每小时最多条数应在 1–100 之间')
      .max(100, '每号码每小时最多条数应在 1–100 之间')
      .optional(),
  }),
};
const secretShapes: Record<ChannelKind, z.ZodType<Record<string, string | undefined>>> = {
  dingtalk: z.strictObject({
    webhook: httpUrl('Webhook 地址').optional(),
    signSecret: z.string().trim().max(200).optional(),
  }),
  wecom: z.strictObject({ webhook: httpUrl('Webhook 地址').optional() }),
  email: z.strictObject({ password: z.string().max(200).optional() }),
  sms: z.strictObject({ apiKey: z.string().max(500).optional() }),
};

export const channelInput = z.object({
  unit: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, '应为省、市或县级代码'),
  kind: z.enum(channelKinds, { error: '只能是钉钉群机器人、企业微信群机器人、电子邮件或短信' }),
  config: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
});
export type ChannelInput = z.input<typeof channelInput>;

export interface ChannelView {
  id: number;
  unitCode: string;
  kind: ChannelKind;
  kindName: string;
  config: Record<string, unknown>;
  /** Each secret field with its Chinese name and whether it is set: the value itself is never returned. */
  secrets: { field: string; name: string; set: boolean }[];
  enabled: boolean;
  updatedAt: string;
  updatedBy: string;
}

/** The form's words for the fields of the channel input itself. */
const channelWords: Record<string, string> = { unit: '单位代码', kind: '渠道' };

/**
 * The first problem, named as the form names the field: `单位代码：…` for the channel itself, `短信：网关地址应为…` for a
 * channel's settings (whose messages name their field, or are given its name here).
 */
function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, channel?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const words = channel ? fieldWords : channelWords;
  const word = Object.hasOwn(words, key) ? words[key] : undefined;
  const problem = word && !issue.message.includes(word) ? `${word}：${issue.message}` : issue.message;
  throw new DomainError('bad_request', channel ? `${channel}：${problem}` : problem);
}

type Row = typeof notifyChannels.$inferSelect;
const setFields = (row: Row) => (JSON.parse(row.config) as { _set?: string[] })._set ?? [];

function view(row: Row): ChannelView {
  const { _set: _, ...config } = JSON.parse(row.config) as Record<string, unknown>;
  const set = new Set(setFields(row));
  return {
    id: row.id,
    unitCode: row.unitCode,
    kind: row.kind,
    kindName: channelNames[row.kind],
    config,
    secrets: Object.entries(channels[row.kind].secretFields).map(([field, name]) => ({
      field,
      name,
      set: set.has(field),
    })),
    enabled: row.enabled,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Sets a unit's channel of one kind; secrets are encrypted (refused without DUDAO_SECRET_KEY), blank ones kept. */
export async function saveChannel(ctx: Ctx<'actor'>, raw: ChannelInput): Promise<ChannelView> {
  const input = parseOrRefuse(channelInput, raw);
  const config = parseOrRefuse(configShapes[input.kind], input.config, channelNames[input.kind]);
  const given = parseOrRefuse(secretShapes[input.kind], input.secrets, channelNames[input.kind]);
  const fresh = Object.fromEntries(
    Object.entries(given).filter(([, v]) => typeof v === 'string' && v !== ''),
  ) as Record<string, string>;
  if (!(await getUnit(ctx, input.unit))) throw new DomainError('bad_request', `单位代码：${input.unit} 不存在`);
  const locks = [lockOn.notifyChannel(input.unit, input.kind)];
  return stampedWrite(ctx, { at: undefined, locks }, async (ctx, at) => {
    const old = await ctx.db
      .select()
      .from(notifyChannels)
      .where(and(eq(notifyChannels.unitCode, input.unit), eq(notifyChannels.kind, input.kind)))
      .get();
    const kept = old?.secret ? (JSON.parse(decryptSecret(old.secret)) as Record<string, string>) : {};
    const secrets = { ...kept, ...fresh };
    if ((input.kind === 'dingtalk' || input.kind === 'wecom') && !secrets.webhook)
      throw new DomainError('bad_request', `${channelNames[input.kind]}：须设置 Webhook 地址`);
    const values = {
      unitCode: input.unit,
      kind: input.kind,
      config: JSON.stringify({ ...config, _set: Object.keys(secrets).sort() }),
      secret: Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null,
      enabled: input.enabled,
      updatedAt: at,
      updatedBy: ctx.actor.label,
    };
    const row = old
      ? await ctx.db.update(notifyChannels).set(values).where(eq(notifyChannels.id, old.id)).returning().get()
      : await ctx.db.insert(notifyChannels).values(values).returning().get();
    await recordAudit(ctx, at, [
      {
        action: old ? 'notify.channel.update' : 'notify.channel.create',
        entity: 'notify_channel',
        entityId: row.id,
        unitCode: input.unit,
        period: null,
        field: 'config',
        // The audit keeps which secrets changed, never their values.
        newValue: JSON.stringify({ ...config, secretsChanged: Object.keys(fresh) }),
      },
    ]);
    return view(row);
  });
}

export async function listChannels(ctx: Ctx, units?: string[]): Promise<ChannelView[]> {
  const rows = await ctx.db
    .select()
    .from(notifyChannels)
    .where(units ? inArray(notifyChannels.unitCode, units) : undefined)
    .orderBy(notifyChannels.unitCode, notifyChannels.kind)
    .all();
  return rows.map(view);
}

/** A channel with its secrets decrypted, for the moment of sending. */
export async function resolveChannel(ctx: Ctx, id: number): Promise<ResolvedChannel | null> {
  const row = await ctx.db.select().from(notifyChannels).where(eq(notifyChannels.id, id)).get();
  if (!row || !row.enabled) return null;
  const { _set: _, ...config } = JSON.parse(row.config) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    unitCode: row.unitCode,
    config,
    secrets: row.secret ? (JSON.parse(decryptSecret(row.secret)) as Record<string, string>) : {},
  };
}

/** The enabled channels of the given units, by unit and kind (ids only: nothing is decrypted to route a message). */
export async function channelsOf(ctx: Ctx, units: string[]): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ id: notifyChannels.id, unitCode: notifyChannels.unitCode, kind: notifyChannels.kind })
    .from(notifyChannels)
    .where(and(inArray(notifyChannels.unitCode, units), eq(notifyChannels.enabled, true)))
    .all();
  return new Map(rows.map((r) => [`${r.unitCode}:${r.kind}`, r.id]));
}
