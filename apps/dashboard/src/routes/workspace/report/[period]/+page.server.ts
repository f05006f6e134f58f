import { error, fail } from '@sveltejs/kit';
import { readReportForm, reportFieldCodes, reportGroups } from '$lib/report-form';
import { act, apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { clerkOnly } from '$lib/server/clerk';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { county } = clerkOnly(parent.user, parent.asOf);
  const { period } = event.params;
  const campaign = await campaignFor(event);
  if (!campaign.periods.includes(period)) error(404, `${period} 不是本行动的${campaign.reportName}期间`);
  const api = apiFor(event);
  const [report, reports] = await Promise.all([
    // The form edits the report as it stands now, whatever day the header shows.
    ask(event, api.reports.get.query({ countyCode: county, period })),
    ask(event, api.reports.list.query({ unit: county })),
  ]);
  return {
    report,
    periods: campaign.periods.map((p) => ({ period: p, state: reports.find((r) => r.period === p)?.state ?? null })),
    groups: reportGroups(campaign),
    rules: {
      indicators: campaign.indicators,
      relations: campaign.relations,
      thresholds: campaign.thresholds,
      start: campaign.start,
    },
  };
};

async function save(event: Parameters<Actions[string]>[0]) {
  const county = event.locals.user?.scopeCode ?? '';
  const campaign = await campaignFor(event);
  const form = await event.request.formData();
  const version = Number(form.get('version'));
  if (!Number.isInteger(version)) return { failure: fail(400, { error: '缺少版本号，请刷新页面后重试', issues: [] }) };
  const { values, comments } = readReportForm(form, reportFieldCodes(reportGroups(campaign)));
  const ref = { countyCode: county, period: event.params.period ?? '' };
  const saved = await act(event, apiFor(event).reports.saveDraft.mutate({ ...ref, version, values, comments }));
  if (!saved.ok) return { failure: saved.failure };
  return { ref, version: saved.value.report.version, changed: saved.value.changed };
}

export const actions: Actions = {
  save: async (event) => {
    const saved = await save(event);
    if ('failure' in saved) return saved.failure;
    return { done: saved.changed > 0 ? `草稿已保存（${saved.changed} 项有变动）` : '草稿已保存（没有变动）' };
  },
  submit: async (event) => {
    const saved = await save(event);
    if ('failure' in saved) return saved.failure;
    const submitted = await act(event, apiFor(event).reports.submit.mutate({ ...saved.ref, version: saved.version }));
    if (!submitted.ok) return submitted.failure;
    const { reportName } = await campaignFor(event);
    return { done: `${reportName}已报送，等待市级审核` };
  },
};
