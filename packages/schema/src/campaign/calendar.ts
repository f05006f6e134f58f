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

const QUARTER = /^(\d{4})-Q([1-4])$/;
const QUARTER_WORDS = ['一', '二', '三', '四'];

/** A report period is a month `2021-11` or a quarter `2022-Q1`. */
export function isQuarter(period: string): boolean {
  return QUARTER.test(period);
}

// Year and the 1-based month after which the period ends (a quarter ends with its third month).
function yearAndLastMonth(period: string): [number, number] {
  const quarter = QUARTER.exec(period);
  if (quarter) return [Number(quarter[1]), Number(quarter[2]) * 3];
  const [y, m] = period.split('-').map(Number) as [number, number];
  return [y, m];
}

export function periodEnd(period: string): string {
  let end = periodEnds.get(period);
  if (end === undefined) {
    const [y, m] = yearAndLastMonth(period);
    end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    periodEnds.set(period, end);
  }
  return end;
}

/** The first day of the period. */
export function periodStart(period: string): string {
  const [y, m] = yearAndLastMonth(period);
  return new Date(Date.UTC(y, m - (isQuarter(period) ? 3 : 1), 1)).toISOString().slice(0, 10);
}

/** How pages name a period: 2021年11月, 2022年第一季度. */
export function periodLabel(period: string): string {
  const quarter = QUARTER.exec(period);
  if (quarter) return `${quarter[1]}年第${QUARTER_WORDS[Number(quarter[2]) - 1]}季度`;
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

export function periodDue(period: string, dueAfterDays: number): string {
  return addDays(periodEnd(period), dueAfterDays);
}

export function previousPeriod(period: string): string {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** The cadence of a campaign's reports in words: 月度 for months, 季度 for quarters (月度进展情况, 季度进展情况). */
export function cadenceWord(periods: readonly string[]): '月度' | '季度' {
  return periods.some(isQuarter) ? '季度' : '月度';
}
