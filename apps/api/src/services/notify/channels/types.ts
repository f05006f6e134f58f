import type { ChannelKind } from '@dudao/schema/tables';

/** One message as a channel sends it: already rendered, in Chinese. */
export interface OutgoingMessage {
  /** The outbox row id: the idempotency key a receiver can dedupe on (header, e-mail Message-ID). */
  id: number;
  kind: string;
  subject: string;
  /** Markdown (robots) that also reads as plain text (e-mail, SMS fallback). */
  body: string;
  link: string | null;
  /** E-mail address or phone number; null for a group robot. */
  address: string | null;
  sms?: { group: string; params: Record<string, string> };
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
}

/** A unit's channel with its secrets decrypted, for the moment of sending only. */
export interface ResolvedChannel {
  id: number;
  kind: ChannelKind;
  unitCode: string;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** A receiver's refusal: `retryable` false means another try cannot help (a bad address, a rejected signature). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}

export interface Channel {
  kind: ChannelKind;
  /** Chinese names of the secret fields, for the settings page (shown only as 已设置 / 未设置). */
  secretFields: Record<string, string>;
  send(channel: ResolvedChannel, message: OutgoingMessage): Promise<void>;
}

export const SEND_TIMEOUT_MS = 15_000;

/** POSTs JSON and reads a JSON answer; a non-2xx status or a network error is retryable. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (e) {
    throw new DeliveryError(`无法连接接收方：${(e as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok)
    throw new DeliveryError(
      `接收方答复 HTTP ${res.status}：${text.slice(0, 300)}`,
      res.status >= 500 || res.status === 429,
    );
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { raw: text };
  }
}
