import { fail, type RequestEvent } from '@sveltejs/kit';
import { defaultDeadline, dispatchCounts } from '@dudao/metrics';
import { countedOrders, dispatchTitle, filterOrders, parseShow } from '$lib/dispatch';
import { act, apiFor, ask } from './api';
import { campaignFor } from './campaign';
import { missingItems, urgeMissing } from './urge-missing';
import { formText } from '$lib/form-text';

const text = (form: FormData, name: string) => formText(form, name).trim();

/**
 * The 督办 page of a city or the province: lagging counties to dispatch, the issue form (prefilled from a reason), the
 * orders with lights. The figures are those of `asOf`; an order is issued on the clock's day (`today`), so its default
 * deadline counts from then, not from a past day being viewed.
 */
export async function loadDesk(event: RequestEvent, unit: string, asOf: string, today: string) {
  const api = apiFor(event);
  const overview = ask(event, api.status.overview.query({ asOf, unit }));
  const [status, orders, summary, urges, campaign, missing] = await Promise.all([
    overview,
    ask(event, api.dispatch.list.query({ asOf, unit })),
    ask(event, api.dispatch.summary.query({ asOf, unit })),
    ask(event, api.urge.counts.query({ asOf, unit })),
    campaignFor(event),
    missingItems(event, unit, asOf, overview),
  ]);
  const params = event.url.searchParams;
  // A figure's link (?show=overdue) lists the copies that figure counts; it stands alone, without 状态/灯色.
  const show = parseShow(params.get('show'));
  const filters = show
    ? { state: '', light: '' }
    : { state: params.get('state') ?? '', light: params.get('light') ?? '' };
  const shown = show ? countedOrders(orders, show) : filterOrders(orders, filters.state, filters.light);
  const lagging = status.counties
    .filter((c) => c.lagging)
    .map((c) => ({ code: c.code, name: c.name, reasons: c.reasons }));
  const county = status.counties.find((c) => c.code === params.get('county'));
  const reason = county?.reasons.find((r) => r.code === params.get('reason'));
  const deadline = defaultDeadline(today, 14, campaign.end);
  // Opened from the county page's what-if: its fixes become the order's requirements.
  const fixes =
    county?.lagging && params.get('whatif') === '1'
      ? await ask(event, apiFor(event).status.whatIf.query({ asOf, countyCode: county.code }))
      : null;
  const requirements = fixes?.resolves
    ? `\n整改要求（按现行规则测算，完成后可脱离进展缓慢）：\n${fixes.steps.map((s, i) => `${i + 1}. ${s.line}`).join('\n')}`
    : '';
  return {
    unit,
    unitName: status.unit.name ?? unit,
    counties: status.counties.map((c) => ({ code: c.code, name: c.name })),
    lagging,
    orders: shown,
    orderCount: orders.length,
    // Counted from the same list the figures' links filter, so a figure is the length of its list on this page.
    counts: dispatchCounts(orders.flatMap((o) => o.copies)),
    show,
    shownCopies: shown.reduce((n, o) => n + o.copies.length, 0),
    summary,
    urges: urges
      .filter((u) => u.kind === 'dispatch')
      .map((u) => ({ orderId: u.orderId, unit: u.unit, count: u.count })),
    filters,
    missing,
    prefill: county
      ? {
          county: county.code,
          reason: reason?.code ?? (fixes ? (county.reasons[0]?.code ?? '') : ''),
          title: dispatchTitle(county.name, reason ? reason.text : '进展缓慢'),
          matter:
            (reason
              ? `${county.name}：${reason.text}。请分析原因，制定整改措施，按期完成并反馈。`
              : fixes
                ? `${county.name}进展缓慢：${county.reasons.map((r) => r.text).join('；')}。请按下列要求整改并反馈。`
                : '') + requirements,
          deadline,
        }
      : { county: '', reason: '', title: '', matter: '', deadline },
  };
}

export const deskActions = {
  urgeMissing,
  issue: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const reason = text(form, 'reason');
    const input = {
      counties: form.getAll('counties').map(String).filter(Boolean),
      title: text(form, 'title'),
      matter: text(form, 'matter'),
      level: text(form, 'level') === 'key' ? ('key' as const) : ('normal' as const),
      deadline: text(form, 'deadline'),
      links: reason ? [{ reason }] : undefined,
    };
    if (input.counties.length === 0) return fail(400, { form: 'issue', error: '请选择督办的县区' });
    const result = await act(event, apiFor(event).dispatch.issue.mutate(input));
    if (!result.ok) return fail(result.failure.status, { form: 'issue', error: result.failure.data.error });
    return { form: 'issue', done: `已下发督办单第 ${result.value.id} 号（${input.counties.length} 个县区）` };
  },
  review: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const id = Number(form.get('id'));
    const county = text(form, 'county');
    const key = `copy-${id}-${county}`;
    const api = apiFor(event).dispatch;
    const decision = text(form, 'decision');
    const call =
      decision === 'close'
        ? api.close.mutate({ id, county, confirmReason: text(form, 'confirmReason') || undefined })
        : api.sendBack.mutate({ id, county, reason: text(form, 'reason') });
    const result = await act(event, call);
    if (!result.ok) return fail(result.failure.status, { form: key, error: result.failure.data.error });
    return { form: key, done: decision === 'close' ? '已办结' : '已退回县区重新办理' };
  },
  urge: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const id = Number(form.get('id'));
    const county = text(form, 'county');
    const key = `copy-${id}-${county}`;
    const result = await act(event, apiFor(event).urge.send.mutate({ kind: 'dispatch', unit: county, id }));
    if (!result.ok) return fail(result.failure.status, { form: key, error: result.failure.data.error });
    return { form: key, done: `已催办，${result.value.recipients} 名县级填报员收到通知` };
  },
};
