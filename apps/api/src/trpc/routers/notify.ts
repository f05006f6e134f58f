import { z } from 'zod';
import { channelKinds, outboxStates } from '@dudao/schema/tables';
import { recordId } from '@dudao/schema/inputs';
import { channelNames } from '../../services/notify/channels';
import { channelInput, listChannels, saveChannel } from '../../services/notify/config';
import { noticeGroups } from '../../services/notify/kinds';
import { listOutbox, outboxCounts, resendMessage } from '../../services/notify/outbox-admin';
import { myPrefs, prefsInput, savePrefs } from '../../services/notify/prefs';
import { sendTestMessage } from '../../services/notify/test-send';
import { guarded, router } from '../init';

export const notifyRouter = router({
  /** The kinds of notice and of channel, named in Chinese, for the settings pages. */
  kinds: guarded('notify.kinds').query(() => ({
    groups: Object.entries(noticeGroups).map(([code, name]) => ({ code, name })),
    channels: channelKinds.map((code) => ({ code, name: channelNames[code] })),
  })),
  channels: guarded('notify.channels')
    .input(z.object({ unit: z.string().max(12).optional() }))
    .query(({ ctx, input }) => listChannels(ctx.service, input.unit ? [input.unit] : undefined)),
  saveChannel: guarded('notify.saveChannel')
    .input(channelInput)
    .mutation(({ ctx, input }) => saveChannel(ctx.service, input)),
  testChannel: guarded('notify.testChannel')
    .input(z.object({ unit: z.string().max(12), kind: z.enum(channelKinds), to: z.string().max(200).optional() }))
    .mutation(({ ctx, input }) => sendTestMessage(ctx.service, input.unit, input.kind, input.to)),
  myPrefs: guarded('notify.myPrefs').query(({ ctx }) => myPrefs(ctx.service)),
  savePrefs: guarded('notify.savePrefs')
    .input(prefsInput)
    .mutation(({ ctx, input }) => savePrefs(ctx.service, input)),
  outbox: guarded('notify.outbox')
    .input(z.object({ state: z.enum(outboxStates).default('dead') }))
    .query(async ({ ctx, input }) => ({
      counts: await outboxCounts(ctx.service),
      messages: await listOutbox(ctx.service, input.state),
    })),
  resend: guarded('notify.resend')
    .input(z.object({ id: recordId }))
    .mutation(async ({ ctx, input }) => {
      await resendMessage(ctx.service, input.id);
      return { ok: true };
    }),
});
