import { redirect } from '@sveltejs/kit';
import { act, apiFor, ask } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/form-text';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, '/login');
  const api = apiFor(event);
  const [kinds, channels] = await Promise.all([
    ask(event, api.notify.kinds.query()),
    ask(event, api.notify.channels.query({})),
  ]);
  // Units by name, not code: a channel is set for a unit an admin knows by its name.
  const codes = [...new Set(channels.map((c) => c.unitCode))];
  const units = await Promise.all(codes.map((code) => ask(event, api.units.get.query({ code }))));
  const unitNames = Object.fromEntries(units.map((u) => [u.code, u.name]));
  return { kinds, channels, unitNames };
};

type Kind = 'dingtalk' | 'wecom' | 'email' | 'sms';
const text = (form: FormData, name: string) => formText(form, name).trim();

/** The form's fields as the API takes them; a blank secret keeps the one stored. */
function channelOf(form: FormData) {
  const kind = text(form, 'kind') as Kind;
  const config: Record<string, unknown> = {};
  if (kind === 'dingtalk' && text(form, 'msgtype')) config.msgtype = text(form, 'msgtype');
  if (kind === 'email') {
    config.host = text(form, 'host');
    if (text(form, 'port')) config.port = Number(text(form, 'port'));
    config.secure = form.get('secure') === 'on';
    if (text(form, 'user')) config.user = text(form, 'user');
    config.from = text(form, 'from');
  }
  if (kind === 'sms') {
    config.gateway = text(form, 'gateway');
    if (text(form, 'signName')) config.signName = text(form, 'signName');
    if (text(form, 'perPhonePerHour')) config.perPhonePerHour = Number(text(form, 'perPhonePerHour'));
    const templates: Record<string, string> = {};
    for (const line of text(form, 'templates').split(/\n/)) {
      const [group, id] = line.split(/[=＝:：]/).map((s) => s.trim());
      if (group && id) templates[group] = id;
    }
    config.templates = templates;
  }
  const secrets: Record<string, string> = {};
  for (const field of ['webhook', 'signSecret', 'password', 'apiKey'])
    if (text(form, field)) secrets[field] = text(form, field);
  return { unit: text(form, 'unit'), kind, config, secrets, enabled: form.get('enabled') !== 'off' };
}

export const actions: Actions = {
  save: async (event) => {
    const result = await act(event, apiFor(event).notify.saveChannel.mutate(channelOf(await event.request.formData())));
    if (!result.ok) return result.failure;
    return { saved: `${result.value.unitCode} ${result.value.kindName}` };
  },
  test: async (event) => {
    const form = await event.request.formData();
    const result = await act(
      event,
      apiFor(event).notify.testChannel.mutate({
        unit: text(form, 'unit'),
        kind: text(form, 'kind') as Kind,
        to: text(form, 'to') || undefined,
      }),
    );
    if (!result.ok) return result.failure;
    return { tested: result.value };
  },
};
