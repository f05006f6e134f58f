import { periodEnd } from '@dudao/schema/campaign';
import type { DemoReport } from '../../demo/types';

/** The clerk keys the figures in the day before the first event, or two days after the period when nothing follows. */
export function draftTime(report: DemoReport): string {
  const first = report.events[0]?.at;
  const ms = first
    ? Date.parse(first) - 86_400_000
    : Date.parse(`${periodEnd(report.period)}T10:00:00+08:00`) + 2 * 86_400_000;
  return new Date(ms).toISOString();
}
