import calendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { fromDayNumber, toDayNumber } from '@dudao/schema/campaign';

// chinese-days builds its lookup tables in local time at load, so west of UTC its functions shift every date by a day.
// Its published JSON is the same State Council data keyed by plain dates; we apply its isWorkday rule to it directly.
const holidays: Record<string, string> = calendar.holidays;
const makeUpWorkdays: Record<string, string> = calendar.workdays;
const coveredYears = new Set(Object.keys(holidays).map((date) => date.slice(0, 4)));

function assertCalendarCovers(date: string): void {
  if (!coveredYears.has(date.slice(0, 4))) throw new Error(`法定节假日日历不含 ${date.slice(0, 4)} 年，无法计算工作日`);
}

/** A working day: a 调休 make-up day, or Monday to Friday unless an official holiday. */
export function isWorkingDay(date: string): boolean {
  assertCalendarCovers(date);
  if (makeUpWorkdays[date] !== undefined) return true;
  const weekday = (toDayNumber(date) + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
  return weekday >= 1 && weekday <= 5 && holidays[date] === undefined;
}

// Running count of working days over the calendar's whole range, built once: a case then costs two lookups, not a walk.
let runningCount: { first: number; counts: Int32Array } | null = null;

function workingDayIndex(): { first: number; counts: Int32Array } {
  if (runningCount) return runningCount;
  const years = [...coveredYears].sort();
  const first = toDayNumber(`${years[0]}-01-01`);
  const last = toDayNumber(`${years[years.length - 1]}-12-31`);
  const counts = new Int32Array(last - first + 1);
  let total = 0;
  for (let day = first; day <= last; day++) {
    if (isWorkingDay(fromDayNumber(day))) total += 1;
    counts[day - first] = total;
  }
  runningCount = { first, counts };
  return runningCount;
}

/** Working days from the day after `appliedOn` through `decidedOn`, by the official calendar (调休 working weekends count). */
export function workingDaysBetween(appliedOn: string, decidedOn: string): number {
  const from = toDayNumber(appliedOn);
  const to = toDayNumber(decidedOn);
  if (to < from) throw new Error(`办结日期 ${decidedOn} 早于申请日期 ${appliedOn}`);
  assertCalendarCovers(appliedOn);
  assertCalendarCovers(decidedOn);
  const { first, counts } = workingDayIndex();
  return counts[to - first]! - counts[from - first]!;
}

/**
 * A default 办理期限 `days` after issue: moved on to the next working day, or back to the last working day on or
 * before `latest` (the campaign's end) when that comes first.
 */
export function defaultDeadline(issuedOn: string, days: number, latest: string): string {
  let day = toDayNumber(issuedOn) + days;
  while (!isWorkingDay(fromDayNumber(day))) day += 1;
  if (fromDayNumber(day) <= latest) return fromDayNumber(day);
  day = toDayNumber(latest);
  while (!isWorkingDay(fromDayNumber(day))) day -= 1;
  return fromDayNumber(day);
}
