/** The as-of dates the dashboard offers: the campaign's first day to the end of the month after its last, never past the campaign clock's day. */
export interface AsOfRange {
  min: string;
  max: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function asOfRange(campaign: { start: string; end: string }, clockDay: string): AsOfRange {
  const [y, m] = campaign.end.split('-').map(Number) as [number, number];
  // Day 0 of the month after next is the last day of the next month; the late reports of the last period are due then.
  const last = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
  // Nothing is known after the clock's day, so the picker stops there.
  const max = clockDay < last ? clockDay : last;
  return { min: campaign.start, max: max < campaign.start ? campaign.start : max };
}

/** Today in Beijing, where every deadline of the campaign falls. */
export function beijingToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function clamp(day: string, range: AsOfRange): string {
  return day < range.min ? range.min : day > range.max ? range.max : day;
}

/** The latest offered day not after today (the clock's day). */
export function defaultAsOf(range: AsOfRange, today: string): string {
  return clamp(today, range);
}

/** The as-of date a URL asks for: `ok` when usable as given, else the day to send the user to instead. */
export function readAsOf(param: string | null, range: AsOfRange, today: string): { asOf: string; ok: boolean } {
  if (param === null) return { asOf: defaultAsOf(range, today), ok: true };
  if (!isIsoDate(param)) return { asOf: defaultAsOf(range, today), ok: false };
  const asOf = clamp(param, range);
  return { asOf, ok: asOf === param };
}

/** A link inside the dashboard that keeps the as-of date, so a shared view shows the same day. */
export function withAsOf(href: string, asOf: string): string {
  const [path = '', hash] = href.split('#');
  const [base = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('asOf', asOf);
  return `${base}?${params}${hash === undefined ? '' : `#${hash}`}`;
}
