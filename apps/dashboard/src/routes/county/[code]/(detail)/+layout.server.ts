import { error, redirect } from '@sveltejs/kit';
import type { CountyAnswer } from '$lib/api-types';
import { trendDays, trendPoints, type TrendPoint } from '$lib/trend';
import { apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { missingItems } from '$lib/server/urge-missing';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { asOf } = await event.parent();
  if (!asOf) redirect(303, '/login');
  const { code } = event.params;
  if (!/^\d{6}$/.test(code)) error(404, `${code} 不是县级单位代码`);

  const api = apiFor(event);
  const campaign = await campaignFor(event);
  const answer = ask(event, api.status.county.query({ asOf, code }));
  const [{ county }, roster, cases, missing] = await Promise.all([
    answer,
    ask(event, api.roster.current.query({ countyCode: code, asOf })),
    ask(event, api.cases.summary.query({ countyCode: code, asOf })),
    missingItems(
      event,
      code,
      asOf,
      answer.then((a) => ({ counties: [a.county] })),
    ),
  ]);
  // Forecast (gates ahead) and what-if (only when lagging): each a figure of the as-of day, like the status.
  const [forecasts, whatIf] = await Promise.all([
    ask(event, api.status.forecast.query({ asOf, unit: code })),
    county.lagging ? ask(event, api.status.whatIf.query({ asOf, countyCode: code })) : null,
  ]);

  // Each month end's answer places every figure on the day it describes; streamed, so the page shows first.
  const trend = Promise.all(
    trendDays(campaign.periods, asOf).map((day) => api.status.county.query({ asOf: day, code })),
  )
    .then((answers) => trendsOf(answers))
    .catch(() => null);

  return {
    county,
    forecast: forecasts.counties.find((f) => f.code === code) ?? null,
    whatIf,
    roster,
    cases,
    missing,
    tasks: campaign.tasks.map((t) => ({ code: t.code, name: t.name })),
    indicators: campaign.indicators,
    gates: campaign.gates,
    stageS1: campaign.stages.find((s) => s.code === 'S1')?.name ?? '谋划部署',
    trend,
  };
};

function trendsOf(answers: CountyAnswer[]): Record<string, TrendPoint[]> {
  const samples: Record<
    string,
    { judgedOn: string | null; value: number | null; expected: number | null; status: string | null }[]
  > = {};
  for (const answer of answers) {
    for (const [indicator, r] of Object.entries(answer.county.indicators)) {
      (samples[indicator] ??= []).push({
        judgedOn: r.judgedOn ?? null,
        value: r.value,
        expected: r.expected,
        status: r.status,
      });
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, trendPoints(s)]));
}
