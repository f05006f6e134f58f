import { redirect } from '@sveltejs/kit';
import { withAsOf } from '$lib/as-of';
import { homeFor } from '$lib/roles';
import { latestDuePeriod, nextDeadline, reportDue, submissionCounts } from '$lib/schedule';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { gateTallies, timelineOf } from '$lib/server/overview';
import { cityBrief, countyBrief, coverageFigures, provinceBrief } from '$lib/server/trim';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user, asOf } = await event.parent();
  if (!user || !asOf) redirect(303, '/login');
  if (user.role !== 'province_admin' && user.role !== 'province_viewer') redirect(303, withAsOf(homeFor(user), asOf));

  const api = apiFor(event);
  const campaign = await campaignFor(event);
  const period = latestDuePeriod(campaign, asOf);
  const [status, reports, supervision] = await Promise.all([
    ask(event, api.status.at.query({ asOf })),
    period ? ask(event, api.reports.list.query({ period })) : Promise.resolve([]),
    ask(event, api.supervision.overview.query({ unit: '34', asOf })),
  ]);
  if (!status.province) redirect(303, withAsOf(homeFor(user), asOf));

  return {
    province: provinceBrief(status.province, coverageFigures),
    cities: status.cities.map((c) => cityBrief(c, [])),
    counties: status.counties.map(countyBrief),
    supervision: { total: supervision.total, parts: supervision.parts },
    timeline: timelineOf(campaign),
    tallies: gateTallies(status),
    next: nextDeadline(campaign, asOf),
    // No procedure gives "reports on time": rows of reports.list are counted here (see submissionCounts).
    reports: period ? { period, dueOn: reportDue(period, campaign.reportDueAfterDays), ...submissionCounts(reports, asOf) } : null,
  };
};
