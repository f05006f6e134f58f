import { parse } from 'yaml';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { saveChannel, type ChannelInput, type ChannelView } from './config';

/**
 * A deployment's channels as a file (YAML or JSON): `channels: [{ unit, kind, config, secrets, enabled }]`.
 * A secret may be written `{ env: NAME }` so the file itself carries no secret.
 */
export async function applyChannelsFile(ctx: Ctx<'actor'>, text: string): Promise<ChannelView[]> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new DomainError('bad_request', `渠道文件无法解析：${(e as Error).message}`);
  }
  const list = (doc as { channels?: unknown })?.channels;
  if (!Array.isArray(list)) throw new DomainError('bad_request', '渠道文件应有 channels 列表');
  const saved: ChannelView[] = [];
  for (const [i, raw] of list.entries()) {
    const entry = raw as ChannelInput & { secrets?: Record<string, unknown> };
    const secrets: Record<string, string> = {};
    for (const [field, value] of Object.entries(entry.secrets ?? {})) {
      const name = (value as { env?: unknown } | null)?.env;
      if (typeof name === 'string') {
        const fromEnv = process.env[name];
        if (!fromEnv)
          throw new DomainError('bad_request', `channels 第 ${i + 1} 项：环境变量 ${name}（secrets.${field}）未设置`);
        secrets[field] = fromEnv;
      } else if (typeof value === 'string') secrets[field] = value;
    }
    try {
      saved.push(await saveChannel(ctx, { ...entry, unit: String(entry.unit ?? ''), secrets }));
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError(e.kind, `channels 第 ${i + 1} 项：${e.message}`);
      throw e;
    }
  }
  return saved;
}
