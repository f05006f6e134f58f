import type { Campaign } from './api-types';

type Stage = Campaign['stages'][number];

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A monthly report is due the given number of calendar days after its period ends. */
export function reportDue(period: string, afterDays: number): string {
  return addDays(periodEnd(period), afterDays);
}

/** The stage the campaign is in on `asOf`; null before the first or after the last stage. */
export function stageAt(campaign: Pick<Campaign, 'start' | 'stages'>, asOf: string): Stage | null {
  return campaign.stages.find((s) => (s.start ?? campaign.start) <= asOf && asOf <= s.end) ?? null;
}

export interface Deadline {
  on: string;
  label: string;
}

/** Every dated duty of the campaign: the gates and each period's report, in date order. */
export function deadlines(campaign: Pick<Campaign, 'gates' | 'periods' | 'reportDueAfterDays'>): Deadline[] {
  return [
    ...campaign.gates.map((g) => ({ on: g.deadline, label: g.name })),
    ...campaign.periods.map((p) => ({ on: reportDue(p, campaign.reportDueAfterDays), label: `${p} 月报报送` })),
  ].sort((a, b) => a.on.localeCompare(b.on) || a.label.localeCompare(b.label));
}

/** The first deadline on or after `asOf` (a deadline is met by the end of its day). */
export function nextDeadline(campaign: Pick<Campaign, 'gates' | 'periods' | 'reportDueAfterDays'>, asOf: string): Deadline | null {
  return deadlines(campaign).find((d) => d.on >= asOf) ?? null;
}

/** The newest period whose report was due by the end of `asOf`. */
export function latestDuePeriod(campaign: Pick<Campaign, 'periods' | 'reportDueAfterDays'>, asOf: string): string | null {
  return campaign.periods.filter((p) => reportDue(p, campaign.reportDueAfterDays) <= asOf).at(-1) ?? null;
}

/** The instant a Beijing day ends, for comparing with the API's UTC instants. */
export function endOfBeijingDay(day: string): number {
  return Date.parse(`${addDays(day, 1)}T00:00:00+08:00`);
}

/** How many of each status: counting what the API returned, never judging it. */
export function tally<T extends string>(statuses: readonly T[], keys: readonly T[]): Record<T, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** Reports of one period first submitted by the end of `asOf`, and those of them first submitted by the end of their due day. */
export function submissionCounts(rows: readonly { dueOn: string; firstSubmittedAt: string | null }[], asOf: string): { submitted: number; onTime: number } {
  const known = rows.filter((r) => r.firstSubmittedAt !== null && Date.parse(r.firstSubmittedAt) < endOfBeijingDay(asOf));
  return { submitted: known.length, onTime: known.filter((r) => Date.parse(r.firstSubmittedAt!) < endOfBeijingDay(r.dueOn)).length };
}
