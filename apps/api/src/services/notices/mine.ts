import { and, desc, eq, lt } from 'drizzle-orm';
import { dateText, periodText } from '@dudao/metrics';
import { addDays, endOfBeijingDay, periodEnd, provinceBureau } from '@dudao/schema/campaign';
import { noticeReads, notices } from '@dudao/schema/tables';
import type { Actor } from '../actor';
import { stampedWrite, type Ctx } from '../context';
import { summaryDue } from '../known/read';
import { knownSummaries } from '../known/rows';
import { reportsWithin } from '../reports/read';
import { defaultCampaignCode } from '../campaign/store';

export interface Notice {
  key: string;
  kind: string;
  title: string;
  body: string;
  at: string;
  read: boolean;
}

const REMIND_BEFORE_DAYS = 3;
const SUMMARY_REMINDER_DAYS_BEFORE = 5;
const noon = (day: string) => new Date(`${day}T12:00:00+08:00`).toISOString();

/** Notices and read marks belong to a signed-in user; the actor without an account (the command line) has none. */
function userIdOf(actor: Actor): number {
  if (actor.id === null) throw new Error('通知只属于登录用户，命令行身份没有通知');
  return actor.id;
}

/** Due-date reminders follow from the calendar and the report states, so they are computed, not stored. */
async function reminders(ctx: Ctx<'campaign' | 'actor'>, asOf: string): Promise<Omit<Notice, 'read'>[]> {
  const { campaign, actor: user } = ctx;
  const end = endOfBeijingDay(asOf);
  // Read marks are per key: another campaign's reminder of the same period is another key; the first campaign's keep their form.
  const own = campaign.code === defaultCampaignCode ? '' : `${campaign.code}:`;
  if (user.role === 'county_clerk') {
    const reports = new Map((await reportsWithin(ctx, user.scopeCode, { asOf })).map((r) => [r.period, r]));
    return campaign.periods.flatMap((period) => {
      const due = addDays(periodEnd(period), campaign.reportDueAfterDays);
      const first = reports.get(period)?.firstSubmittedAt;
      if (first && first < end) return [];
      if (asOf >= addDays(due, -REMIND_BEFORE_DAYS) && asOf <= due) {
        return [
          {
            key: `due:${own}${user.scopeCode}:${period}:soon`,
            kind: 'reminder.due',
            title: `${periodText(period)}${campaign.reportName}将于${dateText(due)}截止`,
            body: `请于${dateText(due)}前完成填报和报送。`,
            at: noon(addDays(due, -REMIND_BEFORE_DAYS)),
          },
        ];
      }
      if (asOf > due) {
        return [
          {
            key: `due:${own}${user.scopeCode}:${period}:late`,
            kind: 'reminder.overdue',
            title: `${periodText(period)}${campaign.reportName}已逾期`,
            body: `应于${dateText(due)}报送，目前尚未报送，请尽快报送。`,
            at: noon(addDays(due, 1)),
          },
        ];
      }
      return [];
    });
  }
  if (user.role === 'city_officer') {
    const due = summaryDue(campaign);
    const remindOn = addDays(due, -SUMMARY_REMINDER_DAYS_BEFORE);
    if (asOf >= remindOn && !(await knownSummaries(ctx, user.scopeCode, end)).has(user.scopeCode)) {
      return [
        {
          key: `summary:${own}${user.scopeCode}:${remindOn}`,
          kind: 'reminder.summary',
          title: `市级行动总结须于 ${due} 前报送${provinceBureau(campaign)}`,
          body: `本市尚未报送${campaign.name}总结，请抓紧撰写并报送。`,
          at: noon(remindOn),
        },
      ];
    }
  }
  return [];
}

export async function noticesFor(ctx: Ctx<'campaign' | 'actor'>, asOf: string): Promise<Notice[]> {
  const { db, campaign } = ctx;
  const userId = userIdOf(ctx.actor);
  const stored = (
    await db
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.userId, userId),
          eq(notices.campaignCode, campaign.code),
          lt(notices.createdAt, endOfBeijingDay(asOf)),
        ),
      )
      .orderBy(desc(notices.createdAt), desc(notices.id))
      .limit(200)
      .all()
  ).map((n) => ({ key: `evt:${n.id}`, kind: n.kind, title: n.title, body: n.body, at: n.createdAt }));
  const read = new Set(
    (
      await db
        .select({ key: noticeReads.key })
        .from(noticeReads)
        .where(and(eq(noticeReads.userId, userId), lt(noticeReads.readAt, endOfBeijingDay(asOf))))
        .all()
    ).map((r) => r.key),
  );
  return [...(await reminders(ctx, asOf)), ...stored]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((n) => ({ ...n, read: read.has(n.key) }));
}

/** Marking read twice is harmless: the first mark of a notice stays, a second one changes nothing. */
export async function markRead(ctx: Ctx<'actor'>, keys: string[], given?: string): Promise<number> {
  const userId = userIdOf(ctx.actor);
  return stampedWrite(ctx, { at: given, locks: [] }, async (ctx, at) => {
    for (const key of keys)
      await ctx.db.insert(noticeReads).values({ userId, key, readAt: at }).onConflictDoNothing().run();
    return keys.length;
  });
}
