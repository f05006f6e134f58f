import type { ChannelKind } from '@dudao/schema/tables';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { channelNames, channels, isRobot } from './channels';
import { listChannels, resolveChannel } from './config';
import { publicUrl } from './kinds';

/** Sends one test message through a unit's channel now, bypassing the outbox; the receiver's refusal is thrown. */
export async function sendTestMessage(ctx: Ctx, unit: string, kind: ChannelKind, to?: string): Promise<string> {
  const found = (await listChannels(ctx, [unit])).find((c) => c.kind === kind);
  if (!found) throw new DomainError('not_found', `单位 ${unit} 没有设置${channelNames[kind] ?? kind}`);
  const channel = await resolveChannel(ctx, found.id);
  if (!channel) throw new DomainError('conflict', `单位 ${unit} 的${channelNames[kind]}已停用`);
  if (!isRobot(kind) && !to) throw new DomainError('bad_request', `测试${channelNames[kind]}须指定收件地址（--to）`);
  await channels[kind].send(channel, {
    id: 0,
    kind: 'test',
    subject: '督导台通知渠道测试',
    body: `这是一条测试消息：${channelNames[kind]}已接通。`,
    link: publicUrl('/'),
    address: to ?? null,
    sms: { group: 'test', params: { title: '督导台通知渠道测试' } },
  });
  return `已通过${channelNames[kind]}发送测试消息${to ? `至 ${to}` : ''}`;
}
