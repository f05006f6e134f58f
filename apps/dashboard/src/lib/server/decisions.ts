import { fail, type RequestEvent } from '@sveltejs/kit';
import { periodText } from '@dudao/metrics';
import { act, apiFor } from './api';

/** The city's decision on a submitted report, from a form holding countyCode, period, version and (to return) reason. */
export async function decide(event: RequestEvent, decision: 'approve' | 'return') {
  const form = await event.request.formData();
  const countyCode = String(form.get('countyCode') ?? '');
  const period = String(form.get('period') ?? '');
  const version = Number(form.get('version'));
  const countyName = String(form.get('countyName') ?? countyCode);
  const ref = { countyCode, period, version };
  if (!/^\d{6}$/.test(countyCode) || !/^\d{4}-\d{2}$/.test(period) || !Number.isInteger(version)) {
    return fail(400, { error: '请求不完整，请刷新页面后重试', issues: [], ref });
  }
  const api = apiFor(event);
  if (decision === 'approve') {
    const result = await act(event, api.reports.approve.mutate(ref));
    if (!result.ok) return withRef(result.failure, ref);
    return { done: `已审核通过：${countyName} ${periodText(period)}月报`, ref };
  }
  const reason = String(form.get('reason') ?? '').trim();
  if (reason.length < 2) return fail(400, { error: '退回须填写原因（至少 2 个字）', issues: [], ref });
  const result = await act(event, api.reports.return.mutate({ ...ref, reason }));
  if (!result.ok) return withRef(result.failure, ref);
  return { done: `已退回：${countyName} ${periodText(period)}月报`, ref };
}

function withRef<T extends { data: object; status: number }>(failure: T, ref: { countyCode: string; period: string }) {
  return fail(failure.status, { ...(failure.data as { error: string; issues: unknown[] }), ref });
}
