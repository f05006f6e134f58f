import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshServer, PASSWORD, sessionOf } from './support/http';

let server: Awaited<ReturnType<typeof freshServer>>;
let clerk: string;

beforeAll(async () => {
  server = await freshServer();
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
});
afterAll(() => server.close());

describe('security headers and request ids', () => {
  test('every API answer forbids framing, sniffing, referrers and caching, and carries a CSP', async () => {
    const answers = [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/auth/me`, { headers: { cookie: clerk } }),
      await fetch(`${server.url}/trpc/todo.mine?input=${encodeURIComponent(JSON.stringify({ asOf: '2021-09-01' }))}`, {
        headers: { cookie: clerk },
      }),
      await fetch(`${server.url}/files/values.csv?unit=340321`, { headers: { cookie: clerk } }),
      await fetch(`${server.url}/no-such-route`),
    ];
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  test('the session cookie is Secure when the browser came over HTTPS through the proxy', async () => {
    const res = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'bengbu', password: PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  test('request ids are the server’s: a client’s x-request-id is never echoed', async () => {
    const res = await fetch(`${server.url}/auth/me`, { headers: { cookie: clerk, 'x-request-id': 'forged-id-1' } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id).not.toBe('forged-id-1');
  });
});

describe('the start script keeps the API running', () => {
  test('a crashed child is restarted and the log says so', async () => {
    const supervise = new URL('../../../scripts/supervise.mjs', import.meta.url).href;
    const script = `
      import { spawn } from 'node:child_process';
      import { superviseChild } from ${JSON.stringify(supervise)};
      const state = { stopping: false };
      superviseChild('API', () => spawn(process.execPath, ['-e', 'console.log("started"); process.exit(3)'], { stdio: 'inherit' }), { children: new Map(), state });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let log = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        log += chunk.toString('utf8');
        if ((log.match(/started/g) ?? []).length >= 2) resolve();
      });
    });
    child.kill('SIGTERM');
    expect(log).toMatch(/API 意外退出（退出码 3），1 秒后自动重启（第 1 次）/);
    expect(log).toContain('API 正在重启');
  });
});
