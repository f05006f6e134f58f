import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { notifyChannels, outbox, outboxAttempts, urges } from '@dudao/schema/tables';
import type { Opened } from '../src/db/client';
import { systemActor, type Actor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { serviceContext, withTransaction, type ServiceContext } from '../src/services/context';
import { DomainError } from '../src/services/errors';
import { listChannels, saveChannel } from '../src/services/notify/config';
import { listOutbox, resendMessage } from '../src/services/notify/outbox-admin';
import { savePrefs } from '../src/services/notify/prefs';
import { storeDocument } from '../src/services/documents/stored';
import { sendUrge } from '../src/services/urge/send';
import { createUser } from '../src/services/users/accounts';
import { freshDb } from './support/fresh-db';
import { drain, TEST_SECRET_KEY, testWorker } from './support/notify';
import { robotServer, smtpReceiver } from './support/receivers';

// Every channel against a real receiver on loopback: an SMTP server (mail parsed with mailparser), and one HTTP
// server playing the DingTalk and WeCom group robots and an SMS gateway, checking signatures and JSON as documented.

process.env.DUDAO_SECRET_KEY = TEST_SECRET_KEY;
const DING_SECRET = 'SEC0123456789abcdef';
let opened: Opened;
let admin: ServiceContext;
let officer: ServiceContext;
let clerk: ServiceContext;
let robots: Awaited<ReturnType<typeof robotServer>>;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;

const actorOf = (u: { id: number; displayName: string; role: Actor['role']; scopeCode: string }): Actor => ({
  id: u.id,
  label: u.displayName,
  role: u.role,
  scopeCode: u.scopeCode,
});

beforeAll(async () => {
  robots = await robotServer({ dingSecret: DING_SECRET, wecomKey: 'WECOM-KEY', smsKey: 'SMS-KEY' });
  smtp = await smtpReceiver();
  opened = await freshDb();
  const campaign = builtinCampaign('anhui-2021');
  admin = serviceContext(opened.db, campaign, systemActor);
  await setClock(admin, { at: '2021-08-09T02:00:00.000Z', mode: 'frozen' });
  const at = '2021-07-01T00:00:00.000Z';
  const password = 'correct-horse-2021';
  const o = await createUser(
    admin,
    { username: 'bengbu', displayName: '蚌埠市民政局', role: 'city_officer', scopeCode: '3403', password },
    at,
  );
  const c = await createUser(
    admin,
    { username: 'huaiyuan', displayName: '怀远县民政局', role: 'county_clerk', scopeCode: '340321', password },
    at,
  );
  officer = serviceContext(opened.db, campaign, actorOf(o));
  clerk = serviceContext(opened.db, campaign, actorOf(c));
  await saveChannel(admin, {
    unit: '3403',
    kind: 'dingtalk',
    config: { msgtype: 'markdown' },
    secrets: { webhook: `${robots.base}/dingtalk?access_token=TOKEN`, signSecret: DING_SECRET },
  });
  await saveChannel(admin, {
    unit: '340321',
    kind: 'wecom',
    secrets: { webhook: `${robots.base}/wecom?key=WECOM-KEY` },
  });
  await saveChannel(admin, {
    unit: '34',
    kind: 'email',
    config: {
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'bureau',
      from: '安徽省民政厅 <dudao@mz.ah.gov.cn>',
    },
    secrets: { password: 'smtp-pass' },
  });
  await saveChannel(admin, {
    unit: '34',
    kind: 'sms',
    config: {
      gateway: `${robots.base}/sms`,
      signName: '安徽民政',
      templates: { urge: 'SMS_URGE_01', default: 'SMS_000' },
      perPhonePerHour: 2,
    },
    secrets: { apiKey: 'SMS-KEY' },
  });
  await savePrefs(clerk, {
    email: 'clerk@huaiyuan.gov.cn',
    phone: '13800001111',
    choices: { urge: ['wecom', 'email', 'sms'] },
  });
  await savePrefs(officer, {
    email: 'officer@bengbu.gov.cn',
    phone: null,
    choices: { document: ['email', 'dingtalk'] },
  });
});

afterAll(async () => {
  await opened?.close();
  await robots?.close();
  await smtp?.close();
});

describe('channel settings', () => {
  test('secrets are stored encrypted and shown only as set', async () => {
    const shown = await listChannels(admin);
    const ding = shown.find((c) => c.kind === 'dingtalk')!;
    expect(ding.secrets).toEqual([
      { field: 'webhook', name: 'Webhook 地址（含 access_token）', set: true },
      { field: 'signSecret', name: '加签密钥（SEC 开头）', set: true },
    ]);
    expect(JSON.stringify(shown)).not.toContain(DING_SECRET);
    expect(JSON.stringify(shown)).not.toContain('smtp-pass');
    const rows = await opened.db.select().from(notifyChannels).all();
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.secret).toMatch(/^v1:/);
      expect(`${r.secret}${r.config}`).not.toContain('SEC0123');
      expect(`${r.secret}${r.config}`).not.toContain('smtp-pass');
      expect(`${r.secret}${r.config}`).not.toContain('TOKEN');
    }
  });

  test('without DUDAO_SECRET_KEY a secret is refused and nothing is written', async () => {
    delete process.env.DUDAO_SECRET_KEY;
    try {
      const error = await saveChannel(admin, {
        unit: '3412',
        kind: 'wecom',
        secrets: { webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' },
      }).catch((e) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toContain('DUDAO_SECRET_KEY');
      expect(await opened.db.select().from(notifyChannels).where(eq(notifyChannels.unitCode, '3412')).all()).toEqual(
        [],
      );
    } finally {
      process.env.DUDAO_SECRET_KEY = TEST_SECRET_KEY;
    }
  });

  test('bad settings get a 4xx naming the field', async () => {
    const error = await saveChannel(admin, { unit: '34', kind: 'sms', config: { gateway: 'ftp://x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('bad_request');
    expect((error as DomainError).message).toBe('短信：网关地址应为 http(s) 地址');
  });
});

describe('an urge leaves by the channels the clerk chose, in the urge’s own transaction', () => {
  test('a rolled-back urge leaves neither the urge nor a message', async () => {
    await withTransaction(officer, [], async (ctx) => {
      await sendUrge(ctx, { kind: 'report', unit: '340321', period: '2021-07' });
      throw new Error('rollback');
    }).catch(() => {});
    expect(await opened.db.select().from(urges).all()).toEqual([]);
    expect(await opened.db.select().from(outbox).all()).toEqual([]);
  });

  test('催报: WeCom group, e-mail and SMS each get it once', async () => {
    await sendUrge(officer, { kind: 'report', unit: '340321', period: '2021-07' });
    // The county robot (WeCom), the clerk's e-mail, the clerk's phone: three rows, written with the urge.
    expect((await opened.db.select().from(outbox).all()).map((r) => r.address).sort()).toEqual([
      '13800001111',
      'clerk@huaiyuan.gov.cn',
      null,
    ]);
    await drain(opened.db, testWorker());
    const wecom = robots.received.filter((r) => r.path === 'wecom');
    expect(wecom).toHaveLength(1);
    expect(wecom[0]!.verdict).toBe('ok');
    expect(wecom[0]!.body.msgtype).toBe('markdown');
    expect(wecom[0]!.body.markdown.content).toContain('催报：2021年7月月报');
    const sms = robots.received.filter((r) => r.path === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.verdict).toBe('ok');
    expect(sms[0]!.body).toMatchObject({
      phone: '13800001111',
      templateId: 'SMS_URGE_01',
      signName: '安徽民政',
      params: { period: '2021-07', unit: '340321' },
    });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('催报：2021年7月月报');
    expect((mail.to as { text: string }).text).toBe('clerk@huaiyuan.gov.cn');
    expect(mail.text).toContain('蚌埠市民政局催报，请尽快填报并报送2021年7月月报。');
    expect(mail.text).toContain('在督导台查看：http');
    expect(mail.messageId).toMatch(/^<dudao-outbox-\d+@127\.0\.0\.1>$/);
    const states = (await opened.db.select().from(outbox).all()).map((r) => r.state);
    expect(states).toEqual(['sent', 'sent', 'sent']);
  });

  test('SMS keeps to its limit per phone: a third message within the hour waits', async () => {
    await sendUrge(officer, { kind: 'roster', unit: '340321' });
    await sendUrge(officer, { kind: 'roster', unit: '340321' });
    const before = robots.received.filter((r) => r.path === 'sms').length;
    await drain(opened.db, testWorker());
    // The limit is 2 an hour and one went for the 催报 above: one more goes, the other waits.
    expect(robots.received.filter((r) => r.path === 'sms').length - before).toBe(1);
    const waiting = await opened.db.select().from(outbox).where(eq(outbox.state, 'pending')).all();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.address).toBe('13800001111');
    expect(waiting[0]!.lastError).toContain('一小时内已发 2 条');
    expect(Date.parse(waiting[0]!.nextAt) - Date.now()).toBeGreaterThan(50 * 60_000);
    await opened.db.update(outbox).set({ state: 'skipped' }).where(eq(outbox.id, waiting[0]!.id)).run();
  });
});

describe('documents go as attachments to the DingTalk group and by e-mail', () => {
  test('the city summary, once generated, reaches the officer with the file attached', async () => {
    const content = Buffer.from('PK\u0003\u0004 蚌埠市总结的字节');
    await storeDocument(
      officer,
      'city',
      '3403',
      '2021-08-09',
      { fileName: '蚌埠市行动总结.docx', content, previewHtml: null },
      '2021-08-09T02:00:00.000Z',
    );
    const mailsBefore = smtp.mails.length;
    const dingBefore = robots.received.filter((r) => r.path === 'dingtalk').length;
    await drain(opened.db, testWorker());
    const mail = smtp.mails.slice(mailsBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('市级行动总结已生成：蚌埠市行动总结.docx');
    expect(mail[0]!.attachments.map((a) => a.filename)).toEqual(['蚌埠市行动总结.docx']);
    expect(Buffer.compare(mail[0]!.attachments[0]!.content, content)).toBe(0);
    const ding = robots.received.filter((r) => r.path === 'dingtalk').slice(dingBefore);
    expect(ding).toHaveLength(1);
    // The signature the robot checks: base64 HMAC-SHA256 of `timestamp\nsecret`, computed here independently.
    const ts = ding[0]!.query.get('timestamp')!;
    expect(ding[0]!.query.get('sign')).toBe(
      createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64'),
    );
    expect(ding[0]!.verdict).toBe('ok');
    expect(ding[0]!.body.msgtype).toBe('markdown');
    expect(ding[0]!.body.markdown.title).toBe('市级行动总结已生成：蚌埠市行动总结.docx');
    expect(ding[0]!.body.markdown.text).toContain('[在督导台查看](http');
  });
});

describe('retries', () => {
  test('a receiver that answers 500 three times then 200 gets the message once, after backoff', async () => {
    const start = robots.received.length;
    const earlier = robots.received.filter((r) => r.path === 'wecom').length;
    robots.script('wecom', (n) => (n - earlier <= 3 ? 500 : 200));
    await sendUrge(officer, { kind: 'roster', unit: '340321' });
    const row = (await opened.db.select().from(outbox).where(eq(outbox.state, 'pending')).all()).find(
      (r) => r.address === null,
    )!;
    // Only the group robot is wanted here: the person-addressed copies are set aside.
    await opened.db.update(outbox).set({ state: 'skipped' }).where(eq(outbox.state, 'pending')).run();
    await opened.db.update(outbox).set({ state: 'pending' }).where(eq(outbox.id, row.id)).run();
    const opts = testWorker({ backoffMs: 150 });
    await drain(opened.db, opts);
    const hits = robots.received.slice(start).filter((r) => r.path === 'wecom');
    expect(hits).toHaveLength(4);
    expect(hits.filter((h) => h.verdict === 'ok').length).toBe(4);
    const done = (await opened.db.select().from(outbox).where(eq(outbox.id, row.id)).get())!;
    expect(done.state).toBe('sent');
    expect(done.attempts).toBe(4);
    const tries = await opened.db
      .select()
      .from(outboxAttempts)
      .where(eq(outboxAttempts.messageId, row.id))
      .orderBy(outboxAttempts.id)
      .all();
    expect(tries.map((t) => t.ok)).toEqual([false, false, false, true]);
    expect(tries[0]!.error).toContain('HTTP 500');
    // Each retry waited at least its backoff: 150, 300, 600 ms after the failure before it.
    for (let k = 1; k < 4; k++) expect(hits[k]!.at - hits[k - 1]!.at).toBeGreaterThanOrEqual(150 * 2 ** (k - 1));
  });

  test('after the last attempt a message is dead, shown with the receiver’s error, and can be resent', async () => {
    robots.script('wecom', () => 500);
    await sendUrge(officer, { kind: 'roster', unit: '340321' });
    await opened.db.update(outbox).set({ state: 'skipped' }).where(eq(outbox.state, 'pending')).run();
    // The newest robot message, by id: PostgreSQL returns an unordered scan in storage order, which updates reshuffle.
    const rows = await opened.db.select().from(outbox).orderBy(outbox.id).all();
    const [robotRow] = rows.filter((r) => r.address === null).slice(-1);
    await opened.db.update(outbox).set({ state: 'pending' }).where(eq(outbox.id, robotRow!.id)).run();
    await drain(opened.db, testWorker({ maxAttempts: 2, backoffMs: 20 }));
    const dead = await listOutbox(admin, 'dead');
    expect(dead.map((d) => d.id)).toEqual([robotRow!.id]);
    expect(dead[0]!.lastError).toContain('接收方答复 HTTP 500');
    expect(dead[0]!.tries).toHaveLength(2);
    expect(dead[0]!.channel).toBe('企业微信群机器人');
    robots.script('wecom', () => 200);
    await resendMessage(admin, robotRow!.id);
    await drain(opened.db, testWorker());
    expect((await opened.db.select().from(outbox).where(eq(outbox.id, robotRow!.id)).get())!.state).toBe('sent');
    expect(await listOutbox(admin, 'dead')).toEqual([]);
  });
});
