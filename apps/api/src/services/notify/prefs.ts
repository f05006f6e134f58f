import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { channelKinds, notifyPrefs } from '@dudao/schema/tables';
import type { Actor } from '../actor';
import { lockOn, stampedWrite, type Ctx } from '../context';
import { DomainError } from '../errors';
import { fieldProblem } from '../field-words';
import { defaultChoices, noticeGroups, type Choices, type NoticeGroup } from './kinds';

export const prefsInput = z.object({
  email: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, '格式无效')
    .nullable()
    .or(z.literal('').transform(() => null)),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '应为 11 位数字')
    .nullable()
    .or(z.literal('').transform(() => null)),
  choices: z.partialRecord(
    z.enum(Object.keys(noticeGroups) as [NoticeGroup, ...NoticeGroup[]], { error: '通知类别无效' }),
    z.array(z.enum(channelKinds, { error: '渠道只能是钉钉群机器人、企业微信群机器人、电子邮件或短信' })).max(4),
  ),
});
export type PrefsInput = z.input<typeof prefsInput>;

export interface Prefs {
  email: string | null;
  phone: string | null;
  choices: Choices;
  chosen: boolean;
}

function ownId(actor: Actor): number {
  if (actor.id === null) throw new DomainError('forbidden', '命令行身份没有个人通知设置');
  return actor.id;
}

export async function prefsOf(ctx: Ctx, userIds: number[]): Promise<Map<number, Prefs>> {
  const rows = userIds.length
    ? await ctx.db.select().from(notifyPrefs).where(inArray(notifyPrefs.userId, userIds)).all()
    : [];
  const byId = new Map(rows.map((r) => [r.userId, r]));
  return new Map(
    userIds.map((id) => {
      const r = byId.get(id);
      return [
        id,
        r
          ? { email: r.email, phone: r.phone, choices: JSON.parse(r.choices) as Choices, chosen: true }
          : { email: null, phone: null, choices: defaultChoices, chosen: false },
      ];
    }),
  );
}

export async function myPrefs(ctx: Ctx<'actor'>): Promise<Prefs> {
  return (await prefsOf(ctx, [ownId(ctx.actor)])).get(ownId(ctx.actor))!;
}

export async function savePrefs(ctx: Ctx<'actor'>, raw: PrefsInput): Promise<Prefs> {
  const parsed = prefsInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('bad_request', fieldProblem(issue.path, issue.message));
  }
  const input = parsed.data;
  for (const [group, kinds] of Object.entries(input.choices)) {
    if (kinds.includes('email') && !input.email)
      throw new DomainError(
        'bad_request',
        `电子邮箱：未填写（选择了用电子邮件接收“${noticeGroups[group as NoticeGroup]}”）`,
      );
    if (kinds.includes('sms') && !input.phone)
      throw new DomainError('bad_request', `手机号：未填写（选择了用短信接收“${noticeGroups[group as NoticeGroup]}”）`);
  }
  const userId = ownId(ctx.actor);
  return stampedWrite(ctx, { at: undefined, locks: [lockOn.notifyPrefs(userId)] }, async (ctx, at) => {
    const row = {
      email: input.email,
      phone: input.phone,
      choices: JSON.stringify(input.choices),
      updatedAt: at,
    };
    // Read, then update or insert: PostgreSQL refuses the SQLite builder's qualified ON CONFLICT target.
    const old = await ctx.db
      .select({ id: notifyPrefs.userId })
      .from(notifyPrefs)
      .where(eq(notifyPrefs.userId, userId))
      .get();
    if (old) await ctx.db.update(notifyPrefs).set(row).where(eq(notifyPrefs.userId, userId)).run();
    else
      await ctx.db
        .insert(notifyPrefs)
        .values({ userId, ...row })
        .run();
    return { email: input.email, phone: input.phone, choices: input.choices, chosen: true };
  });
}
