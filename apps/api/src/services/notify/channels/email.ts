import nodemailer from 'nodemailer';
import { DeliveryError, SEND_TIMEOUT_MS, type Channel, type OutgoingMessage, type ResolvedChannel } from './types';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function emailText(message: OutgoingMessage): string {
  return `${message.body}${message.link ? `\n\n在督导台查看：${message.link}` : ''}\n\n（本邮件由督导台自动发送，请勿直接回复。）`;
}

function emailHtml(message: OutgoingMessage): string {
  const paragraphs = message.body
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line.replace(/^[#>\-*\s]+/, ''))}</p>`)
    .join('');
  const link = message.link ? `<p><a href="${escapeHtml(message.link)}">在督导台查看</a></p>` : '';
  return `<div style="font-family:sans-serif"><h3>${escapeHtml(message.subject)}</h3>${paragraphs}${link}<p style="color:#888">本邮件由督导台自动发送，请勿直接回复。</p></div>`;
}

/** SMTP errors with a 5xx reply (a refused address) will not go better on retry; connection trouble and 4xx may. */
function refusal(e: unknown): DeliveryError {
  const err = e as { responseCode?: number; message?: string };
  const code = err.responseCode;
  return new DeliveryError(
    `邮件服务器拒绝：${code ? `${code} ` : ''}${err.message ?? String(e)}`,
    !(code && code >= 500),
  );
}

export const email: Channel = {
  kind: 'email',
  secretFields: { password: 'SMTP 密码或授权码' },
  async send(channel: ResolvedChannel, message: OutgoingMessage) {
    if (!message.address) throw new DeliveryError('收件人没有电子邮箱地址', false);
    const c = channel.config as { host?: string; port?: number; secure?: boolean; user?: string; from?: string };
    if (!c.host || !c.from) throw new DeliveryError('邮件渠道未设置 SMTP 服务器或发件人', false);
    const transport = nodemailer.createTransport({
      host: c.host,
      port: c.port ?? (c.secure ? 465 : 587),
      secure: c.secure ?? false,
      auth: c.user ? { user: c.user, pass: channel.secrets.password ?? '' } : undefined,
      connectionTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
      // A deployment's internal relay often has a self-signed certificate; loopback tests have none at all.
      tls: { rejectUnauthorized: c.host !== '127.0.0.1' && c.host !== 'localhost' },
    });
    try {
      await transport.sendMail({
        from: c.from,
        to: message.address,
        subject: message.subject,
        text: emailText(message),
        html: emailHtml(message),
        messageId: `<dudao-outbox-${message.id}@${c.host}>`,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
    } catch (e) {
      throw refusal(e);
    } finally {
      transport.close();
    }
  },
};
