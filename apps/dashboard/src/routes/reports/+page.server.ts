import { error, fail } from '@sveltejs/kit';
import { isIsoDate } from '$lib/as-of';
import type { DocumentKind } from '$lib/api-types';
import { dateText, instantText } from '@dudao/metrics';
import { provinceBureau } from '@dudao/schema/campaign';
import { act, apiFor, ask } from '$lib/server/api';
import { campaignFor } from '$lib/server/campaign';
import { documentKindLabels } from '$lib/summary-status';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

export const load: PageServerLoad = async (event) => {
  const { user, asOf } = await event.parent();
  if (!user || !asOf) error(401, '请先登录');
  if (user.role === 'county_clerk') error(403, '县级用户不生成行动总结，请向市民政局查询');
  const api = apiFor(event);
  const previewId = Number(event.url.searchParams.get('preview'));
  // A city officer sets its own city; province users pick the province or a city.
  const asked = event.url.searchParams.get('settingsUnit') ?? '';
  const settingsUnit =
    user.role !== 'city_officer' && /^\d{2}(\d{2})?$/.test(asked) && asked.startsWith(user.scopeCode)
      ? asked
      : user.scopeCode;
  const [documents, status, preview, urges, settings] = await Promise.all([
    ask(event, api.documents.list.query({ asOf })),
    ask(event, api.summaries.status.query({ asOf })),
    Number.isInteger(previewId) && previewId > 0 ? ask(event, api.documents.preview.query({ id: previewId })) : null,
    ask(event, api.urge.counts.query({ asOf })),
    ask(event, api.documentSettings.get.query({ unit: settingsUnit })),
  ]);
  const summaryUrges = Object.fromEntries(urges.filter((u) => u.kind === 'summary').map((u) => [u.unit, u.count]));
  return { documents, status, preview, summaryUrges, settings, settingsUnit };
};

const kinds = Object.keys(documentKindLabels) as DocumentKind[];
const cityOfficerKinds: DocumentKind[] = ['city', 'annex'];

/** The unit a document of `kind` is about: a city officer's own city, else the province or the chosen unit. */
function unitFor(kind: DocumentKind, chosen: string, user: { role: string; scopeCode: string }): string | null {
  if (user.role === 'city_officer') return user.scopeCode;
  if (kind === 'province' || kind === 'notice') return user.scopeCode;
  if (kind === 'city') return /^\d{4}$/.test(chosen) ? chosen : null;
  return /^\d{2}(\d{2})?$/.test(chosen) ? chosen : null;
}

export const actions: Actions = {
  generate: async (event) => {
    const user = event.locals.user;
    if (!user) error(401, '请先登录');
    const form = await event.request.formData();
    const kind = formText(form, 'kind') as DocumentKind;
    const asOf = formText(form, 'asOf');
    if (!kinds.includes(kind) || (user.role === 'city_officer' && !cityOfficerKinds.includes(kind)))
      return fail(400, { form: 'generate', error: '请选择报告类型' });
    if (!isIsoDate(asOf)) return fail(400, { form: 'generate', error: '数据截至日期无效，请刷新页面后重试' });
    const unit = unitFor(kind, formText(form, 'unit'), user);
    if (!unit) return fail(400, { form: 'generate', error: '请选择生成市级行动总结的市' });
    const result = await act(event, apiFor(event).documents.generate.mutate({ kind, unit, asOf }));
    if (!result.ok) return fail(result.failure.status, { form: 'generate', error: result.failure.data.error });
    const { id, version, fileName } = result.value;
    return {
      form: 'generate',
      done: `已生成《${fileName}》第 ${version} 版（${documentKindLabels[kind]}，数据截至${dateText(asOf)}）`,
      id,
    };
  },
  settings: async (event) => {
    const form = await event.request.formData();
    const unit = formText(form, 'unit');
    const text = (name: string) => (form.has(name) ? formText(form, name) : null);
    const result = await act(
      event,
      apiFor(event).documentSettings.save.mutate({
        unit,
        docNumber: text('docNumber'),
        signer: text('signer'),
        contactName: text('contactName'),
        contactPhone: text('contactPhone'),
        copyTo: text('copyTo'),
        recipient: text('recipient'),
      }),
    );
    if (!result.ok) return fail(result.failure.status, { form: 'settings', error: result.failure.data.error });
    return { form: 'settings', done: '公文设置已保存，之后生成的公文使用新设置' };
  },
  submit: async (event) => {
    const form = await event.request.formData();
    const id = Number(form.get('id'));
    if (!Number.isInteger(id) || id <= 0) return fail(400, { form: 'submit', error: '报告无效，请刷新页面后重试' });
    const result = await act(event, apiFor(event).summaries.submit.mutate({ id }));
    if (!result.ok) return fail(result.failure.status, { form: 'submit', error: result.failure.data.error });
    const bureau = provinceBureau(await campaignFor(event));
    return { form: 'submit', done: `已报送${bureau}（报送时间 ${instantText(result.value.submittedAt)}）`, id };
  },
};
