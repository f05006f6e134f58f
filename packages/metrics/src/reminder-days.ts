import { addDays } from '@dudao/schema/campaign';
import { isWorkingDay } from './working-days';

/** The days a 临近提醒 goes: with n = 1 the last working day before the deadline, n = 3 the third-last. */
export function workingDayBefore(deadline: string, n: number): string {
  let day = deadline;
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The day a 逾期提醒 goes: the first working day after the deadline. */
export function workingDayAfter(deadline: string): string {
  let day = addDays(deadline, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The 临近提醒 days of one deadline, earliest first (the campaign's `reminderDays`, default 3 and 1). */
export function reminderDays(deadline: string, before: readonly number[] = [3, 1]): { n: number; day: string }[] {
  return [...new Set(before)].sort((a, b) => b - a).map((n) => ({ n, day: workingDayBefore(deadline, n) }));
}
export { isWorkingDay } from './working-days';
