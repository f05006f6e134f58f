import { error } from '@sveltejs/kit';
import { isPeriodCode } from '$lib/period-code';
import { reportGroups } from '$lib/report-form';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { decide } from '$lib/server/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { code, period } = event.params;
  const { asOf, clock } = await event.parent();
  if (!/^\d{6}$/.test(code) || !isPeriodCode(period)) error(404, '页面不存在');
  const api = apiFor(event);
  const campaign = await campaignFor(event);
  if (!campaign.periods.includes(period)) error(404, `${period} 不是本行动的${campaign.reportName}期间`);
  const [unit, report] = await Promise.all([
    ask(event, api.units.get.query({ code })),
    ask(event, api.reports.get.query({ countyCode: code, period, asOf: asOf ?? undefined })),
  ]);
  // Decisions are taken on the clock's day; an earlier day shows the report as it stood then.
  return {
    unit: { code: unit.code, name: unit.name },
    report,
    groups: reportGroups(campaign),
    live: asOf === clock?.today,
  };
};

export const actions: Actions = {
  approve: (event) => decide(event, 'approve'),
  return: (event) => decide(event, 'return'),
  accept: (event) => decide(event, 'accept'),
  reopen: (event) => decide(event, 'reopen'),
};
