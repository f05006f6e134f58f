import type { ChannelKind } from '@dudao/schema/tables';
import { dingtalk } from './dingtalk';
import { email } from './email';
import { sms } from './sms';
import type { Channel } from './types';
import { wecom } from './wecom';

export const channels: Record<ChannelKind, Channel> = { dingtalk, wecom, email, sms };

export const channelNames: Record<ChannelKind, string> = {
  dingtalk: '钉钉群机器人',
  wecom: '企业微信群机器人',
  email: '电子邮件',
  sms: '短信',
};

/** Group robots post to a unit's group; e-mail and SMS go to one person's address. */
export const isRobot = (kind: ChannelKind) => kind === 'dingtalk' || kind === 'wecom';

export type { Channel, OutgoingMessage, ResolvedChannel } from './types';
export { DeliveryError } from './types';
