import { error, fail } from '@sveltejs/kit';
import { dateText } from '@dudao/metrics';
import { isIsoDate } from '$lib/as-of';
import { act, apiFor, ask } from '$lib/server/api';
import { forwardClosure } from '$lib/server/files';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

export const load: PageServerLoad = async (event) => {
  const { asOf, terms } = await event.parent();
  const { code } = event.params;
  if (!/^\d{4}$/.test(code) || !asOf) error(404, `${code} 不是市级单位代码`);
  const api = apiFor(event);
  const [status, visits, overview] = await Promise.all([
    ask(event, api.status.overview.query({ asOf, unit: code })),
    ask(event, api.supervision.list.query({ unit: code, asOf })),
    ask(event, api.supervision.overview.query({ unit: code, asOf })),
  ]);
  const city = status.city;
  if (!city) error(404, `没有代码为 ${code} 的市`);
  return {
    city: { code: city.code, name: city.name, supervision: city.supervision ?? null },
    counties: status.counties.map((c) => ({
      code: c.code,
      name: c.name,
      supervision: (terms?.supervision ? c.gates[terms.supervision.code] : undefined) ?? 'n/a',
      lagging: c.lagging,
    })),
    visits,
    overview,
  };
};

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const text = (form: FormData, name: string) => formText(form, name).trim();

export const actions: Actions = {
  recordVisit: async (event) => {
    const form = await event.request.formData();
    const visit = {
      countyCode: text(form, 'countyCode'),
      visitedOn: text(form, 'visitedOn'),
      byLevel: text(form, 'byLevel') === 'province' ? ('province' as const) : ('city' as const),
      visitors: text(form, 'visitors'),
      findings: text(form, 'findings'),
    };
    if (!/^\d{6}$/.test(visit.countyCode)) return fail(400, { form: 'visit', error: '请选择督导的县区' });
    if (!isIsoDate(visit.visitedOn)) return fail(400, { form: 'visit', error: '请填写督导日期' });
    const result = await act(event, apiFor(event).supervision.recordVisit.mutate(visit));
    if (!result.ok) return fail(result.failure.status, { form: 'visit', error: result.failure.data.error });
    return { form: 'visit', done: `已记录${dateText(visit.visitedOn)}的督导` };
  },
  addItem: async (event) => {
    const form = await event.request.formData();
    const item = {
      visitId: Number(form.get('visitId')),
      description: text(form, 'description'),
      owner: text(form, 'owner'),
      dueOn: text(form, 'dueOn'),
    };
    if (!Number.isInteger(item.visitId) || item.visitId <= 0)
      return fail(400, { form: `visit-${item.visitId}`, error: '督导记录无效，请刷新后重试' });
    if (!isIsoDate(item.dueOn)) return fail(400, { form: `visit-${item.visitId}`, error: '请填写整改期限' });
    const result = await act(event, apiFor(event).supervision.addItem.mutate(item));
    if (!result.ok)
      return fail(result.failure.status, { form: `visit-${item.visitId}`, error: result.failure.data.error });
    return { form: `visit-${item.visitId}`, done: '已添加整改事项' };
  },
  closeItem: async (event) => {
    const form = await event.request.formData();
    const itemId = Number(form.get('itemId'));
    const key = `item-${itemId}`;
    if (!Number.isInteger(itemId) || itemId <= 0) return fail(400, { form: key, error: '整改事项无效，请刷新后重试' });
    const files = form.getAll('file').filter((f): f is File => f instanceof File && f.size > 0);
    if (files.reduce((n, f) => n + f.size, 0) > MAX_EVIDENCE_BYTES)
      return fail(400, { form: key, error: '佐证文件合计超过 10 MB，请压缩后上传' });
    const result = await forwardClosure(event, itemId, text(form, 'evidence'), files);
    if (!result.ok)
      return fail(result.status === 403 ? 403 : 400, { form: key, error: result.error ?? '销号失败，请稍后再试' });
    return { form: key, done: files.length ? `已销号，佐证文件 ${files.length} 个已保存` : '已销号' };
  },
  correct: async (event) => {
    const form = await event.request.formData();
    const target = text(form, 'target') === 'visit' ? ('visit' as const) : ('item' as const);
    const id = Number(form.get('id'));
    const key = `${target}-${id}`;
    if (!Number.isInteger(id) || id <= 0) return fail(400, { form: key, error: '记录无效，请刷新后重试' });
    const fields = target === 'visit' ? ['visitedOn', 'visitors', 'findings'] : ['description', 'owner', 'dueOn'];
    const changes = Object.fromEntries(fields.map((f) => [f, text(form, f)]).filter(([, v]) => v !== ''));
    const result = await act(
      event,
      apiFor(event).supervision.correct.mutate({ target, id, reason: text(form, 'reason'), changes }),
    );
    if (!result.ok) return fail(result.failure.status, { form: key, error: result.failure.data.error });
    return { form: key, done: '已更正，原记录保留在更正记录中' };
  },
  void: async (event) => {
    const form = await event.request.formData();
    const target = text(form, 'target') === 'visit' ? ('visit' as const) : ('item' as const);
    const id = Number(form.get('id'));
    const key = `${target}-${id}`;
    if (!Number.isInteger(id) || id <= 0) return fail(400, { form: key, error: '记录无效，请刷新后重试' });
    const result = await act(
      event,
      apiFor(event).supervision.void.mutate({ target, id, reason: text(form, 'reason') }),
    );
    if (!result.ok) return fail(result.failure.status, { form: key, error: result.failure.data.error });
    return { form: key, done: '已作废，记录保留并标注作废原因' };
  },
};
