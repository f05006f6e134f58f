import { robotAnswer } from './dingtalk';
import { DeliveryError, postJson, type Channel, type OutgoingMessage, type ResolvedChannel } from './types';

// WeCom's robot takes markdown content of at most 4096 bytes.
const MAX_BYTES = 4096;

export function wecomBody(message: OutgoingMessage): unknown {
  let content = `### ${message.subject}\n${message.body}${message.link ? `\n[在督导台查看](${message.link})` : ''}`;
  while (Buffer.byteLength(content, 'utf8') > MAX_BYTES) content = `${content.slice(0, content.length - 50)}…`;
  return { msgtype: 'markdown', markdown: { content } };
}

export const wecom: Channel = {
  kind: 'wecom',
  secretFields: { webhook: 'Webhook 地址（含 key）' },
  async send(channel: ResolvedChannel, message: OutgoingMessage) {
    const webhook = channel.secrets.webhook;
    if (!webhook) throw new DeliveryError('企业微信机器人未设置 Webhook 地址', false);
    const answer = await postJson(webhook, wecomBody(message), { 'x-dudao-message-id': String(message.id) });
    robotAnswer(answer, '企业微信机器人');
  },
};
