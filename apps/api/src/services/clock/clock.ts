import { desc } from 'drizzle-orm';
import { chineseDate, chineseTime } from '@dudao/metrics';
import { beijingDate } from '@dudao/schema/campaign';
import { clockSettings, type ClockMode } from '@dudao/schema/tables';
import type { Ctx, WallClock } from '../context';
import { DomainError } from '../errors';
import { withTransaction } from '../../db/engine';
import { lockOn } from '../locks';
import { memoOnFeed } from '../../db/feed-memo';

export interface ClockReading {
  /** The instant a write made now is stamped with. */
  now: string;
  /** The clock's day in Beijing: the default and the latest as-of date. */
  today: string;
  mode: ClockMode;
  simulated: boolean;
}

type ClockSetting = typeof clockSettings.$inferSelect;

const newestSetting = memoOnFeed((db) =>
  db.select().from(clockSettings).orderBy(desc(clockSettings.id)).limit(1).get(),
);

/**
 * The newest setting as one SQL text without parameters: a write reads it in the round trip that opens its
 * transaction (`stampedWrite`), and hands the row to `clockFromRows`.
 */
export const newestSettingRead =
  'select "id", "mode", "campaign_at", "set_at", "set_by" from "clock_settings" order by "id" desc limit 1';

export function clockFromRows(rows: unknown[][], ctx: Ctx & { clock?: WallClock }): ClockReading {
  const row = rows[0];
  const setting: ClockSetting | undefined = row && {
    id: row[0] as number,
    mode: row[1] as ClockMode,
    campaignAt: row[2] as string | null,
    setAt: row[3] as string,
    setBy: row[4] as string,
  };
  return reading(setting, (ctx.clock?.wall() ?? new Date()).getTime());
}

/** Reads the campaign clock; `wall` is the real time, which a running simulated clock advances with. */
export async function readClock(ctx: Ctx & { clock?: WallClock }, wall?: Date): Promise<ClockReading> {
  const setting = await newestSetting(ctx.db);
  // The context's wall clock (a test or a replay may hand its own), else the machine's.
  return reading(setting, (wall ?? ctx.clock?.wall() ?? new Date()).getTime());
}

function reading(setting: ClockSetting | undefined, wallMs: number): ClockReading {
  let ms = wallMs;
  if (setting && setting.mode !== 'real' && setting.campaignAt) {
    ms =
      Date.parse(setting.campaignAt) + (setting.mode === 'running' ? Math.max(0, ms - Date.parse(setting.setAt)) : 0);
  }
  const now = new Date(ms).toISOString();
  const mode = setting?.mode ?? 'real';
  return { now, today: beijingDate(now), mode, simulated: mode !== 'real' };
}

export async function clockNow(ctx: Ctx & { clock?: WallClock }): Promise<Date> {
  return new Date((await readClock(ctx)).now);
}

/**
 * Sets the clock to `at` (running from there, or frozen for tests) or back to real time (`at` null).
 * `forwardOnly` guards the dashboard: moving back would stamp new writes before ones already recorded.
 */
export async function setClock(
  ctx: Ctx<'actor'> & { clock?: WallClock },
  change: { at: string | null; mode?: 'running' | 'frozen'; forwardOnly?: boolean },
  given?: Date,
): Promise<ClockReading> {
  const wall = given ?? ctx.clock?.wall() ?? new Date();
  // The forward-only check and the new setting commit together: two admins cannot both move it past each other.
  return withTransaction(ctx, [lockOn.clock()], async (ctx) => {
    if (change.at !== null) {
      const ms = Date.parse(change.at);
      if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(change.at))
        throw new DomainError(
          'bad_request',
          `时钟时间格式无效：${change.at}（应为 ISO 8601，形如 YYYY-MM-DDThh:mm:ss+08:00）`,
        );
      const current = await readClock(ctx, wall);
      if (change.forwardOnly && ms < Date.parse(current.now)) {
        // Within the same minute the two would read alike: the running clock is then shown to the second.
        const asked = chineseTime(change.at);
        const seconds = current.now.slice(17, 19);
        const clockText = chineseTime(current.now) === asked ? `${asked}:${seconds}` : chineseTime(current.now);
        throw new DomainError('bad_request', `时钟只能向后拨：${asked} 早于当前时钟 ${clockText}`);
      }
    }
    await ctx.db
      .insert(clockSettings)
      .values({
        mode: change.at === null ? 'real' : (change.mode ?? 'running'),
        campaignAt: change.at === null ? null : new Date(change.at).toISOString(),
        setAt: wall.toISOString(),
        setBy: ctx.actor.label,
      })
      .run();
    return readClock(ctx, wall);
  });
}

/** The as-of date a read uses: the clock's day unless asked for an earlier one; a later one is refused. */
export async function resolveAsOf(ctx: Ctx, asOf: string | undefined): Promise<string> {
  const { today } = await readClock(ctx);
  if (asOf === undefined) return today;
  if (asOf > today)
    throw new DomainError(
      'bad_request',
      `查看日期 ${chineseDate(asOf)} 晚于活动时钟的日期 ${chineseDate(today)}，不能查看尚未发生的情况`,
    );
  return asOf;
}

/** A back-filled write (`--at`) may lie in the past, never after the clock. */
export async function notAfterClock(ctx: Ctx, at: string): Promise<string> {
  const { now } = await readClock(ctx);
  if (at > now) throw new DomainError('bad_request', `记录时间（--at）${at} 晚于活动时钟 ${now}`);
  return at;
}
