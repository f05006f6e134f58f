import type { DemoPlan, DemoReport } from '../../demo/types';
import { normalizeInstant } from '../actor';
import { draftTime } from './draft-time';

const notAfter = (at: string, until: string) => normalizeInstant(at) <= until;

/**
 * The demo plan as far as the campaign clock has run: no event, roster or case log after `until` is seeded,
 * and a report whose draft would be keyed in later does not exist yet.
 */
export function cutPlanAt(plan: DemoPlan, until: string): DemoPlan {
  const reports: DemoReport[] = plan.reports
    .filter((r) => draftTime(r) <= until)
    .map((r) => ({ ...r, events: r.events.filter((e) => notAfter(e.at, until)) }));
  return {
    ...plan,
    reports,
    rosters: plan.rosters.filter((r) => notAfter(r.at, until)),
    caseLogs: plan.caseLogs.filter((c) => notAfter(c.at, until)),
  };
}
