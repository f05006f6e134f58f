import { createHmac } from 'node:crypto';
import { DeliveryError, postJson, type Channel, type OutgoingMessage, type ResolvedChannel } from './types';

/** DingTalk's 加签: base64 HMAC-SHA256 of `timestamp\nsecret` keyed by the secret, URL-encoded. */
export function dingtalkSign(timestamp: number, secret: string): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64'));
}

export function dingtalkUrl(webhook: string, signSecret: string | undefined, now = Date.now()): string {
  if (!signSecret) return webhook;
  return `${webhook}${webhook.includes('?') ? '&' : '?'}timestamp=${now}&sign=${dingtalkSign(now, signSecret)}`;
}

type MsgType = 'text' | 'markdown' | 'actionCard';

export function dingtalkBody(message: OutgoingMessage, msgtype: MsgType): unknown {
  const text = `### ${message.subject}\n\n${message.body}`;
  if (msgtype === 'text')
    return {
      msgtype,
      text: { content: `${message.subject}\n${message.body}${message.link ? `\n${message.link}` : ''}` },
    };
  if (msgtype === 'actionCard' && message.link)
    return {
      msgtype,
      actionCard: { title: message.subject, text, singleTitle: '在督导台查看', singleURL: message.link },
    };
  return {
    msgtype: 'markdown',
    markdown: { title: message.subject, text: message.link ? `${text}\n\n[在督导台查看](${message.link})` : text },
  };
}

/** The group robot's documented answer: HTTP 200 with `errcode` 0; any other errcode is the robot refusing. */
export function robotAnswer(answer: unknown, who: string): void {
  const errcode = (answer as { errcode?: unknown }).errcode;
  if (errcode === undefined || errcode === 0) return;
  const raw = (answer as { errmsg?: unknown }).errmsg;
  const errmsg = typeof raw === 'string' ? raw : '';
  // 130101: sent too often (20 a minute); the rest (bad token, bad sign, keyword) need an admin, not a retry.
  throw new DeliveryError(
    `${who}返回错误 ${JSON.stringify(errcode)}：${errmsg}`,
    errcode === 130101 || errcode === 45009,
  );
}

export const dingtalk: Channel = {
  kind: 'dingtalk',
  secretFields: { webhook: 'Webhook 地址（含 access_token）', signSecret: '加签密钥（SEC 开头）' },
  async send(channel: ResolvedChannel, message: OutgoingMessage) {
    const webhook = channel.secrets.webhook;
    if (!webhook) throw new DeliveryError('钉钉机器人未设置 Webhook 地址', false);
    const msgtype = (channel.config.msgtype as MsgType | undefined) ?? 'markdown';
    const answer = await postJson(dingtalkUrl(webhook, channel.secrets.signSecret), dingtalkBody(message, msgtype), {
      'x-dudao-message-id': String(message.id),
    });
    robotAnswer(answer, '钉钉机器人');
  },
};
