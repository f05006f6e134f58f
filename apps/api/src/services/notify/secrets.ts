import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '../errors';

/**
 * Channel secrets (robot webhooks and signing secrets, SMTP passwords, SMS keys) are AES-256-GCM ciphertext at rest,
 * under a key that lives only in the environment (DUDAO_SECRET_KEY: 32 bytes as 64 hex digits or base64).
 */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const raw = env.DUDAO_SECRET_KEY?.trim();
  if (!raw) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new DomainError('bad_request', '环境变量 DUDAO_SECRET_KEY 应为 32 字节密钥（64 位十六进制或 base64）');
  return key;
}

function requireKey(): Buffer {
  const key = secretKey();
  if (!key)
    throw new DomainError(
      'bad_request',
      '未设置环境变量 DUDAO_SECRET_KEY，不能保存渠道密钥（如 openssl rand -hex 32 生成后设置再重启）',
    );
  return key;
}

/** `v1:` iv, tag and ciphertext in base64: a new nonce for every value. */
export function encryptSecret(plain: string): string {
  const key = requireKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function decryptSecret(stored: string): string {
  const key = requireKey();
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('渠道密钥的密文格式无法识别');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('渠道密钥无法解密：DUDAO_SECRET_KEY 与保存时的不同');
  }
}
