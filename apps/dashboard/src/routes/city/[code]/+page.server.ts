import { error, redirect } from '@sveltejs/kit';
import { nextDeadline } from '@dudao/metrics';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { timelineOf, timelinessBrief } from '$lib/server/overview';
import { coverageKpis } from '$lib/server/trim';
import { missingItems, urgeAllMissing, urgeMissing } from '$lib/server/urge-missing';
import { forecastRows } from '$lib/server/forecast-rows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { asOf } = await event.parent();
  if (!asOf) redirect(303, '/login');
  const { code } = event.params;
  if (!/^\d{4}$/.test(code)) error(404, `${code} 不是市级单位代码`);

  const api = apiFor(event);
  const campaign = await campaignFor(event);
  const overview = ask(event, api.status.overview.query({ asOf, unit: code }));
  const [status, inbox, dispatch, supervision, missing] = await Promise.all([
    overview,
    ask(event, api.reports.list.query({ unit: code, state: 'submitted', asOf })),
    ask(event, api.dispatch.summary.query({ asOf, unit: code })),
    ask(event, api.supervision.overview.query({ unit: code, asOf })),
    missingItems(event, code, asOf, overview),
  ]);
  const forecasts = await ask(event, api.status.gateForecasts.query({ asOf, unit: code }));
  const city = status.city;
  if (!city || !status.tallies) error(404, `没有代码为 ${code} 的市`);

  return {
    city,
    coverages: coverageKpis(campaign),
    reportName: campaign.reportName,
    counties: status.counties,
    timeline: timelineOf(campaign),
    tallies: status.tallies,
    next: nextDeadline(campaign, asOf),
    reports: timelinessBrief(status.timeliness, campaign),
    inboxCount: inbox.length,
    dispatch,
    supervision: supervision.total,
    missing,
    forecast: forecastRows(forecasts.counties, status.counties, status.cities, campaign),
  };
};

export const actions: Actions = { urgeMissing, urgeAllMissing };
