import { and, desc, eq, lt } from 'drizzle-orm';
import { addDays, endOfBeijingDay, periodEnd, provinceBureau, type CampaignDef } from '@dudao/schema/campaign';
import { noticeReads, notices } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { SessionUser } from '../auth/sessions';
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

/** Due-date reminders follow from the calendar and the report states, so they are computed, not stored. */
function reminders(db: DbOrTx, campaign: CampaignDef, user: SessionUser, asOf: string): Omit<Notice, 'read'>[] {
  const end = endOfBeijingDay(asOf);
  // Read marks are per key: another campaign's reminder of the same period is another key; the first campaign's keep their form.
  const own = campaign.code === defaultCampaignCode ? '' : `${campaign.code}:`;
  if (user.role === 'county_clerk') {
    const reports = new Map(reportsWithin(db, campaign, user.scopeCode, { asOf }).map((r) => [r.period, r]));
    return campaign.periods.flatMap((period) => {
      const due = addDays(periodEnd(period), campaign.reportDueAfterDays);
      const first = reports.get(period)?.firstSubmittedAt;
      if (first && first < end) return [];
      if (asOf >= addDays(due, -REMIND_BEFORE_DAYS) && asOf <= due) {
        return [{ key: `due:${own}${user.scopeCode}:${period}:soon`, kind: 'reminder.due', title: `${period} ${campaign.reportName}将于 ${due} 截止`, body: `请于 ${due} 前完成 ${period} ${campaign.reportName}的填报和报送。`, at: noon(addDays(due, -REMIND_BEFORE_DAYS)) }];
      }
      if (asOf > due) {
        return [{ key: `due:${own}${user.scopeCode}:${period}:late`, kind: 'reminder.overdue', title: `${period} ${campaign.reportName}已逾期`, body: `${period} ${campaign.reportName}应于 ${due} 报送，目前尚未报送，请尽快报送。`, at: noon(addDays(due, 1)) }];
      }
      return [];
    });
  }
  if (user.role === 'city_officer') {
    const due = summaryDue(campaign);
    const remindOn = addDays(due, -SUMMARY_REMINDER_DAYS_BEFORE);
    if (asOf >= remindOn && !knownSummaries(db, campaign, user.scopeCode, end).has(user.scopeCode)) {
      return [{ key: `summary:${own}${user.scopeCode}:${remindOn}`, kind: 'reminder.summary', title: `市级行动总结须于 ${due} 前报送${provinceBureau(campaign)}`, body: `本市尚未报送${campaign.name}总结，请抓紧撰写并报送。`, at: noon(remindOn) }];
    }
  }
  return [];
}

export function noticesFor(db: DbOrTx, campaign: CampaignDef, user: SessionUser, asOf: string): Notice[] {
  const stored = db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, user.id), eq(notices.campaignCode, campaign.code), lt(notices.createdAt, endOfBeijingDay(asOf))))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(200)
    .all()
    .map((n) => ({ key: `evt:${n.id}`, kind: n.kind, title: n.title, body: n.body, at: n.createdAt }));
  const read = new Set(db.select({ key: noticeReads.key }).from(noticeReads).where(and(eq(noticeReads.userId, user.id), lt(noticeReads.readAt, endOfBeijingDay(asOf)))).all().map((r) => r.key));
  return [...reminders(db, campaign, user, asOf), ...stored].sort((a, b) => b.at.localeCompare(a.at)).map((n) => ({ ...n, read: read.has(n.key) }));
}

export function markRead(db: DbOrTx, user: SessionUser, keys: string[], at: string): number {
  const rows = keys.map((key) => ({ userId: user.id, key, readAt: at }));
  for (const row of rows) db.insert(noticeReads).values(row).onConflictDoNothing().run();
  return rows.length;
}
