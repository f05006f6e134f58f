import { redirect } from '@sveltejs/kit';
import { withAsOf } from '$lib/as-of';
import { homeFor } from '$lib/roles';
import { nextDeadline } from '@dudao/metrics';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor, campaignTerms } from '$lib/server/campaign';
import { timelineOf, timelinessBrief } from '$lib/server/overview';
import { coverageKpis } from '$lib/server/trim';
import { missingItems, urgeAllMissing, urgeMissing } from '$lib/server/urge-missing';
import { forecastRows } from '$lib/server/forecast-rows';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user, asOf } = await event.parent();
  if (!user || !asOf) redirect(303, '/login');
  if (user.role !== 'province_admin' && user.role !== 'province_viewer') redirect(303, withAsOf(homeFor(user), asOf));

  const api = apiFor(event);
  const campaign = await campaignFor(event);
  // One overview answer (KPIs, tallies, the ranking's counties) serves the page and its 催报 list.
  const overview = ask(event, api.status.overview.query({ asOf }));
  const [status, dispatch, supervision, missing] = await Promise.all([
    overview,
    ask(event, api.dispatch.summary.query({ asOf })),
    ask(event, api.supervision.overview.query({ unit: user.scopeCode, asOf })),
    missingItems(event, user.scopeCode, asOf, overview),
  ]);
  const forecasts = await ask(event, api.status.gateForecasts.query({ asOf }));
  if (!status.province || !status.tallies) redirect(303, withAsOf(homeFor(user), asOf));
  const coverages = coverageKpis(campaign);
  const summaryGate = campaignTerms(campaign).summary;

  return {
    province: status.province,
    coverages,
    cities: status.cities,
    counties: status.counties,
    supervision: { total: supervision.total, parts: supervision.parts },
    timeline: timelineOf(campaign),
    tallies: status.tallies,
    next: nextDeadline(campaign, asOf),
    reports: timelinessBrief(status.timeliness, campaign),
    summaryDue: campaignTerms(campaign).summaryDue,
    summaries: summaryGate ? (status.tallies[summaryGate.code] ?? null) : null,
    reportName: campaign.reportName,
    eligibleRecipients: campaign.thresholds.eligibleRecipients,
    dispatch,
    missing,
    forecast: forecastRows(forecasts.counties, status.counties, status.cities, campaign),
  };
};

export const actions: Actions = { urgeMissing, urgeAllMissing };
