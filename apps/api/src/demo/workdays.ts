import { addDays, toDayNumber } from '@dudao/schema/campaign';

// State Council calendar for the demo window (2021 H2 and New Year 2022); outside it, plain weekdays.
const holidays = new Set([
  '2021-09-20',
  '2021-09-21',
  '2021-10-01',
  '2021-10-04',
  '2021-10-05',
  '2021-10-06',
  '2021-10-07',
  '2022-01-03',
]);
const workingWeekends = new Set(['2021-09-18', '2021-09-26', '2021-10-09']);

export function isWorkingDay(date: string): boolean {
  if (workingWeekends.has(date)) return true;
  const weekday = (toDayNumber(date) + 4) % 7; // day 0 (1970-01-01) was a Thursday
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** Working days from the day after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
