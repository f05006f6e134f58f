// Calendar days as 'YYYY-MM-DD' strings, instants as UTC ISO strings; Beijing is UTC+8 all year.
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

// Status computation converts the same few hundred campaign dates millions of times; both caches stay small.
const dayNumbers = new Map<string, number>();
const periodEnds = new Map<string, string>();

export function toDayNumber(date: string): number {
  const cached = dayNumbers.get(date);
  if (cached !== undefined) return cached;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) throw new Error(`不是有效日期：${date}`);
  const day = Math.round(ms / DAY_MS);
  if (dayNumbers.size < 100_000) dayNumbers.set(date, day);
  return day;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The first instant after the end of day `date` in Beijing: a write counts as known at `date` when it is earlier. */
export function endOfBeijingDay(date: string): string {
  return new Date(toDayNumber(date) * DAY_MS + DAY_MS - BEIJING_OFFSET_MS).toISOString();
}

export function beijingDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function periodEnd(period: string): string {
  let end = periodEnds.get(period);
  if (end === undefined) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    periodEnds.set(period, end);
  }
  return end;
}

export function periodDue(period: string, dueAfterDays: number): string {
  return addDays(periodEnd(period), dueAfterDays);
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}
