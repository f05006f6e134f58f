import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  // The robots' and the gateway's JSON, read field by field by each test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  at: number;
  /** The receiver's own verdict on the request (a robot checks its signature). */
  verdict: string;
  /** Whether the receiver took the message: answered it as delivered (200 and a good verdict); a hang never does. */
  accepted: boolean;
}

/**
 * One local HTTP server playing the DingTalk robot (`/dingtalk`, checks timestamp and sign against `dingSecret`),
 * the WeCom robot (`/wecom`, checks `key`) and an SMS gateway (`/sms`, checks the bearer key), as documented.
 * `script` answers a path's nth request with another status (500 three times, or never, to play a hang).
 */
export async function robotServer(opts: { dingSecret: string; wecomKey: string; smsKey: string }) {
  const received: Received[] = [];
  const statusScript = new Map<string, (n: number) => number | 'hang'>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname.replace(/^\//, '');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {}
      let verdict = 'ok';
      if (path === 'dingtalk') {
        const ts = url.searchParams.get('timestamp') ?? '';
        const expected = createHmac('sha256', opts.dingSecret).update(`${ts}\n${opts.dingSecret}`).digest('base64');
        // URLSearchParams has already URL-decoded the sign once, as DingTalk's server does.
        if (url.searchParams.get('sign') !== expected) verdict = 'bad sign';
        else if (Math.abs(Date.now() - Number(ts)) > 3_600_000) verdict = 'stale timestamp';
        else if (url.searchParams.get('access_token') !== 'TOKEN') verdict = 'bad token';
      }
      if (path === 'wecom' && url.searchParams.get('key') !== opts.wecomKey) verdict = 'bad key';
      if (path === 'sms' && req.headers.authorization !== `Bearer ${opts.smsKey}`) verdict = 'bad key';
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const scripted = statusScript.get(path)?.(n);
      const accepted = scripted !== 'hang' && (!scripted || scripted === 200) && verdict === 'ok';
      received.push({ path, query: url.searchParams, headers: req.headers, body, at: Date.now(), verdict, accepted });
      if (scripted === 'hang') return; // never answers: the sender is left waiting
      if (scripted && scripted !== 200) {
        res.writeHead(scripted, { 'content-type': 'application/json' }).end('{"errcode":-1,"errmsg":"系统繁忙"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (verdict !== 'ok') res.end(JSON.stringify({ errcode: 310000, errmsg: verdict }));
      else res.end(path === 'sms' ? '{"code":"OK"}' : '{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    script(path: string, fn: (n: number) => number | 'hang') {
      statusScript.set(path, fn);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** An SMTP server on loopback that keeps every message, parsed with mailparser. */
export async function smtpReceiver() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'bureau' && auth.password === 'smtp-pass') cb(null, { user: 'bureau' });
      else cb(new Error('535 认证失败'));
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}
