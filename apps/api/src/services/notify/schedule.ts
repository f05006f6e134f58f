import { eq } from 'drizzle-orm';
import { addDays, beijingDate, type CampaignDef } from '@dudao/schema/campaign';
import { isWorkingDay } from '@dudao/metrics';
import { notifySchedule } from '@dudao/schema/tables';
import { withTransaction, type Db } from '../../db/engine';
import { lockOn } from '../locks';
import { readClock } from '../clock/clock';
import { provinceStatusAt } from '../known/status-at';
import { enqueueDigests } from './digest';
import { enqueueDispatchTurns } from './lights';
import { enqueueReminders } from './reminders';

/** Reminders and the digest of a day go at 08:30 Beijing time on the campaign clock. */
export const SEND_AT = '08:30:00';
const slotOf = (day: string) => new Date(`${day}T${SEND_AT}+08:00`).toISOString();

/** The days whose 08:30 lies in (from, now]. */
function slotsBetween(from: string, now: string): string[] {
  const days: string[] = [];
  for (let d = beijingDate(from); d <= beijingDate(now); d = addDays(d, 1)) {
    const slot = slotOf(d);
    if (slot > from && slot <= now) days.push(d);
  }
  return days;
}

/**
 * Evaluates the campaign clock's passage since the last evaluation: every day whose 08:30 fell in between gets its
 * reminders, 督办 light turns and (for the clock's own day) the digest. The outbox rows and the new cursor commit in
 * one transaction, so a crash evaluates the window again and the rows' keys keep it from writing anything twice.
 * The first evaluation only sets the cursor: a database does not flood people with its past.
 */
export async function evaluateSchedule(db: Db, campaign: CampaignDef): Promise<{ days: string[]; written: number }> {
  // Most ticks cross no 08:30: they read and leave, so a running clock costs no write transaction every tick.
  const seen = await db.select().from(notifySchedule).where(eq(notifySchedule.campaignCode, campaign.code)).get();
  if (seen) {
    const { now } = await readClock({ db });
    const from = seen.evaluatedThrough;
    const crossed = now < from || slotsBetween(from, now).length > 0;
    if (!crossed) return { days: [], written: 0 };
  }
  return withTransaction({ db }, [lockOn.notifySchedule(campaign.code)], async ({ db }) => {
    const { now, today } = await readClock({ db });
    const row = await db.select().from(notifySchedule).where(eq(notifySchedule.campaignCode, campaign.code)).get();
    if (!row) {
      await db.insert(notifySchedule).values({ campaignCode: campaign.code, evaluatedThrough: now }).run();
      return { days: [], written: 0 };
    }
    const from = row.evaluatedThrough;
    if (now === from) return { days: [], written: 0 };
    await db
      .update(notifySchedule)
      .set({ evaluatedThrough: now })
      .where(eq(notifySchedule.campaignCode, campaign.code))
      .run();
    // A clock set back evaluates nothing: the days ahead of it were evaluated already.
    if (now < from) return { days: [], written: 0 };
    const days = slotsBetween(from, now).filter((d) => d >= campaign.start && d <= addDays(campaign.end, 10));
    if (!days.length) return { days, written: 0 };
    const ctx = { db, campaign };
    const status = await provinceStatusAt(ctx, today);
    let written = 0;
    for (const day of days) {
      written += await enqueueReminders(ctx, day, today, status, now);
      written += await enqueueDispatchTurns(ctx, day, now);
    }
    if (days.includes(today) && isWorkingDay(today)) {
      const yesterday = today > campaign.start ? await provinceStatusAt(ctx, addDays(today, -1)) : null;
      written += await enqueueDigests(ctx, today, status, yesterday, now);
    }
    return { days, written };
  });
}
