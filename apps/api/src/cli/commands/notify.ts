import { readFileSync } from 'node:fs';
import { channelKinds, outboxStates, type ChannelKind, type OutboxState } from '@dudao/schema/tables';
import { openDb } from '../../db/client';
import { databasePath } from '../../db/paths';
import { systemActor } from '../../services/actor';
import { applyChannelsFile } from '../../services/notify/channels-file';
import { listChannels } from '../../services/notify/config';
import { listOutbox, resendMessage } from '../../services/notify/outbox-admin';
import { sendTestMessage } from '../../services/notify/test-send';
import { parse, str, UsageError } from '../args';
import { fromUser } from '../user-path';

const usage =
  '用法：notify channels [--file FILE.yaml] | notify test --channel dingtalk|wecom|email|sms --unit CODE [--to 地址] | notify outbox [--state dead] | notify resend ID';

/** `notify …`: channels from a file, a test message, the outbox and resending a dead message. */
export async function notifyCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parse(argv, {
    db: { type: 'string' },
    file: { type: 'string' },
    channel: { type: 'string' },
    unit: { type: 'string' },
    to: { type: 'string' },
    state: { type: 'string' },
  });
  const [verb, arg] = positionals;
  const opened = await openDb(databasePath(str(flags, 'db')));
  const ctx = { db: opened.db, actor: systemActor };
  try {
    if (verb === 'channels') {
      const file = str(flags, 'file');
      if (file) {
        const saved = await applyChannelsFile(ctx, readFileSync(fromUser(file), 'utf8'));
        console.log(`已设置 ${saved.length} 个渠道`);
      }
      for (const c of await listChannels(ctx))
        console.log(
          `${c.unitCode}  ${c.kindName}  ${c.enabled ? '启用' : '停用'}  ${JSON.stringify(c.config)}  ${c.secrets.map((s) => `${s.name}：${s.set ? '已设置' : '未设置'}`).join('，')}`,
        );
      return 0;
    }
    if (verb === 'test') {
      const kind = str(flags, 'channel');
      const unit = str(flags, 'unit') ?? '34';
      if (!kind || !channelKinds.includes(kind as ChannelKind)) throw new UsageError(usage);
      console.log(await sendTestMessage(ctx, unit, kind as ChannelKind, str(flags, 'to')));
      return 0;
    }
    if (verb === 'outbox') {
      const state = (str(flags, 'state') ?? 'dead') as OutboxState;
      if (!outboxStates.includes(state)) throw new UsageError(`状态只能是 ${outboxStates.join('、')}`);
      for (const m of await listOutbox(ctx, state))
        console.log(`#${m.id}  ${m.channel}  ${m.to}  ${m.subject}  尝试 ${m.attempts} 次  ${m.lastError ?? ''}`);
      return 0;
    }
    if (verb === 'resend' && arg && /^\d+$/.test(arg)) {
      await resendMessage(ctx, Number(arg));
      console.log(`消息 ${arg} 已重新排队发送`);
      return 0;
    }
    throw new UsageError(usage);
  } finally {
    await opened.close();
  }
}
