import { fail, type RequestEvent } from '@sveltejs/kit';
import { isPeriodCode } from '$lib/period-code';
import { periodText } from '@dudao/metrics';
import { act, apiFor } from './api';
import { campaignFor } from './campaign';
import { formText } from '$lib/form-text';

export type Decision = 'approve' | 'return' | 'accept' | 'reopen';
const done: Record<Decision, string> = {
  approve: '已审核通过',
  return: '已退回',
  accept: '已确认',
  reopen: '已重新打开',
};
const needsReason: Decision[] = ['return', 'reopen'];

/** A reviewer's decision on one report, from a form holding countyCode, period, version and (to return or reopen) reason. */
export async function decide(event: RequestEvent, decision: Decision) {
  const form = await event.request.formData();
  const countyCode = formText(form, 'countyCode');
  const period = formText(form, 'period');
  const version = Number(form.get('version'));
  const countyName = formText(form, 'countyName', countyCode);
  const ref = { countyCode, period, version };
  if (!/^\d{6}$/.test(countyCode) || !isPeriodCode(period) || !Number.isInteger(version)) {
    return fail(400, { error: '请求不完整，请刷新页面后重试', issues: [], ref });
  }
  const api = apiFor(event);
  let call: Promise<unknown>;
  if (needsReason.includes(decision)) {
    const reason = formText(form, 'reason').trim();
    if (reason.length < 2)
      return fail(400, {
        error: `${decision === 'return' ? '退回' : '重新打开'}须填写原因（至少 2 个字）`,
        issues: [],
        ref,
      });
    call =
      decision === 'return'
        ? api.reports.return.mutate({ ...ref, reason })
        : api.reports.reopen.mutate({ ...ref, reason });
  } else {
    call = decision === 'approve' ? api.reports.approve.mutate(ref) : api.reports.accept.mutate(ref);
  }
  const result = await act(event, call);
  if (!result.ok) return withRef(result.failure, ref);
  const { reportName } = await campaignFor(event);
  return { done: `${done[decision]}：${countyName} ${periodText(period)}${reportName}`, ref };
}

/** 批量确认: the selected reports, each as `countyCode|period|version`, accepted together or not at all. */
export async function acceptSelected(event: RequestEvent) {
  const form = await event.request.formData();
  const picked = form.getAll('report').map(String);
  const { reportName } = await campaignFor(event);
  const reports = picked
    .map((p) => p.split('|'))
    .map(([countyCode = '', period = '', version = '']) => ({ countyCode, period, version: Number(version) }));
  if (reports.length === 0) return fail(400, { error: `请先勾选要确认的${reportName}`, issues: [] });
  if (reports.some((r) => !/^\d{6}$/.test(r.countyCode) || !isPeriodCode(r.period) || !Number.isInteger(r.version))) {
    return fail(400, { error: '请求不完整，请刷新页面后重试', issues: [] });
  }
  const result = await act(event, apiFor(event).reports.acceptMany.mutate({ reports }));
  if (!result.ok) return result.failure;
  return { done: `已批量确认 ${reports.length} 份${reportName}` };
}

function withRef<T extends { data: object; status: number }>(failure: T, ref: { countyCode: string; period: string }) {
  return fail(failure.status, { ...(failure.data as { error: string; issues: unknown[] }), ref });
}
