import { DeliveryError, postJson, type Channel, type OutgoingMessage, type ResolvedChannel } from './types';

/**
 * A provider-neutral SMS gateway: Chinese providers send only approved templates, so the message goes as a template
 * id (chosen per kind of notice, `templates` in the channel's settings, `default` otherwise) with named parameters.
 * The gateway is one HTTP endpoint taking `{ phone, templateId, signName, params }`; an adapter in front of a
 * provider (阿里云, 腾讯云, a 政务 gateway) maps it to that provider's API.
 */
export interface SmsConfig {
  gateway?: string;
  signName?: string;
  templates?: Record<string, string>;
  perPhonePerHour?: number;
}

export const SMS_PER_PHONE_PER_HOUR = 5;

export function smsRequest(config: SmsConfig, message: OutgoingMessage) {
  const group = message.sms?.group ?? 'default';
  const templateId = config.templates?.[group] ?? config.templates?.default;
  if (!templateId) throw new DeliveryError(`短信渠道没有“${group}”类通知可用的模板编号`, false);
  return {
    phone: message.address,
    templateId,
    signName: config.signName ?? '督导台',
    params: message.sms?.params ?? { title: message.subject },
    outId: String(message.id),
  };
}

export const sms: Channel = {
  kind: 'sms',
  secretFields: { apiKey: '网关密钥' },
  async send(channel: ResolvedChannel, message: OutgoingMessage) {
    const config = channel.config as SmsConfig;
    if (!config.gateway) throw new DeliveryError('短信渠道未设置网关地址', false);
    if (!message.address || !/^1\d{10}$/.test(message.address)) throw new DeliveryError('收件人手机号无效', false);
    const answer = (await postJson(config.gateway, smsRequest(config, message), {
      authorization: `Bearer ${channel.secrets.apiKey ?? ''}`,
      'x-dudao-message-id': String(message.id),
    })) as { ok?: boolean; code?: unknown; message?: string };
    const code = answer.code;
    if (answer.ok === false || (code !== undefined && code !== 0 && code !== '0' && code !== 'OK'))
      throw new DeliveryError(`短信网关拒绝：${JSON.stringify(code ?? '')} ${answer.message ?? ''}`.trim());
  },
};
