import { fail, type RequestEvent } from '@sveltejs/kit';
import { dateText, latestDuePeriod, periodText } from '@dudao/metrics';
import { act, apiFor, ask } from './api';
import { campaignFor } from './campaign';
import { formText } from '$lib/form-text';

export interface MissingItem {
  kind: 'report' | 'summary';
  unit: string;
  name: string;
  period: string | null;
  what: string;
  urged: number;
}

type Units = Promise<{ counties: { code: string; name: string; timeliness: string | null }[] }>;

/**
 * What a city or the province can 催报 at `asOf`: the latest due month's unsent reports, and (province) the cities'
 * summaries. The page's own overview answer is passed in when it has one, so the counties are read once.
 */
export async function missingItems(
  event: RequestEvent,
  unit: string,
  asOf: string,
  overview?: Units,
): Promise<MissingItem[]> {
  const api = apiFor(event);
  const units = overview ?? ask(event, api.status.overview.query({ asOf, unit }));
  const campaign = await campaignFor(event);
  const period = latestDuePeriod(campaign, asOf);
  const [status, urges, summaries] = await Promise.all([
    units,
    ask(event, api.urge.counts.query({ asOf, unit })),
    unit.length === 2 && asOf > campaign.summaryDue
      ? ask(event, api.summaries.status.query({ asOf }))
      : Promise.resolve([]),
  ]);
  const urged = (kind: string, code: string, p: string | null) =>
    urges.find((u) => u.kind === kind && u.unit === code && u.period === p)?.count ?? 0;
  // The counties the metrics judged `missing` (DOMAIN "Timeliness"): the same answer the 未报送 count beside it reads,
  // so a report sent on time and then returned is counted as sent in both.
  const unsent: MissingItem[] = period
    ? status.counties
        .filter((c) => c.timeliness === 'missing')
        .map((c) => ({
          kind: 'report',
          unit: c.code,
          name: c.name,
          period,
          what: `${periodText(period)}${campaign.reportName}未报送`,
          urged: urged('report', c.code, period),
        }))
    : [];
  const cities: MissingItem[] = summaries
    .filter((s) => s.firstSubmittedAt === null)
    .map((s) => ({
      kind: 'summary',
      unit: s.cityCode,
      name: s.cityName,
      period: null,
      what: `市级行动总结未报送（应于${dateText(s.dueOn)}前）`,
      urged: urged('summary', s.cityCode, null),
    }));
  return [...cities, ...unsent];
}

export async function urgeMissing(event: RequestEvent) {
  const form = await event.request.formData();
  const kind = formText(form, 'kind') === 'summary' ? ('summary' as const) : ('report' as const);
  const unit = formText(form, 'unit');
  const period = formText(form, 'period') || undefined;
  const key = `urge-${kind}-${unit}`;
  const result = await act(event, apiFor(event).urge.send.mutate({ kind, unit, period }));
  if (!result.ok) return fail(result.failure.status, { form: key, error: result.failure.data.error });
  return { form: key, done: `已催报，${result.value.recipients} 人收到通知` };
}

/** 一键催报: every unsent report of the city or the province, in one confirmed action. */
export async function urgeAllMissing(event: RequestEvent) {
  const form = await event.request.formData();
  const unit = formText(form, 'scope');
  const result = await act(event, apiFor(event).urge.sendAll.mutate({ unit }));
  if (!result.ok) return fail(result.failure.status, { form: 'urge-all', error: result.failure.data.error });
  const { counties, recipients } = result.value;
  return { form: 'urge-all', done: `已向 ${counties} 个县（市、区）催报，${recipients} 人收到通知` };
}
